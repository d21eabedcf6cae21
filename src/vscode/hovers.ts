// Hovers over highlights: what the engine found and why (hoverText.ts words it), with command links.
import * as vscode from 'vscode';
import type { Config } from './config';
import { HOVER_COMMANDS, claimHover, dateHover, officialHover, tagHover } from './hoverText';
import type { WorkspaceIndex } from './workspaceIndex';

export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const article = this.index.article(doc.uri);
    if (!article || article.text !== doc.getText()) return undefined;
    const offset = doc.offsetAt(position);
    const on = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
    const target = { uri: doc.uri.toString(), start: offset, end: offset };
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    const widen = (s: { start: number; end: number }) => {
      const r = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
      // The hover's range is the smallest thing hovered.
      if (!range || range.contains(r)) range = r;
    };
    const { highlight } = this.config.current;
    const a = article.analysis;

    if (highlight.tags) {
      for (const tag of this.index.tags(doc.uri)) {
        if (tag.detached || !on(tag.anchor)) continue;
        sections.push(tagHover(tag, target));
        widen(tag.anchor);
      }
    }
    if (highlight.officials) {
      const official = a.officials.find(on);
      if (official) {
        const entity = this.index.entities().find((e) => e.id === official.entityId);
        const inArticle = a.officials.filter((o) => o.entityId === official.entityId).length;
        sections.push(officialHover(official, entity, inArticle));
        widen(official);
      }
    }
    if (highlight.dates) {
      const date = a.dates.find(on);
      if (date) {
        sections.push(dateHover(date, a.documentDate, article.documentDateOverride !== null, target));
        widen(date);
      }
    }
    if (highlight.claims) {
      const claim = a.claims.find(on);
      if (claim) {
        sections.push(claimHover(claim, target));
        widen(claim);
      }
    }
    if (sections.length === 0) return undefined;
    // Article text in it is escaped (hoverText.ts); its links may run only this extension's own hover
    // commands, never any other command, and no HTML is rendered. No `$(icon)` syntax either: an article
    // could spell one.
    const md = new vscode.MarkdownString(sections.join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    return new vscode.Hover(md, range);
  }
}

export function registerHovers(index: WorkspaceIndex, config: Config): vscode.Disposable {
  // Every scheme: an article may live in a virtual or remote workspace; non-articles get no hover.
  return vscode.languages.registerHoverProvider('*', new ArticleHoverProvider(index, config));
}
