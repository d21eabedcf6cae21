/// <reference types="mocha" />
// Entry of the integration suite inside VS Code's extension host. `run()` is what @vscode/test-electron calls
// (extensionTestsPath); the code-server runner extension calls `runSuite()` and writes the results to a file.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
}

export async function runSuite(options: { grep?: string; log?: (line: string) => void } = {}): Promise<SuiteResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  // mocha 12 is an ES module: import() works in the extension host whatever its Node's require(esm) support.
  const { default: Mocha } = (await import('mocha')) as unknown as { default: typeof import('mocha') };
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', ...(options.grep ? { grep: options.grep } : {}) });
  // The test files are bundled next to this one; load them as the `tdd` interface expects, in name order.
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const name of files) {
    const file = join(__dirname, name);
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', require(file), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  const started = Date.now();
  const tests: TestOutcome[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) => {
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: String(err?.stack ?? err) });
      log(`FAIL ${t.fullTitle()}: ${err?.message ?? err}`);
    });
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
  });
  return {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
  };
}

/** @vscode/test-electron's entry point: rejects when any test failed, so the runner's exit code says it. */
export async function run(): Promise<void> {
  const results = await runSuite({ ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}) });
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
  if (results.failed > 0) throw new Error(`${results.failed} integration tests failed`);
}
