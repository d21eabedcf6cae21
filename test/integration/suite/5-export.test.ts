/// <reference types="mocha" />
// Export Annotations to JSON writes the v1 format, valid against the schema, with the user's tags in it;
// the W3C export writes an AnnotationCollection.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { activated, exists, expectedCorpus, folder, readTagsFile, readText, runAcceptingPrompts, schemaErrors, waitFor } from './helpers';

suite('Export', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('Export Annotations to JSON writes annotations.json, valid and complete', async () => {
    const out = vscode.Uri.joinPath(folder().uri, 'annotations.json');
    if (await exists(out)) await vscode.workspace.fs.delete(out);
    await runAcceptingPrompts(Commands.exportJson, () => exists(out));
    await waitFor('annotations.json written', () => exists(out));
    const data = JSON.parse(await readText(out)) as {
      format: string; version: number;
      documents: Array<{ path: string; annotations: Array<{ kind: string; source: string; start: number; end: number; text: string }> }>;
      events: unknown[];
    };
    assert.deepEqual(await schemaErrors('annotations.schema.json', data), []);
    assert.equal(data.format, 'news-annotator/annotations');
    const { corpus } = await expectedCorpus();
    const exportedPaths = data.documents.map((d) => d.path);
    for (const doc of corpus.documents) assert.ok(exportedPaths.includes(doc.path), `${doc.path} is not exported`);
    for (const doc of corpus.documents) {
      const exported = data.documents.find((d) => d.path === doc.path)!;
      assert.equal(exported.annotations.filter((a) => a.kind === 'date' && a.source === 'auto').length, doc.analysis.dates.length, `dates of ${doc.path}`);
    }
    assert.equal(data.events.length, corpus.events.length);
    // The tags the previous suite left are in the export as user annotations.
    const tags = (await readTagsFile())?.tags.filter((t) => !t.detached) ?? [];
    for (const tag of tags) {
      const doc = data.documents.find((d) => d.path === tag.path);
      assert.ok(doc?.annotations.some((a) => a.source === 'user' && a.kind === tag.kind && a.start === tag.anchor.start && a.text === tag.anchor.exact),
        `tag ${tag.id} is not in the export`);
    }
  });

  test('an article deleted from disk is gone from the export', async () => {
    // The highlights suite annotated notes.log with Annotate This File, closed it and deleted it.
    const out = vscode.Uri.joinPath(folder().uri, 'annotations.json');
    assert.ok(await exists(out), 'needs the export of the previous test');
    const data = JSON.parse(await readText(out)) as { documents: Array<{ path: string }> };
    const { corpus } = await expectedCorpus();
    const extra = data.documents.map((d) => d.path).filter((p) => !corpus.documents.some((d) => d.path === p));
    assert.deepEqual(extra, [], `exported articles that no longer exist: ${extra.join(', ')}`);
  });

  test('Export as W3C Web Annotations writes an AnnotationCollection', async () => {
    const before = new Set((await vscode.workspace.fs.readDirectory(folder().uri)).map(([n]) => n));
    const written = async () =>
      (await vscode.workspace.fs.readDirectory(folder().uri)).map(([n]) => n).find((n) => !before.has(n) && /json/.test(n));
    await runAcceptingPrompts(Commands.exportW3c, async () => (await written()) !== undefined);
    const name = await waitFor('a new JSON-LD file in the folder', written);
    const data = JSON.parse(await readText(vscode.Uri.joinPath(folder().uri, name))) as Record<string, unknown>;
    assert.ok(JSON.stringify(data['@context'] ?? '').includes('http://www.w3.org/ns/anno.jsonld'), 'no W3C annotation context');
    assert.ok(JSON.stringify(data.type ?? '').includes('AnnotationCollection'), 'not an AnnotationCollection');
  });
});
