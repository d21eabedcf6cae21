import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const seedsDir = join(repoRoot, 'seeds');

/** The sample corpus: the seed articles as the CLI names them (`seeds/NAME.txt`). */
export function loadSeeds(): Array<{ path: string; text: string }> {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `seeds/${f}`, text: readFileSync(join(seedsDir, f), 'utf8') }));
}

export function seedText(prefix: string): string {
  const seed = loadSeeds().find((s) => s.path.startsWith(`seeds/${prefix}`));
  if (!seed) throw new Error(`no seed ${prefix}`);
  return seed.text;
}
