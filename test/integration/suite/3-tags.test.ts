/// <reference types="mocha" />
// Tags added through the commands, kept in .news-annotator/tags.json, following their words through edits
// in VS Code and changes made outside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import type { Tag } from '../../../src/annotations/tags';
import {
  activated, expectedCorpus, folder, open, readTagsFile, readText, runAcceptingPrompts, schemaErrors, select, sleep,
  tagsFileUri, waitFor,
} from './helpers';

async function tagsOf(path: string): Promise<Tag[]> {
  return ((await readTagsFile())?.tags ?? []).filter((t) => t.path === path);
}

/** A sentence of a seed article that the engine reads as a quote, so a person would plausibly tag it. */
async function quotedSentence(index: number): Promise<{ path: string; start: number; end: number; text: string }> {
  const { corpus, texts } = await expectedCorpus();
  const docs = corpus.documents.filter((d) => d.analysis.quotes.length > 0);
  const doc = docs[index % docs.length];
  assert.ok(doc, 'no seed article has a quote');
  const q = doc.analysis.quotes[0]!;
  return { path: doc.path, start: q.start, end: q.end, text: texts.get(doc.path)!.slice(q.start, q.end) };
}

suite('Tags through the commands', () => {
  let quote: Tag | undefined;
  let stance: Tag | undefined;
  let target: { path: string; start: number; end: number; text: string };
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activated();
    target = await quotedSentence(0);
    uri = vscode.Uri.joinPath(folder().uri, target.path);
  });

  test('Tag Selection as Quote writes a quote tag on the selected words', async () => {
    const editor = await open(uri);
    select(editor, target.start, target.end);
    await runAcceptingPrompts(Commands.tagQuote);
    quote = await waitFor('a quote tag in tags.json', async () => (await tagsOf(target.path)).find((t) => t.kind === 'quote'));
    assert.equal(quote.anchor.start, target.start);
    assert.equal(quote.anchor.end, target.end);
    assert.equal(quote.anchor.exact, target.text);
    assert.equal(quote.detached, false);
  });

  test('Tag Selection as Stance writes a stance tag with a configured value', async () => {
    const editor = await open(uri);
    // The first half of the same passage: tags may overlap.
    const end = target.start + Math.max(1, Math.floor((target.end - target.start) / 2));
    select(editor, target.start, end);
    await runAcceptingPrompts(Commands.tagStance);
    stance = await waitFor('a stance tag in tags.json', async () => (await tagsOf(target.path)).find((t) => t.kind === 'stance'));
    assert.equal(stance.anchor.start, target.start);
    assert.equal(stance.anchor.end, end);
    const values = vscode.workspace.getConfiguration('newsAnnotator').get<string[]>('stance.values') ?? [];
    assert.ok(stance.kind === 'stance' && values.includes(stance.stance), `stance "${stance.kind === 'stance' ? stance.stance : ''}" is not one of ${values.join(', ')}`);
  });

  test('the tags file is versioned, sorted, stable and valid against its schema', async () => {
    const file = await readTagsFile();
    assert.ok(file);
    assert.equal(file.format, 'news-annotator/tags');
    assert.equal(file.version, 1);
    assert.deepEqual(await schemaErrors('tags.schema.json', file), []);
    const ids = file.tags.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length, 'tag ids are not unique');
    const text = await readText(tagsFileUri());
    assert.ok(text.includes('\n  '), 'tags.json is not indented for humans and diffs');
  });

  test('Go to Next/Previous Tag move the cursor to the tags', async () => {
    const editor = await open(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextTag);
    assert.equal(editor.document.offsetAt(vscode.window.activeTextEditor!.selection.start), target.start);
    const endPos = editor.document.positionAt(editor.document.getText().length);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(endPos, endPos);
    await vscode.commands.executeCommand(Commands.previousTag);
    assert.equal(editor.document.offsetAt(vscode.window.activeTextEditor!.selection.start), target.start);
  });

  test('an edit above the tags shifts them onto the same words, undo brings them back', async () => {
    assert.ok(quote, 'needs the quote tag');
    const editor = await open(uri);
    const inserted = 'A line written above the tag by the reader.\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    await editor.document.save();
    const moved = await waitFor('the quote tag shifted in tags.json', async () => {
      const t = (await tagsOf(target.path)).find((x) => x.id === quote!.id);
      return t && t.anchor.start === target.start + inserted.length ? t : undefined;
    });
    assert.equal(moved.anchor.exact, target.text);
    assert.equal(moved.detached, false);
    await vscode.commands.executeCommand('undo');
    await editor.document.save();
    await waitFor('the quote tag back at its place after undo', async () => {
      const t = (await tagsOf(target.path)).find((x) => x.id === quote!.id);
      return t?.anchor.start === target.start;
    });
  });

  test('Edit Tag (as the Annotations view calls it) asks again and keeps the tag on its words', async () => {
    assert.ok(quote, 'needs the quote tag');
    await runAcceptingPrompts(Commands.editTag, undefined, { tag: quote });
    const edited = await waitFor('the quote tag after editing', async () => (await tagsOf(target.path)).find((t) => t.id === quote!.id));
    assert.equal(edited.kind, 'quote');
    assert.equal(edited.anchor.start, target.start);
    assert.equal(edited.anchor.exact, target.text);
  });

  test('Remove Tag (as the Annotations view calls it) deletes only that tag', async () => {
    assert.ok(stance, 'needs the stance tag');
    await vscode.commands.executeCommand(Commands.removeTag, { tag: stance });
    await waitFor('the stance tag gone from tags.json', async () => !(await tagsOf(target.path)).some((t) => t.id === stance!.id));
    assert.ok((await tagsOf(target.path)).some((t) => t.id === quote?.id), 'the quote tag was removed too');
  });

  test('a change made outside VS Code re-anchors the tag by its text', async () => {
    const other = await quotedSentence(1);
    const otherUri = vscode.Uri.joinPath(folder().uri, other.path);
    const editor = await open(otherUri);
    select(editor, other.start, other.end);
    await runAcceptingPrompts(Commands.tagQuote);
    const tag = await waitFor('a quote tag on the second article', async () => (await tagsOf(other.path)).find((t) => t.kind === 'quote'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // As a `git pull` would: the file is rewritten on disk with a new paragraph at the top.
    const preface = 'Editor\'s note: this article was updated with a new first paragraph.\n\n';
    const original = await readText(otherUri);
    await vscode.workspace.fs.writeFile(otherUri, new TextEncoder().encode(preface + original));
    const moved = await waitFor('the tag re-anchored after the outside change', async () => {
      const t = (await tagsOf(other.path)).find((x) => x.id === tag.id);
      return t && t.anchor.start === other.start + preface.length ? t : undefined;
    }, 20_000);
    assert.equal(moved.detached, false);
    assert.equal(moved.anchor.exact, other.text);
    // And when its words are gone, it is kept, detached, never dropped.
    await vscode.workspace.fs.writeFile(otherUri, new TextEncoder().encode(original.slice(0, other.start) + original.slice(other.end)));
    const detached = await waitFor('the tag detached, not dropped', async () => (await tagsOf(other.path)).find((x) => x.id === tag.id && x.detached));
    assert.equal(detached.anchor.exact, other.text);
    // Re-attach Tag to Selection (the Annotations view's action on a detached tag) puts it on new words.
    const reopened = await open(otherUri);
    await waitFor('the editor on the rewritten file', () => !reopened.document.getText().includes(other.text));
    // Words that start and end on a letter, so that no trimming of the selection is in question.
    const words = /[A-Za-z][^\n]{18,40}?[A-Za-z]/.exec(reopened.document.getText());
    assert.ok(words, 'no line of words in the article');
    const newStart = words.index;
    const newEnd = words.index + words[0].length;
    select(reopened, newStart, newEnd);
    await vscode.commands.executeCommand(Commands.reattachTag, { tag: detached });
    const reattached = await waitFor('the tag attached to the selection', async () =>
      (await tagsOf(other.path)).find((x) => x.id === tag.id && !x.detached));
    assert.equal(reattached.anchor.start, newStart);
    assert.equal(reattached.anchor.exact, reopened.document.getText().slice(newStart, newEnd));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(otherUri, new TextEncoder().encode(original));
    await sleep(500);
  });
});
