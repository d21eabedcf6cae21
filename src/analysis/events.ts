import type { CorpusEvent, DateMention, EventMention, OfficialMention, Span } from './types';

export interface EventContext {
  sentences: Span[];
  officials: OfficialMention[];
  dates: DateMention[];
  documentDate: string | null;
}

export function findEvents(_text: string, _context: EventContext): EventMention[] {
  return [];
}

export function mergeEvents(_documents: Array<{ path: string; events: EventMention[] }>): CorpusEvent[] {
  return [];
}
