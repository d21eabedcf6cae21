// node:fs behind the atomic-write protocol's interface: the analysis worker writes cache shards with it, and
// the tests and their child processes use it.
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AtomicFs } from '../annotations/atomicWrite';

export const nodeAtomicFs: AtomicFs<string> = {
  dirname,
  join,
  basename: (p) => basename(p),
  createDirectory: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  writeFile: (p, data) => fsp.writeFile(p, data),
  rename: (from, to) => fsp.rename(from, to),
  delete: (p) => fsp.rm(p),
  readDirectory: (dir) => fsp.readdir(dir),
};
