/// <reference types="mocha" />
// Highlights are explained by hovers: what the extension found in a seed article, as the engine finds it.
// (The decoration ranges are checked in 2-decorations; the UI journey reads them from the page.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { activated, expectedCorpus, folder, hoverText, open, waitFor } from './helpers';

async function firstDocumentWith(pick: (a: Awaited<ReturnType<typeof expectedCorpus>>['corpus']['documents'][number]) => boolean) {
  const { corpus } = await expectedCorpus();
  const doc = corpus.documents.find(pick);
  assert.ok(doc, 'no seed article has what this test needs');
  return { doc, uri: vscode.Uri.joinPath(folder().uri, doc.path) };
}

suite('Highlights and hovers on the seed articles', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('a date\'s hover gives its ISO value and offers commands', async () => {
    const { doc, uri } = await firstDocumentWith((d) => d.analysis.dates.some((x) => x.value && !x.relative));
    const date = doc.analysis.dates.find((x) => x.value && !x.relative)!;
    await open(uri);
    const middle = Math.floor((date.start + date.end) / 2);
    const text = await waitFor(`a hover on "${date.text}" with ${date.value}`, async () => {
      const t = await hoverText(uri, middle);
      return t.includes(date.value!) ? t : undefined;
    });
    assert.match(text, /command:newsAnnotator\./, 'the hover offers no command link');
  });

  test('an official\'s hover gives the canonical name and title', async () => {
    const { doc, uri } = await firstDocumentWith((d) => d.analysis.officials.some((o) => o.title));
    const official = doc.analysis.officials.find((o) => o.title)!;
    await open(uri);
    const middle = Math.floor((official.start + official.end) / 2);
    const text = await waitFor(`a hover on "${official.text}" naming ${official.name}`, async () => {
      const t = await hoverText(uri, middle);
      return t.includes(official.name) ? t : undefined;
    });
    assert.ok(text.toLowerCase().includes(official.title!.toLowerCase()), `title "${official.title}" missing from hover:\n${text}`);
  });

  test('a claim\'s hover gives its reporting verb', async () => {
    const { corpus, texts } = await expectedCorpus();
    // A point inside a claim but outside any date or official, so the claim's own hover is there.
    let found: { path: string; offset: number; cue: string } | undefined;
    for (const d of corpus.documents) {
      for (const c of d.analysis.claims) {
        if (!c.cue) continue;
        for (let at = c.start; at < c.end && !found; at += 1) {
          const inOther = [...d.analysis.dates, ...d.analysis.officials].some((s) => at >= s.start && at < s.end);
          if (!inOther && /\w/.test(texts.get(d.path)![at] ?? '')) found = { path: d.path, offset: at, cue: c.cue };
        }
      }
      if (found) break;
    }
    assert.ok(found, 'no seed article has an attributed claim');
    const uri = vscode.Uri.joinPath(folder().uri, found.path);
    await open(uri);
    await waitFor(`a hover naming the reporting verb "${found.cue}"`, async () => (await hoverText(uri, found!.offset)).includes(found!.cue));
  });

  test('a file outside the article glob gets no hovers until Annotate This File', async () => {
    const other = vscode.Uri.joinPath(folder().uri, 'notes.log');
    const { corpus, texts } = await expectedCorpus();
    const source = corpus.documents.find((d) => d.analysis.dates.some((x) => x.value && !x.relative))!;
    const date = source.analysis.dates.find((x) => x.value && !x.relative)!;
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(texts.get(source.path)!));
    await open(other);
    const middle = Math.floor((date.start + date.end) / 2);
    // Give the extension time to (wrongly) analyse it before checking that it did not.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!(await hoverText(other, middle)).includes(date.value!), 'a .log file was treated as an article');
    await vscode.commands.executeCommand(Commands.annotateFile);
    await waitFor('a date hover once the file is annotated', async () => (await hoverText(other, middle)).includes(date.value!));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(other);
  });

  test('the highlight toggles run and can be switched back', async () => {
    for (const command of [Commands.toggleDates, Commands.toggleOfficials, Commands.toggleClaims]) {
      await vscode.commands.executeCommand(command);
      await vscode.commands.executeCommand(command);
    }
  });
});
