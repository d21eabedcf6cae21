// The QuickPick/InputBox flows of the tag commands: a person (speaker or holder) from the officials of
// the article and the workspace or typed; a stance value from the settings or typed; optional text.
import * as vscode from 'vscode';
import type { Entity } from '../analysis/types';
import { escapeIcons } from './views/labels';

export interface PersonChoice {
  name: string | null;
  entityId: string | null;
}

interface PersonItem extends vscode.QuickPickItem {
  choice?: PersonChoice;
}

export interface PersonPickOptions {
  title: string;
  placeholder: string;
  /** Officials named in this article (first), then the rest of the workspace. */
  inArticle: readonly Entity[];
  inWorkspace: readonly Entity[];
  /** Proposed first (the engine's speaker for a sentence, or the current value when editing). */
  suggested?: PersonChoice | null;
  noneLabel: string;
  step?: number;
  totalSteps?: number;
}

/** Resolves to the chosen person (name null = "none"), or undefined when the user cancelled. */
export function pickPerson(o: PersonPickOptions): Promise<PersonChoice | undefined> {
  const describe = (e: Entity) => [e.title, e.country].filter(Boolean).join(', ');
  const fixed: PersonItem[] = [];
  const seen = new Set<string>();
  if (o.suggested?.name) {
    fixed.push({ label: `$(lightbulb) ${escapeIcons(o.suggested.name)}`, description: 'suggested', choice: o.suggested });
    seen.add(o.suggested.entityId ?? o.suggested.name);
  }
  const add = (list: readonly Entity[], section: string) => {
    const fresh = list.filter((e) => !seen.has(e.id) && !seen.has(e.name));
    if (fresh.length === 0) return;
    fixed.push({ label: section, kind: vscode.QuickPickItemKind.Separator });
    for (const e of fresh) {
      seen.add(e.id);
      fixed.push({ label: escapeIcons(e.name), description: describe(e), detail: undefined, choice: { name: e.name, entityId: e.id } });
    }
  };
  add(o.inArticle, 'In this article');
  add(o.inWorkspace, 'In the workspace');
  fixed.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  fixed.push({ label: `$(circle-slash) ${o.noneLabel}`, choice: { name: null, entityId: null } });

  const qp = vscode.window.createQuickPick<PersonItem>();
  qp.title = o.title;
  qp.placeholder = o.placeholder;
  qp.step = o.step;
  qp.totalSteps = o.totalSteps;
  qp.matchOnDescription = true;
  qp.items = fixed;
  qp.onDidChangeValue((value) => {
    const typed = value.trim();
    const exists = fixed.some((i) => i.choice?.name?.toLowerCase() === typed.toLowerCase());
    // A name typed that is not in the list is offered as it is.
    qp.items = typed && !exists ? [{ label: typed, description: 'typed name', alwaysShow: true, choice: { name: typed, entityId: null } }, ...fixed] : fixed;
  });
  return acceptedValue(qp, (item) => item.choice);
}

/** A stance value: one of the configured values or a typed one; undefined when cancelled. */
export function pickStance(values: readonly string[], current: string | undefined, step: number, totalSteps: number): Promise<string | undefined> {
  const base: vscode.QuickPickItem[] = values.map((v) => ({ label: v, description: v === current ? 'current' : undefined }));
  const qp = vscode.window.createQuickPick();
  qp.title = 'Tag Selection as Stance';
  qp.placeholder = 'Stance (pick one or type your own)';
  qp.step = step;
  qp.totalSteps = totalSteps;
  qp.items = base;
  if (current) qp.activeItems = base.filter((i) => i.label === current);
  qp.onDidChangeValue((value) => {
    const typed = value.trim();
    qp.items = typed && !values.some((v) => v.toLowerCase() === typed.toLowerCase()) ? [{ label: typed, description: 'typed stance', alwaysShow: true }, ...base] : base;
  });
  return acceptedValue(qp, (item) => item.label);
}

/**
 * Shows the quick pick; resolves with the value of the item accepted (an item without one is not
 * accepted), or undefined when the pick is hidden first. Disposes of it either way.
 */
function acceptedValue<I extends vscode.QuickPickItem, V>(qp: vscode.QuickPick<I>, valueOf: (item: I) => V | undefined): Promise<V | undefined> {
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      const picked = item && valueOf(item);
      if (!picked) return;
      done = true;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Optional free text: '' becomes null; undefined when cancelled. */
export async function askText(title: string, prompt: string, value: string | null, step: number, totalSteps: number): Promise<string | null | undefined> {
  const answer = await vscode.window.showInputBox({ title: `${title} (${step}/${totalSteps})`, prompt, value: value ?? '', placeHolder: 'optional: leave empty for none' });
  if (answer === undefined) return undefined;
  return answer.trim() === '' ? null : answer.trim();
}

