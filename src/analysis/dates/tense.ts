// Does the sentence around a date point forward ("will meet on Monday", "is due to be published
// in May") or back ("met on Monday")? Decides which Monday or which May a bare name means.

const FUTURE_CUE =
  /\b(?:will|won['’]t|shall|would|wouldn['’]t|going\s+to|(?:is|are|was|were|be|been)\s+(?:scheduled|due|set|expected|slated|planned|poised|likely)\s+to|(?:is|are)\s+to|(?:scheduled|slated|due|set|planned|expected)\s+(?:to|for|on|in|at|by)|(?:is|are)\s+due\b|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|upcoming|forthcoming|to\s+be\s+held|ahead\s+of|next|(?:is|are)\s+(?:in|on|set\s+for|for)|(?:begins|starts|opens|takes\s+place|kicks\s+off|resumes|expires)(?:\s+on|\s+in)?)\b|['’]ll\b/gi;

const PAST_CUE =
  /\b(?:was|were|had|did|said|told|met|held|went|came|made|took|gave|began|left|saw|sold|bought|won|lost|led|ran|wrote|spoke|paid|sent|died|fell|rose|became|ago|last|earlier|(?<!\b(?:be|been|being|is|are|am)\s)[a-z]{2,}ed)\b/gi;

/**
 * A present-tense verb of schedule right before the date ("returns on 3 September", "takes
 * effect in April", "is on Thursday"): news uses it for what is planned.
 */
const SCHEDULED_PRESENT =
  /\b(?:is|are|returns|resumes|reconvenes|ends|closes|concludes|begins|starts|opens|expires|arrives|departs|meets|hosts|launches|takes\s+effect|takes\s+place|comes\s+into\s+force|enters\s+into\s+force|kicks\s+off)\s+(?:on|in|from|until|by|at|through)?\s*$/i;

/** An infinitive of schedule right before the date ("to run through June", "to meet on Friday"). */
const SCHEDULED_INFINITIVE =
  /\bto\s+(?:run|begin|start|open|end|close|meet|visit|hold|launch|travel|return|resume|reconvene|expire|host|attend|sign|vote|arrive|depart|take\s+effect|take\s+place|be\s+held|be\s+published|be\s+released|be\s+completed)\s+(?:on|in|from|until|by|at|through)?\s*$/i;

const WINDOW_BEFORE = 160;
const WINDOW_AFTER = 100;

/** Start of the sentence holding `index`, looking back at most WINDOW_BEFORE characters. */
function sentenceStart(text: string, index: number): number {
  const floor = Math.max(0, index - WINDOW_BEFORE);
  for (let i = index - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '') && !/[A-Z]$/.test(text.slice(i - 1, i))) return i + 1;
  }
  return floor;
}

function sentenceEnd(text: string, index: number): number {
  const ceiling = Math.min(text.length, index + WINDOW_AFTER);
  for (let i = index; i < ceiling; i++) {
    const c = text[i];
    if (c === '\n') return i;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '') && !/[A-Z]$/.test(text.slice(i - 1, i))) return i;
  }
  return ceiling;
}

function lastMatchEnd(re: RegExp, s: string): number {
  let end = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}

function firstMatchStart(re: RegExp, s: string): number {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? m.index : Infinity;
}

/**
 * 'future' or 'past' by the tense cue nearest to the span (before it first, then after it
 * in the same sentence); null when the sentence gives no cue.
 */
export function sentenceTense(text: string, start: number, end: number): 'future' | 'past' | null {
  const adjacent = text.slice(Math.max(0, start - 40), start);
  if (SCHEDULED_PRESENT.test(adjacent) || SCHEDULED_INFINITIVE.test(adjacent)) return 'future';
  const before = text.slice(sentenceStart(text, start), start);
  const future = lastMatchEnd(FUTURE_CUE, before);
  const past = lastMatchEnd(PAST_CUE, before);
  if (future >= 0 || past >= 0) return future > past ? 'future' : 'past';
  const after = text.slice(end, sentenceEnd(text, end));
  const futureAfter = firstMatchStart(FUTURE_CUE, after);
  const pastAfter = firstMatchStart(PAST_CUE, after);
  if (futureAfter === Infinity && pastAfter === Infinity) return null;
  return futureAfter < pastAfter ? 'future' : 'past';
}

/** True when the tense nearest to the span looks forward; past is the default for news reports. */
export function pointsForward(text: string, start: number, end: number): boolean {
  return sentenceTense(text, start, end) === 'future';
}
