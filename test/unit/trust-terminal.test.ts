// The command line prints file names and article text to a terminal: a file named (or an article written)
// with escape sequences must not clear the screen, retitle the window, write the clipboard (OSC 52) or plant a
// hyperlink (OSC 8). Every control character reaches the terminal as a visible \uXXXX.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cliRun';
import { formatEventTable, printable } from '../../src/eventTable';

const ESC = '\u001b';
const BEL = '\u0007';
const CLEAR = `${ESC}[2J`;
const OSC52 = `${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==${BEL}`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'news-annotator-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what the command line prints to a terminal', () => {
  it('writes control characters and bidi overrides as visible escapes', () => {
    expect(printable(`a${CLEAR}b`)).toBe('a\\u001b[2Jb');
    expect(printable(`x${OSC52}`)).not.toMatch(CONTROL);
    expect(printable('Seán O\'Brien — Tōkyō, 東京')).toBe('Seán O\'Brien — Tōkyō, 東京');
    expect(printable('\u202eevil')).toBe('\\u202eevil');
  });

  it('the events table of articles whose file names hold escape sequences', () => {
    const folder = join(dir, 'events');
    mkdirSync(folder);
    const article = 'TOKYO, March 3, 2024 — Foreign Minister Anna Lee met Prime Minister Kenji Mori in Tokyo on Monday.\n';
    writeFileSync(join(folder, `clear${CLEAR}.txt`), article);
    writeFileSync(join(folder, `clip${OSC52}.txt`), article.replace('Tokyo', 'Osaka'));
    let out = '';
    let err = '';
    const code = runCli(['events', folder], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('Anna Lee');
    expect(out).toContain('clear\\u001b[2J.txt');
    expect(out).not.toMatch(CONTROL);
    expect(err).not.toMatch(CONTROL);
  });

  it('the table never passes a control character from any field', () => {
    const table = formatEventTable([
      {
        id: 'e', type: 'meeting', date: '2024-01-01', location: `Tokyo${ESC}]8;;https://evil.example${BEL}`, participants: [`Anna${CLEAR}`],
        participantEntityIds: ['a'], scheduled: false, sources: [{ path: `a${OSC52}.txt`, start: 0, end: 1, text: 'x' }],
      },
    ]);
    expect(table.replace(/\n/g, '')).not.toMatch(CONTROL);
  });
});
