// Types for the benchmark corpus generator (corpus.mjs), so TypeScript tests can import it.
export interface GeneratedArticle {
  path: string;
  text: string;
  /** `YYYY-MM-DD`: the dateline in the text when there is one, else a day in the article's era. */
  documentDate: string;
  /** Index in `seedTexts` of the seed the article was generated from. */
  seedIndex: number;
}

export interface SeedPerson {
  upperFirst: boolean;
  fullNormal: string;
  fulls: Set<string>;
  surnames: Set<string>;
}

export function generateCorpus(options: {
  seedTexts: string[];
  targetBytes: number;
  seed?: number | string;
}): GeneratedArticle[];

export function findSeedPeople(text: string): SeedPerson[];

export function createRng(seed: number | string): {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(arr: readonly T[]): T;
  shuffle<T>(arr: T[]): T[];
};
