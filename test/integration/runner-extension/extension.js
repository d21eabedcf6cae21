// Test only, installed into the integration tests' code-server and nowhere else. When the workbench opens the
// test workspace, runs the suite (built by scripts/test-integration.mjs) in this extension host against the real
// `vscode` API and writes the results where the script waits for them. Does nothing in any other window.
const vscode = require('vscode');
const fs = require('node:fs');

exports.activate = async function activate() {
  const suite = process.env.NEWS_ANNOTATOR_IT_SUITE;
  const results = process.env.NEWS_ANNOTATOR_IT_RESULTS;
  const workspace = process.env.NEWS_ANNOTATOR_IT_WORKSPACE;
  if (!suite || !results) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (workspace && folder !== workspace) return;
  if (fs.existsSync(results)) return; // a reload of the window must not run it twice
  const log = [];
  let outcome;
  try {
    const { runSuite } = require(suite);
    outcome = await runSuite({ log: (line) => log.push(line), grep: process.env.MOCHA_GREP || undefined });
  } catch (error) {
    outcome = { passed: 0, failed: 1, pending: 0, durationMs: 0, tests: [], error: String(error && error.stack || error) };
  }
  outcome.log = log;
  fs.writeFileSync(`${results}.tmp`, JSON.stringify(outcome, null, 2));
  fs.renameSync(`${results}.tmp`, results);
};

exports.deactivate = function deactivate() {};
