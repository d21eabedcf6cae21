// The Markdown shown when hovering a highlight: what the engine found and why, with command links.
// Pure strings, so the wording is unit-tested; hovers.ts wraps them in a trusted MarkdownString.
import type { ClaimMention, DateMention, DocumentDateInfo, Entity, OfficialMention } from '../analysis/types';
import type { Tag } from '../annotations/tags';
import { Commands } from './constants';
import { escapeMarkdown } from './views/labels';

export { escapeMarkdown };

/** `command:` link with its arguments, as VS Code reads them from a Markdown link. */
export function commandLink(label: string, command: string, args?: unknown, tooltip?: string): string {
  const query = args === undefined ? '' : `?${encodeLinkQuery(JSON.stringify([args]))}`;
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, "'")}"` : '';
  return `[${escapeMarkdown(label)}](command:${command}${query}${title})`;
}

/**
 * encodeURIComponent leaves `( ) ' ! * ~` as they are; a `)` from article text (a speaker's name in the
 * arguments) would end the link's destination early, so those are percent-encoded too (VS Code decodes them).
 */
function encodeLinkQuery(text: string): string {
  return encodeURIComponent(text).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Where the hover's links point: the article, and the passage hovered. */
export interface HoverTarget {
  uri: string;
  start: number;
  end: number;
}

const PRECISION_WORDS: Record<string, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
  decade: 'a decade',
  century: 'a century',
};

export function dateHover(date: DateMention, documentDate: DocumentDateInfo | null, overridden: boolean, target: HoverTarget): string {
  const lines: string[] = [];
  const precision = date.precision ? ` · ${PRECISION_WORDS[date.precision] ?? date.precision}` : '';
  lines.push(date.value ? `**Date** \`${date.value}\`${precision}` : `**Date** (not resolved)${precision}`);
  if (!date.relative) {
    lines.push('Written in full: it needs no reference date.');
  } else if (documentDate) {
    lines.push(`Relative: resolved against the document date \`${documentDate.value}\`, ${dateOrigin(documentDate, overridden)}.`);
  } else {
    lines.push('Relative: it cannot be resolved because the article gives no date of its own. Set one and it is resolved at once.');
  }
  if (date.relative || overridden || !documentDate) {
    lines.push(commandLink(documentDate ? 'Change document date' : 'Set document date', Commands.setDocumentDate, { uri: target.uri }));
  }
  return lines.join('\n\n');
}

function dateOrigin(documentDate: DocumentDateInfo, overridden: boolean): string {
  if (overridden) return 'set by you';
  if (documentDate.origin === 'text' && documentDate.span) return `read from "${escapeMarkdown(clip(documentDate.span.text, 60))}" in the article`;
  return documentDate.origin === 'text' ? 'found in the article' : 'given';
}

export function officialHover(official: OfficialMention, entity: Entity | undefined, mentionsInArticle: number): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(official.name)}**`);
  const role = [official.title ?? entity?.title, official.country ?? entity?.country].filter((x): x is string => !!x);
  lines.push(role.length ? escapeMarkdown(role.join(', ')) : '_No title or country found._');
  if (official.text !== official.name) lines.push(`Named here as "${escapeMarkdown(official.text)}".`);
  const inWorkspace = entity?.mentions ?? mentionsInArticle;
  lines.push(`Mentions: ${mentionsInArticle} in this article, ${inWorkspace} in the workspace.`);
  return lines.join('\n\n');
}

export function claimHover(claim: ClaimMention, target: HoverTarget): string {
  const lines: string[] = ['**Claim**'];
  lines.push(claim.speaker ? `Speaker: **${escapeMarkdown(claim.speaker)}**` : 'Speaker: _not found_');
  if (claim.cue) lines.push(`Reporting verb: _${escapeMarkdown(claim.cue)}_`);
  lines.push(
    commandLink('Tag as quote', Commands.tagQuote, {
      uri: target.uri,
      start: claim.start,
      end: claim.end,
      speaker: claim.speaker,
      speakerEntityId: claim.speakerEntityId,
    }, 'Tag this sentence as a quote of its speaker') +
      ' · ' +
      commandLink('Tag as stance', Commands.tagStance, { uri: target.uri, start: claim.start, end: claim.end, holder: claim.speaker }),
  );
  return lines.join('\n\n');
}

export function tagHover(tag: Tag, target: HoverTarget): string {
  const lines: string[] = [];
  if (tag.kind === 'quote') {
    lines.push(`**Quote** (your tag)`);
    lines.push(tag.speaker ? `Speaker: **${escapeMarkdown(tag.speaker)}**` : 'Speaker: _not given_');
  } else {
    lines.push(`**Stance: ${escapeMarkdown(tag.stance)}** (your tag)`);
    if (tag.holder) lines.push(`Held by: **${escapeMarkdown(tag.holder)}**`);
    if (tag.target) lines.push(`On: ${escapeMarkdown(tag.target)}`);
    if (tag.note) lines.push(`> ${escapeMarkdown(tag.note)}`);
  }
  const ref = { tagId: tag.id, uri: target.uri };
  lines.push(`${commandLink('Edit', Commands.editTag, ref)} · ${commandLink('Remove', Commands.removeTag, ref)}`);
  return lines.join('\n\n');
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

/** Commands a hover may run through its links (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = [Commands.setDocumentDate, Commands.tagQuote, Commands.tagStance, Commands.editTag, Commands.removeTag];
