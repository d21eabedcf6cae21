// The timeline webview cannot be made to run what an article says: its page allows only our own script (by
// nonce) and files from the extension's media/timeline folder; the SVG it shows carries article text only as
// escaped character data; and its script builds the DOM from data with textContent only. Checked on the page
// and the picture the panel really sends, with crafted places, names and file names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseFragment } from 'parse5';
import { describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { Disposable } = await import('../helpers/fakeVscode');
  class Uri {
    constructor(readonly path: string) {}
    static joinPath(u: Uri, ...parts: string[]) {
      return new Uri([u.path, ...parts].join('/'));
    }
    toString() {
      return `file://${this.path}`;
    }
  }
  const none = () => new Disposable(() => {});
  const state = {
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    createOptions: undefined as unknown,
    panels: [] as Array<{ options: unknown; html: string; posted: unknown[]; receive?: (m: unknown) => unknown }>,
  };
  function createWebviewPanel(_type: string, _title: string, _column: unknown, options: unknown) {
    state.createOptions = options;
    const record: (typeof state.panels)[number] = { options: undefined, html: '', posted: [] };
    state.panels.push(record);
    const webview = {
      cspSource: 'https://ext.vscode-cdn.example',
      asWebviewUri: (u: Uri) => `https://ext.vscode-cdn.example${u.path}`,
      set options(o: unknown) {
        record.options = o;
      },
      set html(h: string) {
        record.html = h;
      },
      onDidReceiveMessage: (l: (m: unknown) => unknown) => {
        record.receive = l;
        return none();
      },
      postMessage: async (m: unknown) => {
        record.posted.push(m);
        return true;
      },
    };
    return { webview, iconPath: undefined, reveal: () => {}, dispose: () => {}, onDidDispose: () => none() };
  }
  const module = {
    Uri,
    Disposable,
    ViewColumn: { Active: -1 },
    ConfigurationTarget: { Global: 1, Workspace: 2 },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
        state.commands.set(id, fn);
        return none();
      },
    },
    window: { createWebviewPanel, registerWebviewPanelSerializer: () => none() },
    workspace: { onDidChangeConfiguration: () => none(), getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }) },
  };
  return { module, state };
});
vi.mock('vscode', () => fake.module);

import type { CorpusEvent, Entity } from '../../src/analysis/types';
import { Commands } from '../../src/vscode/constants';
import { contentSecurityPolicy, eventDetails, makeNonce, timelinePageHtml, timelineWebviewOptions, type RenderMessage } from '../../src/vscode/views/timelineHtml';
import { layoutTimeline } from '../../src/vscode/views/timelineLayout';
import { registerTimeline } from '../../src/vscode/views/timelinePanel';
import { renderTimelineSvg, standaloneSvg, timelineCss } from '../../src/vscode/views/timelineSvg';
import { repoRoot } from '../helpers/seeds';

const HOSTILE = [
  '<script>alert(1)</script>',
  'Anna <img src=x onerror="alert(1)"> Lee',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  ']]><foreignObject><iframe src="javascript:alert(1)"/></foreignObject>',
  '<a xlink:href="javascript:alert(1)">Tokyo</a>',
  '&lt;b&gt; &amp;amp; &#60;',
  '[Click](command:workbench.action.terminal.new)',
];

function hostileEvents(): { events: CorpusEvent[]; entities: Entity[] } {
  const entities: Entity[] = HOSTILE.map((name, i) => ({ id: `e${i}`, name, title: HOSTILE[(i + 1) % HOSTILE.length]!, country: HOSTILE[(i + 2) % HOSTILE.length]!, mentions: 2 }));
  const events: CorpusEvent[] = HOSTILE.map((text, i) => ({
    id: `ev${i}-${text}`,
    type: (['meeting', 'visit', 'talks', 'call', 'trip'] as const)[i % 5]!,
    date: i % 3 === 0 ? null : `2024-0${(i % 9) + 1}-1${i % 10}`,
    location: text,
    participants: [entities[i]!.name, entities[(i + 1) % entities.length]!.name],
    participantEntityIds: [entities[i]!.id, entities[(i + 1) % entities.length]!.id],
    scheduled: i % 2 === 0,
    sources: [{ path: `${text}/${text}.txt`, start: 0, end: text.length, text }],
  }));
  return { events, entities };
}

