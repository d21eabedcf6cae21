/// <reference types="mocha" />
// Bad input in a real VS Code: files that are not articles, an article above the size limit (and Analyse
// Anyway), a tags file that cannot be read, an article renamed or deleted while open. Each test checks what
// the user is told (the commands return the message they show) and that no tag was lost.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../../src/annotations/tags';
import { Commands } from '../../../src/vscode/constants';
import {
  activated, exists, expectedCorpus, folder, hoverText, open, readTagsFile, readText, runAcceptingPrompts, select, sleep,
  tagsFileUri, waitFor,
} from './helpers';

const encode = (s: string) => new TextEncoder().encode(s);
const uriOf = (name: string) => vscode.Uri.joinPath(folder().uri, name);

async function tagsOf(path: string): Promise<Tag[]> {
  return ((await readTagsFile())?.tags ?? []).filter((t) => t.path === path);
}

/** A seed article with an absolute date and a quote: the date's hover says whether the article is analysed. */
async function sample(): Promise<{ text: string; date: { start: number; end: number; value: string }; quote: { start: number; end: number } }> {
  const { corpus, texts } = await expectedCorpus();
  const doc = corpus.documents.find((d) => d.analysis.quotes.length > 0 && d.analysis.dates.some((x) => x.value && !x.relative));
  assert.ok(doc, 'no seed article has both a quote and an absolute date');
  const date = doc.analysis.dates.find((x) => x.value && !x.relative)!;
  const quote = doc.analysis.quotes[0]!;
  return { text: texts.get(doc.path)!, date: { start: date.start, end: date.end, value: date.value! }, quote: { start: quote.start, end: quote.end } };
}

async function analysed(uri: vscode.Uri, date: { start: number; end: number; value: string }): Promise<boolean> {
  return (await hoverText(uri, Math.floor((date.start + date.end) / 2))).includes(date.value);
}

async function tagQuote(uri: vscode.Uri, start: number, end: number, path: string): Promise<Tag> {
  const editor = await open(uri);
  select(editor, start, end);
  await runAcceptingPrompts(Commands.tagQuote);
  return waitFor(`a quote tag in ${path}`, async () => (await tagsOf(path)).find((t) => t.kind === 'quote' && t.anchor.start === start));
}

/**
 * Removes the tags a test made, so that they do not follow their text into the next test's copy of the same
 * article (tags of a file that is gone are adopted by a new article holding all their text: a rename outside VS Code).
 */
