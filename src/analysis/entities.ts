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
  const parts = nameKey(name).split(' ');
  const forms: string[] = [];
  // The family name of "Zhang Wei".
  if (isFamilyNameFirst(words)) forms.push(parts[0]!);
  for (let s = 1; s < parts.length; s++) forms.push(parts.slice(s).join(' '));
  // Initial of the given name: "S Jaishankar" for "Subrahmanyam Jaishankar".
  if (parts.length >= 2) forms.push(`${parts[0]![0]} ${parts.slice(1).join(' ')}`);
  // Given name and surname without the middle names: "Maria Lopez" for "Maria Elena Lopez".
  if (parts.length >= 3) forms.push(`${parts[0]} ${parts[parts.length - 1]}`);
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
          g = { key, words: wordCount(key), spellings: new Map(), titles: new Map(), countries: new Map(), localIds: new Set(), mentions: 0, parent: null };
          groups.set(key, g);
        }
        groupOfLocal.set(m.entityId, g);
        g.localIds.add(m.entityId);
      }
      lastId = m.entityId;
      lastGroup = g;
      bump(g.spellings, m.name);
      bump(g.titles, m.title);
      bump(g.countries, m.country);
      g.mentions++;
    }
  }

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
    const parts = g.key.split(' ');
    if (parts.length < 2 || parts.length > 3) continue;
    const list = byFirstWord.get(parts[0]!);
    if (list) list.push(g);
    else byFirstWord.set(parts[0]!, [g]);
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
