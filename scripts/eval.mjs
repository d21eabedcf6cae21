#!/usr/bin/env node
// Scores the engine on every gold set in ../shared/eval (when present): builds an export with
// the CLI and runs the shared scorer.   node scripts/eval.mjs [dev|bbc|tempeval3|polnear ...] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(root, '..', 'shared', 'eval');
const sets = {
  dev: { articles: join(root, 'seeds'), only: null },
  bbc: { articles: join(evalDir, 'bbc'), only: null },
  tempeval3: { articles: join(evalDir, 'tempeval3'), only: 'dates' },
  polnear: { articles: join(evalDir, 'polnear'), only: 'quotes' },
};
const args = process.argv.slice(2);
const json = args.includes('--json');
const chosen = args.filter((a) => !a.startsWith('--'));
if (!existsSync(join(evalDir, 'score.mjs'))) {
  console.error(`no scorer at ${evalDir}`);
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'news-annotator-eval-'));
const results = {};
try {
  for (const [name, set] of Object.entries(sets)) {
    if (chosen.length && !chosen.includes(name)) continue;
    const out = join(tmp, `${name}.json`);
    execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'export', set.articles, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const scoreArgs = [join(evalDir, 'score.mjs'), join(evalDir, name), out, ...(set.only ? ['--only', set.only] : [])];
    if (json) results[name] = JSON.parse(execFileSync(process.execPath, [...scoreArgs, '--json'], { encoding: 'utf8' })).scores;
    else console.log(`== ${name}\n` + execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' }));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (json) console.log(JSON.stringify(results));
