/**
 * A copy of `s` that shares no memory with the text it was sliced from.
 *
 * V8 keeps a slice of 13 or more characters as a view into its parent string, so a slice stored in
 * a module-level cache would keep a whole article alive long after the editor closed it. Caches
 * that outlive a document store their keys and values through this.
 */
export function detached(s: string): string {
  // Concatenation makes a new flat string; slicing it refers to that small string, not the article.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
