// The Annotations view: per article, its officials (with mention counts), quotes, stances, claims, dates
// and detached tags, each leading to its text. Tag nodes carry `tag` and contextValue 'tag' / 'tag.detached'
// so that the core's Edit / Remove / Re-attach commands receive the tag from the context menu.
import * as vscode from 'vscode';
import type { Entity } from '../../analysis/types';
import type { Tag } from '../../annotations/tags';
import { Commands, Views } from '../constants';
import type { ArticleSnapshot, ArticleSummary, WorkspaceModel } from '../model';
import { articleCounts, articleSections, articleSummary, type AnnotationItem, type AnnotationSection, type Passage, type SectionKind } from './annotationGroups';
import { baseName, dirName, plural, snippet } from './labels';
import type { PassageArgs } from './openPassage';

/** A folder of articles: the view's roots when the workspace has more articles than a list can show well. */
export interface FolderNode {
  kind: 'folder';
  id: string;
  /** The folder's path as articles' paths start (`''` for the workspace's top). */
  dir: string;
  articles: ArticleSummary[];
}
export interface ArticleNode {
  kind: 'article';
  id: string;
  /** Listed without its text and analysis; they are loaded when the article is expanded. */
  article: ArticleSummary;
}
export interface SectionNode {
  kind: 'section';
  id: string;
  article: ArticleSnapshot;
  section: AnnotationSection;
}
export interface ItemNode {
  kind: 'item';
  id: string;
  article: ArticleSnapshot;
  item: AnnotationItem;
  /** Present on a user's tag: what the tag commands act on. */
  tag?: Tag;
  /** The article's URI, for commands that get the node. */
  uri: vscode.Uri;
}
export interface MentionNode {
  kind: 'mention';
  id: string;
  article: ArticleSnapshot;
  passage: Passage;
  index: number;
}
export type AnnotationsNode = FolderNode | ArticleNode | SectionNode | ItemNode | MentionNode;

/**
 * Up to this many articles, the view lists them at its top (in path order); more, and it lists their folders,
 * as the Explorer does: a list of 10,000 rows is no use to read, and making and sending it to the window takes
 * the extension host ~0.2 s each time the workspace changes.
 */
const FLAT_LIST_ARTICLES = 500;

const SECTION_ICONS: Record<SectionKind, string> = {
  officials: 'person',
  quotes: 'quote',
  stances: 'law',
  claims: 'comment',
  dates: 'calendar',
  detached: 'warning',
};

function passageCommand(article: ArticleSnapshot, passage: Passage): vscode.Command {
  const args: PassageArgs = { uri: article.uri.toString(), path: article.path, start: passage.start, end: passage.end };
  return { command: Commands.openPassage, title: 'Open Passage', arguments: [args] };
}

/** The line (1-based) an offset is on. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function articleNode(article: ArticleSummary): ArticleNode {
  return { kind: 'article', id: article.uri.toString(), article };
}

/** Rows for articles, in the order a reader expects (the locale's, as the Explorer), not by character code. */
function articleNodes(articles: readonly ArticleSummary[]): ArticleNode[] {
  return [...articles].sort((a, b) => a.path.localeCompare(b.path)).map(articleNode);
}

/** What follows a mention in its sentence, so mentions with the same words can be told apart. */
function mentionContext(text: string, p: Passage): string {
  return snippet(text.slice(p.end, p.end + 80).replace(/\s\S*$/, ''), 60);
}

class AnnotationsTreeProvider implements vscode.TreeDataProvider<AnnotationsNode> {
  private readonly changed = new vscode.EventEmitter<AnnotationsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private rootNodes: AnnotationsNode[] | undefined;
  /** Expanded articles (loaded, with their sections) by URI, made once per refresh. */
  private readonly sectionCache = new Map<string, Promise<{ article: ArticleSnapshot; sections: AnnotationSection[] } | undefined>>();
  /** The workspace's entities by id, made once per refresh (not once per article: 10,000 × 2,500 entries). */
  private entityMap: Map<string, Entity> | undefined;

  constructor(private readonly model: WorkspaceModel) {}

