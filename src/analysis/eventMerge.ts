// Merging event reports: the same meeting told by several sentences of one article, or by several
// articles, becomes one event. Shared by findEvents (within a document) and mergeEvents (corpus).
import { isCountryName } from './places';
import { runSteps, sortStepwise } from './steps';
import type { CorpusEvent, EventMention, EventSource, EventType } from './types';

/** Meetings and talks are the same kind of occasion; so are visits and trips; calls stand apart. */
export type Family = 'meet' | 'travel' | 'call';

export function typeFamily(type: EventType): Family {
  if (type === 'meeting' || type === 'talks') return 'meet';
  if (type === 'visit' || type === 'trip') return 'travel';
  return 'call';
}

// Module level: a regex literal is a new object each time it runs.
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Monday of ISO week `YYYY-Www` as a UTC timestamp, or NaN. */
function isoWeekStart(week: string): number {
  const m = ISO_WEEK.exec(week);
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
    if (!ISO_DAY.test(other)) return other.length === 4 && week.startsWith(other);
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
  return precisionRank(b) > precisionRank(a) ? b : a;
}

const precisionRank = (v: string) => (ISO_DAY.test(v) ? 4 : v.includes('W') ? 3 : v.length === 7 ? 2 : 1);

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
  return sameOccasionOf(a.type, a.date, a.participantEntityIds, b.type, b.date, b.participantEntityIds, crossFamily);
}

/** sameOccasion on the fields themselves (the events of one article compare drafts, with no object per pair). */
export function sameOccasionOf(
  typeA: EventType,
  dateA: string | null,
  idsA: readonly string[],
  typeB: EventType,
  dateB: string | null,
  idsB: readonly string[],
  crossFamily: boolean,
): boolean {
  const fa = typeFamily(typeA);
  const fb = typeFamily(typeB);
  // Within one article a visit and the meetings held during it are one occasion; a call never is.
  if (fa !== fb && (!crossFamily || fa === 'call' || fb === 'call')) return false;
  if (!datesCompatible(dateA, dateB)) return false;
  const shared = sharedCount(idsA, idsB);
  const smaller = Math.min(idsA.length, idsB.length);
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
  if (!ISO_DAY.test(g.date) || !ISO_DAY.test(ev.date)) return false;
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
  return hex8(h >>> 0);
}

const HEX = '0123456789abcdef';
// Each byte as two hex digits: a 32-bit value is four of them joined (three concatenations, not eight).
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => HEX[b >> 4]! + HEX[b & 15]!);

/** An unsigned 32-bit value as 8 lower-case hex digits (what toString(16).padStart(8, '0') gives, faster). */
function hex8(v: number): string {
  return HEX_BYTES[v >>> 24]! + HEX_BYTES[(v >>> 16) & 255]! + HEX_BYTES[(v >>> 8) & 255]! + HEX_BYTES[v & 255]!;
}

// The two hashes eventId feeds, piece by piece (module level: two results with no object per call).
let idHash1 = 0;
let idHash2 = 0;

function feedIdHash(piece: string): void {
  let h1 = idHash1;
  let h2 = idHash2;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  idHash1 = h1;
  idHash2 = h2;
}

function eventId(type: EventType, date: string | null, participantEntityIds: readonly string[]): string {
  // Two independent 32-bit hashes keep collisions unlikely across large corpora: FNV-1a of the key
  // `${date ?? '?'}|${sorted ids joined by '+'}|${family}` and of "#" + key, read in one pass over its
  // pieces (the key itself is never built).
  idHash1 = 0x811c9dc5;
  idHash2 = Math.imul(0x811c9dc5 ^ 35, 0x01000193);
  feedIdHash(date ?? '?');
  feedIdHash('|');
  if (participantEntityIds.length === 2) {
    // Most events have two participants: the pair in sort() order, with no sorted copy.
    const a = participantEntityIds[0]!;
    const b = participantEntityIds[1]!;
    feedIdHash(a <= b ? a : b);
    feedIdHash('+');
    feedIdHash(a <= b ? b : a);
  } else {
    const ids = [...participantEntityIds].sort();
    for (let k = 0; k < ids.length; k++) {
      if (k > 0) feedIdHash('+');
      feedIdHash(ids[k]!);
    }
  }
  feedIdHash('|');
  feedIdHash(typeFamily(type));
  return `event-${hex8(idHash1 >>> 0)}${hex8(idHash2 >>> 0)}`;
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
  /** When each participant joined the group (a corpus-wide counter): the order candidates are preferred in. */
  joinedAt: number[];
  locations: Array<string | null>;
  allScheduled: boolean;
  sources: EventSource[];
  /** Documents already reporting this event: findEvents kept a document's events apart on purpose. The
   * first apart, the others in a set made only when a second one comes (most events have one report). */
  path: string;
  otherPaths: Set<string> | null;
  /** The event last looked at as a candidate: reaching a group through several buckets reads it once. */
  seenBy: number;
}

