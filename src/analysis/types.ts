// The engine's data model: plain offsets into the article text, no editor types.
// Offsets are UTF-16 code unit indices (JavaScript string indices), `end` exclusive,
// so that `text.slice(start, end) === span.text` always holds.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** ISO 8601 precision of a date value. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

export interface DateMention extends TextSpan {
  /** `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM` or `YYYY`; null when it cannot be resolved (no document date). */
  value: string | null;
  precision: DatePrecision | null;
  /** True when the value depends on the document date (weekdays, "last year", "May" without a year). */
  relative: boolean;
}

export interface OfficialMention extends TextSpan {
  /** Canonical full name, given name first ("Yoshimasa Hayashi"). */
  name: string;
  title: string | null;
  country: string | null;
  /** Stable id of the person: the same for every mention, within a document and across a corpus. */
  entityId: string;
}

export interface QuoteMention extends TextSpan {
  /** The official's canonical name, or the body/description the article gives; null when unknown. */
  speaker: string | null;
  speakerEntityId: string | null;
}

export interface ClaimMention extends TextSpan {
  speaker: string | null;
  speakerEntityId: string | null;
  /** The reporting verb or phrase that attributes the sentence ("said", "according to"). */
  cue: string | null;
}

export type EventType = 'meeting' | 'visit' | 'talks' | 'call' | 'trip';

export interface EventMention {
  type: EventType;
  date: string | null;
  location: string | null;
  /** Canonical names of the officials taking part. */
  participants: string[];
  participantEntityIds: string[];
  /** True when the article reports it as planned rather than held. */
  scheduled: boolean;
  /** The passages (sentences) that report it. */
  sources: TextSpan[];
}

export interface DocumentDateInfo {
  value: string;
  /** Where it came from: the caller, or the text (with the span it was read from). */
  origin: 'option' | 'text';
  span?: TextSpan;
}

export interface DocumentAnalysis {
  documentDate: DocumentDateInfo | null;
  sentences: Span[];
  dates: DateMention[];
  officials: OfficialMention[];
  quotes: QuoteMention[];
  claims: ClaimMention[];
  events: EventMention[];
}

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`; wins over any date found in the text. */
  documentDate?: string | null;
}

export interface CorpusDocument {
  path: string;
  text: string;
  options?: AnalyzeOptions;
}

export interface Entity {
  id: string;
  name: string;
  title: string | null;
  country: string | null;
  /** Number of mentions across the corpus. */
  mentions: number;
}

export interface EventSource extends TextSpan {
  path: string;
}

/** An event merged across the corpus: the same event told by several articles has one entry. */
export interface CorpusEvent extends Omit<EventMention, 'sources'> {
  id: string;
  sources: EventSource[];
}

export interface CorpusAnalysis {
  documents: Array<{ path: string; analysis: DocumentAnalysis }>;
  entities: Entity[];
  events: CorpusEvent[];
}
