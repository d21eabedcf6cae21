// The Annotations tree as plain data: for one article, its officials (with mention counts), quotes
// (found and tagged), stances, claims, dates and detached tags, each item pointing at its text. Pure: no vscode.
import type { DocumentAnalysis, Entity } from '../../analysis/types';
import type { Tag } from '../../annotations/tags';
import { compareText, entityRole, plural, snippet } from './labels';

export type SectionKind = 'officials' | 'quotes' | 'stances' | 'claims' | 'dates' | 'detached';

export interface Passage {
  start: number;
  end: number;
}

export interface AnnotationItem {
  kind: 'item';
  /** Unique within the article. */
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: 'person' | 'quote' | 'comment' | 'calendar' | 'law' | 'warning' | 'tag';
  /** Where it leads (undefined for a detached tag, whose offsets no longer mean anything). */
  passage: Passage | undefined;
  /** For a user's tag: the tag itself (the core's tag commands receive it). */
  tag?: Tag;
  /** Mentions of an official, each a passage (children of the official's node). */
  mentions?: Passage[];
}

export interface AnnotationSection {
  kind: 'section';
  section: SectionKind;
  id: string;
  label: string;
  count: number;
  items: AnnotationItem[];
}

const SECTION_LABELS: Record<SectionKind, string> = {
  officials: 'Officials',
  quotes: 'Quotes',
  stances: 'Stances',
  claims: 'Claims',
  dates: 'Dates',
  detached: 'Detached tags',
};

function quoted(text: string, max = 70): string {
  return `“${snippet(text, max)}”`;
}

function tagItem(tag: Tag): AnnotationItem {
  const passage = tag.detached ? undefined : { start: tag.anchor.start, end: tag.anchor.end };
  if (tag.kind === 'quote') {
    return {
      kind: 'item',
      id: `tag:${tag.id}`,
      label: quoted(tag.anchor.exact),
      description: `${tag.speaker ?? 'unknown speaker'} · your tag`,
      tooltip: `Quote tagged by you\nSpeaker: ${tag.speaker ?? 'unknown'}\n\n${tag.anchor.exact}`,
      icon: tag.detached ? 'warning' : 'tag',
      passage,
      tag,
    };
  }
  const who = tag.holder ?? 'someone';
  return {
    kind: 'item',
    id: `tag:${tag.id}`,
    label: `${who} ${tag.stance}${tag.target ? ` ${tag.target}` : ''}`,
    description: quoted(tag.anchor.exact, 50),
    tooltip: [`Stance tagged by you: ${tag.stance}`, `Holder: ${tag.holder ?? 'not given'}`, `Target: ${tag.target ?? 'not given'}`, ...(tag.note ? [`Note: ${tag.note}`] : []), '', tag.anchor.exact].join('\n'),
    icon: tag.detached ? 'warning' : 'law',
    passage,
    tag,
  };
}

/**
 * The sections of one article, in reading order within each; empty sections are left out.
 * `tags` are this article's tags; `entities` gives workspace-wide mention counts.
 */
