import { describe, expect, it } from 'vitest';
import { isArticlePath, matchesGlob } from '../../src/vscode/glob';

describe('article globs', () => {
  const include = '**/*.{txt,md}';
  const exclude = '**/{node_modules,.git,.news-annotator}/**';

  it('takes text and Markdown files at any depth', () => {
    expect(isArticlePath('seeds/reuters-kyiv.txt', include, exclude)).toBe(true);
    expect(isArticlePath('notes.md', include, exclude)).toBe(true);
    expect(isArticlePath('a/b/c/story.news.txt', include, exclude)).toBe(true);
  });

  it('leaves other files and excluded folders out', () => {
    expect(isArticlePath('src/extension.ts', include, exclude)).toBe(false);
    expect(isArticlePath('story.txt.bak', include, exclude)).toBe(false);
    expect(isArticlePath('node_modules/pkg/README.md', include, exclude)).toBe(false);
    expect(isArticlePath('web/node_modules/pkg/README.md', include, exclude)).toBe(false);
    expect(isArticlePath('.news-annotator/notes.md', include, exclude)).toBe(false);
  });

  it('follows VS Code: a pattern without ** matches the top level only, * stays in one segment', () => {
    expect(matchesGlob('story.txt', '*.txt')).toBe(true);
    expect(matchesGlob('2024/story.txt', '*.txt')).toBe(false);
    expect(matchesGlob('articles/2024/story.txt', 'articles/**')).toBe(true);
    expect(matchesGlob('articles/2024/story.txt', 'articles/*.txt')).toBe(false);
    expect(matchesGlob('articles/story.txt', 'articles/**/*.txt')).toBe(true);
  });

  it('reads ?, classes and literal dots', () => {
    expect(matchesGlob('day1.txt', 'day?.txt')).toBe(true);
    expect(matchesGlob('day12.txt', 'day?.txt')).toBe(false);
    expect(matchesGlob('dayXtxt', 'day?.txt')).toBe(false);
    expect(matchesGlob('b.txt', '[abc].txt')).toBe(true);
    expect(matchesGlob('d.txt', '[!abc].txt')).toBe(true);
    expect(matchesGlob('a.txt', '[!abc].txt')).toBe(false);
  });

  it('never throws on a broken setting, and an empty glob matches nothing', () => {
    expect(() => matchesGlob('a.txt', '**/*.{txt')).not.toThrow();
    expect(matchesGlob('a.txt', '**/*.{txt')).toBe(true);
    expect(matchesGlob('a.txt', '[')).toBe(false);
    expect(matchesGlob('a.txt', '')).toBe(false);
  });
});
