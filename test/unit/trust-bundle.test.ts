// The extension and the command line make no network request and run no code made from strings. Checked on
// what ships: the bundles, built here from the entry points esbuild.mjs names (so the check sees the current
// sources, vendored code included), both readable and minified, plus the webview's script. Anything found is
// a failure unless the allow-list below says, for that exact spot, why it cannot reach the network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds';

/** Node modules that open sockets or resolve names (with and without `node:`), and common HTTP clients. */
const NETWORK_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises', 'inspector', 'inspector/promises', 'undici', 'child_process', 'cluster']);
// child_process and cluster are here too: a child can be any program (curl, a shell). A bundle that needs one
// for its own workers must add an allow-list entry saying so.

/** Global APIs and calls that reach the network or turn strings into code. */
const FORBIDDEN_CALLS: Array<{ what: string; re: RegExp }> = [
  { what: 'fetch', re: /(?<![\w$.])fetch\s*\(|\b(?:globalThis|window|self|global)\s*\.\s*fetch\b|\[\s*['"]fetch['"]\s*\]/g },
  { what: 'XMLHttpRequest', re: /\bXMLHttpRequest\b/g },
  { what: 'WebSocket', re: /\bWebSocket\b/g },
  { what: 'EventSource', re: /\bEventSource\b/g },
  { what: 'sendBeacon', re: /\bsendBeacon\b/g },
  { what: 'RTCPeerConnection', re: /\bRTCPeerConnection\b/g },
  { what: 'eval', re: /(?<![\w$.])eval\s*\(|\(\s*0\s*,\s*eval\s*\)/g },
  { what: 'Function constructor', re: /(?<![\w$.])(?:new\s+)?Function\s*\(/g },
  { what: 'vm module', re: /\brunInNewContext\b|\brunInThisContext\b|\bcompileFunction\b/g },
];

/**
 * Spots proven harmless, by bundle and the exact text around them (a substring of the finding's context).
 * An entry must say why the spot cannot reach the network.
 */
const ALLOWED: Array<{ bundle: string; what: string; context: string; reason: string }> = ['extension.js', 'extension.min.js', 'dist/extension.js'].map((bundle) => ({
  bundle,
  what: 'network module node:child_process',
  context: 'node:child_process',
  reason: "analysisProcess.ts forks only the extension's own dist/analysisWorker.js (the engine, checked here as a bundle of its own) and talks to it over the IPC channel; it runs no other program and no shell",
}));

interface Finding {
  bundle: string;
  what: string;
  context: string;
}

function context(code: string, index: number): string {
  return code.slice(Math.max(0, index - 60), index + 60).replace(/\s+/g, ' ');
}

/** The modules a bundle loads: literal require()/import() (a CommonJS bundle has no static import); a computed one is a finding. */
function moduleFindings(bundle: string, code: string): { modules: string[]; findings: Finding[] } {
  const modules = new Set<string>();
  const findings: Finding[] = [];
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*(?:(["'`])([^"'`]*)\1\s*\)|([^)"'`\s][^)]{0,40}))/g)) {
    if (m[2] !== undefined) modules.add(m[2]);
    else findings.push({ bundle, what: `computed module name ${m[0]}`, context: context(code, m.index) });
  }
  for (const name of modules) {
    const bare = name.replace(/^node:/, '');
    if (NETWORK_MODULES.has(bare)) findings.push({ bundle, what: `network module ${name}`, context: name });
    else if (name !== 'vscode' && !builtinModules.includes(bare)) findings.push({ bundle, what: `module ${name} left out of the bundle`, context: name });
  }
  return { modules: [...modules].sort(), findings };
}

function callFindings(bundle: string, code: string): Finding[] {
  const findings: Finding[] = [];
  for (const { what, re } of FORBIDDEN_CALLS) for (const m of code.matchAll(re)) findings.push({ bundle, what, context: context(code, m.index) });
  return findings;
}

function unexplained(findings: Finding[]): Finding[] {
  return findings.filter((f) => !ALLOWED.some((a) => (a.bundle === f.bundle || a.bundle === '*') && a.what === f.what && f.context.includes(a.context)));
}

/** The entry points esbuild.mjs bundles (`entryPoints: ['src/x.ts']`). */
function entryPoints(): string[] {
  const config = readFileSync(join(repoRoot, 'esbuild.mjs'), 'utf8');
  return [...config.matchAll(/entryPoints:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((e) => e[1]!));
}

const bundles = new Map<string, string>();
let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'news-annotator-trust-'));
  const entries = entryPoints();
  for (const minify of [false, true]) {
    for (const entry of entries) {
      const name = `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}${minify ? '.min' : ''}.js`;
      const outfile = join(outDir, name);
      // As esbuild.mjs builds them; `vscode` is provided by the editor.
      await esbuild.build({ entryPoints: [join(repoRoot, entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, external: ['vscode'], logLevel: 'error', legalComments: 'none' });
      bundles.set(name, readFileSync(outfile, 'utf8'));
    }
  }
  // And the bundles `npm run build` left in dist/, when there are some: what would be packaged now.
  for (const name of ['extension.js', 'cli.js']) {
    const file = join(repoRoot, 'dist', name);
    if (existsSync(file)) bundles.set(`dist/${name}`, readFileSync(file, 'utf8'));
  }
  bundles.set('media/timeline/timeline.js', readFileSync(join(repoRoot, 'media', 'timeline', 'timeline.js'), 'utf8'));
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('what ships makes no network request and evaluates no string', () => {
  it('bundles the extension and the command line', () => {
    const entries = entryPoints();
    expect(entries).toEqual(expect.arrayContaining(['src/cli.ts', 'src/extension.ts']));
    for (const name of ['extension.js', 'cli.js', 'extension.min.js', 'cli.min.js']) expect(bundles.get(name)?.length ?? 0, name).toBeGreaterThan(10_000);
  });

  it('loads no network module, no module from outside the bundle, and no module by a computed name', () => {
    const report: Record<string, string[]> = {};
    const findings: Finding[] = [];
    for (const [name, code] of bundles) {
      const r = moduleFindings(name, code);
      report[name] = r.modules;
      findings.push(...r.findings);
    }
    console.log(`modules loaded by each bundle: ${JSON.stringify(report)}`);
    expect(report['extension.js']).toContain('vscode');
    expect(unexplained(findings)).toEqual([]);
  });

  it('calls no fetch, XMLHttpRequest, WebSocket, eval or Function constructor', () => {
    const findings = [...bundles].flatMap(([name, code]) => callFindings(name, code));
    expect(unexplained(findings)).toEqual([]);
  });

  it('the checks see what they look for', () => {
    const planted = [
      'const h = require("node:https");',
      'const n = require("net");',
      "import('undici')",
      'require(name)',
      'fetch("https://example.org")',
      'globalThis.fetch(u)',
      'new XMLHttpRequest()',
      'new WebSocket(u)',
      'eval(s)',
      '(0, eval)(s)',
      'new Function("return 1")',
      'Function("return this")()',
      'require("child_process").exec("curl x")',
      'require("left-pad")',
    ];
    for (const code of planted) {
      const found = [...moduleFindings('x', code).findings, ...callFindings('x', code)];
      expect(found.length, code).toBeGreaterThan(0);
    }
    // Our own names that merely contain the words are not findings.
    const innocent = 'cache.fetch(k); const evaluate = 1; prefetch(); myFunction(); require("node:fs"); require("vscode"); x.eval(1)';
    expect([...moduleFindings('x', innocent).findings, ...callFindings('x', innocent)]).toEqual([]);
  });
});
