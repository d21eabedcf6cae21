// Finds a workspace folder's articles by walking its directories one at a time (workspace.fs.readDirectory),
// matching workspace-relative paths with the include/exclude globs as the rest of the extension does (glob.ts).
// findFiles on 10,000 files had the extension host take in the search's whole output (ripgrep's lines, matched
// and made into URIs) in blocks of 50-120 ms; a directory's listing is a small answer, and each is awaited.
// Also works where findFiles cannot: a virtual workspace's file system has no search provider.
import { globToRegExp, isArticlePath, matchesGlob } from './glob';

/** What a directory listing says of an entry (vscode.FileType's bits). */
export const FILE = 1;
export const DIRECTORY = 2;
export const SYMBOLIC_LINK = 64;

export interface WalkOptions<D> {
  readDirectory(dir: D): Promise<Array<[string, number]>>;
  join(dir: D, name: string): D;
  include: string;
  exclude: string;
  /** files.exclude's patterns that are on (applied to files and directories, as findFiles applies them). */
  filesExclude: readonly string[];
  cancelled?: () => boolean;
  /** Called for each article (workspace-relative path, location) as its directory is read. */
  onFound: (path: string, location: D) => void;
}

/** Directories deeper than this are not entered. */
export const MAX_DEPTH = 32;
/** At most this many directories are read per folder. */
export const MAX_DIRECTORIES = 100_000;

/** Tells the folder's articles to `onFound`, directory by directory; directories that cannot be read are skipped. */
export async function walkArticles<D>(root: D, options: WalkOptions<D>): Promise<void> {
  const hidden = options.filesExclude.filter((p) => p.trim() !== '').map((p) => globToRegExp(p));
  const isHidden = (path: string) => hidden.some((re) => re.test(path));
  // An exclude glob ending in "/**" excludes all of a directory it matches: such a directory is not read.
  const prunes = options.exclude.trim().endsWith('/**');
  // [directory, its relative path, its depth, whether it was reached through a symbolic link]. A linked
  // directory is followed (as the search behind findFiles follows links), but no link inside it: a link to a
  // parent folder then costs one more pass over it, never a loop (workspace.fs cannot tell where a link points).
  const pending: Array<[D, string, number, boolean]> = [[root, '', 0, false]];
  let read = 0;
  while (pending.length > 0 && read < MAX_DIRECTORIES) {
    if (options.cancelled?.()) break;
    const [dir, path, depth, linked] = pending.pop()!;
    read++;
    let entries: Array<[string, number]>;
    try {
      entries = await options.readDirectory(dir);
    } catch {
      continue;
    }
    const subdirectories: Array<[D, string, number, boolean]> = [];
    for (const [name, type] of entries) {
      const relative = path === '' ? name : `${path}/${name}`;
      if (isHidden(relative)) continue;
      if (type & DIRECTORY) {
        if (depth + 1 >= MAX_DEPTH || (linked && type & SYMBOLIC_LINK)) continue;
        if (prunes && matchesGlob(`${relative}/_`, options.exclude)) continue;
        subdirectories.push([options.join(dir, name), relative, depth + 1, linked || (type & SYMBOLIC_LINK) !== 0]);
      } else if (type & FILE && isArticlePath(relative, options.include, options.exclude)) {
        options.onFound(relative, options.join(dir, name));
      }
    }
    // Depth first, each directory's subdirectories in listing order.
    for (let i = subdirectories.length - 1; i >= 0; i--) pending.push(subdirectories[i]!);
  }
}

/** The patterns of a files.exclude setting that are on (`true`); conditional ones ({ when }) are left out. */
export function enabledPatterns(setting: unknown): string[] {
  if (typeof setting !== 'object' || setting === null) return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}