export function articleSections(articleKey: string, analysis: DocumentAnalysis, tags: readonly Tag[], entities: ReadonlyMap<string, Entity>): AnnotationSection[] {
  const byStart = <T extends Passage>(a: T, b: T) => a.start - b.start || a.end - b.end;

  const officialsById = new Map<string, { name: string; title: string | null; country: string | null; mentions: Passage[] }>();
  for (const o of [...analysis.officials].sort(byStart)) {
    const entry = officialsById.get(o.entityId);
    if (entry) entry.mentions.push({ start: o.start, end: o.end });
    else officialsById.set(o.entityId, { name: o.name, title: o.title, country: o.country, mentions: [{ start: o.start, end: o.end }] });
  }
  // Most mentioned first: who the article is about.
  const officials = [...officialsById]
    .sort((a, b) => b[1].mentions.length - a[1].mentions.length || a[1].mentions[0]!.start - b[1].mentions[0]!.start)
    .map(([entityId, o]): AnnotationItem => {
      const entity = entities.get(entityId);
      const role = entityRole(entity ?? o);
      const here = plural(o.mentions.length, 'mention');
      return {
        kind: 'item',
        id: `official:${entityId}`,
        label: o.name,
        description: [role, here].filter(Boolean).join(' · '),
        tooltip: [o.name, role, `${here} in this article${entity ? `, ${entity.mentions} in the workspace` : ''}`].filter(Boolean).join('\n'),
        icon: 'person',
        passage: o.mentions[0],
        mentions: o.mentions,
      };
    });

  const attachedTags = tags.filter((t) => !t.detached).sort((a, b) => byStart(a.anchor, b.anchor));
  const quoteItems: Array<{ start: number; end: number; item: AnnotationItem }> = [
    ...analysis.quotes.map((q, i) => ({
      start: q.start,
      end: q.end,
      item: {
        kind: 'item' as const,
        id: `quote:${i}`,
        label: quoted(q.text),
        description: q.speaker ?? 'unknown speaker',
        tooltip: `Quote found in the text\nSpeaker: ${q.speaker ?? 'unknown'}\n\n${q.text}`,
        icon: 'quote' as const,
        passage: { start: q.start, end: q.end },
      },
    })),
    ...attachedTags.filter((t) => t.kind === 'quote').map((t) => ({ start: t.anchor.start, end: t.anchor.end, item: tagItem(t) })),
  ].sort(byStart);

  const stances = attachedTags.filter((t) => t.kind === 'stance').map(tagItem);

  const claims = [...analysis.claims].sort(byStart).map((c, i): AnnotationItem => ({
    kind: 'item',
    id: `claim:${i}`,
    label: snippet(c.text, 70),
    description: [c.speaker ?? 'unattributed', c.cue].filter(Boolean).join(' · '),
    tooltip: `Claim\nSource: ${c.speaker ?? 'not identified'}${c.cue ? `\nReporting: ${c.cue}` : ''}\n\n${c.text}`,
    icon: 'comment',
    passage: { start: c.start, end: c.end },
  }));

  const dates = [...analysis.dates].sort(byStart).map((d, i): AnnotationItem => ({
    kind: 'item',
    id: `date:${i}`,
    label: d.text,
    description: d.value ? `${d.value}${d.relative ? ' (relative)' : ''}` : 'unresolved',
    tooltip: `${d.text}\nValue: ${d.value ?? 'unresolved (no document date)'}${d.precision ? `\nPrecision: ${d.precision}` : ''}${d.relative ? '\nResolved against the document date' : ''}`,
    icon: 'calendar',
    passage: { start: d.start, end: d.end },
  }));

  const detached = tags.filter((t) => t.detached).sort((a, b) => compareText(a.id, b.id)).map((t) => {
    const item = tagItem(t);
    item.description = `detached · ${item.description}`;
    item.tooltip = `This tag's text can no longer be found in the article. Select the passage and choose “Re-attach Tag to Selection”, or remove it.\n\n${item.tooltip}`;
    return item;
  });

  const sections: Array<[SectionKind, AnnotationItem[]]> = [
    ['officials', officials],
    ['quotes', quoteItems.map((q) => q.item)],
    ['stances', stances],
    ['claims', claims],
    ['dates', dates],
    ['detached', detached],
  ];
  return sections
    .filter(([, items]) => items.length > 0)
    .map(([section, items]) => ({ kind: 'section', section, id: `${articleKey}#${section}`, label: SECTION_LABELS[section], count: items.length, items }));
}

/** "3 officials · 2 quotes · 1 detached" for an article's node. */
/**
 * The counts articleSections would give each section, without making its items: an article's row in a workspace
 * of 10,000 articles needs only these (the items are made when the article is expanded).
 */
/** An article's row in the view: the engine's counts (the model's AnalysisCounts) with the user's tags added. */
export function articleCounts(found: { officials: number; quotes: number; claims: number; dates: number }, tags: readonly Tag[]): Record<SectionKind, number> {
  const attached = tags.filter((t) => !t.detached);
  return {
    officials: found.officials,
    quotes: found.quotes + attached.filter((t) => t.kind === 'quote').length,
    stances: attached.filter((t) => t.kind === 'stance').length,
    claims: found.claims,
    dates: found.dates,
    detached: tags.length - attached.length,
  };
}

export function articleSummary(sections: readonly AnnotationSection[] | Record<SectionKind, number>): string {
  const count = (k: SectionKind) => (Array.isArray(sections) ? (sections as readonly AnnotationSection[]).find((s) => s.section === k)?.count ?? 0 : (sections as Record<SectionKind, number>)[k]);
  const parts = [plural(count('officials'), 'official'), plural(count('quotes'), 'quote'), plural(count('claims'), 'claim')];
  const stances = count('stances');
  if (stances) parts.push(plural(stances, 'stance'));
  const detached = count('detached');
  if (detached) parts.push(`${detached} detached`);
  return parts.join(' · ');
}
