// Registers a command so that a failure becomes a clear message (and a log line) instead of an
// unhandled rejection; refusals the user can act on are UserErrors, logged without a stack.
import * as vscode from 'vscode';
import { plainMessage } from './views/labels';

export class UserError extends Error {}

export function registerSafeCommand(id: string, log: vscode.LogOutputChannel, fn: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof UserError) log.info(`${id}: ${e.message}`);
      else log.error(`${id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(plainMessage(`News Annotator: ${e instanceof Error ? e.message : String(e)}`));
      return undefined;
    }
  });
}
