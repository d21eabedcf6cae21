// mulberry32: a tiny seeded PRNG, so a test's random draws are the same on every run and platform.

export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
export type Rng = ReturnType<typeof rng>;

/** The tokenizer property tests' draws: a linear congruential sequence of uint32, the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
}

/** A text of minParts to minParts + partsRange - 1 pieces drawn from `pieces` (edges of a tokenizer's rules). */
export function textOfPieces(next: () => number, pieces: readonly string[], minParts: number, partsRange: number): string {
  let text = '';
  const parts = minParts + (next() % partsRange);
  for (let k = 0; k < parts; k++) text += pieces[next() % pieces.length];
  return text;
}
