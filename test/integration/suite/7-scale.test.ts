/// <reference types="mocha" />
// A workspace above the size the index links at once when read: its people and events are linked in the
// background, in steps, and the model must still end up exactly as the engine's own corpus analysis of the
// same articles. (The timings of a 10,000-article workspace are measured by `npm run bench:scale`.)
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { analyzeCorpus, analyzeDocument } from '../../../src/analysis/analyze';
import { api, folder, readText, seedUris, sleep, waitFor } from './helpers';

const ADDED = 400;

suite('A larger workspace', () => {
  test(`${ADDED} more articles are analysed off the host thread, linked in the background, and the model equals analyzeCorpus`, async function () {
    this.timeout(240_000);
    const the = await api();
    await the.model.ready;
    const seedTexts = await Promise.all((await seedUris()).map(readText));
    const generated = variants(seedTexts, ADDED);
    const dir = vscode.Uri.joinPath(folder().uri, 'scale-test');
    try {
      await vscode.workspace.fs.createDirectory(dir);
      for (let i = 0; i < generated.length; i++) {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `article-${String(i).padStart(3, '0')}.txt`), new TextEncoder().encode(generated[i]!.text));
      }
      await waitFor(`${ADDED} new articles in the model`, () => the.model.articles().filter((a) => a.path.includes('scale-test/')).length === ADDED, 180_000);

      // Once the background linking has caught up, the model is the engine's corpus analysis of the same texts.
      // The index holds the texts and analyses of open articles only: the others are loaded (file + cache).
      const expectedOf = async () => {
        const loaded = await Promise.all(the.model.articles().map((a) => the.model.load(a.uri)));
        const articles = loaded.filter((a): a is NonNullable<typeof a> => a !== undefined);
        const corpus = analyzeCorpus(articles.map((a) => ({ path: a.path, text: a.text, options: { documentDate: a.documentDateOverride } })));
        return { articles, corpus };
      };
      // Compared again only when a linking ended (the events are a new list then): analyzeCorpus is not free.
      let last = await expectedOf();
      let checked: readonly unknown[] | undefined;
      await waitFor(
        'the background linking to match analyzeCorpus',
        async () => {
          const events = the.model.events();
          if (events === checked) return false;
          checked = events;
          last = await expectedOf();
          return JSON.stringify(events) === JSON.stringify(last.corpus.events) && JSON.stringify(the.model.entities()) === JSON.stringify(last.corpus.entities);
        },
        90_000,
      );
      assert.ok(last.corpus.events.some((e) => e.sources.some((s) => s.path.includes('scale-test/'))), 'the new articles report events');
      last.articles.forEach((a, i) => {
        const expected = last.corpus.documents[i]!;
        assert.equal(a.path, expected.path);
        // The index keeps no sentence spans (no view reads them); everything else is the engine's.
        assert.deepEqual(a.analysis, { ...expected.analysis, sentences: [] }, a.path);
      });
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
      // (Other articles may come and go meanwhile: earlier tests clean up after themselves too.)
      await waitFor('the added articles to leave the model', () => !the.model.articles().some((a) => a.path.includes('scale-test/')), 60_000);
    }
  });

  test('typing in a long article as soon as it opens never reads it whole on the host thread, and its analysis ends exact', async function () {
    this.timeout(120_000);
    const the = await api();
    await the.model.ready;
    const seedTexts = await Promise.all((await seedUris()).map(readText));
    // Longer than what the live analyser reads whole (128 K characters).
    const text = variants(seedTexts, 120).map((v) => v.text).join('\n\n');
    assert.ok(text.length > 200_000, `${text.length} characters`);
    const uri = vscode.Uri.joinPath(folder().uri, 'long-article.txt');
    // No debounce: the first keystroke is read at once, before the article's whole analysis (to start from) can
    // have come from the analysis process.
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    await settings.update('analysis.debounceMs', 0, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await waitFor('the long article in the model', () => the.model.summary(uri), 60_000);
      const before = the.metrics.reanalyses.length;
      const doc = await vscode.workspace.openTextDocument(uri);
      // The first word goes in as soon as the document is open (before an editor shows it), the rest is typed
      // a character at a time, in the middle of the article.
      let at = doc.positionAt(text.indexOf('. ', text.length / 2) + 1);
      const first = new vscode.WorkspaceEdit();
      first.insert(uri, at, ' Talks');
      assert.ok(await vscode.workspace.applyEdit(first));
      at = at.translate(0, ' Talks'.length);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      for (const ch of ' resume in March.') {
        await editor.edit((e) => e.insert(at, ch), { undoStopBefore: false, undoStopAfter: false });
        at = at.translate(0, 1);
        await sleep(25);
      }
      const typed = doc.getText();
      const expectedDates = analyzeDocument(typed).dates;
      let seen = 'nothing held';
      await waitFor(
        'the typed text analysed exactly',
        () => {
          const article = the.model.article(uri);
          if (!article) return false;
          const differs = expectedDates.findIndex((d, i) => !isDeepStrictEqual(d, article.analysis.dates[i]));
          seen = `held ${article.text === typed ? 'the typed text' : `${article.text.length} characters (typed: ${typed.length})`}, ${article.analysis.dates.length} dates (expected ${expectedDates.length}${differs >= 0 ? `, the first that differs: ${JSON.stringify(article.analysis.dates[differs])} for ${JSON.stringify(expectedDates[differs])}` : ''}); re-analyses: ${JSON.stringify(the.metrics.reanalyses.slice(before))}`;
          return article.text === typed && isDeepStrictEqual(article.analysis.dates, expectedDates);
        },
        90_000,
      ).catch((e: Error) => assert.fail(`${e.message}; ${seen}`));
      const mine = the.metrics.reanalyses.slice(before).filter((r) => r.uri === uri.toString());
      assert.ok(mine.length > 0, 'the edit was read on the host thread');
      for (const r of mine) assert.ok(r.analysedChars < r.textChars / 2, `an edit read ${r.analysedChars} of ${r.textChars} characters on the host thread`);
      const march = typed.indexOf('March.', doc.offsetAt(at) - 10);
      await waitFor('the typed date highlighted', () => the.decorationsFor(uri)?.date.some((r) => doc.offsetAt(r.start) === march), 30_000);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await settings.update('analysis.debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await waitFor('the long article to leave the model', () => !the.model.summary(uri), 60_000);
    }
  });
});

/**
 * Articles made from the seeds: paragraphs rotated and a dated line added, so that texts differ (and the same
 * events are told by several articles, which exercises their merging).
 */
function variants(seedTexts: string[], count: number): Array<{ text: string }> {
  const out: Array<{ text: string }> = [];
  for (let i = 0; i < count; i++) {
    const paragraphs = seedTexts[i % seedTexts.length]!.split(/\n\s*\n/);
    const shift = Math.floor(i / seedTexts.length) % Math.max(1, paragraphs.length - 1);
    const body = [paragraphs[0]!, ...paragraphs.slice(1 + shift), ...paragraphs.slice(1, 1 + shift)];
    out.push({ text: `${body.join('\n\n')}\n\nThis report was updated on ${1 + (i % 28)} March 2024.\n` });
  }
  return out;
}
