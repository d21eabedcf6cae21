import type { CorpusEvent } from './analysis/types';

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
  ]);
  const header = ['DATE', 'EVENT', 'PLACE', 'PARTICIPANTS', 'SOURCES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
