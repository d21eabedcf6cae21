// The core engine must run anywhere the extension runs (desktop, remote, web): no editor API,
// no Node-only modules in src/analysis and src/annotations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('core engine boundaries', () => {
  const coreFiles = ['analysis', 'annotations'].flatMap((d) => sourceFiles(join(repoRoot, 'src', d)));

  it('finds the core files', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
  });

  it.each(coreFiles.map((f) => [f.slice(repoRoot.length + 1), f]))('%s imports neither vscode nor Node built-ins', (_name, file) => {
    const forbidden = importsOf(file).filter(
      (spec) => spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'].includes(spec),
    );
    expect(forbidden).toEqual([]);
  });

  it('the import scanner sees static imports', () => {
    const probe = join(repoRoot, 'test', 'unit', 'architecture.test.ts');
    expect(importsOf(probe)).toContain('node:fs');
  });
});
