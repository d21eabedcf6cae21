// The views' glue against a stand-in for the editor API and a small in-memory WorkspaceModel on the seed
// articles: what the core's commands and package.json rely on (ids, context keys, tag nodes, passages,
// files written) is checked here; the real editor is exercised by the integration suite.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { EventEmitter, Disposable } = await import('../helpers/fakeVscode');
  class Uri {
    constructor(
      readonly scheme: string,
      readonly path: string,
    ) {}
    static parse(s: string) {
      const m = /^([\w+.-]+):\/\/(.*)$/.exec(s);
      if (!m) throw new Error(`bad uri ${s}`);
      return new Uri(m[1]!, m[2]!);
    }
    static file(p: string) {
      return new Uri('file', p);
    }
    static joinPath(u: Uri, ...parts: string[]) {
      return new Uri(u.scheme, [u.path, ...parts].join('/'));
    }
    toString() {
      return `${this.scheme}://${this.path}`;
    }
  }
  class TreeItem {
    id?: string;
    description?: string;
    tooltip?: unknown;
    iconPath?: unknown;
    contextValue?: string;
    command?: { command: string; arguments?: unknown[] };
    resourceUri?: Uri;
    constructor(
      public label: string,
      public collapsibleState = 0,
    ) {}
  }
  class ThemeIcon {
    static File = new ThemeIcon('file');
    constructor(readonly id: string) {}
  }
  class Position {
    constructor(readonly offset: number) {}
  }
  class Range {
    constructor(
      readonly start: Position,
      readonly end: Position,
    ) {}
  }
  class Selection extends Range {
    constructor(
      readonly anchor: Position,
      readonly active: Position,
    ) {
      super(anchor.offset <= active.offset ? anchor : active, anchor.offset <= active.offset ? active : anchor);
    }
  }
  const state = {
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    contexts: new Map<string, unknown>(),
    views: new Map<string, { provider: any; badge?: { value: number }; message?: string; description?: string; visible: boolean }>(),
    settings: new Map<string, unknown>(),
    written: new Map<string, string>(),
    files: new Map<string, string>(),
    messages: [] as string[],
    editors: [] as Array<{ uri: string; selection?: Selection }>,
    saveTo: undefined as Uri | undefined,
    openFrom: undefined as Uri | undefined,
  };
  const configChanged = new EventEmitter<{ affectsConfiguration(s: string): boolean }>();
  const module = {
    EventEmitter,
    Uri,
    Disposable,
    TreeItem,
    ThemeIcon,
    Range,
    Selection,
    MarkdownString: class {
      constructor(readonly value: string) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1 },
    commands: {
      registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
        if (state.commands.has(id)) throw new Error(`${id} registered twice`);
        state.commands.set(id, fn);
        return new Disposable(() => state.commands.delete(id));
      },
      async executeCommand(id: string, ...args: unknown[]) {
        if (id !== 'setContext') return state.commands.get(id)?.(...args);
        state.contexts.set(args[0] as string, args[1]);
        return undefined;
      },
    },
    window: {
      activeTextEditor: undefined,
      createTreeView(id: string, options: { treeDataProvider: unknown }) {
        const view = { provider: options.treeDataProvider, visible: false, reveal: async () => {}, onDidChangeVisibility: () => new Disposable(() => {}), dispose() {} };
        state.views.set(id, view);
        return view;
      },
      onDidChangeActiveTextEditor: () => new Disposable(() => {}),
      registerWebviewPanelSerializer: () => new Disposable(() => {}),
      showInformationMessage: async (m: string) => void state.messages.push(m),
      showErrorMessage: async (m: string) => void state.messages.push(`ERROR ${m}`),
      showSaveDialog: async () => state.saveTo,
      showOpenDialog: async () => (state.openFrom ? [state.openFrom] : undefined),
      withProgress: async (_o: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) => task({ report: () => undefined }, { isCancellationRequested: false }),
      async showTextDocument(doc: { uri: Uri }) {
        const editor: { uri: string; selection?: Selection; revealRange: () => void } = { uri: doc.uri.toString(), revealRange() {} };
        state.editors.push(editor);
        return editor;
      },
    },
    workspace: {
      workspaceFolders: [{ uri: new Uri('file', '/ws'), name: 'ws', index: 0 }],
      getConfiguration: () => ({
        get: (k: string) => state.settings.get(k),
        inspect: () => ({}),
        update: async (k: string, v: unknown) => {
          state.settings.set(k, v);
          configChanged.fire({ affectsConfiguration: (s: string) => s === `newsAnnotator.${k}` });
        },
      }),
      onDidChangeConfiguration: configChanged.event,
      asRelativePath: (u: Uri) => u.path.replace(/^\/ws\//, ''),
      async openTextDocument(uri: Uri) {
        const text = state.files.get(uri.toString());
        if (text === undefined) throw new Error(`no file ${uri.toString()}`);
        return { uri, positionAt: (o: number) => new Position(Math.min(Math.max(0, o), text.length)) };
      },
      fs: {
        writeFile: async (uri: Uri, bytes: Uint8Array) => void state.written.set(uri.toString(), new TextDecoder().decode(bytes)),
        readFile: async (uri: Uri) => new TextEncoder().encode(state.files.get(uri.toString()) ?? ''),
      },
    },
  };
  return { module, state };
});