async function removeTags(...paths: string[]): Promise<void> {
  for (const path of paths) {
    for (const tag of await tagsOf(path)) await vscode.commands.executeCommand(Commands.removeTag, { tag });
    await waitFor(`the test's tags of ${path} removed`, async () => (await tagsOf(path)).length === 0);
  }
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Bad input', () => {
  suiteSetup(async () => {
    await activated();
  });

  suiteTeardown(async () => {
    await closeEditors();
    await vscode.workspace.getConfiguration('newsAnnotator').update('analysis.maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('an empty file and a binary file: Annotate This File says why, the other articles and the tags are untouched', async () => {
    const before = await readText(tagsFileUri()).catch(() => '');
    const empty = uriOf('bad-empty.txt');
    const binary = uriOf('bad-binary.txt');
    await vscode.workspace.fs.writeFile(empty, new Uint8Array());
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.annotateFile, empty), 'News Annotator cannot annotate this file: the file is empty.');
      assert.equal(await vscode.commands.executeCommand(Commands.annotateFile, binary), 'News Annotator cannot annotate this file: the file is binary, not text.');
      const { corpus } = await expectedCorpus();
      const seed = corpus.documents.find((d) => d.analysis.dates.some((x) => x.value && !x.relative))!;
      const date = seed.analysis.dates.find((x) => x.value && !x.relative)!;
      assert.ok(await analysed(uriOf(seed.path), { start: date.start, end: date.end, value: date.value! }), 'a seed article lost its analysis');
      assert.equal(await readText(tagsFileUri()).catch(() => ''), before, 'the tags file changed');
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(empty);
      await vscode.workspace.fs.delete(binary);
    }
  });

  test('a 50 MB text file is not analysed: Annotate This File names its size and the limit; nothing else changes', async () => {
    const before = await readText(tagsFileUri()).catch(() => '');
    const huge = uriOf('bad-huge.txt');
    const { text } = await sample();
    const line = text.replace(/\s+/g, ' ') + '\n';
    const copies = Math.ceil((50 * 1024 * 1024) / encode(line).length);
    await vscode.workspace.fs.writeFile(huge, encode(line.repeat(copies)).subarray(0, 50 * 1024 * 1024));
    try {
      const message = await vscode.commands.executeCommand(Commands.annotateFile, huge);
      assert.equal(message, 'News Annotator cannot annotate this file: the file is 50 MB, above the 10 MB limit for analysis.');
      assert.equal(await readText(tagsFileUri()).catch(() => ''), before, 'the tags file changed');
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(huge);
    }
  });

  test('an article that grows above the limit loses its highlights, keeps its tag, and Analyse Anyway brings them back', async () => {
    await vscode.workspace.getConfiguration('newsAnnotator').update('analysis.maxFileSizeMB', 1, vscode.ConfigurationTarget.Workspace);
    const { text, date, quote } = await sample();
    const name = 'bad-growing.txt';
    const uri = uriOf(name);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    try {
      await waitFor('the new article analysed', () => analysed(uri, date));
      const tag = await tagQuote(uri, quote.start, quote.end, name);
      await closeEditors();
      // 1.5 MB of prose appended by another program: the tag's text does not move.
      const filler = '\n\n' + 'Officials met again and talks went on late into the evening. '.repeat(Math.ceil((1.5 * 1024 * 1024) / 62));
      await vscode.workspace.fs.writeFile(uri, encode(text + filler));
      await waitFor('the highlights gone above the limit', async () => !(await analysed(uri, date)));
      assert.equal(
        await vscode.commands.executeCommand(Commands.annotateFile, uri),
        'News Annotator cannot annotate this file: the file is 1.5 MB, above the 1.0 MB limit for analysis.',
      );
      const kept = (await tagsOf(name)).find((t) => t.id === tag.id);
      assert.deepEqual(kept, tag, 'the tag changed while its article was not analysed');

      assert.equal(await vscode.commands.executeCommand(Commands.analyseAnyway, uri), undefined);
      await waitFor('the highlights back after Analyse Anyway', () => analysed(uri, date));
      await sleep(500);
      const after = (await tagsOf(name)).find((t) => t.id === tag.id);
      assert.ok(after && !after.detached && after.anchor.start === tag.anchor.start && after.anchor.exact === tag.anchor.exact, 'the tag moved or was detached');
    } finally {
      await closeEditors();
      await vscode.workspace.getConfiguration('newsAnnotator').update('analysis.maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
      await removeTags(name);
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('UTF-8 with a BOM and UTF-16 LE/BE articles are read as the same text (the BOM not counted), a Latin-1 one is left out', async () => {
    const { text } = await sample();
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const be = le.map((_, i) => le[i ^ 1]!);
    const latin1 = Uint8Array.from('Lisboa, 5 de março de 2024 - O ministro José Cravinho disse à imprensa.', (c) => c.charCodeAt(0));
    const files: Record<string, Uint8Array> = {
      'bad-plain.txt': encode(text),
      'bad-bom.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]),
      'bad-utf16le.txt': le,
      'bad-utf16be.txt': be,
      'bad-latin1.txt': latin1,
      'bad-crlf.txt': encode(text.replace(/\r?\n/g, '\r\n')),
      'bad-emoji.txt': encode('🇯🇵🤝🇮🇷 𝐍𝐞𝐰𝐬\n' + text),
    };
    const out = uriOf('annotations.json');
    try {
      for (const [name, bytes] of Object.entries(files)) await vscode.workspace.fs.writeFile(uriOf(name), bytes);
      await sleep(1500);
      if (await exists(out)) await vscode.workspace.fs.delete(out);
      await runAcceptingPrompts(Commands.exportJson, () => exists(out));
      await waitFor('annotations.json written', () => exists(out));
      const data = JSON.parse(await readText(out)) as { documents: Array<{ path: string; sha256: string; annotations: Array<{ start: number; text: string }> }> };
      const byPath = new Map(data.documents.map((d) => [d.path, d]));
      const plain = byPath.get('bad-plain.txt');
      assert.ok(plain && plain.annotations.length > 0, 'the plain copy is not exported');
      for (const name of ['bad-bom.txt', 'bad-utf16le.txt', 'bad-utf16be.txt']) {
        const doc = byPath.get(name);
        assert.ok(doc, `${name} is not exported`);
        assert.equal(doc.sha256, plain.sha256, `${name} was read as another text`);
        assert.deepEqual(doc.annotations, plain.annotations, `${name} has other annotations or offsets`);
      }
      assert.ok(!byPath.has('bad-latin1.txt'), 'a Latin-1 file was exported from a guess');
      // CRLF line ends and characters outside the BMP: offsets exact in UTF-16, and in code points too.
      for (const name of ['bad-crlf.txt', 'bad-emoji.txt']) {
        const source = new TextDecoder().decode(files[name]);
        const doc = byPath.get(name) as unknown as { annotations: Array<{ start: number; end: number; codePointStart: number; codePointEnd: number; text: string }> } | undefined;
        assert.ok(doc && doc.annotations.length === plain.annotations.length, `${name} is not exported with all its annotations`);
        const points = Array.from(source);
        for (const a of doc.annotations) {
          assert.equal(source.slice(a.start, a.end), a.text, `${name}: UTF-16 offsets of "${a.text}"`);
          assert.equal(points.slice(a.codePointStart, a.codePointEnd).join(''), a.text, `${name}: code-point offsets of "${a.text}"`);
        }
      }
    } finally {
      for (const name of Object.keys(files)) await vscode.workspace.fs.delete(uriOf(name));
      if (await exists(out)) await vscode.workspace.fs.delete(out);
    }
  });

  test('a Latin-1 article open in the editor is analysed from the editor\'s text', async () => {
    const uri = uriOf('bad-latin1-open.txt');
    const text = 'Lisboa, 5 de março de 2024 - O ministro José Cravinho reuniu-se com o Presidente Lula em Brasília em 12 March 2024.';
    await vscode.workspace.fs.writeFile(uri, Uint8Array.from(text, (c) => c.charCodeAt(0)));
    try {
      const editor = await open(uri);
      const shown = editor.document.getText();
      const at = shown.indexOf('12 March 2024');
      assert.ok(at > 0, 'the date is not in the editor');
      await waitFor('the date found in the editor\'s text', async () => (await hoverText(uri, at + 3)).includes('2024-03-12'));
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('an article renamed while open keeps its tag and its highlights under the new name', async () => {
    const { text, date, quote } = await sample();
    const from = uriOf('bad-rename-from.txt');
    const to = uriOf('bad-rename-to.txt');
    await vscode.workspace.fs.writeFile(from, encode(text));
    try {
      await waitFor('the new article analysed', () => analysed(from, date));
      const tag = await tagQuote(from, quote.start, quote.end, 'bad-rename-from.txt');
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was refused');
      const moved = await waitFor('the tag under the new name', async () => (await tagsOf('bad-rename-to.txt')).find((t) => t.id === tag.id));
      assert.deepEqual({ ...moved, path: tag.path, modified: tag.modified }, tag, 'the tag changed other than its path');
      assert.deepEqual(await tagsOf('bad-rename-from.txt'), []);
      await waitFor('the renamed article analysed', () => analysed(to, date));
    } finally {
      await closeEditors();
      await removeTags('bad-rename-from.txt', 'bad-rename-to.txt');
      for (const u of [from, to]) if (await exists(u)) await vscode.workspace.fs.delete(u);
    }
  });

  test('an article deleted while open keeps its tag in the tags file, attached again when the file comes back', async () => {
    const { text, date, quote } = await sample();
    const name = 'bad-deleted.txt';
    const uri = uriOf(name);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    try {
      const tag = await tagQuote(uri, quote.start, quote.end, name);
      await vscode.workspace.fs.delete(uri);
      await sleep(1500);
      assert.deepEqual((await tagsOf(name)).find((t) => t.id === tag.id), tag, 'the tag was lost or changed when its article was deleted');
      await vscode.workspace.fs.writeFile(uri, encode(text));
      await sleep(1500);
      const back = (await tagsOf(name)).find((t) => t.id === tag.id);
      assert.ok(back && !back.detached && back.anchor.start === tag.anchor.start, 'the tag is not attached again');
      await waitFor('the article analysed again', () => analysed(uri, date));
    } finally {
      await closeEditors();
      await removeTags(name);
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
  });

  test('a tags file that is invalid JSON, of a newer version or with duplicate ids is left untouched, and tagging is refused until it is fixed', async () => {
    const { text, quote } = await sample();
    const name = 'bad-tags-target.txt';
    const uri = uriOf(name);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    await tagQuote(uri, quote.start, quote.end, name);
    await closeEditors();
    await sleep(500);
    const good = await readText(tagsFileUri());
    const json = JSON.parse(good) as { version: number; tags: unknown[] };
    const brokenFiles = {
      'invalid JSON': good.slice(0, Math.floor(good.length / 2)),
      'a newer version': JSON.stringify({ ...json, version: json.version + 1 }, null, 2),
      'duplicate ids': JSON.stringify({ ...json, tags: [...json.tags, json.tags[0]] }, null, 2),
    };
    try {
      for (const [what, broken] of Object.entries(brokenFiles)) {
        await vscode.workspace.fs.writeFile(tagsFileUri(), encode(broken));
        await sleep(1500);
        const editor = await open(uri);
        select(editor, quote.start, quote.end);
        await runAcceptingPrompts(Commands.tagQuote).catch(() => undefined);
        await sleep(1000);
        assert.equal(await readText(tagsFileUri()), broken, `the tags file with ${what} was overwritten`);
        await vscode.commands.executeCommand('notifications.clearAll');
      }
    } finally {
      await closeEditors();
      await vscode.workspace.fs.writeFile(tagsFileUri(), encode(good));
    }
    try {
      // Fixed: the tags are read again, none lost, and nothing was added while the file was broken.
      await sleep(1000);
      assert.equal(await readText(tagsFileUri()), good);
    } finally {
      await removeTags(name);
      await vscode.workspace.fs.delete(uri);
    }
  });
});