type Node5 = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node5[]; value?: string; content?: Node5 };

function walk(node: Node5, visit: (n: Node5) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

function elements(root: Node5): Node5[] {
  const out: Node5[] = [];
  walk(root, (n) => n.tagName && out.push(n));
  return out;
}

function textOf(root: Node5): string {
  const parts: string[] = [];
  walk(root, (n) => n.nodeName === '#text' && parts.push(n.value ?? ''));
  return parts.join('\n');
}

const SVG_ELEMENTS = new Set(['svg', 'title', 'rect', 'g', 'line', 'text', 'circle']);

function expectInertSvg(svg: string) {
  // Parsed as the HTML parser of a webview would: only the builder's own elements, no handler, no link.
  const tree = parseFragment(svg) as unknown as Node5;
  for (const el of elements(tree)) {
    expect(SVG_ELEMENTS, `<${el.tagName}>`).toContain(el.tagName);
    for (const a of el.attrs ?? []) {
      expect(a.name, `${a.name}="${a.value}" on <${el.tagName}>`).not.toMatch(/^on|href$|^style$/i);
    }
  }
  // And as XML (the webview's DOMParser reads it as image/svg+xml): every markup character is ours.
  for (const m of svg.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)) expect(SVG_ELEMENTS).toContain(m[1]);
  expect(svg).not.toMatch(/<!|<\?|]]>/);
  return tree;
}

describe('the timeline picture with crafted article text', () => {
  const { events, entities } = hostileEvents();

  it.each(['participant', 'country'] as const)('holds every crafted name and place as text only (lanes by %s)', (lanes) => {
    const svg = renderTimelineSvg(layoutTimeline(events, entities, lanes), events);
    const tree = expectInertSvg(svg);
    const text = textOf(tree);
    for (const h of HOSTILE) expect(text, h).toContain(h.length > 20 ? h.slice(0, 12) : h);
    // The titles (tooltips) carry the whole place, names and file of each event.
    for (const e of events) expect(text).toContain(`Place: ${e.location}`);
  });

  it('a saved picture stays inert, and a tampered one is refused', () => {
    const svg = renderTimelineSvg(layoutTimeline(events, entities, 'participant'), events);
    const file = standaloneSvg(svg, timelineCss(), { '--vscode-foreground': 'red;} svg{background:url(https://evil.example)' });
    expect(file).not.toBeNull();
    expectInertSvg(file!.replace(/^<\?xml[^>]*>\n/, '').replace(/<style>[\s\S]*<\/style>/, ''));
    expect(file).not.toContain('evil.example');
    expect(standaloneSvg(svg.replace('</svg>', '<script>alert(1)</script></svg>'), timelineCss(), {})).toBeNull();
    expect(standaloneSvg(svg.replace('<rect', '<rect onload="alert(1)"'), timelineCss(), {})).toBeNull();
  });

  it('event details for the tooltip are data (strings), never markup', () => {
    const d = eventDetails(events[1]!);
    expect(d.place).toBe(HOSTILE[1]);
    expect(d.sources[0]!.text).toBe(HOSTILE[1]);
  });
});

