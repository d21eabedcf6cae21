// The passage the extension host analyses once to compile the engine before the first edit must reach every
// stage, or the first edit would still compile the rest.
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import { IncrementalAnalyzer } from '../../src/analysis/incremental';
import { WARM_UP_EDITED, WARM_UP_PASSAGE, warmUpEngine } from '../../src/vscode/engineWarmUp';

describe('the engine warm-up passage', () => {
  it('holds a document date, dates, officials, a quote, claims and an event', () => {
    const a = analyzeDocument(WARM_UP_PASSAGE);
    expect(a.documentDate?.value).toBe('2025-03-03');
    expect(a.dates.length).toBeGreaterThanOrEqual(3);
    expect(a.dates.some((d) => d.relative)).toBe(true);
    expect(a.officials.map((o) => o.name)).toContain('Musalia Mudavadi');
    expect(a.officials.some((o) => o.title !== null && o.country !== null)).toBe(true);
    expect(a.quotes.length).toBeGreaterThanOrEqual(1);
    expect(a.quotes[0]!.speaker).toBe('Musalia Mudavadi');
    expect(a.claims.length).toBeGreaterThanOrEqual(2);
    expect(a.events.length).toBeGreaterThanOrEqual(1);
  });

  it('is then re-read as typing re-reads it: only around the edit', () => {
    const analyzer = new IncrementalAnalyzer({ fallback: 'splice' });
    expect(analyzer.update(WARM_UP_PASSAGE).mode).toBe('full');
    const edited = analyzer.update(WARM_UP_EDITED);
    expect(WARM_UP_EDITED).toContain('told reporters in Kampala');
    expect(edited.mode).toBe('incremental');
    expect(() => warmUpEngine()).not.toThrow();
  });
});