/**
 * Merges the events of several documents: the same event reported by several articles becomes
 * one CorpusEvent whose sources carry each article's path.
 *
 * Linear in the number of events: an event of two or more participants is compared only with the
 * groups sharing a pair of them (or a group of one of them alone), never with every group of a
 * frequent participant; an event of one participant with that participant's groups of its kind.
 */
export function mergeEvents(documents: Array<{ path: string; events: EventMention[] }>): CorpusEvent[] {
  return runSteps(mergeEventsStepwise(documents));
}

/** Events (or merged groups) handled between two yields of mergeEventsStepwise: a few milliseconds' work. */
export const EVENT_MERGE_STEP = 256;

/** What merging has built so far: the groups, and the buckets that find a group by its participants. */
interface MergeState {
  groups: Group[];
  // Buckets by kind of occasion and participant pair; groups of one participant by kind and participant.
  // Keyed by the id strings themselves (nested by kind, pairs in sorted order): no key string is built per lookup.
  byPair: Record<Family, Map<string, Map<string, Group[]>>>;
  byPerson: Record<Family, Map<string, Group[]>>;
  byLonePerson: Record<Family, Map<string, Group[]>>;
  joinCounter: number;
  evCounter: number;
  // The best candidate for the event being merged (see considerGroup).
  target: Group | undefined;
  targetShared: number;
  targetRank: number;
  targetJoined: number;
}

function pushTo(map: Map<string, Group[]>, key: string, g: Group): void {
  const list = map.get(key);
  if (list) list.push(g);
  else map.set(key, [g]);
}

function pairList(state: MergeState, family: Family, a: string, b: string, create: boolean): Group[] | undefined {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let inner = state.byPair[family].get(lo);
  if (!inner) {
    if (!create) return undefined;
    state.byPair[family].set(lo, (inner = new Map()));
  }
  let list = inner.get(hi);
  if (!list && create) inner.set(hi, (list = []));
  return list;
}

/** Files the group under its participant at index j, which it has just gained. */
function indexAt(state: MergeState, g: Group, family: Family, j: number): void {
  const ids = g.participantEntityIds;
  const id = ids[j]!;
  g.joinedAt[j] = state.joinCounter++;
  if (ids.indexOf(id) !== j) return; // a repeated id is filed once
  pushTo(state.byPerson[family], id, g);
  for (let k = 0; k < j; k++) if (ids[k] !== id && ids.indexOf(ids[k]!) === k) pairList(state, family, ids[k]!, id, true)!.push(g);
}

/**
 * Prefer the group sharing the most participants, so a trilateral report does not swallow a bilateral
 * one; among equals the one found first when reading each participant's groups in the order they joined
 * them (the first participant's first).
 */
function considerGroups(state: MergeState, list: readonly Group[] | undefined, ev: EventMention, family: Family, path: string, stamp: number): void {
  if (!list) return;
  const ids = ev.participantEntityIds;
  for (const g of list) {
    if (g.seenBy === stamp) continue;
    g.seenBy = stamp;
    if (g.path === path || g.otherPaths?.has(path)) continue;
    // One official's trips to two different cities are two trips.
    if (family === 'travel' && ev.location && g.locations.some((l) => l !== null && l !== ev.location && !isCountryName(l) && !isCountryName(ev.location!))) continue;
    if (!sameOccasion(g, ev, false) && !adjacentDayReport(g, ev)) continue;
    const shared = sharedCount(g.participantEntityIds, ids);
    let rank = 0;
    let at = -1;
    for (; rank < ids.length; rank++) {
      at = g.participantEntityIds.indexOf(ids[rank]!);
      if (at >= 0) break;
    }
    const joined = g.joinedAt[at]!;
    if (shared > state.targetShared || (shared === state.targetShared && (rank < state.targetRank || (rank === state.targetRank && joined < state.targetJoined)))) {
      state.target = g;
      state.targetShared = shared;
      state.targetRank = rank;
      state.targetJoined = joined;
    }
  }
}

