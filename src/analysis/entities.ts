// Links the officials of several documents to one entity per person. Documents name people in
// different forms ("Amir-Abdollahian" / "Amir Abdollahian", "Sa’ar" / "Saar", "Okafor" alone in a
// story that never gives the first name): mentions are grouped by name key, then a short name joins
// the one fuller name in the corpus it is the tail of, when that is unambiguous.
import { countryOf } from './countries';
import { entityIdOf, isFamilyNameFirst, nameKey } from './names';
import { runSteps } from './steps';
import type { ClaimMention, CorpusAnalysis, DocumentAnalysis, Entity, OfficialMention, QuoteMention } from './types';

interface Group {
  key: string;
  /** Words in the key. */
  words: number;
  /** Spellings of the name and how often each was used. */
  spellings: Tally;
  titles: Tally;
  countries: Tally;
  /** In the order first met; an id is listed in one group only, except '' (see readMentions), which a Set would list once. */
  localIds: string[];
  mentions: number;
  /** The group this one was merged into. */
  parent: Group | null;
  /** The entity of a root group, once made. */
  entity: Entity | null;
  /** `canonicalSpelling(spellings)` when the groups were filed by short form, before any join. */
  filedName: string;
  /**
   * Values of the mentions just read and how many times running each came, not yet counted in
   * the maps: a person's mentions repeat one name, title and country, and counting a run at once
   * keeps the maps' order and counts while sparing a lookup per mention.
   */
  runName: string | null;
  runNames: number;
  runTitle: string | null;
  runTitles: number;
  runCountry: string | null;
  runCountries: number;
}

/**
 * Values and how often each came, in the order first met (the order a Map keeps): value, count,
 * value, count, … A person has a spelling or two, a title or two and a country: a plain list per
 * group cost less than three Maps (most of linking's garbage). A list grown long is indexed.
 */
type Tally = Array<string | number>;

/** Entries (twice the values) beyond which a tally is indexed by a Map. */
const TALLY_INDEXED = 32;
/** The index of each long tally: value → its place. */
const tallyIndexes = new WeakMap<Tally, Map<string, number>>();

function tallyAdd(tally: Tally, value: string | null, by = 1): void {
  if (!value) return;
  let index: Map<string, number> | undefined;
  let k: number;
  if (tally.length > TALLY_INDEXED) {
    index = tallyIndexes.get(tally);
    if (!index) {
      index = new Map();
      for (let q = 0; q < tally.length; q += 2) index.set(tally[q] as string, q);
      tallyIndexes.set(tally, index);
    }
    k = index.get(value) ?? -1;
  } else k = tally.indexOf(value); // a count is a number, never equal to a value
  if (k >= 0) {
    tally[k + 1] = (tally[k + 1] as number) + by;
    return;
  }
  tally.push(value, by);
  index?.set(value, tally.length - 2);
}

/** Adds every count of `other` to `tally`, in its order. */
function tallyAddAll(tally: Tally, other: Tally): void {
  for (let q = 0; q < other.length; q += 2) tallyAdd(tally, other[q] as string, other[q + 1] as number);
}

/** Counts the pending runs into the group's tallies. */
function flushRuns(g: Group): void {
  tallyAdd(g.spellings, g.runName, g.runNames);
  tallyAdd(g.titles, g.runTitle, g.runTitles);
  tallyAdd(g.countries, g.runCountry, g.runCountries);
  g.runName = g.runTitle = g.runCountry = null;
  g.runNames = g.runTitles = g.runCountries = 0;
}

function root(g: Group): Group {
  let r = g;
  while (r.parent) r = r.parent;
  // Path compression: later questions about g take one step.
  for (let c = g; c.parent && c.parent !== r; ) {
    const next: Group = c.parent;
    c.parent = r;
    c = next;
  }
  return r;
}

