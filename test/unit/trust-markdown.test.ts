// An article cannot harm the user through a hover or a tooltip: whatever an article (or a tags file that came
// with the workspace) spells (Markdown links to `command:` URIs, HTML, script, images, autolinks, code, icons)
// is rendered as the very characters it holds. The Markdown is rendered here with `marked`, the renderer VS
// Code's hovers use, and the rendering is checked tag by tag and for its text.
import { marked } from 'marked';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  class MarkdownString {
    isTrusted: boolean | { enabledCommands: readonly string[] } | undefined;
    supportHtml: boolean | undefined;
    supportThemeIcons: boolean | undefined;
    constructor(public value = '') {}
  }
  class Position {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  }
  class Range {
    constructor(
      readonly start: Position,
      readonly end: Position,
    ) {}
    contains(r: Range) {
      return r.start.character >= this.start.character && r.end.character <= this.end.character;
    }
  }
  class Hover {
    constructor(
      readonly contents: MarkdownString,
      readonly range?: Range,
    ) {}
  }
  class TreeItem {
    description?: string;
    tooltip?: unknown;
    iconPath?: unknown;
    contextValue?: string;
    command?: unknown;
    constructor(
      public label: string,
      public collapsibleState = 0,
    ) {}
  }
  class ThemeIcon {
    constructor(readonly id: string) {}
  }
  return { module: { MarkdownString, Position, Range, Hover, TreeItem, ThemeIcon, TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 } } };
});
vi.mock('vscode', () => fake.module);

import type { ClaimMention, CorpusEvent, DocumentAnalysis, Entity, OfficialMention } from '../../src/analysis/types';
import type { QuoteTag, StanceTag, Tag } from '../../src/annotations/tags';
import { claimHover, commandLink, dateHover, escapeMarkdown, HOVER_COMMANDS, officialHover, tagHover } from '../../src/vscode/hoverText';
import { ArticleHoverProvider } from '../../src/vscode/hovers';
import { eventsTreeItem } from '../../src/vscode/views/eventsTree';
import { eventTooltipText } from '../../src/vscode/views/labels';

/** What a hostile article or tags file may hold, one trick each. */
const CRAFTED: Record<string, string> = {
  commandLink: '[Click to continue](command:workbench.action.terminal.new)',
  commandLinkWithArgs: '[ok](command:workbench.action.terminal.sendSequence?%5B%7B%22text%22%3A%22rm%22%7D%5D "safe")',
  referenceLink: '[details]\n\n[details]: command:workbench.action.terminal.new',
  imgOnerror: 'Anna <img src=x onerror="alert(1)"> Lee',
  quoteWithImg: '"We will not yield <img src=x onerror=alert(document.cookie)>," she said.',
  script: '<script>alert(1)</script>',
  htmlBlock: '<div onclick="alert(1)">Minister</div>',
  autolinkAngle: '<https://evil.example/login>',
  bareUrls: 'see https://evil.example/x, www.evil.example and press@evil.example',
  image: '![pixel](https://evil.example/track.png)',
  backticks: 'Minister `rm -rf ~` and ```js\nalert(1)\n```',
  emphasis: '**Bold** _claim_ ~~struck~~ *it*',
  entities: '&lt;b&gt; &amp; &#x3C;script&#x3E; &copy;',
  heading: '# Breaking',
  setext: 'Breaking\n===',
  listDash: '- item',
  listNumber: '1. first',
  listParen: '2) second',
  blockquote: '> quoted',
  thematicBreak: '***',
  table: 'a | b\n--|--\nc | d',
  indentedCode: '    indented code',
  themeIcon: '$(zap) Minister $(alert)',
  backslashes: 'C:\\Users\\x \\[not a link\\](command:x)',
  name: "Seán O'Brien-Smith (R-Texas)",
};

// What the hovers' own wording uses (`code` for an ISO date value); the escaping tests forbid `code` in article text.
const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'code', 'a', 'hr', 'br', 'blockquote']);

function render(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** The HTML elements of a rendering, by name. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!);
}

