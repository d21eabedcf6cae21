// What the benchmark scripts share: the repository's root, its seed articles, and TypeScript sources bundled
// once into .bench/ (esbuild) so plain node can run them.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const benchDir = join(repoRoot, '.bench');

/** The seed articles (`seeds/*.txt`), in name order. */
export function readSeeds() {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `seeds/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Bundles `source` (TypeScript, imports relative to the repository's root, e.g.
 * `export { analyzeDocument } from './src/analysis/analyze'`) into `.bench/<name>.cjs` and loads it.
 */
export async function loadBundle(name, source) {
  mkdirSync(benchDir, { recursive: true });
  const outfile = join(benchDir, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: source, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
