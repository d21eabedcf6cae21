// One typed snapshot of the settings, rebuilt on every configuration change: the rest of the extension
// reads `config.current` and listens to `onDidChange`, never vscode.workspace.getConfiguration itself.
import * as vscode from 'vscode';
import { CONFIG_SECTION, Settings } from './constants';
import type { HighlightToggles } from './highlights';

export interface ConfigSnapshot {
  include: string;
  exclude: string;
  highlight: HighlightToggles;
  debounceMs: number;
  stanceValues: string[];
}

const DEFAULT_STANCES = ['supports', 'opposes', 'neutral', 'concerned', 'skeptical'];

export function readConfig(): ConfigSnapshot {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const str = (key: string, fallback: string) => {
    const v = c.get<unknown>(key);
    return typeof v === 'string' && v.trim() !== '' ? v : fallback;
  };
  const bool = (key: string) => c.get<unknown>(key) !== false;
  const debounce = c.get<unknown>(Settings.debounceMs);
  const stances = c.get<unknown>(Settings.stanceValues);
  const stanceValues = Array.isArray(stances) ? stances.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [];
  return {
    include: str(Settings.include, '**/*.{txt,md}'),
    exclude: typeof c.get<unknown>(Settings.exclude) === 'string' ? (c.get<string>(Settings.exclude) ?? '') : '**/{node_modules,.git,.news-annotator}/**',
    highlight: {
      dates: bool(Settings.highlightDates),
      officials: bool(Settings.highlightOfficials),
      claims: bool(Settings.highlightClaims),
      tags: bool(Settings.highlightTags),
    },
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 5000) : 300,
    stanceValues: stanceValues.length ? [...new Set(stanceValues)] : DEFAULT_STANCES,
  };
}

export class Config implements vscode.Disposable {
  private snapshot = readConfig();
  private readonly emitter = new vscode.EventEmitter<{ articlesChanged: boolean }>();
  /** Fires with whether the set of articles (include/exclude) changed. */
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      const before = this.snapshot;
      this.snapshot = readConfig();
      this.emitter.fire({ articlesChanged: before.include !== this.snapshot.include || before.exclude !== this.snapshot.exclude });
    });
  }

  get current(): ConfigSnapshot {
    return this.snapshot;
  }

  /** The toggle commands flip the setting (workspace scope when a folder is open), so the choice survives a reload. */
  async toggleHighlight(kind: keyof HighlightToggles): Promise<boolean> {
    const key = { dates: Settings.highlightDates, officials: Settings.highlightOfficials, claims: Settings.highlightClaims, tags: Settings.highlightTags }[kind];
    const next = !this.snapshot.highlight[kind];
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, next, target);
    // Apply at once, whether or not the change event has arrived yet.
    this.snapshot = { ...this.snapshot, highlight: { ...this.snapshot.highlight, [kind]: next } };
    this.emitter.fire({ articlesChanged: false });
    return next;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
