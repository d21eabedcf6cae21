// The extension and the command line write only where the user asked: the workspace's tags file, the export
// or picture path the user chose, and the extension's own storage. Every place in the sources that writes,
// renames or deletes a file is listed here with where it writes and why that place is the user's choice; a new
// one fails this test until it is reviewed and added.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds';

const WRITE_APIS =
  /\bworkspace\.fs\.(writeFile|createDirectory|delete|rename|copy)\b|\b(writeFileSync|writeFile|appendFileSync|appendFile|mkdirSync|mkdir|renameSync|rename|rmSync|rm|unlinkSync|unlink|copyFileSync|copyFile|cpSync|createWriteStream|symlinkSync|truncateSync|openSync)\s*\(|\bnew\s+(?:vscode\.)?WorkspaceEdit\b|\bapplyEdit\s*\(/g;

/** Reviewed: file → the write APIs it uses, and where they write. */
const REVIEWED: Record<string, { apis: string[]; where: string }> = {
  'src/vscode/tagStorage.ts': {
    apis: ['workspace.fs.rename'],
    where: 'the folder\'s .news-annotator/tags.json, through atomicWrite over workspaceFs; an unreadable one is renamed aside in the same folder when the user asks',
  },
  'src/vscode/workspaceFs.ts': {
    apis: ['workspace.fs.createDirectory', 'workspace.fs.writeFile', 'workspace.fs.rename', 'workspace.fs.delete'],
    where: 'nowhere of its own: workspace.fs as atomicWrite sees it, for the two callers listed here (tagStorage, analysisCacheStore)',
  },
  'src/vscode/analysisCacheStore.ts': {
    apis: ['workspace.fs.delete'],
    where: "the extension's own storage (context.storageUri, else globalStorageUri): cached analyses (shards, manifest and linked corpus, each through atomicWrite over workspaceFs), pruned and cleared there only",
  },
  'src/vscode/views/exportCommands.ts': { apis: ['workspace.fs.writeFile'], where: 'the file the user picked in the save dialog of Export Annotations' },
  'src/vscode/views/timelinePanel.ts': { apis: ['workspace.fs.writeFile'], where: 'the file the user picked in the save dialog of Save as SVG' },
  'src/annotations/atomicWrite.ts': {
    apis: ['rename', 'writeFile'],
    where: 'nowhere of its own: only through the file-system object its caller passes (tagStorage, analysisCacheStore: workspace.fs; workerShards: node:fs), to a temporary file beside the target the caller names, then renamed over it',
  },
  'src/worker/nodeAtomicFs.ts': {
    apis: ['mkdir', 'writeFile', 'rename', 'rm'],
    where: 'nowhere of its own: node:fs as atomicWrite sees it, for workerShards (and the tests)',
  },
  'src/cliRun.ts': { apis: ['mkdirSync', 'writeFileSync', 'renameSync', 'rmSync'], where: 'the --out path given on the command line (through a temporary file beside it, removed if the export fails)' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function writesBySource(): Record<string, string[]> {
  const found: Record<string, Set<string>> = {};
  for (const file of sourceFiles(join(repoRoot, 'src'))) {
    const code = readFileSync(file, 'utf8').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    for (const m of code.matchAll(WRITE_APIS)) {
      const api = m[1] ? `workspace.fs.${m[1]}` : m[2] ?? m[0].replace(/\s+/g, ' ');
      (found[relative(repoRoot, file).split('\\').join('/')] ??= new Set()).add(api);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([f, s]) => [f, [...s].sort()]));
}

describe('where the extension and the command line write', () => {
  it('only the reviewed places write, rename or delete files', () => {
    const found = writesBySource();
    console.log(`write sites: ${JSON.stringify(found)}`);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['src/vscode/tagStorage.ts', 'src/cliRun.ts', 'src/vscode/views/exportCommands.ts']));
    const reviewed = Object.fromEntries(Object.entries(REVIEWED).map(([f, r]) => [f, [...r.apis].sort()]));
    // A reviewed file that stopped writing is fine; anything new must be reviewed.
    for (const [file, apis] of Object.entries(found)) {
      expect(reviewed[file], `${file} writes with ${apis.join(', ')}: where, and did the user ask?`).toBeDefined();
      for (const api of apis) expect(reviewed[file], `${file}: ${api}`).toContain(api);
    }
  });

  it('the engine writes nothing at all, and the pure tag code only through the file system it is handed', () => {
    expect(Object.keys(writesBySource()).filter((f) => f.startsWith('src/analysis/') || f.startsWith('src/annotations/'))).toEqual(['src/annotations/atomicWrite.ts']);
    // Its writes are calls on the injected `fs` parameter, never on a module it imports (it imports nothing).
    const atomic = readFileSync(join(repoRoot, 'src/annotations/atomicWrite.ts'), 'utf8').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    expect(atomic).not.toMatch(/^\s*import\s/m);
    for (const m of atomic.matchAll(/([\w.]+)\.(writeFile|rename)\s*\(/g)) expect(m[1]).toBe('fs');
  });

  it('exports and pictures go where the save dialog says, the cache to the extension\'s storage', () => {
    const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');
    for (const f of ['src/vscode/views/exportCommands.ts', 'src/vscode/views/timelinePanel.ts']) expect(read(f)).toMatch(/const target = await vscode\.window\.showSaveDialog\(/);
    expect(read('src/extension.ts')).toMatch(/new AnalysisCacheStore\(context\.storageUri \?\? context\.globalStorageUri/);
    // The analysis worker writes cache shards only into the folder the cache store names (its own storage).
    expect(read('src/vscode/analysisCacheStore.ts')).toMatch(/dir: this\.dir\.fsPath/);
    expect(read('src/worker/workerShards.ts')).toMatch(/atomicWrite\(nodeAtomicFs, join\(building\.target\.dir, name\)/);
    expect(read('src/vscode/tagStorage.ts')).toMatch(/vscode\.Uri\.joinPath\(folder\.uri, TAGS_DIR, TAGS_FILE\)/);
  });

  it('the scan sees a write', () => {
    const code = 'await vscode.workspace.fs.writeFile(u, b); fs.writeFileSync(p, s); const e = new vscode.WorkspaceEdit();';
    expect([...code.matchAll(WRITE_APIS)].length).toBe(3);
  });
});