/**
 * Merges one event of a document into the groups. A plain function called from the generator: V8
 * optimises it as it runs, where the generator's own loop body would stay in baseline code.
 */
function mergeEvent(state: MergeState, ev: EventMention, path: string): void {
  const stamp = ++state.evCounter;
  const family = typeFamily(ev.type);
  const ids = ev.participantEntityIds;
  // A passage that already carries this article's path is shared, not copied: the extension's link inputs keep
  // theirs across linkings, and 50,000 fresh copies per linking were survivors of its young generation.
  const sources: EventSource[] = ev.sources.map((s) => ((s as Partial<EventSource>).path === path ? (s as EventSource) : { start: s.start, end: s.end, text: s.text, path }));
  state.target = undefined;
  state.targetShared = 0;
  state.targetRank = Infinity;
  state.targetJoined = Infinity;
  if (ids.length === 1) {
    // One participant: every group of that kind with them may be the occasion.
    considerGroups(state, state.byPerson[family].get(ids[0]!), ev, family, path, stamp);
  } else {
    // Two or more: a group shares two of them, or is one of them alone (sameOccasion's rule).
    for (let a = 0; a < ids.length; a++) {
      considerGroups(state, state.byLonePerson[family].get(ids[a]!), ev, family, path, stamp);
      for (let b = a + 1; b < ids.length; b++) considerGroups(state, pairList(state, family, ids[a]!, ids[b]!, false), ev, family, path, stamp);
    }
  }
  const target = state.target;
  state.target = undefined;
  if (!target) {
    const g: Group = {
      type: ev.type,
      date: ev.date,
      participantEntityIds: [...ids],
      participants: [...ev.participants],
      joinedAt: [],
      locations: [ev.location],
      allScheduled: ev.scheduled,
      sources,
      path,
      otherPaths: null,
      seenBy: stamp,
    };
    for (let j = 0; j < ids.length; j++) indexAt(state, g, family, j);
    if (allSame(ids)) pushTo(state.byLonePerson[family], ids[0]!, g);
    state.groups.push(g);
    return;
  }
  const t: Group = target;
  t.date = finerDate(t.date, ev.date);
  ids.forEach((id, i) => {
    if (t.participantEntityIds.includes(id)) return;
    t.participantEntityIds.push(id);
    t.participants.push(ev.participants[i] ?? id);
    indexAt(state, t, family, t.participantEntityIds.length - 1);
  });
  // A held report names the occasion better than a planned one.
  if (t.allScheduled && !ev.scheduled) t.type = ev.type;
  t.locations.push(ev.location);
  t.allScheduled = t.allScheduled && ev.scheduled;
  for (const src of sources) t.sources.push(src);
  if (t.path !== path) (t.otherPaths ??= new Set()).add(path);
}

/** True when the list holds one distinct id (what new Set(ids).size === 1 says, with no Set per group). */
function allSame(ids: readonly string[]): boolean {
  if (!ids.length) return false;
  for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[0]) return false;
  return true;
}

/** Merges events[from, to) of one document (see mergeEvent). */
function mergeEventsOf(state: MergeState, events: readonly EventMention[], from: number, to: number, path: string): void {
  for (let k = from; k < to; k++) mergeEvent(state, events[k]!, path);
}

/** Appends the corpus events of groups[from, to) to `out`. */
function corpusEventsOf(groups: readonly Group[], from: number, to: number, out: CorpusEvent[]): void {
  for (let k = from; k < to; k++) out.push(corpusEventOf(groups[k]!));
}

/**
 * What the events' order reads, per event index: the date's rank among the distinct dates (string order;
 * undated last) and the participants' names joined. Parallel arrays, not an object per event: they live
 * through a stepwise sort.
 */
