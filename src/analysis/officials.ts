import type { OfficialMention } from './types';

export function findOfficials(_text: string): OfficialMention[] {
  return [];
}
