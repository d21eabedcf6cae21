import type { DateMention } from './types';

export function findDates(_text: string, _documentDate: string | null): DateMention[] {
  return [];
}