/** Words in a name key (single spaces). */
function wordCount(key: string): number {
  let n = 1;
  for (let p = key.indexOf(' '); p >= 0; p = key.indexOf(' ', p + 1)) n++;
  return n;
}

/** The groups by word count, most words first, in insertion order within a count (a stable bucket sort). */
function longestFirst(groups: Map<string, Group>): Group[] {
  const buckets: Group[][] = [];
  for (const g of groups.values()) (buckets[g.words] ??= []).push(g);
  const out: Group[] = [];
  for (let n = buckets.length - 1; n >= 0; n--) {
    const bucket = buckets[n];
    if (bucket) for (const g of bucket) out.push(g);
  }
  return out;
}

function mostFrequent(tally: Tally): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (let q = 0; q < tally.length; q += 2) {
    const count = tally[q + 1] as number;
    if (count > bestCount) {
      best = tally[q] as string;
      bestCount = count;
    }
  }
  return best;
}

/** Hyphens, apostrophes and diacritics mark the fuller spelling ("Amir-Abdollahian", "Sa’ar", "José"). */
function decoration(name: string): number {
  let n = 0;
  // ASCII characters are their own decomposition: only other characters need normalising.
  for (const ch of name) if (ch === '-' || ch === '’' || ch === "'" || (ch.charCodeAt(0) >= 128 && ch.normalize('NFKD') !== ch)) n++;
  return n;
}

