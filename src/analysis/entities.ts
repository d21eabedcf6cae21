// Links the officials of several documents to one entity per person. Documents name people in
// different forms ("Amir-Abdollahian" / "Amir Abdollahian", "Sa’ar" / "Saar", "Okafor" alone in a
// story that never gives the first name): mentions are grouped by name key, then a short name joins
// the one fuller name in the corpus it is the tail of, when that is unambiguous.
import { countryOf } from './countries';
import { entityIdOf, isFamilyNameFirst, nameKey } from './names';
import type { Entity, OfficialMention } from './types';

interface Group {
  key: string;
  /** Words in the key. */
  words: number;
  /** Spellings of the name and how often each was used. */
  spellings: Map<string, number>;
  titles: Map<string, number>;
  countries: Map<string, number>;
  localIds: Set<string>;
  mentions: number;
  /** The group this one was merged into. */
  parent: Group | null;
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

/** Counts the pending runs into the group's maps. */
function flushRuns(g: Group): void {
  bump(g.spellings, g.runName, g.runNames);
  bump(g.titles, g.runTitle, g.runTitles);
  bump(g.countries, g.runCountry, g.runCountries);
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

function bump(map: Map<string, number>, value: string | null, by = 1): void {
  if (value) map.set(value, (map.get(value) ?? 0) + by);
}

function mostFrequent(map: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of map) {
    if (count > bestCount) {
      best = value;
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

function canonicalSpelling(spellings: Map<string, number>): string {
  // One spelling (most people): it wins whatever its score.
  if (spellings.size === 1) for (const name of spellings.keys()) return name;
  let best = '';
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const [name, count] of spellings) {
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

/**
 * Links the officials of several documents: every document-local entity id maps to one corpus entity.
 */
export function linkEntities(perDocument: OfficialMention[][]): { entities: Entity[]; byLocalId: Map<string, Entity> } {
  const groups = new Map<string, Group>();
  const groupOfLocal = new Map<string, Group>();
  for (const mentions of perDocument) {
    let lastId = '';
    let lastGroup: Group | undefined;
    for (const m of mentions) {
      // A document names the same person several times running: skip the lookup then.
      let g = m.entityId === lastId ? lastGroup : groupOfLocal.get(m.entityId);
      if (!g) {
        // Only a local id not met before needs its name key.
        const key = nameKey(m.name);
        g = groups.get(key);
        if (!g) {
          g = {
            key, words: wordCount(key), spellings: new Map(), titles: new Map(), countries: new Map(), localIds: new Set(), mentions: 0, parent: null,
            runName: null, runNames: 0, runTitle: null, runTitles: 0, runCountry: null, runCountries: 0,
          };
          groups.set(key, g);
        }
        groupOfLocal.set(m.entityId, g);
        g.localIds.add(m.entityId);
      }
      lastId = m.entityId;
      lastGroup = g;
      if (m.name === g.runName) g.runNames++;
      else {
        bump(g.spellings, g.runName, g.runNames);
        g.runName = m.name;
        g.runNames = 1;
      }
      if (m.title === g.runTitle) g.runTitles++;
      else {
        bump(g.titles, g.runTitle, g.runTitles);
        g.runTitle = m.title;
        g.runTitles = 1;
      }
      if (m.country === g.runCountry) g.runCountries++;
      else {
        bump(g.countries, g.runCountry, g.runCountries);
        g.runCountry = m.country;
        g.runCountries = 1;
      }
      g.mentions++;
    }
  }
  for (const g of groups.values()) flushRuns(g);

  // Short names ("Okafor", "Amir Abdollahian") join the one longer name they are a form of.
  const byShortForm = new Map<string, Group[]>();
  for (const g of groups.values()) {
    for (const form of shortForms(canonicalSpelling(g.spellings))) {
      if (form === g.key) continue;
      const list = byShortForm.get(form);
      if (list) list.push(g);
      else byShortForm.set(form, [g]);
    }
  }
  // The name some people are known by: "Prabowo" for Prabowo Subianto; only between holders of one
  // title, so that "King Charles" never becomes Charles Michel.
  const byFirstWord = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (g.words < 2 || g.words > 3) continue;
    const firstWord = g.key.slice(0, g.key.indexOf(' '));
    const list = byFirstWord.get(firstWord);
    if (list) list.push(g);
    else byFirstWord.set(firstWord, [g]);
  }
  // Longest names first, so that "Amir Abdollahian" joins "Hossein Amir-Abdollahian" before anything joins it.
  for (const g of longestFirst(groups)) {
    let targets = byShortForm.get(g.key);
    if (!targets && !g.key.includes(' ')) {
      const title = mostFrequent(g.titles)?.toLowerCase();
      targets = title ? byFirstWord.get(g.key)?.filter((c) => mostFrequent(c.titles)?.toLowerCase() === title) : undefined;
    }
    if (!targets) continue;
    const roots = [...new Set(targets.map(root))].filter((r) => r !== root(g));
    if (roots.length !== 1) continue; // two Bushes: leave "Bush" alone
    const target = roots[0]!;
    const r = root(g);
    // Never join people the documents place in different countries.
    const c1 = sameCountryKey(mostFrequent(r.countries));
    const c2 = sameCountryKey(mostFrequent(target.countries));
    if (c1 && c2 && c1 !== c2) continue;
    r.parent = target;
    for (const [k, v] of r.spellings) bump(target.spellings, k, v);
    for (const [k, v] of r.titles) bump(target.titles, k, v);
    for (const [k, v] of r.countries) bump(target.countries, k, v);
    for (const id of r.localIds) target.localIds.add(id);
    target.mentions += r.mentions;
  }

  const byLocalId = new Map<string, Entity>();
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  for (const g of groups.values()) {
    if (g.parent) continue;
    const name = canonicalSpelling(g.spellings);
    const id = entityIdOf(name);
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, name, title: mostFrequent(g.titles), country: mostFrequent(g.countries), mentions: g.mentions };
      byId.set(id, entity);
      entities.push(entity);
    } else entity.mentions += g.mentions;
    for (const local of g.localIds) byLocalId.set(local, entity);
  }
  return { entities, byLocalId };
}
