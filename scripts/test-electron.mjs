#!/usr/bin/env node
// The same extension-host suite through @vscode/test-electron, which downloads the desktop VS Code
// (set VSCODE_VERSION, default 'stable'; the extension needs 1.100 or later). Where VS Code cannot be
// downloaded (this machine: ENOTFOUND on update.code.visualstudio.com), use `npm run test:integration`,
// which runs the suite in code-server instead.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, root } from './lib/package.mjs';

const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const suiteIndex = await buildSuite(join(root, 'out', 'integration', 'suite'));

const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-electron-'));
const workspace = join(scratch, 'workspace');
mkdirSync(join(workspace, '.vscode'), { recursive: true });
for (const f of readdirSync(join(root, 'seeds'))) cpSync(join(root, 'seeds', f), join(workspace, f));
// Save/open dialogs as quick inputs (as in the browser), so the tests can answer them.
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.simpleDialog.enable': true }, null, 2));

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteIndex,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    extensionTestsEnv: process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {},
  });
} catch (error) {
  console.error(`test-electron: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
