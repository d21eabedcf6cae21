import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import type { CorpusEvent } from '../../src/analysis/types';
import { contentSecurityPolicy, eventDetails, makeNonce, parseWebviewMessage, timelinePageHtml } from '../../src/vscode/views/timelineHtml';
import { layoutTimeline, TIMELINE_METRICS } from '../../src/vscode/views/timelineLayout';
import { cssVariableNames, escapeXml, inlineCssVariables, renderTimelineSvg, standaloneSvg, timelineCss } from '../../src/vscode/views/timelineSvg';
import { loadSeeds } from '../helpers/seeds';

const corpus = analyzeCorpus(loadSeeds());
const byLocation = (place: string) => corpus.events.find((e) => e.location === place)!;

describe('timeline layout on the seed articles', () => {
  const layout = layoutTimeline(corpus.events, corpus.entities, 'participant');

  it('gives one lane per participant, grouped by country', () => {
    expect(layout.lanes).toHaveLength(10);
    const countries = layout.lanes.map((l) => corpus.entities.find((e) => `p:${e.id}` === l.key)!.country);
    expect(countries).toEqual([...countries].sort());
    expect(layout.lanes[0]).toMatchObject({ label: 'Hossein Amir-Abdollahian', sublabel: 'Foreign Minister, Iran', count: 4 });
  });

  it('places dated events in time order, then the undated ones after a separator', () => {
    const xs = ['Tokyo', 'Hiroshima', 'Geneva'].map((p) => layout.marks.find((m) => m.eventId === corpus.events.find((e) => e.location === p && e.date)!.id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(layout.axis.map((a) => a.label)).toEqual(['20 December 2019', '19 May 2023', '15 December 2023']);
    expect(layout.axis.map((a) => a.yearStart)).toEqual([true, true, false]);
    const undated = layout.marks.filter((m) => !m.dated);
    expect(undated).toHaveLength(4);
    for (const m of undated) expect(m.x).toBeGreaterThan(layout.undatedSeparatorX!);
    expect(layout.undatedSeparatorX!).toBeGreaterThan(Math.max(...xs));
    expect(layout.range).toEqual({ from: '20 December 2019', to: '15 December 2023' });
  });

  it('spaces years further apart than months, but not in proportion', () => {
    const [a, b, c] = layout.axis.map((t) => t.x) as [number, number, number];
    // 2019-12-20 → 2023-05-19 is ~7 times 2023-05-19 → 2023-12-15.
    expect(b - a).toBeGreaterThan(c - b);
    expect((b - a) / (c - b)).toBeLessThan(3);
  });

  it('marks an event in the lane of each participant', () => {
    const hiroshima = layout.marks.find((m) => m.eventId === byLocation('Hiroshima').id)!;
    const lane = (label: string) => layout.lanes.find((l) => l.label === label)!;
    expect(hiroshima.laneYs).toEqual([lane('Yoshimasa Hayashi').y, lane('Antony Blinken').y].sort((x, y) => x - y));
    const jerusalem = layout.marks.find((m) => m.eventId === byLocation('Jerusalem').id)!;
    expect(jerusalem.laneYs).toHaveLength(3);
  });

  it('gives every event its own column', () => {
    const xs = layout.marks.map((m) => m.x);
    expect(new Set(xs).size).toBe(xs.length);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(TIMELINE_METRICS.slot);
  });

  it('in country lanes, an event between two people of one country touches one lane', () => {
    const byCountry = layoutTimeline(corpus.events, corpus.entities, 'country');
    expect(byCountry.lanes.map((l) => `${l.label}: ${l.sublabel}`)).toEqual(['Japan: 5 people', 'Iran: 2 people', 'Israel: 2 people', 'United States of America: 1 person']);
    const meetings: CorpusEvent[] = [
      { id: 'm', type: 'meeting', date: '2024-04-10', location: 'Tokyo', participants: ['A', 'B'], participantEntityIds: ['official:a', 'official:b'], scheduled: false, sources: [] },
    ];
    const same = layoutTimeline(meetings, [
      { id: 'official:a', name: 'A', title: null, country: 'Japan', mentions: 1 },
      { id: 'official:b', name: 'B', title: null, country: 'Japan', mentions: 1 },
    ], 'country');
    expect(same.lanes).toHaveLength(1);
    expect(same.marks[0]!.laneYs).toHaveLength(1);
  });

  it('lays out thousands of events in time roughly linear in their number', () => {
    const many: CorpusEvent[] = [];
    for (let i = 0; i < 4000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      many.push({ id: `e${i}`, type: 'talks', date: i % 7 === 0 ? null : `${2000 + (i % 25)}-${month}-${day}`, location: null, participants: [`Person ${i % 300}`, `Person ${(i * 7) % 300}`], participantEntityIds: [], scheduled: false, sources: [] });
    }
    const started = performance.now();
    const big = layoutTimeline(many, [], 'participant');
    const svg = renderTimelineSvg(big, many);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(big.marks).toHaveLength(4000);
    expect(big.lanes).toHaveLength(300);
    expect(svg.length).toBeGreaterThan(100_000);
  });

  it('draws nothing for no events, and still fits its legend', () => {
    const empty = layoutTimeline([], [], 'participant');
    expect(empty.lanes).toEqual([]);
    expect(empty.marks).toEqual([]);
    expect(empty.width).toBeGreaterThanOrEqual(TIMELINE_METRICS.minWidth);
  });
});

describe('timeline SVG', () => {
  const layout = layoutTimeline(corpus.events, corpus.entities, 'participant');
  const svg = renderTimelineSvg(layout, corpus.events);

  it('is one SVG with a mark per participant of each event, titled with type, place, participants and sources', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<g class="event /g)).toHaveLength(corpus.events.length);
    const marks = corpus.events.reduce((n, e) => n + new Set(e.participantEntityIds).size, 0);
    expect(svg.match(/<circle class="mark"/g)!.length).toBe(marks + 3); // + the legend's three types
    expect(svg).toContain('Meeting in Hiroshima\nDate: 19 May 2023\nPlace: Hiroshima\nParticipants: Yoshimasa Hayashi and Antony Blinken\nSources: seeds/004_04140026fd49e5bf.txt (4 passages)');
    expect(svg).toMatch(/class="event type-meeting planned undated"/);
  });

  it('keeps a cut lane name whole in its tooltip', () => {
    const long: CorpusEvent = { id: 'l', type: 'call', date: '2024-01-02', location: null, participants: ['Maria Fernanda Espinosa Garcés de la Torre y Villavicencio Ponce'], participantEntityIds: [], scheduled: false, sources: [] };
    const out = renderTimelineSvg(layoutTimeline([long], [], 'participant'), [long]);
    expect(out).toMatch(/<text class="lane-label"[^>]*><title>Maria Fernanda Espinosa Garcés de la Torre y Villavicencio Ponce<\/title>Maria Fernanda[^<]*…<\/text>/);
  });

  it('escapes what it writes', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;');
    const odd: CorpusEvent = { id: 'x"<', type: 'talks', date: null, location: '<script>', participants: ['A & B'], participantEntityIds: [], scheduled: false, sources: [] };
    const out = renderTimelineSvg(layoutTimeline([odd], [], 'participant'), [odd]);
    expect(out).not.toContain('<script>');
    expect(out).toContain('data-event-id="x&quot;&lt;"');
    expect(out).toContain('A &amp; B');
  });

  it('takes its colours from the theme, with fallbacks', () => {
    const css = timelineCss();
    expect(cssVariableNames(css)).toEqual(expect.arrayContaining(['--vscode-editor-background', '--vscode-foreground', '--vscode-charts-blue', '--vscode-font-family']));
    expect(css).not.toMatch(/var\(--[\w-]+\)/); // every variable has a fallback
  });

  it('inlines the resolved theme for a saved file, ignoring values that could break out', () => {
    expect(inlineCssVariables('.a { fill: var(--x, #111); stroke: var(--y, #222); color: var(--z); }', { '--x': ' #abcdef ', '--y': 'red; } svg { display:none', '--z': '' })).toBe(
      '.a { fill: #abcdef; stroke: #222; color: currentColor; }',
    );
    const saved = standaloneSvg(svg, timelineCss(), { '--vscode-editor-background': '#fffffe', '--vscode-charts-blue': '#0000ff' })!;
    expect(saved.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(saved).toContain('.bg { fill: #fffffe; }');
    expect(saved).toContain('.type-meeting .mark { fill: #0000ff;');
    expect(saved).not.toContain('var(');
    expect(saved.indexOf('<style>')).toBeLessThan(saved.indexOf('<g class="lanes">'));
  });

  it('refuses to save anything but a timeline', () => {
    expect(standaloneSvg('<html></html>', timelineCss(), {})).toBeNull();
    expect(standaloneSvg('<svg><script>alert(1)</script>', timelineCss(), {})).toBeNull();
    expect(standaloneSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>', timelineCss(), {})).toBeNull();
    expect(standaloneSvg('<svg class="timeline"><script>alert(1)</script></svg>', timelineCss(), {})).toBeNull();
    expect(standaloneSvg('<svg class="timeline"><rect onload="alert(1)"/></svg>', timelineCss(), {})).toBeNull();
    expect(standaloneSvg('<svg class="timeline"><rect/></svg>', timelineCss(), {})).toContain('<rect/>');
  });
});

describe('timeline webview page', () => {
  const html = timelinePageHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/timeline.js', styleUri: 'https://x/timeline.css', svgCss: timelineCss() });

  it('has a strict Content-Security-Policy: no network, scripts and styles by nonce or from the extension', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'n0nce');
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(`script-src 'nonce-n0nce'`);
    expect(csp).toContain(`style-src vscode-resource: 'nonce-n0nce'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('loads its one script and style sheet with the nonce, and has no inline handlers', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc123" src="https://x/timeline.js"></script>');
    expect(html).toContain('<style nonce="abc123">');
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(makeNonce()).not.toBe(a);
  });

  it('accepts only well-formed messages from the webview', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'open', eventId: 'e1' })).toEqual({ type: 'open', eventId: 'e1', choose: false });
    expect(parseWebviewMessage({ type: 'open', eventId: 'e1', choose: true })).toEqual({ type: 'open', eventId: 'e1', choose: true });
    expect(parseWebviewMessage({ type: 'open', eventId: 'e1', choose: 'yes' })).toEqual({ type: 'open', eventId: 'e1', choose: false });
    expect(parseWebviewMessage({ type: 'lanes', lanes: 'country' })).toEqual({ type: 'lanes', lanes: 'country' });
    expect(parseWebviewMessage({ type: 'save', svg: '<svg/>', variables: { '--a': '#fff', b: 'x', '--c': 3 } })).toEqual({ type: 'save', svg: '<svg/>', variables: { '--a': '#fff' } });
    for (const bad of [null, 'ready', {}, { type: 'open' }, { type: 'lanes', lanes: 'article' }, { type: 'save', svg: 1, variables: {} }, { type: 'eval', code: '1' }]) {
      expect(parseWebviewMessage(bad)).toBeNull();
    }
  });

  it('tells the tooltip the type, place, participants and sources of an event', () => {
    const d = eventDetails(byLocation('Geneva'));
    expect(d).toMatchObject({ title: 'Meeting in Geneva', date: '15 December 2023', place: 'Geneva', participants: 'Yoko Kamikawa and Hossein Amir-Abdollahian' });
    expect(d.sources.map((s) => s.path)).toEqual(['seeds/001_e54193130fdaf13e.txt', 'seeds/001_e54193130fdaf13e.txt']);
  });
});
