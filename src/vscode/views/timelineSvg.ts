// Draws a timeline layout as a standalone SVG string. Colours come from VS Code's theme through CSS
// variables (each with a fallback), so the picture follows the theme in the webview; for a saved file the
// variables are replaced by the values the webview resolved. Pure: no vscode, no DOM.
import type { CorpusEvent, EventType } from '../../analysis/types';
import { eventSummaryLines, eventTitle, eventTypeLabel } from './labels';
import { TIMELINE_METRICS, type TimelineLayout } from './timelineLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One chart colour per event type, from the theme's chart palette. */
const TYPE_COLOURS: Record<EventType, string> = {
  meeting: 'var(--vscode-charts-blue, #3794ff)',
  talks: 'var(--vscode-charts-purple, #b180d7)',
  call: 'var(--vscode-charts-green, #89d185)',
  visit: 'var(--vscode-charts-orange, #d18616)',
  trip: 'var(--vscode-charts-yellow, #cca700)',
};
const EVENT_TYPES = Object.keys(TYPE_COLOURS) as EventType[];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** The timeline's style sheet, with theme variables (the webview adds it under its CSP nonce). */
export function timelineCss(): string {
  const rules = [
    `.bg { fill: var(--vscode-editor-background, #1e1e1e); }`,
    `text { font-family: var(--vscode-font-family, sans-serif); font-size: 12px; fill: var(--vscode-foreground, #cccccc); }`,
    `.lane-band { fill: var(--vscode-editorWidget-background, #252526); opacity: 0.55; }`,
    `.lane-line { stroke: var(--vscode-editorIndentGuide-background, #404040); stroke-width: 1; }`,
    `.lane-sublabel, .axis-label, .legend-note { fill: var(--vscode-descriptionForeground, #9d9d9d); font-size: 11px; }`,
    `.tick { stroke: var(--vscode-editorIndentGuide-background, #404040); stroke-width: 1; }`,
    `.tick.year-start { stroke: var(--vscode-editorIndentGuide-activeBackground, #707070); }`,
    `.separator { stroke: var(--vscode-descriptionForeground, #9d9d9d); stroke-width: 1; stroke-dasharray: 4 4; }`,
    `.connector { stroke-width: 2; }`,
    `.planned .connector { stroke-dasharray: 4 3; }`,
    `.mark { stroke-width: 2; }`,
    `.approx .mark { stroke-dasharray: 2 2; }`,
    `.event { cursor: pointer; }`,
    `.event:hover .mark, .event:focus .mark, .event.active .mark { stroke: var(--vscode-focusBorder, #007fd4); stroke-width: 3; }`,
    `.event:focus { outline: none; }`,
    ...EVENT_TYPES.map((t) => `.type-${t} .mark { fill: ${TYPE_COLOURS[t]}; stroke: ${TYPE_COLOURS[t]}; } .type-${t} .connector { stroke: ${TYPE_COLOURS[t]}; }`),
    // After the type colours, so that a planned event stays hollow.
    `.planned .mark { fill: var(--vscode-editor-background, #1e1e1e); }`,
  ];
  return rules.join('\n');
}

const VAR_RE = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*?))?\s*\)/g;

/** The CSS variables a style sheet reads (the webview resolves exactly these for a saved SVG). */
export function cssVariableNames(css: string): string[] {
  return [...new Set([...css.matchAll(VAR_RE)].map((m) => m[1]!))].sort();
}

/** A resolved value is kept only when it cannot break out of a declaration or the SVG's XML. */
const SAFE_VALUE = /^[^<>{};&\\]*$/;

/** Replaces each `var(--x, fallback)` by the resolved value, else the fallback, else `currentColor`. */
export function inlineCssVariables(css: string, values: Readonly<Record<string, unknown>>): string {
  return css.replace(VAR_RE, (_all, name: string, fallback: string | undefined) => {
    const v = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (typeof v === 'string' && v.trim() && SAFE_VALUE.test(v)) return v.trim();
    return fallback?.trim() || 'currentColor';
  });
}

/**
 * Makes the SVG the webview shows into a file that looks the same anywhere: the theme's resolved colours
 * and fonts in an embedded style sheet. Returns null when `svg` is not one of our timelines.
 */
