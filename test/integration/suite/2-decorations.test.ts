/// <reference types="mocha" />
// The decorations the extension sets on each seed article's editor are the spans the engine finds in the same
// text, per category, and the highlight toggles empty and restore exactly their own category.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Span } from '../../../src/analysis/types';
import type { AppliedDecorations } from '../../../src/vscode/api';
import { Commands } from '../../../src/vscode/constants';
import { analyzeDocument } from '../../../src/analysis/analyze';
import { api, expectedCorpus, folder, open, sleep, waitFor } from './helpers';

type Offsets = Array<[number, number]>;
type Engine = 'date' | 'official' | 'claim';
const CATEGORIES: readonly Engine[] = ['date', 'official', 'claim'];

function sorted(pairs: Offsets): Offsets {
  return [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function offsets(doc: vscode.TextDocument, ranges: readonly vscode.Range[]): Offsets {
  // Positions rebuilt from numbers: the ranges were made with the extension's copy of the API.
  const at = (p: vscode.Position) => doc.offsetAt(new vscode.Position(p.line, p.character));
  return sorted(ranges.map((r) => [at(r.start), at(r.end)]));
}

function spans(list: readonly Span[]): Offsets {
  return sorted(list.map((s) => [s.start, s.end]));
}

/** Per category, what the editor of `doc` shows now (empty lists when nothing was applied yet). */
async function shown(doc: vscode.TextDocument): Promise<Record<Engine, Offsets>> {
  const applied: AppliedDecorations | undefined = (await api()).decorationsFor(doc.uri);
  return {
    date: offsets(doc, applied?.date ?? []),
    official: offsets(doc, applied?.official ?? []),
    claim: offsets(doc, applied?.claim ?? []),
  };
}

/** Polls until the editor shows `expected`, then asserts it (so a timeout reports the difference). */
async function expectShown(doc: vscode.TextDocument, expected: Record<Engine, Offsets>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let now = await shown(doc);
  while (Date.now() < deadline) {
    try {
      assert.deepEqual(now, expected);
      return;
    } catch {
      await sleep(150);
      now = await shown(doc);
    }
  }
  assert.deepEqual(now, expected, what);
}

suite('Decorations on the seed articles', () => {
  suiteSetup(async () => {
    await (await api()).model.ready;
  });

  test('each seed article shows the dates, officials and claims the engine finds, at their offsets', async () => {
    const { corpus } = await expectedCorpus();
    assert.ok(corpus.documents.length >= 2, 'the workspace should hold the seed articles');
    const totals = { date: 0, official: 0, claim: 0 };
    for (const d of corpus.documents) {
      const editor = await open(vscode.Uri.joinPath(folder().uri, d.path));
      const expected = { date: spans(d.analysis.dates), official: spans(d.analysis.officials), claim: spans(d.analysis.claims) };
      await expectShown(editor.document, expected, `decorations of ${d.path}`);
      for (const c of CATEGORIES) totals[c] += expected[c].length;
    }
    // Equal empty lists would prove nothing: the seeds have all three.
    for (const c of CATEGORIES) assert.ok(totals[c] > 0, `the engine found no ${c} in the seeds`);
  });

  test('a decoration covers exactly the words of its span', async () => {
    const { corpus, texts } = await expectedCorpus();
    const d = corpus.documents.find((x) => x.analysis.officials.length > 0)!;
    const editor = await open(vscode.Uri.joinPath(folder().uri, d.path));
    await expectShown(editor.document, { date: spans(d.analysis.dates), official: spans(d.analysis.officials), claim: spans(d.analysis.claims) }, d.path);
    const official = (await shown(editor.document)).official[0]!;
    const words = editor.document.getText().slice(official[0], official[1]);
    assert.ok(d.analysis.officials.some((o) => o.text === words), `"${words}" is not an official's mention`);
    assert.equal(texts.get(d.path)!.slice(official[0], official[1]), words);
  });

  test('each highlight toggle empties its own category only, and toggling back restores it', async () => {
    const { corpus } = await expectedCorpus();
    const d = corpus.documents.find((x) => CATEGORIES.every((c) => spans(c === 'date' ? x.analysis.dates : c === 'official' ? x.analysis.officials : x.analysis.claims).length > 0));
    assert.ok(d, 'no seed article has dates, officials and claims');
    const editor = await open(vscode.Uri.joinPath(folder().uri, d.path));
    const all = { date: spans(d.analysis.dates), official: spans(d.analysis.officials), claim: spans(d.analysis.claims) };
    await expectShown(editor.document, all, `decorations of ${d.path} before toggling`);
    const toggles: Record<Engine, string> = { date: Commands.toggleDates, official: Commands.toggleOfficials, claim: Commands.toggleClaims };
    for (const c of CATEGORIES) {
      await vscode.commands.executeCommand(toggles[c]);
      await expectShown(editor.document, { ...all, [c]: [] }, `${c} highlights switched off`);
      await vscode.commands.executeCommand(toggles[c]);
      await expectShown(editor.document, all, `${c} highlights switched back on`);
    }
  });

  test('an edit redraws only the categories whose ranges changed', async () => {
    const { corpus } = await expectedCorpus();
    const d = corpus.documents.find((x) => x.analysis.dates.length > 0 && x.analysis.officials.length > 0 && x.analysis.claims.length > 0)!;
    const uri = vscode.Uri.joinPath(folder().uri, d.path);
    const { metrics, model } = await api();
    // The original text is put back at the end (saved, as auto-save may have saved the edits).
    const editor = await open(uri);
    const doc = editor.document;
    const original = doc.getText();
    try {
      const engine = () => {
        const a = analyzeDocument(doc.getText());
        return { date: spans(a.dates), official: spans(a.officials), claim: spans(a.claims) };
      };
      const caughtUp = async (what: string) => {
        await waitFor(`${what}: analysed`, () => model.article(uri)?.text === doc.getText());
        await expectShown(doc, engine(), what);
        await sleep(600); // any redraw still queued runs now
      };
      await caughtUp('the article before editing');
      const calls = () => ({ date: metrics.decorationCalls.date ?? 0, official: metrics.decorationCalls.official ?? 0, claim: metrics.decorationCalls.claim ?? 0 });
      const before = calls();

      // 1. A word typed in a sentence that holds no highlight: VS Code moves what follows, nothing is set again.
      const analysis = analyzeDocument(original);
      const highlighted = [...analysis.dates, ...analysis.officials, ...analysis.claims];
      const quiet = analysis.sentences.find((s) => s.start > 0 && !highlighted.some((h) => h.end >= s.start && h.start <= s.end) && highlighted.some((h) => h.start > s.end))!;
      assert.ok(quiet, 'no sentence without highlights before others');
      const at = original.indexOf(' ', quiet.start) + 1;
      await editor.edit((b) => b.insert(doc.positionAt(at), 'very '));
      await caughtUp('after a word typed');
      assert.deepEqual(calls(), before, 'categories were set again though only moved');

      // 2. A new sentence with a date at the end: dates are set again, officials and claims are not.
      const end = doc.getText().length;
      await editor.edit((b) => b.insert(doc.positionAt(end), '\n\nThe report was published on 3 March 2020.\n'));
      await caughtUp('after a date typed');
      const after = calls();
      assert.equal(after.date, before.date + 1, 'the dates were not set once more');
      assert.equal(after.official, before.official, 'officials were set again');
      assert.equal(after.claim, before.claim, 'claims were set again');
    } finally {
      // Auto-save may have written the edits: the original text goes back, saved.
      const restore = await vscode.window.showTextDocument(doc);
      await restore.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
      await doc.save();
      await waitFor('the article analysed as saved again', () => {
        if (doc.isDirty) throw new Error('the document is still dirty');
        if (doc.getText() !== original) throw new Error('the text is not the original');
        const article = model.article(uri);
        if (article?.text !== original) throw new Error(article ? `the index holds other text (${article.text.length} vs ${original.length} characters)` : 'the index holds no article');
        return true;
      });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('an editor that is not visible has no decorations to report', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { corpus } = await expectedCorpus();
    const uri = vscode.Uri.joinPath(folder().uri, corpus.documents[0]!.path);
    const decorations = await api();
    await waitFor('no visible editor of the closed article', () => !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()));
    assert.equal(decorations.decorationsFor(uri), undefined);
  });
});
