// workspace.fs as the atomic-write protocol (src/annotations/atomicWrite.ts) sees it: works for virtual
// workspaces too. Used by the tags file and the analysis cache.
import * as vscode from 'vscode';
import type { AtomicFs } from '../annotations/atomicWrite';

export const workspaceFs: AtomicFs<vscode.Uri> = {
  dirname: (uri) => vscode.Uri.joinPath(uri, '..'),
  join: (dir, name) => vscode.Uri.joinPath(dir, name),
  basename: (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1),
  createDirectory: (dir) => Promise.resolve(vscode.workspace.fs.createDirectory(dir)),
  writeFile: (uri, data) => Promise.resolve(vscode.workspace.fs.writeFile(uri, data)),
  rename: (from, to) => Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite: true })),
  delete: (uri) => Promise.resolve(vscode.workspace.fs.delete(uri)),
  readDirectory: async (dir) => (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name),
};
