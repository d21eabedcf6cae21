/// <reference types="mocha" />
// A workspace above the size the index links at once when read: its people and events are linked in the
// background, in steps, and the model must still end up exactly as the engine's own corpus analysis of the
// same articles. (The timings of a 10,000-article workspace are measured by `npm run bench:scale`.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeCorpus } from '../../../src/analysis/analyze';
import { api, folder, readText, seedUris, waitFor } from './helpers';

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
