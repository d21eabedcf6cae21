// The index's article map: a Map that also keeps its entries in path order as they are set, moved and deleted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathOrderedMap } from '../../src/vscode/pathOrderedMap';

interface Article {
  path: string;
  n: number;
}
const byPath = (a: Article, b: Article) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

describe('PathOrderedMap', () => {
  it('lists entries by path whatever order they came in, and as a Map otherwise', () => {
    const m = new PathOrderedMap<Article>();
    m.set('k3', { path: 'wire/2019/c.txt', n: 3 }).set('k1', { path: 'archive/a.txt', n: 1 }).set('k2', { path: 'Wire/b.txt', n: 2 });
    expect(m.inPathOrder().map((a) => a.path)).toEqual(['Wire/b.txt', 'archive/a.txt', 'wire/2019/c.txt']);
    expect([...m.keys()]).toEqual(['k3', 'k1', 'k2']);
    expect(m.size).toBe(3);
    expect(m.get('k1')?.n).toBe(1);
    expect(m.inPathOrder((a) => a.n > 1).map((a) => a.n)).toEqual([2, 3]);
  });

  it('moves an entry replaced under another path, or whose path changed in place once refiled', () => {
    const m = new PathOrderedMap<Article>();
    m.set('a', { path: 'a.txt', n: 1 }).set('b', { path: 'b.txt', n: 2 });
    m.set('a', { path: 'c.txt', n: 1 });
    expect(m.inPathOrder().map((x) => x.path)).toEqual(['b.txt', 'c.txt']);
    m.get('b')!.path = 'd.txt';
    m.refile('b');
    expect(m.inPathOrder().map((x) => x.path)).toEqual(['c.txt', 'd.txt']);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    expect(m.inPathOrder().map((x) => x.path)).toEqual(['d.txt']);
    m.clear();
    expect(m.inPathOrder()).toEqual([]);
    expect(m.size).toBe(0);
  });

  it('always equals a stable sort of its entries by path, over random sets, moves and deletes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }), path: fc.stringMatching(/^[a-cA-C/]{0,4}$/) }),
      fc.record({ kind: fc.constant('move' as const), key: fc.integer({ min: 0, max: 30 }), path: fc.stringMatching(/^[a-cA-C/]{0,4}$/) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const m = new PathOrderedMap<Article>();
        // The model: insertion order of keys, with each key's entry, sorted stably by path when read.
        const model = new Map<string, Article>();
        let n = 0;
        for (const o of ops) {
          const key = `k${o.key}`;
          if (o.kind === 'set') {
            const entry = { path: o.path, n: n++ };
            const before = model.get(key);
            // A key re-set under the same path keeps its place among equal paths; under another it goes last.
            if (before && before.path !== o.path) model.delete(key);
            model.set(key, entry);
            m.set(key, entry);
          } else if (o.kind === 'move') {
            const entry = m.get(key);
            if (!entry) continue;
            if (entry.path !== o.path) {
              model.delete(key);
              model.set(key, entry);
            }
            entry.path = o.path;
            m.refile(key);
          } else {
            model.delete(key);
            m.delete(key);
          }
        }
        expect(m.inPathOrder()).toEqual([...model.values()].sort(byPath));
        expect(m.size).toBe(model.size);
      }),
      { numRuns: 500 },
    );
  });
});
