import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTag } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { isUnder, relativeTo, renameTagPaths, trackEdit } from '../../src/vscode/tagTracking';
import { seedText } from '../helpers/seeds';

const article =
  'ABUJA, 12 June 2025 (Wire) - Nigeria\'s Foreign Minister Yusuf Tuggar said on Thursday that the talks "will go on as long as they must". ' +
  'Ghana\'s delegation, led by Samuel Okudzeto Ablakwa, declined to comment.\n';

function quoteOn(text: string, words: string, id = 'q1'): Tag {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`no "${words}"`);
  return createTag({ id, path: 'news/abuja.txt', kind: 'quote', speaker: 'Yusuf Tuggar', now: '2026-01-01T00:00:00.000Z' }, text, start, start + words.length);
}

describe('tags follow edits made in the editor', () => {
  const words = '"will go on as long as they must"';

  it('shifts a tag when text is typed before it, keeping its words', () => {
    const tag = quoteOn(article, words);
    const inserted = 'UPDATED: ';
    const text = inserted + article;
    const [moved] = trackEdit([tag], [{ offset: 0, length: 0, text: inserted }], text);
    expect(moved!.detached).toBe(false);
    expect(text.slice(moved!.anchor.start, moved!.anchor.end)).toBe(words);
  });

  it('returns the same object when an edit after the tag leaves it alone', () => {
    const tag = quoteOn(article, words);
    const [same] = trackEdit([tag], [{ offset: article.length, length: 0, text: 'More.' }], article + 'More.');
    expect(same).toBe(tag);
  });

  it('finds a tag again when the whole text is replaced by one holding its words (a reload from disk)', () => {
    const tag = quoteOn(article, words);
    const reloaded = 'Editor\'s note: corrected the date.\n\n' + article.replace('12 June', '13 June');
    const [found] = trackEdit([tag], [{ offset: 0, length: article.length, text: reloaded }], reloaded);
    expect(found!.detached).toBe(false);
    expect(reloaded.slice(found!.anchor.start, found!.anchor.end)).toBe(words);
  });

  it('detaches, never moves, a tag whose words were deleted', () => {
    const tag = quoteOn(article, words);
    const start = article.indexOf(words);
    const text = article.slice(0, start) + article.slice(start + words.length);
    const [gone] = trackEdit([tag], [{ offset: start, length: words.length, text: '' }], text);
    expect(gone!.detached).toBe(true);
    expect(gone!.anchor.exact).toBe(words);
  });

  it('finds tags by their text when an event does not fit the text it was given', () => {
    const tag = quoteOn(article, words);
    const text = 'Prefix. ' + article;
    const [found] = trackEdit([tag], [{ offset: article.length + 50, length: 3, text: '' }], text);
    expect(text.slice(found!.anchor.start, found!.anchor.end)).toBe(words);
  });

  it('keeps every attached tag on its own words through random edits of a seed article', () => {
    const seed = seedText('000').slice(0, 3000);
    const spans = [
      [200, 260],
      [600, 700],
      [1200, 1210],
      [2000, 2500],
    ] as const;
    const start = spans.map(([s, e], i) => createTag({ id: `t${i}`, path: 'a.txt', kind: 'stance', stance: 'opposes', holder: null, target: null }, seed, s, e));
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), ins: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let text = seed;
        let tags: Tag[] = start;
        for (const e of edits) {
          const offset = e.at % (text.length + 1);
          const length = Math.min(e.del, text.length - offset);
          const next = text.slice(0, offset) + e.ins + text.slice(offset + length);
          tags = trackEdit(tags, [{ offset, length, text: e.ins }], next);
          text = next;
          for (const t of tags) if (!t.detached) expect(text.slice(t.anchor.start, t.anchor.end)).toBe(t.anchor.exact);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('tags follow renames', () => {
  const tags = [quoteOn(article, 'Yusuf Tuggar', 'a'), { ...quoteOn(article, 'Ghana', 'b'), path: 'news/2025/accra.txt' }, { ...quoteOn(article, 'ABUJA', 'c'), path: 'news2/other.txt' }];

  it('moves the tags of a renamed file', () => {
    const out = renameTagPaths(tags, 'news/abuja.txt', 'archive/abuja-talks.txt');
    expect(out.map((t) => t.path)).toEqual(['archive/abuja-talks.txt', 'news/2025/accra.txt', 'news2/other.txt']);
  });

  it('moves the tags of every file in a renamed folder, and only of that folder', () => {
    const out = renameTagPaths(tags, 'news', 'stories');
    expect(out.map((t) => t.path)).toEqual(['stories/abuja.txt', 'stories/2025/accra.txt', 'news2/other.txt']);
    expect(tags.filter((t) => isUnder(t, 'news')).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('gives a file\'s path inside its folder', () => {
    expect(relativeTo('/home/reader/desk', '/home/reader/desk/news/a.txt')).toBe('news/a.txt');
    expect(relativeTo('/home/reader/desk/', '/home/reader/desk/a.txt')).toBe('a.txt');
    expect(relativeTo('/home/reader/desk', '/home/reader/desk2/a.txt')).toBeUndefined();
    expect(relativeTo('/home/reader/desk', '/home/reader/desk')).toBeUndefined();
  });
});
