// The glue for typed text (one incremental analyzer per open article, dropped on close) and the
// decoration records that follow VS Code's edits, against a stand-in for the editor API.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { EventEmitter, Disposable } = await import('../helpers/fakeVscode');
  const closed = new EventEmitter<{ uri: { toString(): string } }>();
  return { closed, module: { Disposable, workspace: { onDidCloseTextDocument: closed.event }, window: {} } };
});
vi.mock('vscode', () => fake.module);

const { analyzeDocument } = await import('../../src/analysis/analyze');
const { LiveAnalysis } = await import('../../src/vscode/liveAnalysis');
const { shiftShown } = await import('../../src/vscode/decorations');
const { Metrics } = await import('../../src/vscode/metrics');
const { seedText } = await import('../helpers/seeds');
const { generateCorpus } = await import('../../bench/corpus.mjs');

/** A long article: on a short one the whole text costs less than a window and its context. */
const longText = generateCorpus({ seedTexts: [seedText('002'), seedText('003')], targetBytes: 40_000, seed: 5 })
  .map((x) => x.text.trim())
  .join('\n\n');

const uri = (path: string) => ({ toString: () => `file://${path}` }) as unknown as import('vscode').Uri;

describe('LiveAnalysis', () => {
  let metrics: InstanceType<typeof Metrics>;
  beforeEach(() => {
    metrics = new Metrics();
  });

  it('answers a typed edit from the adopted analysis, exactly, and records it', () => {
    const live = new LiveAnalysis(metrics, { wholeTextUpToChars: 0 });
    const text = longText;
    const a = uri('/w/a.txt');
    live.adopt(a, text, analyzeDocument(text), null);
    // A word typed into the last paragraph (far from the dateline and the first sentences).
    const at = text.lastIndexOf(' the ') + 1;
    expect(at).toBeGreaterThan(text.length / 2);
    const edited = `${text.slice(0, at)}also ${text.slice(at)}`;
    const typed = live.analyseTyped(a, edited, null)!;
    expect(typed.analysedChars).toBeLessThan(edited.length);
    if (typed.exact) expect(typed.analysis).toEqual(analyzeDocument(edited));
    expect(metrics.reanalyses).toHaveLength(1);
    expect(metrics.reanalyses[0]).toMatchObject({ uri: 'file:///w/a.txt', analysedChars: typed.analysedChars, textChars: edited.length });
    expect(metrics.reanalyses[0]!.ms).toBeGreaterThanOrEqual(0);
  });

  it('analyses short articles whole when the edit is global, so the answer is always exact', () => {
    const live = new LiveAnalysis(metrics);
    const text = 'Published: 12 March 2022\n\nJapan’s Chief Cabinet Secretary Yoshimasa Hayashi said on Friday that talks would resume.\n';
    const a = uri('/w/b.txt');
    live.adopt(a, text, analyzeDocument(text), null);
    const edited = text.replace('12 March', '14 March');
    const typed = live.analyseTyped(a, edited, null)!;
    expect(typed.exact).toBe(true);
    expect(typed.analysis.documentDate?.value).toBe('2022-03-14');
    expect(live.isExact(a)).toBe(true);
  });

  it('does not read a long article whole on this thread: with nothing to start from, it answers nothing yet', () => {
    const live = new LiveAnalysis(metrics, { wholeTextUpToChars: 1000 });
    const a = uri('/w/c.txt');
    expect(live.hasBase(a)).toBe(false);
    expect(live.analyseTyped(a, longText, null)).toBeUndefined();
    expect(metrics.reanalyses).toHaveLength(0);
    // A short one is read whole.
    const short = 'Published: 12 March 2022\n\nTalks resumed on Friday.\n';
    expect(live.analyseTyped(uri('/w/d.txt'), short, null)).toMatchObject({ exact: true, analysedChars: short.length });
    // Once a whole analysis (made elsewhere) is adopted, even of an older text, the typed text is read onto it.
    live.adopt(a, longText, analyzeDocument(longText), null);
    expect(live.hasBase(a)).toBe(true);
    const typed = live.analyseTyped(a, `${longText} More.`, null)!;
    expect(typed.analysedChars).toBeLessThan(longText.length);
  });

  it('drops the analyzer of a closed document (the next edit waits for a whole analysis again)', () => {
    const live = new LiveAnalysis(metrics, { wholeTextUpToChars: 1000 });
    const text = longText;
    const a = uri('/w/c.txt');
    live.adopt(a, text, analyzeDocument(text), null);
    live.analyseTyped(a, `${text} More.`, null);
    expect(metrics.reanalyses.at(-1)!.analysedChars).toBeLessThan(text.length);
    fake.closed.fire({ uri: a });
    expect(live.hasBase(a)).toBe(false);
    expect(live.analyseTyped(a, `${text} More text.`, null)).toBeUndefined();
    live.dispose();
  });
});

describe('shiftShown (what VS Code does to decorations on an edit)', () => {
  const shown = { spans: [{ start: 0, end: 5 }, { start: 10, end: 15 }, { start: 20, end: 25 }], touched: false, version: 1 };

  it('moves the spans after an insertion and keeps those before it', () => {
    const next = shiftShown(shown, [{ start: 7, end: 7, delta: 3 }], 2);
    expect(next).toEqual({ spans: [{ start: 0, end: 5 }, { start: 13, end: 18 }, { start: 23, end: 28 }], touched: false, version: 2 });
  });

  it('marks the category touched when an edit is inside a span or at its edge', () => {
    expect(shiftShown(shown, [{ start: 12, end: 12, delta: 1 }], 2).touched).toBe(true);
    expect(shiftShown(shown, [{ start: 15, end: 15, delta: 1 }], 2).touched).toBe(true);
    expect(shiftShown(shown, [{ start: 8, end: 10, delta: -2 }], 2).touched).toBe(true);
    expect(shiftShown(shown, [{ start: 16, end: 19, delta: -3 }], 2)).toEqual({ spans: [{ start: 0, end: 5 }, { start: 10, end: 15 }, { start: 17, end: 22 }], touched: false, version: 2 });
  });

  it('applies several changes of one event by their offsets in the text before it', () => {
    // VS Code lists them last first.
    const next = shiftShown(shown, [{ start: 17, end: 17, delta: 2 }, { start: 7, end: 8, delta: -1 }], 2);
    expect(next.spans).toEqual([{ start: 0, end: 5 }, { start: 9, end: 14 }, { start: 21, end: 26 }]);
  });

  it('leaves spans already set on the edited text alone', () => {
    expect(shiftShown({ ...shown, version: 2 }, [{ start: 1, end: 1, delta: 1 }], 2)).toEqual({ ...shown, version: 2 });
  });
});