function canonicalSpelling(spellings: Tally): string {
  // One spelling (most people): it wins whatever its score.
  if (spellings.length === 2) return spellings[0] as string;
  let best = '';
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (let q = 0; q < spellings.length; q += 2) {
    const name = spellings[q] as string;
    const count = spellings[q + 1] as number;
    const score: [number, number, number] = [nameKey(name).split(' ').length, decoration(name), count];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/** The forms a fuller name can be shortened to: its tails, or the family name of a family-name-first name. */
function shortForms(name: string): string[] {
  const words = name.split(/\s+/);
  // A name key has single spaces between its words: its tails are read off the space positions.
  const key = nameKey(name);
  const spaces: number[] = [];
  for (let p = key.indexOf(' '); p >= 0; p = key.indexOf(' ', p + 1)) spaces.push(p);
  const partCount = spaces.length + 1;
  const first = spaces.length > 0 ? key.slice(0, spaces[0]) : key;
  const forms: string[] = [];
  // The family name of "Zhang Wei".
  if (isFamilyNameFirst(words)) forms.push(first);
  for (let s = 1; s < partCount; s++) forms.push(key.slice(spaces[s - 1]! + 1));
  // Initial of the given name: "S Jaishankar" for "Subrahmanyam Jaishankar".
  if (partCount >= 2) forms.push(`${first[0]} ${key.slice(spaces[0]! + 1)}`);
  // Given name and surname without the middle names: "Maria Lopez" for "Maria Elena Lopez".
  if (partCount >= 3) forms.push(`${first} ${key.slice(spaces[spaces.length - 1]! + 1)}`);
  return forms;
}

/** "United States of America" and "United States" are one country. */
function sameCountryKey(country: string | null): string | null {
  return country ? (countryOf(country) ?? country) : null;
}

export interface LinkedEntities {
  entities: Entity[];
  /** The corpus entity of every document-local entity id. */
  byLocalId: Map<string, Entity>;
  /** What linking found, kept to link one more article at once (linkOneAnalysis). */
  index: EntityLinkIndex;
}

/** The groups of a linking by name key and by the short forms of their names, and the entity of each. */
export interface EntityLinkIndex {
  readonly byLocalId: ReadonlyMap<string, Entity>;
  readonly entityOf: (key: string) => Entity | undefined;
  readonly shortFormTargets: (key: string) => Entity[];
  /** Entities whose name starts with `word` and whose holder has `title` (lower case): "Prabowo" the President. */
  readonly firstWordTargets: (word: string, title: string) => Entity[];
  readonly byId: ReadonlyMap<string, Entity>;
}

/** What linking reads of an official mention (a caller may pass one object for many mentions of a person). */
export type MentionedPerson = Pick<OfficialMention, 'entityId' | 'name' | 'title' | 'country'>;

/**
 * Units of work between two yields of linkEntitiesStepwise: a mention costs one (well under a microsecond),
 * a group of mentions read for its names costs GROUP_WORK; a step stays within a few milliseconds.
 */
export const ENTITY_LINK_STEP = 1024;
const GROUP_WORK = 4;

/**
 * Links the officials of several documents: every document-local entity id maps to one corpus entity.
 */
export function linkEntities(perDocument: ReadonlyArray<ReadonlyArray<MentionedPerson>>): LinkedEntities {
  return runSteps(linkEntitiesStepwise(perDocument));
}

/** The groups of the mentions read so far, and the last mention's local id and group (see readMentions). */
interface MentionScan {
  groups: Map<string, Group>;
  groupOfLocal: Map<string, Group>;
  lastId: string;
  lastGroup: Group | undefined;
}

/**
 * Counts mentions[from, to) into their groups. A plain function called between the generator's yields:
 * V8 optimises it as it runs, where a long loop in the generator's own body would stay in baseline code
 * (a generator is not optimised on the stack), and linking runs once per corpus.
 */
function readMentions(scan: MentionScan, mentions: ReadonlyArray<MentionedPerson>, from: number, to: number): void {
  const { groups, groupOfLocal } = scan;
  let lastId = scan.lastId;
  let lastGroup = scan.lastGroup;
  for (let i = from; i < to; i++) {
    const m = mentions[i]!;
    // A document names the same person several times running: skip the lookup then.
    let g = m.entityId === lastId ? lastGroup : groupOfLocal.get(m.entityId);
    if (!g) {
      // Only a local id not met before needs its name key.
      const key = nameKey(m.name);
      g = groups.get(key);
      if (!g) {
        g = {
          key, words: wordCount(key), spellings: [], titles: [], countries: [], localIds: [], mentions: 0, parent: null,
          entity: null, filedName: '', runName: null, runNames: 0, runTitle: null, runTitles: 0, runCountry: null, runCountries: 0,
        };
        groups.set(key, g);
      }
      groupOfLocal.set(m.entityId, g);
      // Listed once: only an id not met before comes here, but for '' (the last id of no mention).
      g.localIds.push(m.entityId);
    }
    lastId = m.entityId;
    lastGroup = g;
    if (m.name === g.runName) g.runNames++;
    else {
      tallyAdd(g.spellings, g.runName, g.runNames);
      g.runName = m.name;
      g.runNames = 1;
    }
    if (m.title === g.runTitle) g.runTitles++;
    else {
      tallyAdd(g.titles, g.runTitle, g.runTitles);
      g.runTitle = m.title;
      g.runTitles = 1;
    }
    if (m.country === g.runCountry) g.runCountries++;
    else {
      tallyAdd(g.countries, g.runCountry, g.runCountries);
      g.runCountry = m.country;
      g.runCountries = 1;
    }
    g.mentions++;
  }
  scan.lastId = lastId;
  scan.lastGroup = lastGroup;
}

// The work on each group, in plain functions the generator calls between its yields (see readMentions).

/**
 * Files a group under the short forms of its name ("Okafor" for "Ngozi Okafor"). With `groups`, only
 * under the forms that are some group's key (linking asks no others: most forms are nobody's name);
 * the whole filing is made when the link index is first asked (see fullShortForms).
 */
function fileShortForms(byShortForm: Map<string, Group[]>, g: Group, groups: Map<string, Group> | null): void {
  for (const form of shortForms(g.filedName)) {
    if (form === g.key || (groups && !groups.has(form))) continue;
    const list = byShortForm.get(form);
    if (list) list.push(g);
    else byShortForm.set(form, [g]);
  }
}

/** The groups of 2 or 3 words by first word, filed (with `groups`) only under a word that is some group's key. */
function fileFirstWord(byFirstWord: Map<string, Group[]>, g: Group, groups: Map<string, Group> | null): void {
  if (g.words < 2 || g.words > 3) return;
  const firstWord = g.key.slice(0, g.key.indexOf(' '));
  if (groups && !groups.has(firstWord)) return;
  const list = byFirstWord.get(firstWord);
  if (list) list.push(g);
  else byFirstWord.set(firstWord, [g]);
}

/** Joins a short name to the one longer name it is a form of, when there is one and no country contradicts. */
function joinShortName(g: Group, byShortForm: Map<string, Group[]>, byFirstWord: Map<string, Group[]>): void {
  let targets = byShortForm.get(g.key);
  if (!targets && !g.key.includes(' ')) {
    const title = mostFrequent(g.titles)?.toLowerCase();
    targets = title ? byFirstWord.get(g.key)?.filter((c) => mostFrequent(c.titles)?.toLowerCase() === title) : undefined;
  }
  if (!targets) return;
  const roots = [...new Set(targets.map(root))].filter((r) => r !== root(g));
  if (roots.length !== 1) return; // two Bushes: leave "Bush" alone
  const target = roots[0]!;
  const r = root(g);
  // Never join people the documents place in different countries.
  const c1 = sameCountryKey(mostFrequent(r.countries));
  const c2 = sameCountryKey(mostFrequent(target.countries));
  if (c1 && c2 && c1 !== c2) return;
  r.parent = target;
  tallyAddAll(target.spellings, r.spellings);
  tallyAddAll(target.titles, r.titles);
  tallyAddAll(target.countries, r.countries);
  // A Set would skip an id it has: only '' can be in both (see readMentions), and byLocalId maps it alike.
  for (const id of r.localIds) target.localIds.push(id);
  target.mentions += r.mentions;
}

/** The entity of a root group (one already made for the same id gains its mentions); its local ids map to it. */
function entityOfRootGroup(g: Group, byId: Map<string, Entity>, entities: Entity[], byLocalId: Map<string, Entity>): Entity {
  const name = canonicalSpelling(g.spellings);
  const id = entityIdOf(name);
  let entity = byId.get(id);
  if (!entity) {
    entity = { id, name, title: mostFrequent(g.titles), country: mostFrequent(g.countries), mentions: g.mentions };
    byId.set(id, entity);
    entities.push(entity);
  } else entity.mentions += g.mentions;
  for (const local of g.localIds) byLocalId.set(local, entity);
  return entity;
}

/** linkEntities in steps: yields after every ENTITY_LINK_STEP mentions or groups (same result). */
export function* linkEntitiesStepwise(perDocument: ReadonlyArray<ReadonlyArray<MentionedPerson>>): Generator<void, LinkedEntities, void> {
  let work = 0;
  const scan: MentionScan = { groups: new Map(), groupOfLocal: new Map(), lastId: '', lastGroup: undefined };
  const { groups } = scan;
  for (const mentions of perDocument) {
    scan.lastId = '';
    scan.lastGroup = undefined;
    for (let i = 0; i < mentions.length; ) {
      const to = Math.min(mentions.length, i + (ENTITY_LINK_STEP - work));
      readMentions(scan, mentions, i, to);
      work += to - i;
      i = to;
      if (work >= ENTITY_LINK_STEP) {
        work = 0;
        yield;
      }
    }
  }
  for (const g of groups.values()) flushRuns(g);
  yield;

  // Short names ("Okafor", "Amir Abdollahian") join the one longer name they are a form of.
  const byShortForm = new Map<string, Group[]>();
  for (const g of groups.values()) {
    g.filedName = canonicalSpelling(g.spellings);
    fileShortForms(byShortForm, g, groups);
    if ((work += GROUP_WORK) >= ENTITY_LINK_STEP) {
      work = 0;
      yield;
    }
  }
  // The name some people are known by: "Prabowo" for Prabowo Subianto; only between holders of one
  // title, so that "King Charles" never becomes Charles Michel.
  const byFirstWord = new Map<string, Group[]>();
  for (const g of groups.values()) fileFirstWord(byFirstWord, g, groups);
  // Longest names first, so that "Amir Abdollahian" joins "Hossein Amir-Abdollahian" before anything joins it.
  for (const g of longestFirst(groups)) {
    if ((work += GROUP_WORK) >= ENTITY_LINK_STEP) {
      work = 0;
      yield;
    }
    joinShortName(g, byShortForm, byFirstWord);
  }

  const byLocalId = new Map<string, Entity>();
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  for (const g of groups.values()) {
    if ((work += GROUP_WORK) >= ENTITY_LINK_STEP) {
      work = 0;
      yield;
    }
    if (g.parent) continue;
    g.entity = entityOfRootGroup(g, byId, entities, byLocalId);
  }
  const entityOfGroup = (g: Group) => root(g).entity!;
  // Every short form and first word filed, as linking one more article asks about names of its own.
  let fullFiling: { byShortForm: Map<string, Group[]>; byFirstWord: Map<string, Group[]> } | null = null;
  const filed = () => {
    if (!fullFiling) {
      fullFiling = { byShortForm: new Map(), byFirstWord: new Map() };
      for (const g of groups.values()) {
        fileShortForms(fullFiling.byShortForm, g, null);
        fileFirstWord(fullFiling.byFirstWord, g, null);
      }
    }
    return fullFiling;
  };
  const index: EntityLinkIndex = {
    byLocalId,
    byId,
    entityOf: (key) => {
      const g = groups.get(key);
      return g ? entityOfGroup(g) : undefined;
    },
    shortFormTargets: (key) => (filed().byShortForm.get(key) ?? []).map(entityOfGroup),
    firstWordTargets: (word, title) =>
      (filed().byFirstWord.get(word) ?? []).filter((c) => mostFrequent(c.titles)?.toLowerCase() === title).map(entityOfGroup),
  };
  return { entities, byLocalId, index };
}

/**
 * Rewrites one analysis's references to document-local entity ids (officials, speakers of quotes and
 * claims, event participants) to the corpus entities `byLocalId` gives, as linking a corpus does; ids it
 * does not know stay as they are. `entityById` names participants by their corpus entity.
 */
export function applyEntityLinks(
  analysis: Pick<DocumentAnalysis, 'officials' | 'quotes' | 'claims' | 'events'>,
  byLocalId: ReadonlyMap<string, Entity>,
  entityById: ReadonlyMap<string, Entity>,
): void {
  for (const official of analysis.officials) {
    const entity = byLocalId.get(official.entityId);
    if (!entity) continue;
    official.entityId = entity.id;
    official.name = entity.name;
    official.title = official.title ?? entity.title;
    official.country = official.country ?? entity.country;
  }
  linkSpeakers(analysis.quotes, byLocalId);
  linkSpeakers(analysis.claims, byLocalId);
  for (const event of analysis.events) {
    const ids = event.participantEntityIds;
    const names = event.participants;
    const linkedIds: string[] = [];
    const linkedNames: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = byLocalId.get(ids[i]!)?.id ?? ids[i]!;
      linkedIds.push(id);
      linkedNames.push(entityById.get(id)?.name ?? names[i]!);
    }
    event.participantEntityIds = linkedIds;
    event.participants = linkedNames;
  }
}

function linkSpeakers(attributed: Array<QuoteMention | ClaimMention>, byLocalId: ReadonlyMap<string, Entity>): void {
  for (const a of attributed) {
    const entity = a.speakerEntityId ? byLocalId.get(a.speakerEntityId) : undefined;
    if (!entity) continue;
    a.speakerEntityId = entity.id;
    a.speaker = entity.name;
  }
}

/** The linking index of each corpus linkAnalyses made (see linkOneAnalysis); the corpus type stays as it is. */
const corpusIndexes = new WeakMap<CorpusAnalysis, EntityLinkIndex>();

export function rememberLinkIndex(corpus: CorpusAnalysis, index: EntityLinkIndex): void {
  corpusIndexes.set(corpus, index);
}

/**
 * Links ONE freshly analysed article onto an existing corpus linking (a CorpusAnalysis that linkAnalyses
 * made), at once, without linking the corpus again: the editor shows an edited article linked while the
 * whole corpus is re-linked in the background. Rewrites the analysis in place, as linkAnalyses does, and
 * returns the people it names who are new to the corpus (provisional entities, mentions counted in this
 * article only).
 *
 * Each document-local person takes the rules of linkEntities against the corpus as it stands: a local id
 * the corpus has linked, then the same name key, then the one corpus person whose name this one is a short
 * form of (or, for a lone name, the one of the same title whose name it opens), in a country that does not
 * contradict; else the corpus entity of the same id; else a new provisional entity.
 *
 * What a full re-link may give differently: the corpus entities' mention counts, titles and countries
 * (this article's mentions are not counted in them); a new fuller name that would absorb short names of
 * the corpus ("Okafor" joining a newly named "Ngozi Okafor") or merge two corpus people; a short name in this
 * article that would join a fuller new name in this same article; and the corpus events, which are not
 * merged again. Returns null (and changes nothing) for a corpus that linkAnalyses did not make.
 */
export function linkOneAnalysis(analysis: DocumentAnalysis, corpus: CorpusAnalysis): Entity[] | null {
  const index = corpusIndexes.get(corpus);
  if (!index) return null;
  // This article's people, as linkEntities would group them: by local id, first mention first.
  const people = new Map<string, { first: string; spellings: Tally; titles: Tally; countries: Tally; mentions: number }>();
  for (const m of analysis.officials) {
    let p = people.get(m.entityId);
    if (!p) people.set(m.entityId, (p = { first: m.name, spellings: [], titles: [], countries: [], mentions: 0 }));
    tallyAdd(p.spellings, m.name);
    tallyAdd(p.titles, m.title);
    tallyAdd(p.countries, m.country);
    p.mentions++;
  }
  const byLocalId = new Map<string, Entity>();
  const provisional = new Map<string, Entity>();
  for (const [localId, p] of people) {
    let entity = index.byLocalId.get(localId);
    // A group is keyed by its first mention's name, and named by its most telling spelling.
    const key = nameKey(p.first);
    entity ??= index.entityOf(key);
    if (!entity) {
      let targets = index.shortFormTargets(key);
      if (targets.length === 0 && !key.includes(' ')) {
        const title = mostFrequent(p.titles)?.toLowerCase();
        if (title) targets = index.firstWordTargets(key, title);
      }
      const distinct = [...new Set(targets)];
      if (distinct.length === 1) {
        const c1 = sameCountryKey(mostFrequent(p.countries));
        const c2 = sameCountryKey(distinct[0]!.country);
        if (!(c1 && c2 && c1 !== c2)) entity = distinct[0];
      }
    }
    if (!entity) {
      const name = canonicalSpelling(p.spellings);
      const id = entityIdOf(name);
      entity = index.byId.get(id) ?? provisional.get(id);
      if (!entity) {
        entity = { id, name, title: mostFrequent(p.titles), country: mostFrequent(p.countries), mentions: 0 };
        provisional.set(id, entity);
      }
      if (provisional.has(id)) entity.mentions += p.mentions;
    }
    byLocalId.set(localId, entity);
  }
  let entityById = index.byId;
  if (provisional.size > 0) {
    const withNew = new Map(index.byId);
    for (const e of provisional.values()) withNew.set(e.id, e);
    entityById = withNew;
  }
  applyEntityLinks(analysis, byLocalId, entityById);
  return [...provisional.values()];
}