/** What a reader sees: the rendering's text, whitespace collapsed. */
function visibleText(html: string): string {
  const decoded = html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  return collapse(decoded);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The rendering shows `text` as typed, and nothing in it is a tag, a link or an image of its own. */
function expectPlain(markdown: string, text: string, allowedHrefs: readonly string[] = []) {
  const html = render(markdown);
  for (const tag of tagNames(html)) expect(ALLOWED_TAGS, `<${tag}> in ${html}`).toContain(tag);
  for (const href of hrefs(html)) expect(allowedHrefs.some((c) => href.startsWith(`command:${c}`)), `link to ${href}`).toBe(true);
  expect(visibleText(html)).toContain(collapse(text));
  return html;
}

const target = { uri: 'file:///ws/a.txt', start: 0, end: 4 };

function official(name: string, text = name): OfficialMention {
  return { start: 0, end: text.length, text, name, title: 'Foreign Minister', country: 'Atlantis', entityId: 'e1' };
}
function claim(speaker: string, cue: string): ClaimMention {
  return { start: 0, end: 10, text: 'x'.repeat(10), speaker, speakerEntityId: 'e1', cue };
}
function quoteTag(speaker: string): QuoteTag {
  return {
    id: 't1', kind: 'quote', path: 'a.txt', anchor: { start: 0, end: 4, exact: 'abcd', prefix: '', suffix: '' },
    detached: false, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', speaker, speakerEntityId: null,
  };
}
function stanceTag(field: string): StanceTag {
  return {
    id: 't2', kind: 'stance', path: 'a.txt', anchor: { start: 0, end: 4, exact: 'abcd', prefix: '', suffix: '' },
    detached: false, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
    stance: field, holder: field, target: field, note: field,
  };
}

describe('escapeMarkdown: article text renders as itself', () => {
  it.each(Object.entries(CRAFTED))('%s', (_name, text) => {
    const html = expectPlain(escapeMarkdown(text), text);
    expect(html).not.toMatch(/<(img|script|a|code|pre|h\d|li|table|div|del)\b/);
  });

  it('keeps newlines as line breaks and drops the indentation that would make a code block', () => {
    expect(escapeMarkdown('first\n    second')).toBe('first  \nsecond');
  });

  it('would fail on unescaped text (the check itself can see a link, an image and HTML)', () => {
    expect(() => expectPlain(CRAFTED.commandLink!, CRAFTED.commandLink!)).toThrow();
    expect(() => expectPlain(CRAFTED.imgOnerror!, CRAFTED.imgOnerror!)).toThrow();
    expect(() => expectPlain(CRAFTED.bareUrls!, CRAFTED.bareUrls!)).toThrow();
  });
});

describe('hover Markdown with crafted article text', () => {
  it.each(Object.entries(CRAFTED))("an official named with %s is shown as typed, and only the hover's own links remain", (_name, text) => {
    expectPlain(officialHover(official(text, `${text} said`), undefined, 1), text, HOVER_COMMANDS);
    expectPlain(officialHover(official('Anna Lee', text), undefined, 1), text, HOVER_COMMANDS);
  });

  it.each(Object.entries(CRAFTED))('a claim whose speaker and reporting verb carry %s', (_name, text) => {
    const html = expectPlain(claimHover(claim(text, text), target), text, HOVER_COMMANDS);
    // Exactly the two links the hover offers, whatever the speaker's name holds.
    expect(hrefs(html).map((h) => h.split('?')[0])).toEqual([`command:newsAnnotator.tagQuote`, `command:newsAnnotator.tagStance`]);
  });

  it('a speaker with `)` in the name keeps the link whole and its arguments exact', () => {
    const speaker = 'Anna Lee) [x](command:workbench.action.terminal.new';
    const html = render(claimHover(claim(speaker, 'said'), target));
    const first = hrefs(html)[0]!;
    const args = JSON.parse(decodeURIComponent(first.slice(first.indexOf('?') + 1).replace(/&amp;/g, '&'))) as Array<{ speaker: string }>;
    expect(args[0]!.speaker).toBe(speaker);
    expect(hrefs(html)).toHaveLength(2);
  });

  it.each(Object.entries(CRAFTED))('a tag from a shared tags file whose fields carry %s', (_name, text) => {
    expectPlain(tagHover(quoteTag(text), target), text, HOVER_COMMANDS);
    const html = expectPlain(tagHover(stanceTag(text), target), text, HOVER_COMMANDS);
    expect(hrefs(html).map((h) => h.split('?')[0])).toEqual([`command:newsAnnotator.editTag`, `command:newsAnnotator.removeTag`]);
  });

  it('a document date read from crafted text', () => {
    const text = '[May 5](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>';
    const md = dateHover(
      { start: 0, end: 6, text: 'Monday', value: '2024-05-06', precision: 'day', relative: true },
      { value: '2024-05-05', origin: 'text', span: { start: 0, end: text.length, text } },
      false,
      target,
    );
    // The hover clips the phrase at 60 characters.
    expectPlain(md, text.slice(0, 59), HOVER_COMMANDS);
  });

  it('a link label and tooltip of our own cannot break out of the link', () => {
    const html = render(commandLink('a](command:evil)', 'newsAnnotator.editTag', { a: ') [b](command:evil)' }, 'x") [y](command:evil "'));
    expect(hrefs(html)).toHaveLength(1);
    expect(hrefs(html)[0]).toMatch(/^command:newsAnnotator\.editTag\?/);
  });
});

describe('the hover provider trusts only its own commands', () => {
  const evil = CRAFTED.commandLink!;
  const text = `${evil} said the minister.`;
  const analysis: DocumentAnalysis = {
    documentDate: null,
    sentences: [{ start: 0, end: text.length }],
    dates: [],
    officials: [{ start: 0, end: evil.length, text: evil, name: evil, title: '<b>Minister</b>', country: null, entityId: 'e1' }],
    quotes: [],
    claims: [{ start: 0, end: text.length, text, speaker: evil, speakerEntityId: 'e1', cue: 'said' }],
    events: [],
  };
  const tags: Tag[] = [{ ...stanceTag(CRAFTED.imgOnerror!), anchor: { start: 0, end: 4, exact: text.slice(0, 4), prefix: '', suffix: '' } }];
  const entities: Entity[] = [{ id: 'e1', name: evil, title: null, country: null, mentions: 1 }];
  const index = {
    article: () => ({ text, analysis, documentDateOverride: null }),
    tags: () => tags,
    entities: () => entities,
  };
  const config = { current: { highlight: { dates: true, officials: true, claims: true, tags: true } } };
  const doc = {
    uri: { toString: () => 'file:///ws/a.txt' },
    getText: () => text,
    offsetAt: (p: { character: number }) => p.character,
    positionAt: (o: number) => new fake.module.Position(0, o),
  };

  it('gives a hover that is not trusted for arbitrary commands, without HTML or icons, showing the text as typed', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const provider = new ArticleHoverProvider(index as any, config as any);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const hover = provider.provideHover(doc as any, new fake.module.Position(0, 2) as any) as unknown as { contents: InstanceType<typeof fake.module.MarkdownString> };
    const md = hover.contents;
    expect(md.isTrusted).toEqual({ enabledCommands: HOVER_COMMANDS });
    for (const c of HOVER_COMMANDS) expect(c).toMatch(/^newsAnnotator\.[A-Za-z]+$/);
    expect(md.supportHtml).toBe(false);
    expect(md.supportThemeIcons).toBe(false);
    const html = expectPlain(md.value, evil, HOVER_COMMANDS);
    expect(visibleText(html)).toContain(CRAFTED.imgOnerror);
    expect(visibleText(html)).toContain('<b>Minister</b>');
    // Edit and Remove of the tag, Tag as quote and Tag as stance of the claim: nothing else is a link.
    expect(hrefs(html).map((h) => h.split('?')[0]!.slice('command:'.length))).toEqual(['newsAnnotator.editTag', 'newsAnnotator.removeTag', 'newsAnnotator.tagQuote', 'newsAnnotator.tagStance']);
  });
});

