/// <reference types="mocha" />
// The extension installs, activates, and registers everything its manifest promises.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings, Views, CONFIG_SECTION } from '../../../src/vscode/constants';
import { activated, extension } from './helpers';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    views: Record<string, Array<{ id: string }>>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

suite('Activation and contributions', () => {
  test('the extension activates without error', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
  });

  test('the manifest contributes exactly the commands of constants.ts, each with a category', () => {
    const manifest = extension().packageJSON as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'News Annotator', c.command);
  });

  test('every contributed command is registered once activated', async () => {
    await activated();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = Object.values(Commands).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);
  });

  test('the Events and Annotations views are contributed and can be focused', async () => {
    const manifest = extension().packageJSON as Manifest;
    assert.deepEqual(manifest.contributes.views[Views.container]?.map((v) => v.id), [Views.events, Views.annotations]);
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
    await vscode.commands.executeCommand(`${Views.events}.focus`);
    await vscode.commands.executeCommand(`${Views.annotations}.focus`);
  });

  test('settings are read with the manifest\'s defaults', () => {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const manifest = extension().packageJSON as Manifest;
    for (const key of Object.values(Settings)) {
      const declared = manifest.contributes.configuration.properties[`${CONFIG_SECTION}.${key}`];
      assert.ok(declared, `setting ${key} is not contributed`);
      assert.deepEqual(config.get(key), declared.default, key);
    }
  });
});