describe('the timeline page', () => {
  const nonce = makeNonce();
  const html = timelinePageHtml({
    cspSource: 'https://ext.vscode-cdn.example',
    nonce,
    scriptUri: 'https://ext.vscode-cdn.example/media/timeline/timeline.js',
    styleUri: 'https://ext.vscode-cdn.example/media/timeline/timeline.css',
    // Even our own style sheet cannot close its element.
    svgCss: `text { fill: red; } </style><script>alert(1)</script><style>`,
  });
  const doc = parse(html) as unknown as Node5;
  const all = elements(doc);
  const csp = all.find((e) => e.tagName === 'meta' && e.attrs?.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
  const policy = new Map(
    (csp?.attrs?.find((a) => a.name === 'content')?.value ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

  it('has a Content-Security-Policy that runs only scripts with its nonce and loads nothing from the network', () => {
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(makeNonce()).not.toBe(nonce);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual([`'nonce-${nonce}'`]);
    expect(policy.get('style-src')).toEqual(['https://ext.vscode-cdn.example', `'nonce-${nonce}'`]);
    for (const [name, values] of policy) {
      for (const v of values) {
        expect(v, name).not.toMatch(/unsafe-|^\*$|^https?:$|^data:$|^blob:$/);
      }
    }
    expect(policy.has('connect-src')).toBe(false); // falls back to default-src 'none'
    expect(contentSecurityPolicy('x', 'n')).toContain(`script-src 'nonce-n'`);
  });

  it('has one script, from the media folder, under the nonce, and no inline code or handlers', () => {
    const scripts = all.filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    const attrs = Object.fromEntries(scripts[0]!.attrs!.map((a) => [a.name, a.value]));
    expect(attrs).toEqual({ nonce, src: 'https://ext.vscode-cdn.example/media/timeline/timeline.js' });
    expect(textOf(scripts[0]!)).toBe('');
    for (const style of all.filter((e) => e.tagName === 'style')) expect(style.attrs).toEqual([{ name: 'nonce', value: nonce }]);
    for (const el of all) for (const a of el.attrs ?? []) expect(a.name, `<${el.tagName} ${a.name}>`).not.toMatch(/^on/);
  });

  it("the webview's script builds its DOM from data with textContent only", () => {
    const script = readFileSync(join(repoRoot, 'media', 'timeline', 'timeline.js'), 'utf8');
    expect(script).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|\bFunction\s*\(|setTimeout\(\s*['"`]|\bfetch\s*\(|XMLHttpRequest|WebSocket|\.src\s*=|\.href\s*=/);
    // The SVG is parsed as XML, not HTML, and only when it is an <svg>.
    expect(script).toMatch(/parseFromString\(message\.svg, 'image\/svg\+xml'\)/);
  });
});

describe('the timeline panel', () => {
  const { events, entities } = hostileEvents();
  const model = {
    ready: Promise.resolve(),
    onDidChange: () => ({ dispose() {} }),
    events: () => events,
    entities: () => entities,
    articles: () => [{ path: 'a.txt' }],
  };
  const extensionUri = fake.module.Uri.joinPath(new fake.module.Uri('/ext'));

  it("opens a webview limited to the extension's media/timeline folder, without forms or command links", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    registerTimeline({ extensionUri } as any, model as any);
    await fake.state.commands.get(Commands.showTimeline)!();
    const expected = timelineWebviewOptions(fake.module.Uri.joinPath(extensionUri, 'media', 'timeline'));
    expect(fake.state.createOptions).toEqual(expected);
    const panel = fake.state.panels[0]!;
    expect(panel.options).toEqual(expected);
    expect(expected).toEqual({ enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [new fake.module.Uri('/ext/media/timeline')] });
    expect(panel.html).toContain(`script-src &#39;nonce-`);
    expect(panel.html).toContain('src="https://ext.vscode-cdn.example/ext/media/timeline/timeline.js"');

    // What the panel sends when the page says it is ready: an inert picture.
    await panel.receive!({ type: 'ready' });
    await new Promise((r) => setTimeout(r, 0));
    const render = panel.posted.find((m): m is RenderMessage => (m as RenderMessage).type === 'render' && !!(m as RenderMessage).svg);
    expect(render).toBeDefined();
    expectInertSvg(render!.svg);
    expect(Object.keys(render!.details)).toHaveLength(events.length);
  });
});
