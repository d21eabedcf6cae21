// Builds a regex alternation shaped as a trie ("Ma(?:rch|y)" rather than "March|May"), so the
// regex engine rejects most positions on the first character instead of trying every word.

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function emit(node: TrieNode): string {
  const branches = [...node.children.entries()].map(([c, child]) => escapeChar(c) + emit(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  return branches.length === 1 && body.length === 1 ? `${body}?` : `(?:${body})?`;
}

/** Regex source (no anchors, no flags) matching exactly the given words, longest first. */
export function trieSource(words: Iterable<string>): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const c of word) {
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  return emit(root);
}
