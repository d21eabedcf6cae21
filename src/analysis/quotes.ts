import type { OfficialMention, QuoteMention, Span } from './types';

export function findQuotes(_text: string, _sentences: Span[], _officials: OfficialMention[]): QuoteMention[] {
  return [];
}
