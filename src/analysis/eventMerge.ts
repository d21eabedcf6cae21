// Merging event reports: the same meeting told by several sentences of one article, or by several
// articles, becomes one event. Shared by findEvents (within a document) and mergeEvents (corpus).
import { isCountryName } from './places';
import type { CorpusEvent, EventMention, EventSource, EventType } from './types';

/** Meetings and talks are the same kind of occasion; so are visits and trips; calls stand apart. */
export function typeFamily(type: EventType): 'meet' | 'travel' | 'call' {
  if (type === 'meeting' || type === 'talks') return 'meet';
  if (type === 'visit' || type === 'trip') return 'travel';
  return 'call';
}

/** Monday of ISO week `YYYY-Www` as a UTC timestamp, or NaN. */
function isoWeekStart(week: string): number {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return NaN;
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Day * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
}

/** True when two ISO values can denote the same day: equal, one unknown, or one a coarser period holding the other. */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  const [coarse, fine] = a.length <= b.length ? [a, b] : [b, a];
  if (coarse.includes('W') || fine.includes('W')) {
    const week = coarse.includes('W') ? coarse : fine;
    const other = week === coarse ? fine : coarse;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(other)) return other.length === 4 && week.startsWith(other);
    const start = isoWeekStart(week);
    const day = Date.parse(`${other}T00:00:00Z`);
    return day >= start && day < start + 7 * 86_400_000;
  }
  return fine.startsWith(coarse);
}

/** The more precise of two compatible dates. */
export function finerDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  const rank = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? 4 : v.includes('W') ? 3 : v.length === 7 ? 2 : 1);
  return rank(b) > rank(a) ? b : a;
}

export function sharedCount(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/** Same occasion: overlapping in two participants (or all, for smaller sets), compatible dates and kind. */
export function sameOccasion(
  a: { type: EventType; date: string | null; participantEntityIds: readonly string[] },
  b: { type: EventType; date: string | null; participantEntityIds: readonly string[] },
  crossFamily: boolean,
): boolean {
  const fa = typeFamily(a.type);
  const fb = typeFamily(b.type);
  // Within one article a visit and the meetings held during it are one occasion; a call never is.
  if (fa !== fb && (!crossFamily || fa === 'call' || fb === 'call')) return false;
  if (!datesCompatible(a.date, b.date)) return false;
  const shared = sharedCount(a.participantEntityIds, b.participantEntityIds);
  const smaller = Math.min(a.participantEntityIds.length, b.participantEntityIds.length);
  return shared >= Math.min(2, smaller) && shared > 0;
}

/**
 * Two outlets telling the same talks a day apart (a weekday resolved one day off, a dateline a day
 * later): same people, same kind, same or unknown place, days one apart.
 */
function adjacentDayReport(
  g: { type: EventType; date: string | null; participantEntityIds: readonly string[]; locations: Array<string | null> },
  ev: EventMention,
): boolean {
  if (typeFamily(g.type) !== typeFamily(ev.type) || !g.date || !ev.date) return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(g.date) || !/^\d{4}-\d{2}-\d{2}$/.test(ev.date)) return false;
  const days = Math.abs(Date.parse(`${g.date}T00:00:00Z`) - Date.parse(`${ev.date}T00:00:00Z`)) / 86_400_000;
  if (days !== 1) return false;
  const same = g.participantEntityIds.length === ev.participantEntityIds.length && sharedCount(g.participantEntityIds, ev.participantEntityIds) === g.participantEntityIds.length;
  const place = g.locations.find((l) => l !== null) ?? null;
  return same && (place === null || ev.location === null || place === ev.location);
}

/** FNV-1a, 32-bit, as 8 hex digits: a stable id with no Node-only crypto. */
export function fnv1a(input: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function eventId(type: EventType, date: string | null, participantEntityIds: readonly string[]): string {
  const key = `${date ?? '?'}|${[...participantEntityIds].sort().join('+')}|${typeFamily(type)}`;
  // Two independent 32-bit hashes keep collisions unlikely across large corpora.
  return `event-${fnv1a(key)}${fnv1a(`#${key}`)}`;
}

/** The most frequent non-null value; ties go to the first seen. */
function mostFrequent(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const v of values) {
    if (v === null) continue;
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

interface Group {
  type: EventType;
  date: string | null;
  participantEntityIds: string[];
  participants: string[];
  locations: Array<string | null>;
  allScheduled: boolean;
  sources: EventSource[];
  /** Documents already reporting this event: findEvents kept a document's events apart on purpose. */
  paths: Set<string>;
}

/**
 * Merges the events of several documents: the same event reported by several articles becomes
 * one CorpusEvent whose sources carry each article's path.
 */
export function mergeEvents(documents: Array<{ path: string; events: EventMention[] }>): CorpusEvent[] {
  const groups: Group[] = [];
  // Groups by participant: a corpus of thousands of events compares each only with those sharing someone.
  const byPerson = new Map<string, Group[]>();
  const index = (g: Group) => {
    for (const id of g.participantEntityIds) {
      const list = byPerson.get(id);
      if (!list) byPerson.set(id, [g]);
      else if (!list.includes(g)) list.push(g);
    }
  };
  for (const doc of documents) {
    for (const ev of doc.events) {
      const sources = ev.sources.map((s) => ({ ...s, path: doc.path }));
      // Prefer the group sharing the most participants, so a trilateral report does not swallow a bilateral one.
      let target: Group | undefined;
      let targetShared = 0;
      const candidates = new Set<Group>();
      for (const id of ev.participantEntityIds) for (const g of byPerson.get(id) ?? []) candidates.add(g);
      for (const g of candidates) {
        if (g.paths.has(doc.path)) continue;
        if (!sameOccasion(g, ev, false) && !adjacentDayReport(g, ev)) continue;
        const shared = sharedCount(g.participantEntityIds, ev.participantEntityIds);
        if (shared > targetShared) {
          target = g;
          targetShared = shared;
        }
      }
      if (!target) {
        const g: Group = {
          type: ev.type,
          date: ev.date,
          participantEntityIds: [...ev.participantEntityIds],
          participants: [...ev.participants],
          locations: [ev.location],
          allScheduled: ev.scheduled,
          sources,
          paths: new Set([doc.path]),
        };
        groups.push(g);
        index(g);
        continue;
      }
      target.date = finerDate(target.date, ev.date);
      ev.participantEntityIds.forEach((id, i) => {
        if (target.participantEntityIds.includes(id)) return;
        target.participantEntityIds.push(id);
        target.participants.push(ev.participants[i] ?? id);
      });
      // A held report names the occasion better than a planned one.
      if (target.allScheduled && !ev.scheduled) target.type = ev.type;
      target.locations.push(ev.location);
      target.allScheduled = target.allScheduled && ev.scheduled;
      target.sources.push(...sources);
      target.paths.add(doc.path);
      index(target);
    }
  }
  const events: CorpusEvent[] = groups.map((g) => ({
    id: eventId(g.type, g.date, g.participantEntityIds),
    type: g.type,
    date: g.date,
    // The city where reports name one ("Beijing" over "China"), else the most frequent place.
    location: mostFrequent(g.locations.filter((l) => l !== null && !isCountryName(l))) ?? mostFrequent(g.locations),
    participants: g.participants,
    participantEntityIds: g.participantEntityIds,
    scheduled: g.allScheduled,
    sources: g.sources,
  }));
  events.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    const pa = a.participants.join(', ');
    const pb = b.participants.join(', ');
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  return events;
}
