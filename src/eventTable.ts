import type { CorpusEvent } from './analysis/types';

// Control characters (C0, C1: ESC starts a terminal's escape sequences; BEL ends its OSC commands) and bidi
// overrides in a file name or an article would act on the terminal that shows the table, not show.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as a visible `\uXXXX`, for a terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The merged event timeline as a plain-text table, oldest first, undated events last. */
export function formatEventTable(events: readonly CorpusEvent[]): string {
  if (events.length === 0) return 'No events found.\n';
  const sorted = [...events].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  const rows = sorted.map((e) => [
    e.date ?? 'undated',
    e.scheduled ? `${e.type} (planned)` : e.type,
    e.location ?? '—',
    e.participants.join(', '),
    [...new Set(e.sources.map((s) => s.path))].join(', '),
  ].map(printable));
  const header = ['DATE', 'EVENT', 'PLACE', 'PARTICIPANTS', 'SOURCES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
