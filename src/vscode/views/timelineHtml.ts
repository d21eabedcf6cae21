// The timeline webview's page and the messages it exchanges with the extension. Pure (no vscode), so
// the Content-Security-Policy and the message checks are unit-tested.
import type { CorpusEvent } from '../../analysis/types';
import { eventDateLabel } from './eventDates';
import { eventTitle, participantList, snippet } from './labels';
import { escapeXml } from './timelineSvg';
import type { TimelineLanes } from './timelineLayout';

export interface TimelinePageInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The SVG's own style sheet (theme variables), inlined under the nonce. */
  svgCss: string;
}

/**
 * Nothing but our own script and style (by nonce or from the extension's media folder) runs or loads:
 * no network, no inline handlers, no eval.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

/**
 * The webview's options: scripts on (ours, under the nonce), no forms, no `command:` links, and files
 * readable only from the extension's `media/timeline` folder (never the workspace or anywhere else).
 */
export function timelineWebviewOptions<U>(mediaFolder: U): { enableScripts: true; enableForms: false; enableCommandUris: false; localResourceRoots: U[] } {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [mediaFolder] };
}

export function timelinePageHtml(input: TimelinePageInput): string {
  const { nonce } = input;
  const attr = escapeXml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<style nonce="${attr(nonce)}">
${input.svgCss.replace(/<\//g, '<\\/')}
</style>
<title>News Timeline</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline">
  <span class="lanes-switch" role="radiogroup" aria-label="Lanes">
    <span class="toolbar-label">Lanes:</span>
    <button type="button" data-lanes="participant" role="radio" aria-checked="false">Participants</button>
    <button type="button" data-lanes="country" role="radio" aria-checked="false">Countries</button>
  </span>
  <button type="button" id="save-svg" title="Save the timeline as an SVG image">Save as SVG…</button>
  <span id="status" class="status" aria-live="polite"></span>
</header>
<main id="chart" class="chart" tabindex="-1"><p class="empty">Reading the articles of the workspace…</p></main>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${attr(nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}

/** What the tooltip shows of an event (the webview builds the DOM from it with textContent only). */
export interface EventDetails {
  title: string;
  date: string;
  place: string;
  participants: string;
  sources: Array<{ path: string; text: string }>;
}

export function eventDetails(event: CorpusEvent): EventDetails {
  return {
    title: eventTitle(event),
    date: eventDateLabel(event.date),
    place: event.location ?? 'not stated',
    participants: participantList(event.participants),
    sources: [...event.sources]
      .sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start)
      .map((s) => ({ path: s.path, text: snippet(s.text, 160) })),
  };
}

/** Extension → webview. */
export interface RenderMessage {
  type: 'render';
  svg: string;
  lanes: TimelineLanes;
  eventCount: number;
  details: Record<string, EventDetails>;
  /** The CSS variables the SVG reads: the webview resolves them when saving. */
  cssVariables: string[];
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
}

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** `choose`: let the user pick among the event's passages instead of opening the first. */
  | { type: 'open'; eventId: string; choose: boolean }
  | { type: 'lanes'; lanes: TimelineLanes }
  | { type: 'save'; svg: string; variables: Record<string, string> };

/** Checks a message from the webview; anything else is ignored. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      if (typeof m.eventId !== 'string') return null;
      return { type: 'open', eventId: m.eventId, choose: m.choose === true };
    case 'lanes':
      return m.lanes === 'participant' || m.lanes === 'country' ? { type: 'lanes', lanes: m.lanes } : null;
    case 'save': {
      if (typeof m.svg !== 'string' || !m.variables || typeof m.variables !== 'object') return null;
      const variables: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.variables as Record<string, unknown>)) if (k.startsWith('--') && typeof v === 'string') variables[k] = v;
      return { type: 'save', svg: m.svg, variables };
    }
    default:
      return null;
  }
}

/** A nonce from 16 random bytes (Web Crypto: available in Node and in the web extension host). */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
