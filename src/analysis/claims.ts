// Attributed claims: sentences whose content the article gives to a source with a reporting
// verb or phrase, and sentences that hold an attributed quotation. A quotation that runs over
// several sentences makes them one claim.
import { analyzeQuotes } from './quotes';
import type { ClaimMention, OfficialMention, QuoteMention, Span } from './types';

export function findClaims(
  text: string,
  sentences: Span[],
  officials: OfficialMention[],
  _quotes: QuoteMention[],
): ClaimMention[] {
  const { quotes, contexts } = analyzeQuotes(text, sentences, officials);
  // Sentences joined by a quotation that crosses their boundary.
  const groupEnd = sentences.map((_, i) => i);
  const quoteAt = new Map<number, (typeof quotes)[number]>();
  for (const q of quotes) {
    for (let i = q.firstSentence; i <= q.lastSentence; i++) groupEnd[i] = Math.max(groupEnd[i]!, q.lastSentence);
    if (!quoteAt.has(q.firstSentence)) quoteAt.set(q.firstSentence, q);
  }
  const claims: ClaimMention[] = [];
  let i = 0;
  while (i < sentences.length) {
    let end = groupEnd[i]!;
    for (let k = i; k <= end; k++) end = Math.max(end, groupEnd[k]!);
    let quote: (typeof quotes)[number] | undefined;
    for (let k = i; k <= end && !quote; k++) quote = quoteAt.get(k);
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
    // A heading or nav line (no final punctuation) is a claim only with a quotation: "UK rebate 'unjustified' - Chirac".
    const finished = /[.!?…"”’)\]]/.test(text[last.end - 1] ?? '');
    if (quote || (attribution && finished)) {
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
