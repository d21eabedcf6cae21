// Code-point offsets in the export: the same spans for tools that count Unicode code points, not UTF-16 units.
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { buildExport, codePointCounter } from '../../src/annotations/exportFormat';
import { parseAnnotationsImport } from '../../src/annotations/w3c';
import { schemaErrors } from '../helpers/schema';
import { loadSeeds } from '../helpers/seeds';

describe('codePointCounter', () => {
  it('is the identity on text without surrogate pairs', () => {
    const text = 'Genève, 5 mars — “Nous avons convenu”, a déclaré la ministre.';
    const count = codePointCounter(text);
    for (let i = 0; i <= text.length; i++) expect(count(i)).toBe(i);
  });

  it('counts each pair once, and a lone surrogate once, as Array.from does', () => {
    const text = 'a😀b\uD800c𝒜\uDC00d🇯🇵';
    const count = codePointCounter(text);
    // At every offset that is not inside a pair, the count is the number of code points before it.
    for (let i = 0; i <= text.length; i++) {
      const insidePair = i > 0 && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i] ?? '');
      if (!insidePair) expect(count(i)).toBe(Array.from(text.slice(0, i)).length);
    }
    expect(count(text.length)).toBe(Array.from(text).length);
    // Inside a pair the high half counts: the offset maps to the pair's own code point index plus one.
    expect(count(2)).toBe(2);
  });
});

describe('the export with text outside the Basic Multilingual Plane before the annotations', () => {
  it('gives codePointStart/End on every annotation and event source, exact, and stays valid version 1', () => {
    const prefix = '📰 𝕿𝖍𝖊 𝕯𝖆𝖎𝖑𝖞 🗞️\n\n';
    const seeds = loadSeeds().map((s) => ({ ...s, text: prefix + s.text }));
    const corpus = analyzeCorpus(seeds);
    const texts = new Map(seeds.map((s) => [s.path, s.text]));
    const exported = buildExport({ generator: 'test', corpus, texts });
    expect(exported.version).toBe(1);
    expect(schemaErrors(exported)).toEqual([]);
    const shift = prefix.length - Array.from(prefix).length;
    expect(shift).toBe(10); // two emoji and eight Fraktur letters; the emoji's variation selector is in the BMP
    let checked = 0;
    for (const doc of exported.documents) {
      const points = Array.from(texts.get(doc.path)!);
      for (const a of doc.annotations) {
        expect(points.slice(a.codePointStart, a.codePointEnd).join('')).toBe(a.text);
        expect(a.start - a.codePointStart).toBe(shift);
        checked++;
      }
    }
    for (const e of exported.events) {
      for (const s of e.sources) {
        expect(Array.from(texts.get(s.path)!).slice(s.codePointStart, s.codePointEnd).join('')).toBe(s.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('an export written before code-point offsets existed is still valid version 1', () => {
    const seeds = loadSeeds();
    const exported = buildExport({ generator: 'test', corpus: analyzeCorpus(seeds), texts: new Map(seeds.map((s) => [s.path, s.text])) });
    const older = JSON.parse(JSON.stringify(exported, (k, v) => (k === 'codePointStart' || k === 'codePointEnd' ? undefined : v)));
    expect(JSON.stringify(older)).not.toContain('codePoint');
    expect(schemaErrors(older)).toEqual([]);
    // And a wrong type is still caught.
    const wrong = structuredClone(exported);
    (wrong.documents[0]!.annotations[0] as unknown as { codePointStart: string }).codePointStart = 'x';
    expect(schemaErrors(wrong)).not.toEqual([]);
  });

  it('an export with code-point offsets and user tags imports back, tags and all', () => {
    const seeds = loadSeeds();
    const seed = seeds[0]!;
    const start = seed.text.indexOf(' ') + 1;
    const end = seed.text.indexOf(' ', start);
    const user = new Map([[seed.path, [{ id: 'tag-q', kind: 'quote' as const, start, end, text: seed.text.slice(start, end), speaker: null }]]]);
    const exported = buildExport({ generator: 'test', corpus: analyzeCorpus(seeds), texts: new Map(seeds.map((s) => [s.path, s.text])), userAnnotations: user });
    const back = parseAnnotationsImport(JSON.stringify(exported));
    expect(back.ok && back.tags.map((t) => [t.id, t.path, t.anchor.start, t.anchor.exact])).toEqual([['tag-q', seed.path, start, seed.text.slice(start, end)]]);
  });
});