function sortKeys(events: readonly CorpusEvent[]): { dateRanks: Float64Array; names: string[] } {
  const rankOfDate = new Map<string, number>();
  for (const e of events) if (e.date !== null) rankOfDate.set(e.date, 0);
  // sort() with no comparator orders strings by UTF-16 code units, as the < of the comparison it replaces.
  const distinct = [...rankOfDate.keys()].sort();
  for (let i = 0; i < distinct.length; i++) rankOfDate.set(distinct[i]!, i);
  const dateRanks = new Float64Array(events.length);
  const names = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    dateRanks[i] = event.date === null ? Infinity : rankOfDate.get(event.date)!;
    names[i] = event.participants.join(', ');
  }
  return { dateRanks, names };
}

/** Compares event indexes by date rank, then joined names (made outside the generator: see mergeEventsStepwise). */
function byDateThenNames(dateRanks: Float64Array, names: readonly string[]): (a: number, b: number) => number {
  return (a, b) => {
    if (dateRanks[a] !== dateRanks[b]) return dateRanks[a]! < dateRanks[b]! ? -1 : 1;
    return names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0;
  };
}

function corpusEventOf(g: Group): CorpusEvent {
  return {
    id: eventId(g.type, g.date, g.participantEntityIds),
    type: g.type,
    date: g.date,
    // The city where reports name one ("Beijing" over "China"), else the most frequent place.
    // (Most events have one report: its place, with no list or count made.)
    location: g.locations.length === 1 ? g.locations[0]! : mostFrequent(g.locations.filter((l) => l !== null && !isCountryName(l))) ?? mostFrequent(g.locations),
    participants: g.participants,
    participantEntityIds: g.participantEntityIds,
    scheduled: g.allScheduled,
    sources: g.sources,
  };
}

/**
 * mergeEvents in steps: yields after every EVENT_MERGE_STEP events or groups (same result). The documents are
 * read once, in order: they may be made as they are read (so that each is garbage once merged).
 */
export function* mergeEventsStepwise(documents: Iterable<{ path: string; events: EventMention[] }>): Generator<void, CorpusEvent[], void> {
  let work = 0;
  const state: MergeState = {
    groups: [],
    byPair: { meet: new Map(), travel: new Map(), call: new Map() },
    byPerson: { meet: new Map(), travel: new Map(), call: new Map() },
    byLonePerson: { meet: new Map(), travel: new Map(), call: new Map() },
    joinCounter: 0,
    evCounter: 0,
    target: undefined,
    targetShared: 0,
    targetRank: Infinity,
    targetJoined: Infinity,
  };
  const { groups } = state;
  // The loops over events and groups run in plain functions, a step's worth at a time: the generator's own
  // code stays in V8's baseline tier, where each iteration of a for-of allocates its iterator result.
  for (const doc of documents) {
    const docEvents = doc.events;
    for (let next = 0; next < docEvents.length; ) {
      const end = Math.min(docEvents.length, next + EVENT_MERGE_STEP - work);
      mergeEventsOf(state, docEvents, next, end, doc.path);
      work += end - next;
      next = end;
      if (work >= EVENT_MERGE_STEP) {
        work = 0;
        yield;
      }
    }
  }
  const events: CorpusEvent[] = [];
  for (let next = 0; next < groups.length; ) {
    const end = Math.min(groups.length, next + EVENT_MERGE_STEP - work);
    corpusEventsOf(groups, next, end, events);
    work += end - next;
    next = end;
    if (work >= EVENT_MERGE_STEP) {
      work = 0;
      yield;
    }
  }
  yield;
  // By date, undated last, then by participants; the joined names are built once, not per comparison, and
  // each date is read as its rank among the distinct dates (string order), so a comparison compares numbers.
  const { dateRanks, names } = sortKeys(events);
  const order = new Array<number>(events.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  yield;
  yield* sortStepwise(order, byDateThenNames(dateRanks, names), EVENT_MERGE_STEP);
  // A loop, not a closure over `events`: a closure made here shares the generator's context, which would keep
  // every event (and through their passages the articles' texts) alive as long as anything keeps the closure.
  const sorted: CorpusEvent[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) sorted[i] = events[order[i]!]!;
  return sorted;
}
