/// <reference types="mocha" />
// The Events and Annotations trees' children, asked of the data providers the views were registered with (the
// extension's test API), against the workspace model and the engine's own reading of the seed articles.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusEvent, Entity } from '../../../src/analysis/types';
import type { Tag } from '../../../src/annotations/tags';
import type { NewsAnnotatorApi } from '../../../src/vscode/api';
import { Commands } from '../../../src/vscode/constants';
import type { AnnotationsNode, ItemNode } from '../../../src/vscode/views/annotationsTree';
import type { EventGroupNode, EventNode, EventsTreeNode } from '../../../src/vscode/views/eventGroups';
import { api, childrenOf, expectedCorpus, folder, open, readText, runAcceptingPrompts, select, waitFor } from './helpers';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Placed<T> {
  node: T;
  /** Labels of the groups above it, root first. */
  path: string[];
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Every event node of the Events tree with the group labels above it. */
async function eventsIn(tree: vscode.TreeDataProvider<EventsTreeNode>, node?: EventsTreeNode, path: string[] = []): Promise<Array<Placed<EventNode>>> {
  const out: Array<Placed<EventNode>> = [];
  for (const child of await childrenOf(tree, node)) {
    if (child.kind === 'event') out.push({ node: child, path });
    else if (child.kind === 'group') out.push(...(await eventsIn(tree, child, [...path, label(await tree.getTreeItem(child))])));
  }
  return out;
}

/** How often each event id occurs in `placed`. */
function counts(placed: ReadonlyArray<Placed<EventNode>>): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of placed) m.set(p.node.event.id, (m.get(p.node.event.id) ?? 0) + 1);
  return m;
}

/** The distinct people of an event, as the Events view keys them: entity id when linked, else the name. */
function participantKeys(event: CorpusEvent): string[] {
  return [...peopleOf(event).keys()];
}

/** An event's people by key, each with the name the view shows (the linked entity's, else the one in the text). */
function peopleOf(event: CorpusEvent, entities?: ReadonlyMap<string, Entity>): Map<string, string> {
  const byKey = new Map<string, string>();
  event.participants.forEach((name, i) => {
    const id = event.participantEntityIds[i];
    const key = id ?? `name:${name}`;
    if (!byKey.has(key)) byKey.set(key, (id && entities?.get(id)?.name) || name);
  });
  return byKey;
}

async function switchGrouping(command: string): Promise<void> {
  await vscode.commands.executeCommand(command);
}

type WithTrees = NewsAnnotatorApi & {
  eventsTree: NonNullable<NewsAnnotatorApi['eventsTree']>;
  annotationsTree: NonNullable<NewsAnnotatorApi['annotationsTree']>;
};

