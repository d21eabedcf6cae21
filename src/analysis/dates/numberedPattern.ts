// Named groups for reading, numbered groups for running: see numberedPattern.

/**
 * A pattern written with named groups, compiled with plain numbered ones (`group` gives each
 * name's number): V8 builds a match's `groups` as a dictionary-mode object, a hash table per match
 * and a hash look-up per read, where an index into the match costs neither. `names` lists the
 * groups, checked against the pattern once.
 */
export function numberedPattern<N extends string>(named: RegExp, names: readonly N[]): { re: RegExp; group: Readonly<Record<N, number>> } {
  const source = named.source;
  const numbers = new Map<string, number>();
  let out = '';
  let captures = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const backReference = /^k<([A-Za-z]\w*)>/.exec(source.slice(i + 1));
      if (backReference) {
        out += `(?:\\${numbers.get(backReference[1]!)!})`;
        i += backReference[0].length;
      } else {
        out += c + (source[i + 1] ?? '');
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      const name = /^\?<([A-Za-z]\w*)>/.exec(source.slice(i + 1));
      if (name) {
        numbers.set(name[1]!, ++captures);
        out += '(';
        i += name[0].length;
        continue;
      }
      if (source[i + 1] !== '?') captures++;
    }
    out += c;
  }
  const re = new RegExp(out, named.flags);
  const group = {} as Record<N, number>;
  for (const name of names) {
    const number = numbers.get(name);
    if (number === undefined) throw new Error(`numberedPattern: no group ${name}`);
    group[name] = number;
  }
  if (numbers.size !== names.length || new RegExp(`${out}|`).exec('')!.length !== captures + 1) throw new Error('numberedPattern: groups miscounted');
  return { re, group };
}
