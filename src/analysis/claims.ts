// Attributed claims: sentences whose content the article gives to a source with a reporting
// verb or phrase, and sentences that hold an attributed quotation. A quotation that runs over
// several sentences makes them one claim.
import type { AttributedQuote, QuoteAnalysis } from './quotes';
import type { SentenceContext } from './speakers';
import type { ClaimMention, Span } from './types';

/**
 * Claims from the sentence analysis that found the quotations: `analyzeQuotes` reads them right
 * away (see claimsOf), so its per-sentence analysis is not kept alive until this call. The text and
 * sentences are those the analysis was made of; the parameters stay for the pipeline's call.
 */
export function findClaims(_text: string, _sentences: Span[], analysis: QuoteAnalysis): ClaimMention[] {
  return analysis.claims;
}

/** The claims of a text, from its quotations and the attributions of each of its sentences. */
export function claimsOf(text: string, sentences: readonly Span[], quotes: readonly AttributedQuote[], contexts: readonly SentenceContext[]): ClaimMention[] {
  // Sentences joined by a quotation that crosses their boundary (numbers in a typed array: no array
  // of boxed indices and no closure per article).
  const groupEnd = groupEndScratch(sentences.length, quotes);
  for (let i = 0; i < sentences.length; i++) groupEnd[i] = i;
  for (const q of quotes) {
    for (let i = q.firstSentence; i <= q.lastSentence; i++) groupEnd[i] = Math.max(groupEnd[i]!, q.lastSentence);
  }
  // The first quotation of a group (the first one listed for the group's earliest sentence that has
  // one) is found by a cursor over the quotations by first sentence: analyzeQuotes lists them in text
  // order, which is that order already; a stable sort keeps the first listed first otherwise.
  const ordered = isByFirstSentence(quotes) ? quotes : [...quotes].sort((a, b) => a.firstSentence - b.firstSentence);
  let nextQuote = 0;
  const claims: ClaimMention[] = [];
  let i = 0;
  while (i < sentences.length) {
    let end = groupEnd[i]!;
    for (let k = i; k <= end; k++) end = Math.max(end, groupEnd[k]!);
    while (nextQuote < ordered.length && ordered[nextQuote]!.firstSentence < i) nextQuote++;
    const candidate = ordered[nextQuote];
    const quote = candidate && candidate.firstSentence <= end ? candidate : undefined;
    let attribution = null;
    for (let k = i; k <= end && !attribution; k++) {
      for (const a of contexts[k]?.attributions ?? []) {
        if (a.speaker && (a.info.strength !== 'quoteOnly' || quote)) {
          attribution = a;
          break;
        }
      }
    }
    const first = sentences[i]!;
    const last = sentences[end]!;
    // A heading or nav line (no final punctuation) is a claim only with a quotation: "Tariffs 'reckless' - Lula".
    if (quote || (attribution && endsFinished(text, last.end))) {
      const speaker = quote ? quote.quote.speaker : attribution!.speaker;
      const speakerEntityId = quote ? quote.quote.speakerEntityId : attribution!.speakerEntityId;
      claims.push({
        text: text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        speaker,
        speakerEntityId,
        cue: attribution ? attribution.cue : quote?.attribution?.cue ?? null,
      });
    }
    i = end + 1;
  }
  return claims;
}

/**
 * One buffer for every article (a new typed array per article cost more than filling it), grown as
 * needed; only its first `length` numbers are meaningful, and it holds numbers only. Quotations said
 * to end past the last sentence (never from analyzeQuotes) get an array of their own, whose reads
 * past its end are undefined as they always were, not numbers left by an earlier article.
 */
let groupEndBuffer = new Int32Array(256);
function groupEndScratch(length: number, quotes: readonly AttributedQuote[]): Int32Array {
  for (const q of quotes) if (q.lastSentence >= length) return new Int32Array(length);
  if (groupEndBuffer.length < length) groupEndBuffer = new Int32Array(Math.max(length, groupEndBuffer.length * 2));
  return groupEndBuffer;
}

function isByFirstSentence(quotes: readonly AttributedQuote[]): boolean {
  for (let k = 1; k < quotes.length; k++) if (quotes[k - 1]!.firstSentence > quotes[k]!.firstSentence) return false;
  return true;
}

/** Whether the character before `end` closes a sentence: . ! ? … " ” ’ ) ] (read only when a claim needs it). */
function endsFinished(text: string, end: number): boolean {
  if (end < 1) return false;
  const c = text.charCodeAt(end - 1);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}
