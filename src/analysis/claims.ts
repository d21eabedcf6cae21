import type { ClaimMention, OfficialMention, QuoteMention, Span } from './types';

export function findClaims(
  _text: string,
  _sentences: Span[],
  _officials: OfficialMention[],
  _quotes: QuoteMention[],
): ClaimMention[] {
  return [];
}
