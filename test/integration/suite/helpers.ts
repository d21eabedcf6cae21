// What the integration tests share: the extension under test, the seed workspace, waiting for the
// extension's asynchronous work, and answering its quick inputs the way a person presses Enter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import Ajv from 'ajv';
import { analyzeCorpus } from '../../../src/analysis/analyze';
import type { CorpusAnalysis } from '../../../src/analysis/types';
import type { NewsAnnotatorApi } from '../../../src/vscode/api';
import { TAGS_DIR, TAGS_FILE } from '../../../src/vscode/constants';
import type { Tag } from '../../../src/annotations/tags';

export const EXTENSION_ID = 'news-annotator.news-annotator';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

export async function activated(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  await ext.activate();
  return ext;
}

/** What activate() returns: the model, the two trees' providers and the decorations last applied. */
export async function api(): Promise<NewsAnnotatorApi> {
  const exports = (await activated()).exports as NewsAnnotatorApi | undefined;
  assert.ok(exports && typeof exports.decorationsFor === 'function', 'activate() returned no test API');
  return exports;
}

/** A tree provider's children (the root's when `node` is undefined), as the view would ask for them. */
export async function childrenOf<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<T[]> {
  return (await provider.getChildren(node)) ?? [];
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder holding the seed articles');
  return f;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined/false, or fails with `what` and the last error. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await sleep(150);
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function seedUris(): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder().uri);
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.txt'))
    .map(([name]) => vscode.Uri.joinPath(folder().uri, name))
    .sort((a, b) => a.path.localeCompare(b.path));
}

let corpusCache: Promise<{ corpus: CorpusAnalysis; texts: Map<string, string> }> | undefined;
/** The engine's own reading of the workspace's articles: what the extension should show. */
export function expectedCorpus(): Promise<{ corpus: CorpusAnalysis; texts: Map<string, string> }> {
  corpusCache ??= (async () => {
    const texts = new Map<string, string>();
    for (const uri of await seedUris()) texts.set(vscode.workspace.asRelativePath(uri, false), await readText(uri));
    return { corpus: analyzeCorpus([...texts].map(([path, text]) => ({ path, text }))), texts };
  })();
  return corpusCache;
}

export function tagsFileUri(): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, TAGS_DIR, TAGS_FILE);
}

export interface TagFileContents {
  format: string;
  version: number;
  tags: Tag[];
}

export async function readTagsFile(): Promise<TagFileContents | undefined> {
  if (!(await exists(tagsFileUri()))) return undefined;
  return JSON.parse(await readText(tagsFileUri())) as TagFileContents;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function select(editor: vscode.TextEditor, start: number, end: number): void {
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
}

/**
 * Runs a command that asks through quick picks / input boxes and answers every question with Enter (the first
 * item, or the box's default), as a user who accepts what is offered. Done when the command returns or, for a
 * command that ends on a notification with buttons (which it awaits), when `done()` says its work is there:
 * the notifications are then cleared, as a user would close them.
 */
export async function runAcceptingPrompts(command: string, done?: () => Promise<boolean>, ...args: unknown[]): Promise<void> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => { settled = true; });
  const deadline = Date.now() + 20_000;
  while (!settled && Date.now() < deadline) {
    await sleep(400);
    if (settled || (done && (await done()))) break;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  if (!settled && done && (await done())) {
    await vscode.commands.executeCommand('notifications.clearAll');
    await Promise.race([result, sleep(5_000)]);
    return;
  }
  if (!settled) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    throw new Error(`${command} was still asking questions after 20 s`);
  }
  await result;
}

export async function hoverText(uri: vscode.Uri, offset: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset))) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

let validators: Map<string, ReturnType<Ajv['compile']>> | undefined;
/** The schema's complaints about `data`, empty when it is valid; the schema is read from the installed extension. */
export async function schemaErrors(schemaFile: string, data: unknown): Promise<string[]> {
  validators ??= new Map();
  let validate = validators.get(schemaFile);
  if (!validate) {
    const schemaUri = vscode.Uri.joinPath(extension().extensionUri, 'schemas', schemaFile);
    validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(await readText(schemaUri)));
    validators.set(schemaFile, validate);
  }
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
