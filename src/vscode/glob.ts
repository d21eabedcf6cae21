// Glob matching for the include/exclude settings, on workspace-relative paths with `/` separators,
// with the syntax VS Code's own globs use (`**`, `*`, `?`, `{a,b}`, `[abc]`). File events and
// "is this open document an article?" need an answer without a findFiles round trip.

const compiled = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = compiled.get(glob);
  if (cached) return cached;
  let re: RegExp;
  try {
    re = new RegExp(`^${translate(glob.trim().replace(/^\.\//, ''))}$`);
  } catch {
    // An unbalanced class or brace in a user's setting matches nothing rather than throwing.
    re = /$^/;
  }
  if (compiled.size > 64) compiled.clear();
  compiled.set(glob, re);
  return re;
}

export function matchesGlob(path: string, glob: string): boolean {
  if (glob.trim() === '') return false;
  return globToRegExp(glob).test(path);
}

/** An article: matched by the include glob and not by the exclude glob. */
export function isArticlePath(path: string, include: string, exclude: string): boolean {
  return matchesGlob(path, include) && !matchesGlob(path, exclude);
}

function translate(glob: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        let j = i + 2;
        if (atSegmentStart && glob[j] === '/') {
          // `**/` : any number of whole segments, including none.
          out += '(?:[^/]*/)*';
          i = j;
          continue;
        }
        if (atSegmentStart && j === glob.length) {
          out += '.*';
          i = j - 1;
          continue;
        }
        // `**` inside a segment behaves like `*`.
        while (glob[j] === '*') j++;
        out += '[^/]*';
        i = j - 1;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  while (braceDepth-- > 0) out += ')';
  return out;
}
