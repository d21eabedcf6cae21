// What to highlight in one article: the analysis and the user's tags turned into offset spans per
// category. The decoration controller only converts these to ranges.
import type { DocumentAnalysis, Span } from '../analysis/types';
import type { Tag } from '../annotations/tags';

export type HighlightKind = 'date' | 'official' | 'claim' | 'quoteTag' | 'stanceTag';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['date', 'official', 'claim', 'quoteTag', 'stanceTag'];

export interface HighlightToggles {
  dates: boolean;
  officials: boolean;
  claims: boolean;
  tags: boolean;
}

export function highlightSpans(
  analysis: DocumentAnalysis | undefined,
  tags: readonly Tag[],
  toggles: HighlightToggles,
  textLength: number,
): Record<HighlightKind, Span[]> {
  const spans: Record<HighlightKind, Span[]> = { date: [], official: [], claim: [], quoteTag: [], stanceTag: [] };
  // A span beyond the text (an analysis a keystroke behind) is left out rather than clamped onto wrong words.
  const fits = (s: Span) => s.start >= 0 && s.end <= textLength && s.start < s.end;
  const pick = (s: Span): Span => ({ start: s.start, end: s.end });
  if (analysis) {
    if (toggles.dates) spans.date = analysis.dates.filter(fits).map(pick);
    if (toggles.officials) spans.official = analysis.officials.filter(fits).map(pick);
    if (toggles.claims) spans.claim = analysis.claims.filter(fits).map(pick);
  }
  if (toggles.tags) {
    for (const tag of tags) {
      if (tag.detached || !fits(tag.anchor)) continue;
      (tag.kind === 'quote' ? spans.quoteTag : spans.stanceTag).push(pick(tag.anchor));
    }
  }
  return spans;
}

/** Counts for the status bar. */
export interface ArticleCounts {
  dates: number;
  officials: number;
  claims: number;
  tags: number;
  detached: number;
}

/** How many annotations of each kind the engine found in an article (people counted once, as linked). */
export interface AnalysisCounts {
  readonly officials: number;
  readonly quotes: number;
  readonly claims: number;
  readonly dates: number;
  readonly events: number;
}

/** An analysis's counts (people counted once by entity id). */
export function analysisCounts(analysis: DocumentAnalysis): AnalysisCounts {
  return {
    officials: new Set(analysis.officials.map((o) => o.entityId)).size,
    quotes: analysis.quotes.length,
    claims: analysis.claims.length,
    dates: analysis.dates.length,
    events: analysis.events.length,
  };
}

export function articleCounts(found: Pick<AnalysisCounts, 'officials' | 'claims' | 'dates'> | undefined, tags: readonly Tag[]): ArticleCounts {
  const detached = tags.filter((t) => t.detached).length;
  return {
    dates: found?.dates ?? 0,
    officials: found?.officials ?? 0,
    claims: found?.claims ?? 0,
    tags: tags.length - detached,
    detached,
  };
}

export function statusText(c: ArticleCounts): string {
  const parts = [`$(calendar) ${c.dates}`, `$(person) ${c.officials}`, `$(comment) ${c.claims}`, `$(tag) ${c.tags}`];
  if (c.detached) parts.push(`$(warning) ${c.detached}`);
  return parts.join('  ');
}

export function statusTooltip(c: ArticleCounts): string {
  const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
  const lines = [
    plural(c.dates, 'date'),
    plural(c.officials, 'official'),
    plural(c.claims, 'claim'),
    plural(c.tags, 'tag'),
  ];
  if (c.detached) lines.push(`${plural(c.detached, 'detached tag')} (text not found)`);
  return `News Annotator: ${lines.join(', ')}. Click to open the Annotations view.`;
}
