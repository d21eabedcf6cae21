// The child process of test/unit/crashSafety.test.ts (bundled with esbuild): saves the given versions of a
// tags file over and over, in random order, until it is killed. Before each save it prints "start <i>",
// after the rename "done <i>" (stdout to a pipe is synchronous on Linux, so the parent sees every line
// printed before the kill). Usage: node crashSaver.cjs <target> <seed> <mode: atomic|naive> <version files...>
import { promises as fsp, readFileSync } from 'node:fs';
import { atomicWrite } from '../../src/annotations/atomicWrite';
import { nodeAtomicFs } from '../../src/worker/nodeAtomicFs';
import { rng } from './rng';

const [target, seedArg, mode, ...versionFiles] = process.argv.slice(2);
if (!target || !seedArg || !mode || versionFiles.length === 0) throw new Error('usage: crashSaver <target> <seed> <atomic|naive> <versions...>');
const versions = versionFiles.map((f) => readFileSync(f));

const random = rng(Number(seedArg)).next;

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (;;) {
    const i = Math.floor(random() * versions.length);
    process.stdout.write(`start ${i}\n`);
    // "naive" writes over the target in place: the control that shows the test can see a torn file.
    if (mode === 'naive') await fsp.writeFile(target!, versions[i]!);
    else await atomicWrite(nodeAtomicFs, target!, versions[i]!, { random });
    process.stdout.write(`done ${i}\n`);
  }
}
void main();