vi.mock('vscode', () => fake.module);

import * as vscode from 'vscode';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { sha256Hex } from '../../src/annotations/sha256';
import type { Tag } from '../../src/annotations/tags';
import { Commands, ContextKeys, Views } from '../../src/vscode/constants';
import type { ArticleSnapshot, TagService, WorkspaceModel } from '../../src/vscode/model';
import { type AnnotationsNode, registerAnnotationsView } from '../../src/vscode/views/annotationsTree';
import { registerViews } from '../../src/vscode/views/index';
import { analysisCounts } from '../../src/vscode/highlights';
import { loadSeeds } from '../helpers/seeds';

const seeds = loadSeeds();
const corpus = analyzeCorpus(seeds);
const first = seeds[0]!;
const exact = 'full and unconditional cooperation';
const at = first.text.indexOf(exact);
const tags: Tag[] = [
  { id: 'q1', kind: 'quote', path: first.path, anchor: { start: at, end: at + exact.length, exact, prefix: '', suffix: '' }, detached: false, created: 'x', modified: 'x', speaker: 'Yoshimasa Hayashi', speakerEntityId: null },
  { id: 's1', kind: 'stance', path: first.path, anchor: { start: 0, end: 4, exact: 'gone', prefix: '', suffix: '' }, detached: true, created: 'x', modified: 'x', stance: 'opposes', holder: null, target: null, note: null },
];
const changed = new fake.module.EventEmitter<void>();
const articles: ArticleSnapshot[] = seeds.map((s) => ({
  uri: vscode.Uri.file(`/ws/${s.path}`),
  path: s.path,
  text: s.text,
  sha256: sha256Hex(s.text),
  analysis: corpus.documents.find((d) => d.path === s.path)!.analysis,
  documentDateOverride: null,
  documentDate: corpus.documents.find((d) => d.path === s.path)!.analysis.documentDate?.value ?? null,
  counts: analysisCounts(corpus.documents.find((d) => d.path === s.path)!.analysis),
}));
for (const a of articles) fake.state.files.set(a.uri.toString(), a.text);
const model: WorkspaceModel = {
  onDidChange: changed.event,
  ready: Promise.resolve(),
  articles: () => articles,
  articleCount: () => articles.length,
  article: (uri) => articles.find((a) => a.uri.toString() === uri.toString()),
  summary: (uri) => articles.find((a) => a.uri.toString() === uri.toString()),
  load: async (uri) => articles.find((a) => a.uri.toString() === uri.toString()),
  articleByPath: (path) => articles.find((a) => a.path === path),
  entities: () => corpus.entities,
  events: () => corpus.events,
  tags: (uri) => (uri ? tags.filter((t) => `file:///ws/${t.path}` === uri.toString()) : tags),
};
const imported: Tag[][] = [];
const tagService: TagService = {
  importTags: async (t) => {
    imported.push([...t]);
    return { attached: t.length - 1, detached: 1 };
  },
};
const context = { extension: { packageJSON: { version: '9.9.9' } }, extensionUri: vscode.Uri.file('/ext'), subscriptions: [] } as unknown as vscode.ExtensionContext;

