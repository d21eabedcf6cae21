/// <reference types="mocha" />
// An article cannot harm the user: a crafted article (and a tag naming a crafted speaker, as a hover link or a
// shared tags file would) shows in the hovers VS Code really builds as plain text, and the hovers trust no
// command but the extension's own. The Markdown is rendered with `marked`, as VS Code's hovers are.
import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { activated, exists, folder, open, readTagsFile, runAcceptingPrompts, waitFor } from './helpers';

const EVIL_LINK = '[Click to continue](command:workbench.action.terminal.new)';
const EVIL_HTML = '<img src=x onerror="alert(1)">';
const SPEAKER = `Anna ${EVIL_LINK} ${EVIL_HTML} \`rm -rf ~\` **Lee** https://evil.example/x`;
const QUOTE = `"We will not yield ${EVIL_HTML} ${EVIL_LINK} <script>alert(2)</script>, not ever,"`;
const ARTICLE = `TOKYO, March 3, 2024 — Foreign Minister Anna Lee met Prime Minister Kenji Mori in Tokyo on Monday.\n\n${QUOTE} Foreign Minister Anna Lee said on Monday.\n`;

interface HoverPart {
  value: string;
  isTrusted: unknown;
  supportHtml: unknown;
}

async function hoverParts(uri: vscode.Uri, offset: number): Promise<HoverPart[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset))) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? { value: c, isTrusted: undefined, supportHtml: undefined } : 'isTrusted' in c ? { value: c.value, isTrusted: c.isTrusted, supportHtml: c.supportHtml } : { value: c.value, isTrusted: undefined, supportHtml: undefined }));
}

function render(md: string): string {
  return marked.parse(md, { async: false, gfm: true });
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
    .replace(/\s+/g, ' ');
}

/** A hover of ours: trusted for our own commands at most, no HTML, every link one of ours, the text as typed. */
function assertSafe(part: HoverPart, shown: string) {
  const trusted = part.isTrusted;
  if (trusted && typeof trusted === 'object') {
    const commands = (trusted as { enabledCommands?: readonly string[] }).enabledCommands ?? [];
    assert.ok(commands.length > 0, `trusted for every command: ${JSON.stringify(trusted)}`);
    for (const c of commands) assert.match(c, /^newsAnnotator\./, `the hover trusts ${c}`);
  } else {
    assert.ok(!trusted, 'the hover is trusted for every command');
  }
  assert.ok(!part.supportHtml, 'the hover renders HTML');
  const html = render(part.value);
  assert.doesNotMatch(html, /<(img|script|iframe|code)\b/, `markup from the article in:\n${html}`);
  for (const m of html.matchAll(/<a\b[^>]*href="([^"]*)"/g)) assert.match(m[1]!, /^command:newsAnnotator\./, `a link to ${m[1]}`);
  assert.ok(visibleText(html).includes(shown), `"${shown}" not shown as typed in:\n${visibleText(html)}`);
}

suite('An article cannot harm the user', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activated();
    uri = vscode.Uri.joinPath(folder().uri, 'zz-crafted-article.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ARTICLE));
  });

  suiteTeardown(async () => {
    const tags = (await readTagsFile())?.tags.filter((t) => t.path === 'zz-crafted-article.txt') ?? [];
    for (const tag of tags) await vscode.commands.executeCommand(Commands.removeTag, { tag });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  });

  test('the hovers of a crafted article trust only the extension\'s commands and show its text as typed', async () => {
    await open(uri);
    const at = ARTICLE.indexOf('Foreign Minister Anna Lee said') + 'Foreign Minister Anna'.length;
    const parts = await waitFor('a hover on the official in the crafted article', async () => {
      const p = await hoverParts(uri, at);
      return p.some((x) => x.value.includes('Anna Lee')) ? p : undefined;
    });
    for (const part of parts.filter((p) => p.value.includes('newsAnnotator') || p.value.includes('Anna Lee'))) assertSafe(part, 'Anna Lee');
  });

  test('a tag whose speaker holds a command link, HTML, code and a URL shows them as plain text', async () => {
    const start = ARTICLE.indexOf(QUOTE);
    const end = start + QUOTE.length;
    await runAcceptingPrompts(
      Commands.tagQuote,
      async () => !!(await readTagsFile())?.tags.some((t) => t.path === 'zz-crafted-article.txt'),
      { uri: uri.toString(), start, end, speaker: SPEAKER, speakerEntityId: null },
    );
    const tag = await waitFor('the crafted quote tag in tags.json', async () => (await readTagsFile())?.tags.find((t) => t.path === 'zz-crafted-article.txt'));
    assert.equal(tag.kind === 'quote' ? tag.speaker : null, SPEAKER, 'the speaker was not kept as typed');
    const at = start + QUOTE.indexOf('not ever');
    const parts = await waitFor('the tag in the hover', async () => {
      const p = await hoverParts(uri, at);
      return p.some((x) => x.value.includes('your tag')) ? p : undefined;
    });
    const tagPart = parts.find((p) => p.value.includes('your tag'))!;
    // The hover does trust some commands (its Edit and Remove links work): the check below is not vacuous.
    assert.equal(typeof tagPart.isTrusted, 'object', `isTrusted: ${JSON.stringify(tagPart.isTrusted)}`);
    assertSafe(tagPart, SPEAKER);
    // The only links are the tag's own Edit and Remove.
    const links = [...render(tagPart.value).matchAll(/<a\b[^>]*href="command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(links.includes(Commands.editTag) && links.includes(Commands.removeTag), `links: ${links.join(', ')}`);
    for (const other of parts) assertSafe(other, '');
  });
});
