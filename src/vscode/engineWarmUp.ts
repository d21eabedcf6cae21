// The engine's code on the extension host is compiled when first run (V8 compiles functions and regular
// expressions lazily). Articles are indexed in the analysis process, so on the host the first run is often the
// re-analysis after the user's first edit: 55-70 ms instead of 10-20 (npm run bench:scale, typing in a 1 MB
// article). A short invented passage analysed once, a moment after the first article opens, pays that instead.
import { IncrementalAnalyzer } from '../analysis/incremental';

const HEAD =
  'NAIROBI, March 3, 2025 (Wire) - Kenyan Foreign Minister Musalia Mudavadi met his Ugandan counterpart in ' +
  'Kampala on Tuesday, the ministry said.';
const BODY =
  '"We agreed to reopen the border next month," Mudavadi told reporters.\n\n' +
  'Mr. Mudavadi, who visited Tanzania last week, will hold talks with President Samia Suluhu Hassan on Friday, ' +
  'according to officials. The two ministers spoke by phone on 28 February.';

/**
 * Touches every stage: a dateline, dates, officials with titles and a country, quotes, claims, a meeting. Its
 * body is repeated so that an edit near the end is past the head (where the document date and dateline are
 * read, an edit makes the whole text be read again), as most typing in an article is.
 */
export const WARM_UP_PASSAGE = [HEAD, ...Array.from({ length: 10 }, () => BODY)].join('\n\n');

/** The passage after a typed edit in its last paragraphs (what the first re-analysis after an edit reads). */
export const WARM_UP_EDITED = `${WARM_UP_PASSAGE.slice(0, WARM_UP_PASSAGE.lastIndexOf('told reporters'))}told reporters in Kampala${WARM_UP_PASSAGE.slice(WARM_UP_PASSAGE.lastIndexOf('told reporters') + 'told reporters'.length)}`;

/** Analyses the passage whole, then edits as typing does (only the edited paragraph again); results dropped. */
export function warmUpEngine(): void {
  const analyzer = new IncrementalAnalyzer({ fallback: 'splice' });
  analyzer.update(WARM_UP_PASSAGE);
  // An insertion, then its deletion: V8 optimises what ran more than once with what it saw.
  analyzer.update(WARM_UP_EDITED);
  analyzer.update(WARM_UP_PASSAGE);
}
