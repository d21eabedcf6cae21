// What a reader sees of an event, a participant or a passage, in one place so that the Events tree,
// the Annotations tree and the timeline say the same thing. Pure: no vscode.
import type { CorpusEvent, Entity, EventType } from '../../analysis/types';
import { eventDateLabel } from './eventDates';

const TYPE_NOUNS: Record<EventType, string> = {
  meeting: 'Meeting',
  visit: 'Visit',
  talks: 'Talks',
  call: 'Phone call',
  trip: 'Trip',
};

export function eventTypeLabel(type: EventType): string {
  return TYPE_NOUNS[type] ?? type;
}

/** "Meeting in Tokyo", "Phone call", "Visit to Jerusalem (planned)". */
export function eventTitle(event: Pick<CorpusEvent, 'type' | 'location' | 'scheduled'>): string {
  const place = event.location ? `${event.type === 'visit' || event.type === 'trip' ? ' to' : ' in'} ${event.location}` : '';
  return `${eventTypeLabel(event.type)}${place}${event.scheduled ? ' (planned)' : ''}`;
}

/** "A, B and C"; "no named participant" when there is none. */
export function participantList(names: readonly string[]): string {
  if (names.length === 0) return 'no named participant';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Tree description of an event: participants, then date. */
export function eventDescription(event: Pick<CorpusEvent, 'participants' | 'date'>): string {
  return `${participantList(event.participants)} · ${eventDateLabel(event.date)}`;
}

/** Plain-text summary of an event, one fact a line (tooltips, the timeline's <title>). */
export function eventSummaryLines(event: CorpusEvent): string[] {
  const sources = [...new Set(event.sources.map((s) => s.path))];
  return [
    eventTitle(event),
    `Date: ${eventDateLabel(event.date)}`,
    `Place: ${event.location ?? 'not stated'}`,
    `Participants: ${participantList(event.participants)}`,
    `Sources: ${sources.length === 0 ? 'none' : sources.join(', ')} (${event.sources.length} passage${event.sources.length === 1 ? '' : 's'})`,
  ];
}

// Article text (and a tags file that came with the workspace) is untrusted: it must render as the very
// characters it holds, never as a link, image, HTML, code, emphasis, heading or list. Every character that
// opens Markdown syntax anywhere is backslash-escaped (CommonMark renders `\x` as `x` for any ASCII
// punctuation); `:` and `@` too, so that no GFM autolink (`https://…`, `mailto:`, `a@b.org`) forms.
// Hyphens, dots and parentheses act only at the start of a line (`- `, `1.`, `1)`) or after `]` / `www`,
// so they are escaped only there and names keep their hyphens and initials as typed in the source.
const MARKDOWN_INLINE = /[\\`*_[\]<>~|&:@#!{}$+=^"]/g;
const MARKDOWN_LINE_START = /^(\d+)([.)])|^([-])/;
const WWW_DOT = /\b(www)\./gi;
export function escapeMarkdown(text: string): string {
  const lines = text
    .split(/\r\n?|\n/)
    // Leading spaces would make an indented code block; line breaks stay as hard breaks.
    .map((line) => line.replace(/^[ \t]+/, ''))
    .filter((line) => line.length > 0)
    .map((line) =>
      line
        .replace(MARKDOWN_INLINE, '\\$&')
        .replace(WWW_DOT, '$1\\.')
        .replace(MARKDOWN_LINE_START, (_m, digits: string | undefined, delim: string | undefined, dash: string | undefined) =>
          dash ? `\\${dash}` : `${digits}\\${delim}`,
        ),
    );
  return lines.join('  \n');
}

// VS Code turns `[label](command:…)`, `(https://…)` and `(file:…)` in a notification's message into links it
// opens with commands allowed. A message quoting an article, a tags file or an import file must not: a zero-width
// space between `]` and `(` keeps every character visible as it is and no link forms.
const LINKED_TEXT = /\]\(/g;
export function plainMessage(text: string): string {
  return text.replace(LINKED_TEXT, ']\u200b(');
}

/** `$(name)` in article text shows as typed in a quick pick, not as an icon (`\$(` is VS Code's escape for it). */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** An event's tooltip in the Events view (Markdown): the summary, its first line bold, article text escaped. */
export function eventTooltipText(event: CorpusEvent): string {
  return eventSummaryLines(event)
    .map((line, i) => (i === 0 ? `**${escapeMarkdown(line)}**` : escapeMarkdown(line)))
    .join('  \n');
}

/** "Foreign Minister, Japan" from what is known of a person. */
export function entityRole(entity: Pick<Entity, 'title' | 'country'> | undefined): string {
  if (!entity) return '';
  return [entity.title, entity.country].filter((x): x is string => !!x).join(', ');
}

/** One line of a passage, whitespace collapsed and cut at `max` characters with an ellipsis. */
export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

/** The file name of an article path (`a/b/c.txt` → `c.txt`). */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** The folder of an article path, or '' (`a/b/c.txt` → `a/b`). */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Code-unit order: the same on every machine and locale (ids, export order), and cheap on thousands of events. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