  refresh(): void {
    this.rootNodes = undefined;
    this.sectionCache.clear();
    this.entityMap = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: AnnotationsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.dir || '(top of the workspace)', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = plural(node.articles.length, 'article');
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'folder';
        item.id = node.id;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(baseName(node.article.path), vscode.TreeItemCollapsibleState.Collapsed);
        const active = vscode.window.activeTextEditor?.document.uri.toString() === node.article.uri.toString();
        if (active) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.resourceUri = node.article.uri;
        item.iconPath = vscode.ThemeIcon.File;
        // Counts only: the sections' items are made when the article is expanded.
        const summary = articleSummary(articleCounts(node.article.counts, this.model.tags(node.article.uri)));
        const folder = dirName(node.article.path);
        item.description = `${folder ? `${folder} · ` : ''}${summary}`;
        item.tooltip = `${node.article.path}\n${summary}`;
        item.contextValue = 'article';
        item.id = node.id;
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.label, vscode.TreeItemCollapsibleState.Collapsed);
        if (node.section.section === 'detached') item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.description = String(node.section.count);
        item.iconPath = new vscode.ThemeIcon(SECTION_ICONS[node.section.section]);
        item.contextValue = `section.${node.section.section}`;
        item.id = node.id;
        return item;
      }
      case 'item': {
        const hasMentions = (node.item.mentions?.length ?? 0) > 1;
        const item = new vscode.TreeItem(node.item.label, hasMentions ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = node.item.description;
        item.tooltip = node.item.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.item.icon);
        item.contextValue = node.tag ? (node.tag.detached ? 'tag.detached' : 'tag') : node.item.icon === 'person' ? 'official' : 'annotation';
        if (node.item.passage) item.command = passageCommand(node.article, node.item.passage);
        item.id = node.id;
        return item;
      }
      case 'mention': {
        const text = node.article.text;
        const item = new vscode.TreeItem(snippet(text.slice(node.passage.start, node.passage.end), 60), vscode.TreeItemCollapsibleState.None);
        item.description = `line ${lineOf(text, node.passage.start)} · …${mentionContext(text, node.passage)}`;
        item.iconPath = new vscode.ThemeIcon('mention');
        item.command = passageCommand(node.article, node.passage);
        item.contextValue = 'mention';
        item.id = node.id;
        return item;
      }
    }
  }

  /** The article's text and analysis (the model reads them from its file and the cache unless it is open) and its sections. */
  private sections(summary: ArticleSummary): Promise<{ article: ArticleSnapshot; sections: AnnotationSection[] } | undefined> {
    const key = summary.uri.toString();
    let loaded = this.sectionCache.get(key);
    if (!loaded) {
      loaded = this.model.load(summary.uri).then((article) => {
        if (!article) return undefined;
        const entities = (this.entityMap ??= new Map(this.model.entities().map((e) => [e.id, e])));
        return { article, sections: articleSections(key, article.analysis, this.model.tags(article.uri), entities) };
      });
      this.sectionCache.set(key, loaded);
    }
    return loaded;
  }

  /** Only articles are revealed (following the active editor): at the root, or in their folder. */
  getParent(node: AnnotationsNode): AnnotationsNode | undefined {
    if (node.kind === 'folder') return undefined;
    if (node.kind === 'article') return this.roots().find((r): r is FolderNode => r.kind === 'folder' && r.dir === dirName(node.article.path));
    return articleNode(node.article);
  }

  /** The view's top: the articles, or their folders (see FLAT_LIST_ARTICLES); made once per refresh. */
  private roots(): AnnotationsNode[] {
    if (this.rootNodes) return this.rootNodes;
    const articles = this.model.articles();
    if (articles.length <= FLAT_LIST_ARTICLES) {
      this.rootNodes = articleNodes(articles);
      return this.rootNodes;
    }
    // Thousands of articles: grouped as they come; each folder's list is sorted when it is opened (a sort of
    // every path in the locale's order at each refresh kept the extension host busy for tens of ms).
    const folders = new Map<string, FolderNode>();
    for (const article of articles) {
      const dir = dirName(article.path);
      let folder = folders.get(dir);
      if (!folder) folders.set(dir, (folder = { kind: 'folder', id: `folder:${dir}`, dir, articles: [] }));
      folder.articles.push(article);
    }
    this.rootNodes = [...folders.values()].sort((a, b) => a.dir.localeCompare(b.dir));
    return this.rootNodes;
  }

  getChildren(node?: AnnotationsNode): AnnotationsNode[] | Promise<AnnotationsNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'folder':
        return articleNodes(node.articles);
      case 'article':
        return this.sections(node.article).then((loaded) =>
          loaded ? loaded.sections.map((section): AnnotationsNode => ({ kind: 'section', id: section.id, article: loaded.article, section })) : [],
        );
      case 'section':
        return node.section.items.map((item): ItemNode => {
          const child: ItemNode = { kind: 'item', id: `${node.id}/${item.id}`, article: node.article, item, uri: node.article.uri };
          if (item.tag) child.tag = item.tag;
          return child;
        });
      case 'item':
        return (node.item.mentions ?? []).map((passage, i) => ({ kind: 'mention', id: `${node.id}/${passage.start}`, article: node.article, passage, index: i + 1 }));
      case 'mention':
        return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** While the workspace is first indexed, the Annotations view's list is made again at most this often. */
const INDEXING_REFRESH_MS = 5_000;

/** Registers the Annotations view; its provider is handed out too, for activate()'s test API. */
export function registerAnnotationsView(model: WorkspaceModel): { registration: vscode.Disposable; provider: AnnotationsTreeProvider } {
  const provider = new AnnotationsTreeProvider(model);
  const view = vscode.window.createTreeView(Views.annotations, { treeDataProvider: provider, showCollapseAll: true });
  // No badge here: VS Code adds the views' badges on the activity bar, where the Events count should stand alone.
  const update = () => provider.refresh();
  // During the first indexing the article list grows every second; a list of thousands of articles made and
  // sent to the window that often keeps the extension host busy, so it follows every few seconds until then.
  let indexed = false;
  let lastUpdate = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (indexed) return update();
    const wait = lastUpdate + INDEXING_REFRESH_MS - Date.now();
    if (wait <= 0) {
      lastUpdate = Date.now();
      update();
    } else {
      pending ??= setTimeout(() => {
        pending = undefined;
        lastUpdate = Date.now();
        update();
      }, wait);
    }
  };
  void model.ready.then(() => {
    indexed = true;
    if (pending) clearTimeout(pending);
    pending = undefined;
    update();
  });
  /** Follows the active editor: its article is revealed and opened, as the Outline view does. */
  const followEditor = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible) return;
    const article = model.summary(editor.document.uri);
    if (!article) return;
    void Promise.resolve(view.reveal(articleNode(article), { select: false, focus: false, expand: true })).catch(() => {
      // The tree may be refreshing; the next editor switch reveals again.
    });
  };
  update();
  const registration = vscode.Disposable.from(
    provider,
    view,
    model.onDidChange(changed),
    { dispose: () => pending && clearTimeout(pending) },
    vscode.window.onDidChangeActiveTextEditor(followEditor),
    view.onDidChangeVisibility((e) => e.visible && followEditor(vscode.window.activeTextEditor)),
  );
  return { registration, provider };
}
