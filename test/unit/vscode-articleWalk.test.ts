// Finding a folder's articles by walking its directories: include/exclude globs on workspace-relative paths,
// files.exclude, directories an exclude covers left unread, unreadable directories and link loops survived.
import { describe, expect, it } from 'vitest';
import { DIRECTORY, enabledPatterns, FILE, MAX_DEPTH, SYMBOLIC_LINK, type WalkOptions, walkArticles } from '../../src/vscode/articleWalk';

/** A file system from a list of paths ("a/b.txt"; a path ending in "/" is an empty directory), with a read log. */
function fakeFs(paths: string[], links: Record<string, string> = {}, unreadable: string[] = []) {
  const reads: string[] = [];
  // Where a path really is: a linked directory's path (or a path under it) is read at its target.
  const resolve = (dir: string): string => {
    for (const [link, target] of Object.entries(links)) {
      if (dir === link) return target;
      if (dir.startsWith(`${link}/`)) return resolve(target === '' ? dir.slice(link.length + 1) : `${target}${dir.slice(link.length)}`);
    }
    return dir;
  };
  const listing = (dir: string): Array<[string, number]> => {
    const real = resolve(dir);
    const prefix = real === '' ? '' : `${real}/`;
    const names = new Map<string, number>();
    for (const p of paths) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      if (rest === '') continue;
      const slash = rest.indexOf('/');
      names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? FILE : DIRECTORY);
    }
    for (const link of Object.keys(links)) {
      const parent = link.includes('/') ? link.slice(0, link.lastIndexOf('/')) : '';
      if (parent === real) names.set(link.slice(link.lastIndexOf('/') + 1), DIRECTORY | SYMBOLIC_LINK);
    }
    return [...names];
  };
  return {
    reads,
    readDirectory: (dir: string) => {
      reads.push(dir);
      if (unreadable.includes(resolve(dir))) return Promise.reject(new Error('EACCES'));
      return Promise.resolve(listing(dir));
    },
    join: (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`),
  };
}

/** The articles the walk tells, as [path, location], in its order. */
async function walk(options: Omit<WalkOptions<string>, 'onFound'>): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = [];
  await walkArticles('', { ...options, onFound: (path, location) => found.push([path, location]) });
  return found;
}

const include = '**/*.{txt,md}';
const exclude = '**/{node_modules,.git,.news-annotator}/**';

describe('walkArticles', () => {
  it('finds every article under the folder, by its workspace-relative path, and nothing else', async () => {
    const fs = fakeFs(['wire/2019/a.txt', 'wire/2019/b.md', 'wire/notes.docx', 'c.txt', 'magazine/long/d.TXT', 'empty/']);
    const found = await walk({ ...fs, include, exclude, filesExclude: [] });
    expect(found.map(([path]) => path).sort()).toEqual(['c.txt', 'wire/2019/a.txt', 'wire/2019/b.md']);
    for (const [path, location] of found) expect(location).toBe(path);
  });

  it('never reads a directory the exclude glob covers whole, and applies an exclude on files', async () => {
    const fs = fakeFs(['a.txt', 'node_modules/pkg/readme.md', 'x/.git/notes.txt', 'drafts/b.txt', 'drafts/keep.md']);
    const found = await walk({ ...fs, include, exclude: '**/{node_modules,.git}/**', filesExclude: [] });
    expect(found.map(([p]) => p).sort()).toEqual(['a.txt', 'drafts/b.txt', 'drafts/keep.md']);
    expect(fs.reads).not.toContain('node_modules');
    expect(fs.reads).not.toContain('x/.git');
    const onlyMarkdown = await walk({ ...fakeFs(['drafts/b.txt', 'drafts/keep.md']), include, exclude: '**/*.txt', filesExclude: [] });
    expect(onlyMarkdown.map(([p]) => p)).toEqual(['drafts/keep.md']);
  });

  it('applies files.exclude to files and directories, as findFiles does, and only its enabled patterns', async () => {
    const patterns = enabledPatterns({ '**/archive': true, '**/*.md': true, '**/.DS_Store': true, 'wire/old': false, '**/*.js': { when: '$(basename).ts' } });
    expect(patterns).toEqual(['**/archive', '**/*.md', '**/.DS_Store']);
    const fs = fakeFs(['archive/a.txt', 'desk/archive/b.txt', 'wire/old/c.txt', 'wire/d.md', 'wire/e.txt']);
    const found = await walk({ ...fs, include, exclude, filesExclude: patterns });
    expect(found.map(([p]) => p).sort()).toEqual(['wire/e.txt', 'wire/old/c.txt']);
    expect(fs.reads).not.toContain('archive');
    expect(enabledPatterns(undefined)).toEqual([]);
  });

  it('skips a directory it cannot read, follows a linked directory, and ends on a link back to a parent', async () => {
    const fs = fakeFs(['ok/a.txt', 'locked/b.txt', 'shared/c.txt'], { 'ok/link': 'shared', 'ok/loop': '' }, ['locked']);
    const found = await walk({ ...fs, include, exclude, filesExclude: [] });
    const paths = found.map(([p]) => p);
    expect(paths).toContain('ok/a.txt');
    expect(paths).toContain('ok/link/c.txt');
    expect(paths).not.toContain('locked/b.txt');
    // The link back to the folder is followed once, and no link inside it: the folder is walked twice, not forever.
    expect(paths).toContain('ok/loop/ok/a.txt');
    expect(paths).toContain('ok/loop/shared/c.txt');
    expect(paths.filter((p) => p.startsWith('ok/loop/ok/loop/') || p.startsWith('ok/loop/ok/link/'))).toEqual([]);
    expect(paths.sort()).toEqual(['ok/a.txt', 'ok/link/c.txt', 'ok/loop/ok/a.txt', 'ok/loop/shared/c.txt', 'shared/c.txt']);
    expect(Math.max(...paths.map((p) => p.split('/').length))).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it('stops when cancelled', async () => {
    const fs = fakeFs(['a/1.txt', 'b/2.txt', 'c/3.txt']);
    let calls = 0;
    const found = await walk({ ...fs, include, exclude, filesExclude: [], cancelled: () => ++calls > 2 });
    expect(found.length).toBeLessThan(3);
  });
});