export function standaloneSvg(svg: string, css: string, values: Readonly<Record<string, unknown>>): string | null {
  const open = /^\s*<svg\b[^>]*>/.exec(svg);
  if (!open || !/<\/svg>\s*$/.test(svg) || !open[0].includes('class="timeline"')) return null;
  // Our builder writes neither scripts nor event handlers; a file that has them is not ours to save.
  // Handlers are looked for among attribute names only: article text (escaped) may well read " online=".
  if (/<script|<foreignObject/i.test(svg) || hasHandlerAttribute(svg)) return null;
  const style = `<style>\n${inlineCssVariables(css, values)}\n</style>`;
  let head = open[0];
  if (!/\sxmlns=/.test(head)) head = head.replace('<svg', `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${style}${svg.slice(open.index + open[0].length).trimEnd()}\n`;
}

const TAG = /<[a-zA-Z][^>]*>/g;
const ATTRIBUTE_NAME = /\s([^\s=/>"']+)\s*=/g;
const QUOTED_VALUE = /"[^"]*"|'[^']*'/g;

function hasHandlerAttribute(svg: string): boolean {
  for (const [tag] of svg.matchAll(TAG)) {
    for (const [, name] of tag.replace(QUOTED_VALUE, '""').matchAll(ATTRIBUTE_NAME)) if (/^on/i.test(name!)) return true;
  }
  return false;
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The timeline picture. `events` must be the events the layout was made from (looked up by id). */
export function renderTimelineSvg(layout: TimelineLayout, events: readonly CorpusEvent[]): string {
  const m = TIMELINE_METRICS;
  const byId = new Map(events.map((e) => [e.id, e]));
  const { plot } = layout;
  const out: string[] = [];
  const eventCount = layout.marks.length;
  const summary = `Timeline of ${eventCount} event${eventCount === 1 ? '' : 's'}${layout.range ? `, ${layout.range.from} to ${layout.range.to}` : ''}`;
  out.push(
    `<svg xmlns="${SVG_NS}" class="timeline" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="group" aria-label="${escapeXml(summary)}">`,
    `<title>${escapeXml(summary)}</title>`,
    `<rect class="bg" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`,
  );

  out.push('<g class="lanes">');
  layout.lanes.forEach((lane, i) => {
    const top = lane.y - layout.laneHeight / 2;
    if (i % 2 === 0) out.push(`<rect class="lane-band" x="0" y="${r(top)}" width="${plot.right}" height="${layout.laneHeight}"/>`);
    out.push(`<line class="lane-line" x1="${plot.left}" y1="${r(lane.y)}" x2="${plot.right}" y2="${r(lane.y)}"/>`);
    const labelY = lane.sublabel ? lane.y - 2 : lane.y + 4;
    const shown = clip(lane.label, plot.left);
    // A cut name keeps its whole self in a tooltip.
    const full = shown === lane.label ? '' : `<title>${escapeXml(lane.label)}</title>`;
    out.push(`<text class="lane-label" x="${m.padding}" y="${r(labelY)}">${full}${escapeXml(shown)}</text>`);
    if (lane.sublabel) out.push(`<text class="lane-sublabel" x="${m.padding}" y="${r(lane.y + 11)}">${escapeXml(clip(lane.sublabel, plot.left, 6.2))}</text>`);
  });
  out.push('</g>');

  out.push('<g class="axis">');
  for (const tick of layout.axis) {
    out.push(`<line class="tick${tick.yearStart ? ' year-start' : ''}" x1="${r(tick.x)}" y1="${plot.top - 4}" x2="${r(tick.x)}" y2="${plot.bottom}"/>`);
    out.push(`<text class="axis-label" transform="translate(${r(tick.x + 3)} ${plot.top - 8}) rotate(-45)">${escapeXml(tick.label)}</text>`);
  }
  if (layout.undatedSeparatorX !== null) {
    out.push(`<line class="separator" x1="${r(layout.undatedSeparatorX)}" y1="${plot.top - 30}" x2="${r(layout.undatedSeparatorX)}" y2="${plot.bottom}"/>`);
  }
  if (layout.undatedX !== null) {
    out.push(`<text class="axis-label" transform="translate(${r(layout.undatedX + m.slot / 2 + 3)} ${plot.top - 8}) rotate(-45)">Undated</text>`);
  }
  out.push('</g>');

  out.push('<g class="events">');
  for (const mark of layout.marks) {
    const event = byId.get(mark.eventId);
    const title = event ? eventSummaryLines(event).join('\n') : mark.eventId;
    const classes = ['event', `type-${mark.type}`, mark.scheduled ? 'planned' : 'held', mark.approximate ? 'approx' : '', mark.dated ? '' : 'undated'].filter(Boolean).join(' ');
    const label = event ? `${eventTitle(event)}, ${event.participants.join(', ') || 'no named participant'}` : mark.eventId;
    out.push(`<g class="${classes}" data-event-id="${escapeXml(mark.eventId)}" tabindex="0" role="button" aria-label="${escapeXml(label)}">`);
    out.push(`<title>${escapeXml(title)}</title>`);
    const first = mark.laneYs[0]!;
    const last = mark.laneYs[mark.laneYs.length - 1]!;
    if (last > first) out.push(`<line class="connector" x1="${r(mark.x)}" y1="${r(first)}" x2="${r(mark.x)}" y2="${r(last)}"/>`);
    for (const y of mark.laneYs) out.push(`<circle class="mark" cx="${r(mark.x)}" cy="${r(y)}" r="7"/>`);
    out.push('</g>');
  }
  out.push('</g>');

  out.push(legend(layout));
  out.push('</svg>');
  return out.join('\n');
}

function legend(layout: TimelineLayout): string {
  const m = TIMELINE_METRICS;
  const used = EVENT_TYPES.filter((t) => layout.marks.some((mk) => mk.type === t));
  const parts: string[] = ['<g class="legend">'];
  let x = m.padding;
  const y = layout.legendY;
  for (const t of used) {
    parts.push(`<g class="type-${t}"><circle class="mark" cx="${x + 6}" cy="${y}" r="6"/></g>`);
    const label = eventTypeLabel(t);
    parts.push(`<text x="${x + 16}" y="${y + 4}">${escapeXml(label)}</text>`);
    x += 16 + label.length * m.charWidth + 18;
  }
  const notes: string[] = [];
  if (layout.marks.some((mk) => mk.scheduled)) notes.push('hollow: planned');
  if (layout.marks.some((mk) => mk.approximate)) notes.push('dashed: date known to the week, month or year');
  notes.push('a line joins the lanes of one event');
  parts.push(`<text class="legend-note" x="${x + 6}" y="${y + 4}">${escapeXml(notes.join(' · '))}</text>`);
  parts.push('</g>');
  return parts.join('\n');
}

/** Cuts a label to fit `width` pixels at about `charWidth` per character. */
function clip(text: string, width: number, charWidth: number = TIMELINE_METRICS.charWidth): string {
  const max = Math.max(4, Math.floor((width - 2 * TIMELINE_METRICS.padding) / charWidth));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