async function walk(provider: any, node?: unknown, out: Array<{ node: any; item: any }> = []): Promise<Array<{ node: any; item: any }>> {
  for (const child of await provider.getChildren(node)) {
    out.push({ node: child, item: provider.getTreeItem(child) });
    await walk(provider, child, out);
  }
  return out;
}

describe('registerViews', () => {
  let registered: ReturnType<typeof registerViews>;
  const createTreeView = vscode.window.createTreeView;
  beforeAll(async () => {
    registered = registerViews(context, model, tagService);
    await model.ready;
    await new Promise((r) => setTimeout(r, 0));
  });

  it('returns the data providers the two views were created with, and leaves createTreeView as it was', () => {
    expect(registered.eventsTree).toBe(fake.state.views.get(Views.events)!.provider);
    expect(registered.annotationsTree).toBe(fake.state.views.get(Views.annotations)!.provider);
    expect(registered.eventsTree).not.toBe(registered.annotationsTree);
    expect(vscode.window.createTreeView).toBe(createTreeView);
  });

  it('registers the views’ commands once each', () => {
    for (const id of [Commands.openPassage, Commands.groupEventsByDate, Commands.groupEventsByParticipant, Commands.groupEventsByArticle, Commands.showTimeline, Commands.exportJson, Commands.exportW3c, Commands.importAnnotations]) {
      expect(fake.state.commands.has(id), id).toBe(true);
    }
  });

  it('sets the article count for the welcome views, and the event count as the Events badge', () => {
    expect(fake.state.contexts.get(ContextKeys.articleCount)).toBe(5);
    expect(fake.state.views.get(Views.events)!.badge?.value).toBe(corpus.events.length);
    expect(fake.state.contexts.get(ContextKeys.eventsGrouping)).toBe('date');
  });

  it('switches the Events grouping from the toolbar: context key, setting and tree', async () => {
    const provider = fake.state.views.get(Views.events)!.provider;
    await fake.state.commands.get(Commands.groupEventsByParticipant)!();
    expect(fake.state.contexts.get(ContextKeys.eventsGrouping)).toBe('participant');
    expect(fake.state.settings.get('events.groupBy')).toBe('participant');
    const roots = await provider.getChildren();
    expect(provider.getTreeItem(roots[0]).label).toBe('Hossein Amir-Abdollahian');
    await fake.state.commands.get(Commands.groupEventsByDate)!();
    expect(provider.getTreeItem((await provider.getChildren())[0]).label).toBe('2019');
  });

  it('gives every source passage in the Events tree a command that opens exactly that passage', async () => {
    const rows = await walk(fake.state.views.get(Views.events)!.provider);
    const sources = rows.filter((r) => r.node.kind === 'source');
    expect(sources.length).toBe(corpus.events.reduce((n, e) => n + e.sources.length, 0));
    const { item } = sources[0]!;
    expect(item.command.command).toBe(Commands.openPassage);
    const arg = item.command.arguments[0];
    const text = seeds.find((s) => s.path === arg.path)!.text;
    expect(text.slice(arg.start, arg.end)).toBe(sources[0]!.node.source.text);
    const ids = rows.map((r) => r.item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives tag nodes the tag and the context value the core’s tag commands expect', async () => {
    const rows = await walk(fake.state.views.get(Views.annotations)!.provider);
    const tagRows = rows.filter((r) => r.item.contextValue?.startsWith('tag'));
    expect(tagRows.map((r) => [r.item.contextValue, r.node.tag?.id])).toEqual([
      ['tag', 'q1'],
      ['tag.detached', 's1'],
    ]);
    expect(tagRows[0]!.item.command.arguments[0]).toMatchObject({ path: first.path, start: at, end: at + exact.length });
    expect(tagRows[1]!.item.command).toBeUndefined();
  });

  it('opens a passage with it selected, the cursor at its start', async () => {
    const source = corpus.events[0]!.sources[0]!;
    await fake.state.commands.get(Commands.openPassage)!({ path: source.path, start: source.start, end: source.end });
    const editor = fake.state.editors.at(-1)!;
    expect(editor.uri).toBe(`file:///ws/${source.path}`);
    expect([editor.selection!.start, editor.selection!.end].map((p: any) => p.offset)).toEqual([source.start, source.end]);
    expect((editor.selection!.active as any).offset).toBe(source.start);
    await fake.state.commands.get(Commands.openPassage)!({ start: 'x' });
    expect(fake.state.messages.at(-1)).toMatch(/^ERROR .*cannot open the passage/);
  });

  it('exports every article and the attached tags to the chosen file', async () => {
    fake.state.saveTo = vscode.Uri.file('/ws/annotations.json');
    await fake.state.commands.get(Commands.exportJson)!();
    const written = JSON.parse(fake.state.written.get('file:///ws/annotations.json')!);
    expect(written.generator).toBe('news-annotator 9.9.9');
    expect(written.documents).toHaveLength(5);
    expect(written.documents[0].annotations.filter((a: any) => a.source === 'user').map((a: any) => a.id)).toEqual(['q1']);
    expect(fake.state.messages.at(-1)).toMatch(/5 articles, \d+ automatic annotations, 1 tag \(1 detached tag left out\) written to annotations\.json/);
  });

  it('exports W3C Web Annotations with sources under the folder', async () => {
    fake.state.saveTo = vscode.Uri.file('/ws/annotations.jsonld');
    await fake.state.commands.get(Commands.exportW3c)!();
    const written = fake.state.written.get('file:///ws/annotations.jsonld')!;
    expect(JSON.parse(written).type).toBe('AnnotationCollection');
    expect(written).toContain(`file:///ws/${first.path}`);
  });

  it('imports the tags of an export through the tag service and says how many were found', async () => {
    fake.state.openFrom = vscode.Uri.file('/ws/annotations.json');
    fake.state.files.set('file:///ws/annotations.json', fake.state.written.get('file:///ws/annotations.json')!);
    await fake.state.commands.get(Commands.importAnnotations)!();
    expect(imported.at(-1)!.map((t) => t.id)).toEqual(['q1']);
    expect(fake.state.messages.at(-1)).toMatch(/imported 1 tag from a News Annotator export \(annotations\.json\): 0 attached, 1 detached/);
  });

  it('says why a file cannot be imported, and imports nothing', async () => {
    fake.state.files.set('file:///ws/bad.json', '{"format":"news-annotator/annotations","version":7,"documents":[]}');
    fake.state.openFrom = vscode.Uri.file('/ws/bad.json');
    const before = imported.length;
    await fake.state.commands.get(Commands.importAnnotations)!();
    expect(imported.length).toBe(before);
    expect(fake.state.messages.at(-1)).toMatch(/^ERROR News Annotator: cannot import bad\.json: .*version 7/);
  });
});

describe('the Annotations view of a large workspace', () => {
  it('lists folders at its top above 500 articles, each with its articles in path order, and finds an article\'s folder', async () => {
    const base = articles[0]!;
    const many: ArticleSnapshot[] = [];
    for (let i = 0; i < 600; i++) {
      const path = `${['wire', 'ministry', 'wire/2023'][i % 3]}/story-${String(i).padStart(4, '0')}.txt`;
      many.push({ ...base, uri: vscode.Uri.file(`/big/${path}`), path });
    }
    const big: WorkspaceModel = { ...model, articles: () => many, articleCount: () => many.length, summary: (uri) => many.find((a) => a.uri.toString() === uri.toString()) };
    const { provider } = registerAnnotationsView(big);
    const roots = (await provider.getChildren()) as AnnotationsNode[];
    expect(roots.map((r) => r.kind)).toEqual(['folder', 'folder', 'folder']);
    expect(roots.map((r) => provider.getTreeItem(r).label)).toEqual(['ministry', 'wire', 'wire/2023']);
    expect(provider.getTreeItem(roots[1]!).description).toBe('200 articles');
    const inWire = (await provider.getChildren(roots[1])) as AnnotationsNode[];
    expect(inWire.length).toBe(200);
    expect(inWire.every((n) => n.kind === 'article' && n.article.path.startsWith('wire/story-'))).toBe(true);
    expect(provider.getParent!(inWire[0]!)).toMatchObject({ kind: 'folder', id: roots[1]!.id });
    // A small workspace keeps its articles at the top.
    const small = registerAnnotationsView({ ...big, articles: () => many.slice(0, 20) }).provider;
    expect(((await small.getChildren()) as AnnotationsNode[]).every((n) => n.kind === 'article')).toBe(true);
  });
});
