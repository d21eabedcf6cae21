// Builds what the integration tests install: the extension's .vsix (exactly what a user installs), the test
// runner extension's .vsix, and the bundled mocha suite the runner loads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const root = resolve(import.meta.dirname, '..', '..');
const vsceBin = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function vsce(cwd, out) {
  // No dependencies: the extension is one esbuild bundle. Relative README links stay as they are (no repository).
  const result = spawnSync(process.execPath, [vsceBin, 'package', '--no-dependencies', '--allow-missing-repository',
    '--no-rewrite-relative-links', '--skip-license', '-o', out], { cwd, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`vsce package failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return out;
}

/** The extension, packaged as `npm run package` does (vsce runs the vscode:prepublish build). */
export function packageExtension(outDir) {
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(join(root, 'src', 'extension.ts'))) {
    throw new Error('src/extension.ts does not exist yet: there is no extension to package');
  }
  return vsce(root, join(outDir, 'news-annotator.vsix'));
}

export function packageRunner(outDir) {
  mkdirSync(outDir, { recursive: true });
  return vsce(join(root, 'test', 'integration', 'runner-extension'), join(outDir, 'integration-runner.vsix'));
}

/** Bundles test/integration/suite/*.ts (vscode and mocha stay external) into `outDir`; returns the index. */
export async function buildSuite(outDir) {
  const suiteDir = join(root, 'test', 'integration', 'suite');
  const entryPoints = readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(suiteDir, f));
  await esbuild.build({
    entryPoints, outdir: outDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}
