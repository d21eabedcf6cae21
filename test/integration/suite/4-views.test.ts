/// <reference types="mocha" />
// The sidebar's commands, the passage opener the trees use, and the timeline webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { activated, expectedCorpus, waitFor } from './helpers';

suite('Events, passages and the timeline', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('Open Passage opens an event\'s source article with the passage selected', async () => {
    const { corpus } = await expectedCorpus();
    const source = corpus.events.flatMap((e) => e.sources).find((s) => s.end > s.start);
    assert.ok(source, 'the engine finds no event in the seeds');
    await vscode.commands.executeCommand(Commands.openPassage, { path: source.path, start: source.start, end: source.end });
    const editor = await waitFor('an editor on the passage', () => {
      const e = vscode.window.activeTextEditor;
      return e && vscode.workspace.asRelativePath(e.document.uri, false) === source.path ? e : undefined;
    });
    assert.equal(editor.document.offsetAt(editor.selection.start), source.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), source.end);
    assert.equal(editor.document.getText(editor.selection), source.text);
  });

  test('the Events view can be grouped by participant, article and date', async () => {
    await vscode.commands.executeCommand('newsAnnotator.events.focus');
    // The tree's children per grouping are checked in 4-trees, its rows on screen in the UI journey; here
    // each switch, run as the toolbar runs it, must complete.
    for (const command of [Commands.groupEventsByParticipant, Commands.groupEventsByArticle, Commands.groupEventsByDate]) {
      await vscode.commands.executeCommand(command);
    }
  });

  test('Show Timeline opens a webview panel', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(Commands.showTimeline);
    await waitFor('a webview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Re-analyse Workspace completes', async () => {
    await vscode.commands.executeCommand(Commands.reanalyzeWorkspace);
  });
});