describe('Events view tooltips with crafted places, names and file names', () => {
  function event(text: string): CorpusEvent {
    return {
      id: 'ev1', type: 'meeting', date: '2024-03-03', location: text, participants: [text, 'Anna Lee'], participantEntityIds: ['e1', 'e2'],
      scheduled: false, sources: [{ path: `${text}.txt`, start: 0, end: 5, text: 'Hello' }],
    };
  }

  it.each(Object.entries(CRAFTED))('%s', (_name, text) => {
    const md = eventTooltipText(event(text));
    const html = expectPlain(md, text.split(/\n/)[0]!);
    expect(hrefs(html)).toEqual([]);
    const item = eventsTreeItem({ kind: 'event', id: 'ev1', event: event(text) } as never) as unknown as { tooltip: InstanceType<typeof fake.module.MarkdownString>; label: string };
    expect(item.tooltip.value).toBe(md);
    expect(item.tooltip.isTrusted).toBe(false);
    expect(item.tooltip.supportHtml).toBe(false);
    expect(item.tooltip.supportThemeIcons).toBe(false);
  });

  it('other Events view tooltips are plain strings (VS Code never reads them as Markdown)', () => {
    const source = eventsTreeItem({ kind: 'source', id: 's', source: { path: 'a.txt', start: 0, end: 5, text: CRAFTED.commandLink! } } as never);
    expect(typeof source.tooltip).toBe('string');
    const participant = eventsTreeItem({ kind: 'participant', id: 'p', name: CRAFTED.script!, entity: undefined } as never);
    expect(typeof participant.tooltip).toBe('string');
  });
});