suite('The Events and Annotations trees', () => {
  let the: WithTrees;

  suiteSetup(async () => {
    const exported = await api();
    assert.ok(exported.eventsTree && exported.annotationsTree, 'the test API holds no tree providers');
    the = exported as WithTrees;
    await the.model.ready;
    // Earlier suites rewrote an article and put it back: wait until the model reads the files as they are.
    const { texts, corpus } = await expectedCorpus();
    await waitFor('the model to hold the seed articles as on disk', async () => {
      for (const [path, text] of texts) {
        const listed = the.model.articleByPath(path);
        if (!listed || (await the.model.load(listed.uri))?.text !== text || (await readText(vscode.Uri.joinPath(folder().uri, path))) !== text) return false;
      }
      return the.model.events().length === corpus.events.length;
    }, 20_000);
    await switchGrouping(Commands.groupEventsByDate);
  });

  suiteTeardown(async () => {
    await switchGrouping(Commands.groupEventsByDate);
  });

  test('Events by date: years, then months, then days, then the events, each event exactly once', async () => {
    const events = the.model.events();
    assert.ok(events.length > 0, 'the model has no events');
    const roots = await childrenOf(the.eventsTree);
    assert.ok(roots.every((r) => r.kind === 'group'), 'a root of the date grouping is not a group');
    const rootLabels = await Promise.all(roots.map(async (r) => label(await the.eventsTree.getTreeItem(r))));
    const years = [...new Set(events.flatMap((e) => (e.date && /^\d{4}/.test(e.date) ? [e.date.slice(0, 4)] : [])))].sort();
    assert.deepEqual(rootLabels.filter((l) => /^\d{4}$/.test(l)), years, 'year groups, in order');
    assert.equal(rootLabels.includes('Undated'), events.some((e) => e.date === null), 'an Undated group exactly when an event has no date');
    if (rootLabels.includes('Undated')) assert.equal(rootLabels.at(-1), 'Undated', 'Undated comes last');

    const placed = await eventsIn(the.eventsTree);
    assert.deepEqual([...counts(placed)].sort(), events.map((e): [string, number] => [e.id, 1]).sort(), 'each event of the model once');
    let days = 0;
    for (const { node, path } of placed) {
      const day = node.event.date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(node.event.date);
      if (day) {
        const month = MONTHS[Number(day[2]) - 1]!;
        assert.deepEqual(path, [day[1], month, `${Number(day[3])} ${month}`], `where ${node.event.id} (${node.event.date}) sits`);
        days++;
      } else if (node.event.date === null) {
        assert.deepEqual(path, ['Undated'], `where undated ${node.event.id} sits`);
      } else {
        assert.ok(path[0]?.startsWith(node.event.date.slice(0, 3)), `${node.event.id} (${node.event.date}) sits under ${path.join(' > ')}`);
      }
    }
    assert.ok(days > 0, 'no event of the seeds has a day: the year > month > day path is untested');
  });

  test('an event\'s children are its participants, then its source passages', async () => {
    const entities = new Map(the.model.entities().map((e) => [e.id, e]));
    for (const { node } of await eventsIn(the.eventsTree)) {
      const event = node.event;
      const children = await childrenOf(the.eventsTree, node);
      const items = await Promise.all(children.map((c) => the.eventsTree.getTreeItem(c)));
      const participants = children.filter((c) => c.kind === 'participant');
      const sources = children.filter((c) => c.kind === 'source');
      assert.equal(participants.length + sources.length, children.length, `other children under ${event.id}`);
      assert.ok(children.slice(0, participants.length).every((c) => c.kind === 'participant'), `participants first under ${event.id}`);
      assert.deepEqual(items.map((i) => i.contextValue), [...participants.map(() => 'participant'), ...sources.map(() => 'source')]);
      const expectedNames = [...peopleOf(event, entities).values()];
      assert.deepEqual(items.slice(0, participants.length).map(label), expectedNames, `participants of ${event.id}`);
      const passages = (s: { path: string; start: number; end: number; text: string }) => `${s.path}:${s.start}-${s.end}:${s.text}`;
      assert.deepEqual(sources.map((s) => (s.kind === 'source' ? passages(s.source) : '')).sort(), event.sources.map(passages).sort(), `sources of ${event.id}`);
      for (const item of items.slice(participants.length)) assert.equal(item.command?.command, Commands.openPassage);
    }
  });

  test('a source node\'s command opens its passage, selected', async () => {
    const placed = await eventsIn(the.eventsTree);
    const event = placed.find((p) => p.node.event.sources.length > 0);
    assert.ok(event, 'no event with a source');
    const source = (await childrenOf(the.eventsTree, event.node)).find((c) => c.kind === 'source');
    assert.ok(source && source.kind === 'source');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const command = (await the.eventsTree.getTreeItem(source)).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('an editor on the source article', () => {
      const e = vscode.window.activeTextEditor;
      return e && vscode.workspace.asRelativePath(e.document.uri, false) === source.source.path ? e : undefined;
    });
    assert.equal(editor.document.offsetAt(editor.selection.start), source.source.start);
    assert.equal(editor.document.getText(editor.selection), source.source.text);
  });

  test('Events by participant: one root per person, each event once under each of its participants', async () => {
    await switchGrouping(Commands.groupEventsByParticipant);
    const events = the.model.events();
    const entities = new Map(the.model.entities().map((e) => [e.id, e]));
    const roots = (await childrenOf(the.eventsTree)) as EventGroupNode[];
    assert.ok(roots.every((r) => r.kind === 'group'));
    const people = new Map(events.flatMap((e) => [...peopleOf(e, entities)]));
    const nobody = events.some((e) => participantKeys(e).length === 0);
    const expectedLabels = [...people.values()].concat(nobody ? ['No named participant'] : []);
    const rootLabels = await Promise.all(roots.map(async (r) => label(await the.eventsTree.getTreeItem(r))));
    assert.deepEqual([...rootLabels].sort(), expectedLabels.sort(), 'one root per participant');
    for (const root of roots) {
      const under = (await childrenOf(the.eventsTree, root)).filter((c): c is EventNode => c.kind === 'event');
      const ids = under.map((n) => n.event.id);
      assert.equal(new Set(ids).size, ids.length, `an event twice under ${root.label}`);
      for (const n of under) {
        const mine = root.entity ? n.event.participantEntityIds.includes(root.entity.id) : participantKeys(n.event).length === 0 || n.event.participants.includes(root.label);
        assert.ok(mine, `${n.event.id} is under ${root.label}, not one of its participants`);
      }
    }
    const placed = counts(await eventsIn(the.eventsTree));
    for (const e of events) assert.equal(placed.get(e.id), Math.max(1, participantKeys(e).length), `${e.id}: once per participant`);
    assert.equal(placed.size, events.length);
  });

  test('Events by article: one root per article with events, each event once under each of its articles', async () => {
    await switchGrouping(Commands.groupEventsByArticle);
    const events = the.model.events();
    const roots = (await childrenOf(the.eventsTree)) as EventGroupNode[];
    const rootLabels = await Promise.all(roots.map(async (r) => label(await the.eventsTree.getTreeItem(r))));
    const paths = [...new Set(events.flatMap((e) => e.sources.map((s) => s.path)))].sort();
    assert.deepEqual(rootLabels, paths, 'one root per article, in path order');
    const placed = await eventsIn(the.eventsTree);
    for (const e of events) {
      const where = placed.filter((p) => p.node.event.id === e.id).map((p) => p.path[0]).sort();
      assert.deepEqual(where, [...new Set(e.sources.map((s) => s.path))].sort(), `${e.id}: once under each of its articles`);
    }
    await switchGrouping(Commands.groupEventsByDate);
    assert.deepEqual([...counts(await eventsIn(the.eventsTree)).keys()].sort(), events.map((e) => e.id).sort(), 'back to the date grouping');
  });

  test('Annotations: one root per article, in path order', async () => {
    const roots = await childrenOf(the.annotationsTree);
    assert.ok(roots.every((r) => r.kind === 'article'));
    const paths = roots.map((r) => r.article.path);
    assert.deepEqual(paths, the.model.articles().map((a) => a.path).sort((a, b) => a.localeCompare(b)));
    const { corpus } = await expectedCorpus();
    for (const d of corpus.documents) assert.ok(paths.includes(d.path), `${d.path} has no node`);
  });

  test('Annotations per article: officials with their mention counts, quotes, claims and dates as the engine finds them', async () => {
    const { corpus } = await expectedCorpus();
    const roots = await childrenOf(the.annotationsTree);
    let officialsSeen = 0;
    for (const d of corpus.documents) {
      const root = roots.find((r) => r.kind === 'article' && r.article.path === d.path)!;
      const sections = await childrenOf(the.annotationsTree, root);
      const section = (kind: string) => sections.find((s) => s.kind === 'section' && s.section.section === kind);
      const items = async (kind: string) => {
        const s = section(kind);
        return s ? ((await childrenOf(the.annotationsTree, s)) as ItemNode[]) : [];
      };

      const expectedOfficials = new Map<string, { name: string; count: number }>();
      for (const o of d.analysis.officials) {
        const e = expectedOfficials.get(o.entityId);
        if (e) e.count++;
        else expectedOfficials.set(o.entityId, { name: o.name, count: 1 });
      }
      const officials = await items('officials');
      const shown = await Promise.all(officials.map(async (n) => [label(await the.annotationsTree.getTreeItem(n)), n.item.mentions?.length ?? 0] as [string, number]));
      assert.deepEqual(shown.sort(), [...expectedOfficials.values()].map((o): [string, number] => [o.name, o.count]).sort(), `officials of ${d.path}`);
      for (const n of officials) {
        const item = await the.annotationsTree.getTreeItem(n);
        assert.equal(item.contextValue, 'official');
        // Several mentions open into one row each; a single one is the official's own row (not expandable).
        const several = n.item.mentions!.length > 1;
        assert.equal(item.collapsibleState !== vscode.TreeItemCollapsibleState.None, several, `${n.item.label} expandable`);
        if (!several) continue;
        const mentions = await childrenOf(the.annotationsTree, n);
        assert.deepEqual(mentions.map((m) => m.kind), n.item.mentions!.map(() => 'mention'), `mention rows of ${n.item.label}`);
      }
      officialsSeen += officials.length;

      const passages = (nodes: ItemNode[]) => nodes.map((n) => `${n.item.passage?.start}-${n.item.passage?.end}`).sort();
      const spans = (list: ReadonlyArray<{ start: number; end: number }>) => list.map((s) => `${s.start}-${s.end}`).sort();
      const article = the.model.articleByPath(d.path)!;
      const quoteTags = the.model.tags(article.uri).filter((t) => t.kind === 'quote' && !t.detached);
      const quotes = await items('quotes');
      assert.deepEqual(passages(quotes.filter((n) => !n.tag)), spans(d.analysis.quotes), `quotes of ${d.path}`);
      assert.deepEqual(quotes.filter((n) => n.tag).map((n) => n.tag!.id).sort(), quoteTags.map((t) => t.id).sort(), `quote tags of ${d.path}`);
      assert.deepEqual(passages(await items('claims')), spans(d.analysis.claims), `claims of ${d.path}`);
      assert.deepEqual(passages(await items('dates')), spans(d.analysis.dates), `dates of ${d.path}`);
      for (const s of sections) {
        if (s.kind !== 'section') continue;
        assert.ok(s.section.count > 0, `empty section ${s.section.section} shown`);
        assert.equal((await the.annotationsTree.getTreeItem(s)).description, String(s.section.count));
      }
      assert.equal(!!section('officials'), d.analysis.officials.length > 0, `officials section of ${d.path}`);
      assert.equal(!!section('claims'), d.analysis.claims.length > 0, `claims section of ${d.path}`);
      assert.equal(!!section('dates'), d.analysis.dates.length > 0, `dates section of ${d.path}`);
    }
    assert.ok(officialsSeen > 0, 'no official in any article: the counts are untested');
  });

  test('a tag added through the command appears under its article with contextValue \'tag\', and goes when removed', async () => {
    const { corpus, texts } = await expectedCorpus();
    const d = corpus.documents.find((x) => x.analysis.claims.length > 0)!;
    const claim = d.analysis.claims[d.analysis.claims.length - 1]!;
    const uri = vscode.Uri.joinPath(folder().uri, d.path);
    const before = new Set(the.model.tags(uri).map((t) => t.id));
    const editor = await open(uri);
    select(editor, claim.start, claim.end);
    await runAcceptingPrompts(Commands.tagQuote);
    const tag = await waitFor('the new tag in the model', () => the.model.tags(uri).find((t) => !before.has(t.id)));
    assert.equal(tag.anchor.exact, texts.get(d.path)!.slice(claim.start, claim.end));

    const tagNode = async (id: string): Promise<ItemNode | undefined> => {
      const root = (await childrenOf(the.annotationsTree)).find((r) => r.kind === 'article' && r.article.path === d.path);
      if (!root) return undefined;
      for (const section of await childrenOf(the.annotationsTree, root)) {
        const found = (await childrenOf<AnnotationsNode>(the.annotationsTree, section)).find((n): n is ItemNode => n.kind === 'item' && n.tag?.id === id);
        if (found) return found;
      }
      return undefined;
    };
    const node = await waitFor('the tag in the Annotations tree', () => tagNode(tag.id));
    assert.equal(node.article.path, d.path);
    const item = await the.annotationsTree.getTreeItem(node);
    assert.equal(item.contextValue, 'tag');
    assert.equal(item.command?.command, Commands.openPassage);
    assert.deepEqual(node.item.passage, { start: tag.anchor.start, end: tag.anchor.end });

    await vscode.commands.executeCommand(Commands.removeTag, { tag: node.tag as Tag });
    await waitFor('the tag gone from the Annotations tree', async () => (await tagNode(tag.id)) === undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
