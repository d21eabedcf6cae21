// The Events tree as plain data: groups (by date, participant or article), events, and an event's
// participants and source passages. The tree provider only maps these nodes to TreeItems. Pure: no vscode.
import type { CorpusEvent, Entity, EventSource } from '../../analysis/types';
import { compareEventDates, formatEventDate, MONTH_NAMES, parseEventDate, weekdayName, type EventDate } from './eventDates';
import { compareText, plural } from './labels';

export type EventsGrouping = 'date' | 'participant' | 'article';
export const EVENTS_GROUPINGS: readonly EventsGrouping[] = ['date', 'participant', 'article'];

export function isEventsGrouping(value: unknown): value is EventsGrouping {
  return typeof value === 'string' && (EVENTS_GROUPINGS as readonly string[]).includes(value);
}

export type GroupIcon = 'calendar' | 'person' | 'file' | 'question';

export interface EventGroupNode {
  kind: 'group';
  /** Unique in the tree, stable across refreshes (keeps expansion state). */
  id: string;
  label: string;
  description: string;
  icon: GroupIcon;
  /** Events anywhere below this group. */
  count: number;
  /** Made when first read (a group is opened): a refresh makes only the top level of ~10,000 events. */
  readonly children: EventsTreeNode[];
  /** The article path, for an article group. */
  path?: string;
  /** The person, for a participant group. */
  entity?: Entity;
}

export interface EventNode {
  kind: 'event';
  id: string;
  event: CorpusEvent;
}

export interface ParticipantNode {
  kind: 'participant';
  id: string;
  name: string;
  entity: Entity | undefined;
}

export interface SourceNode {
  kind: 'source';
  id: string;
  source: EventSource;
  /** 1-based, among the event's sources. */
  index: number;
}

export type EventsTreeNode = EventGroupNode | EventNode | ParticipantNode | SourceNode;

const UNDATED_ID = 'undated';

interface Dated {
  event: CorpusEvent;
  date: EventDate | null;
}

function byDateThenId(a: Dated, b: Dated): number {
  return compareEventDates(a.date, b.date) || compareText(a.event.id, b.event.id);
}

function eventNodes(parentId: string, items: readonly Dated[]): EventNode[] {
  return [...items].sort(byDateThenId).map(({ event }) => ({ kind: 'event', id: `${parentId}/${event.id}`, event }));
}

function group(id: string, label: string, icon: GroupIcon, makeChildren: () => EventsTreeNode[], count: number, extra: Partial<Omit<EventGroupNode, 'children'>> = {}): EventGroupNode {
  let children: EventsTreeNode[] | undefined;
  return {
    kind: 'group',
    id,
    label,
    description: plural(count, 'event'),
    icon,
    count,
    get children() {
      return (children ??= makeChildren());
    },
    ...extra,
  };
}

/** Year > month > day; a month-, week- or year-precise event sits at the level its date reaches. */
function groupByDate(items: readonly Dated[]): EventsTreeNode[] {
  const years = new Map<string, Dated[]>();
  const undated: Dated[] = [];
  for (const item of items) {
    if (!item.date) undated.push(item);
    else {
      // Decades and centuries get a group of their own beside the years.
      const key = item.date.precision === 'decade' || item.date.precision === 'century' ? item.date.value : String(item.date.year);
      const list = years.get(key);
      if (list) list.push(item);
      else years.set(key, [item]);
    }
  }
  const roots: Array<{ sortDay: number; node: EventsTreeNode }> = [];
  for (const [key, list] of years) {
    const first = list[0]!.date!;
    const id = `date:${key}`;
    if (first.precision === 'decade' || first.precision === 'century') {
      roots.push({ sortDay: first.startDay, node: group(id, formatEventDate(first), 'calendar', () => eventNodes(id, list), list.length) });
      continue;
    }
    roots.push({ sortDay: first.startDay - 0.5, node: group(id, key, 'calendar', () => yearChildren(id, list), list.length) });
  }
  roots.sort((a, b) => a.sortDay - b.sortDay);
  const nodes = roots.map((r) => r.node);
  if (undated.length) nodes.push(group(`date:${UNDATED_ID}`, 'Undated', 'question', () => eventNodes(`date:${UNDATED_ID}`, undated), undated.length));
  return nodes;
}

function yearChildren(yearId: string, list: readonly Dated[]): EventsTreeNode[] {
  const yearOnly = list.filter((d) => d.date!.month === null);
  const months = new Map<number, Dated[]>();
  for (const d of list) {
    if (d.date!.month === null) continue;
    const l = months.get(d.date!.month);
    if (l) l.push(d);
    else months.set(d.date!.month, [d]);
  }
  const children: EventsTreeNode[] = eventNodes(yearId, yearOnly);
  for (const [month, monthList] of [...months].sort((a, b) => a[0] - b[0])) {
    const monthId = `${yearId}-${String(month).padStart(2, '0')}`;
    const monthOnly = monthList.filter((d) => d.date!.precision === 'month');
    const days = new Map<string, Dated[]>();
    for (const d of monthList) {
      if (d.date!.precision === 'month') continue;
      const l = days.get(d.date!.value);
      if (l) l.push(d);
      else days.set(d.date!.value, [d]);
    }
    const monthChildren: EventsTreeNode[] = eventNodes(monthId, monthOnly);
    for (const dayList of [...days.values()].sort((a, b) => compareEventDates(a[0]!.date, b[0]!.date))) {
      const date = dayList[0]!.date!;
      const dayId = `date:${date.value}`;
      const label = date.precision === 'day' ? `${date.day} ${MONTH_NAMES[date.month! - 1]}` : formatEventDate(date);
      const node = group(dayId, label, 'calendar', () => eventNodes(dayId, dayList), dayList.length);
      if (date.precision === 'day') node.description = `${weekdayName(date)} · ${node.description}`;
      monthChildren.push(node);
    }
    children.push(group(monthId, MONTH_NAMES[month - 1]!, 'calendar', () => monthChildren, monthList.length));
  }
  return children;
}

/** Same person across articles: keyed by entity id when the engine linked one, else by name. */
function participantKeys(event: CorpusEvent): Array<{ key: string; name: string; entityId: string | undefined }> {
  const seen = new Set<string>();
  const keys: Array<{ key: string; name: string; entityId: string | undefined }> = [];
  event.participants.forEach((name, i) => {
    const entityId = event.participantEntityIds[i];
    const key = entityId ?? `name:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    keys.push({ key, name, entityId });
  });
  return keys;
}

function groupByParticipant(items: readonly Dated[], entities: ReadonlyMap<string, Entity>): EventsTreeNode[] {
  const groups = new Map<string, { name: string; entity: Entity | undefined; items: Dated[] }>();
  const nobody: Dated[] = [];
  for (const item of items) {
    const keys = participantKeys(item.event);
    if (keys.length === 0) nobody.push(item);
    for (const k of keys) {
      const g = groups.get(k.key);
      if (g) g.items.push(item);
      else groups.set(k.key, { name: k.entityId ? entities.get(k.entityId)?.name ?? k.name : k.name, entity: k.entityId ? entities.get(k.entityId) : undefined, items: [item] });
    }
  }
  // Most active first: the reader looks for who met most; ties by name.
  const nodes: EventsTreeNode[] = [...groups]
    .sort((a, b) => b[1].items.length - a[1].items.length || a[1].name.localeCompare(b[1].name))
    .map(([key, g]) => {
      const id = `participant:${key}`;
      const node = group(id, g.name, 'person', () => eventNodes(id, g.items), g.items.length);
      if (g.entity) node.entity = g.entity;
      return node;
    });
  if (nobody.length) nodes.push(group('participant:none', 'No named participant', 'question', () => eventNodes('participant:none', nobody), nobody.length));
  return nodes;
}

function groupByArticle(items: readonly Dated[]): EventsTreeNode[] {
  const groups = new Map<string, Dated[]>();
  for (const item of items) {
    for (const path of new Set(item.event.sources.map((s) => s.path))) {
      const list = groups.get(path);
      if (list) list.push(item);
      else groups.set(path, [item]);
    }
  }
  return [...groups]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([path, list]) => {
      const id = `article:${path}`;
      return group(id, path, 'file', () => eventNodes(id, list), list.length, { path });
    });
}

/** The top level of the Events tree. */
export function groupEvents(events: readonly CorpusEvent[], entities: readonly Entity[], grouping: EventsGrouping): EventsTreeNode[] {
  // Thousands of events share a few thousand dates: each is parsed once.
  const dates = new Map<string | null, EventDate | null>();
  const items = events.map((event) => {
    let date = dates.get(event.date);
    if (date === undefined) dates.set(event.date, (date = parseEventDate(event.date)));
    return { event, date };
  });
  switch (grouping) {
    case 'date':
      return groupByDate(items);
    case 'participant':
      return groupByParticipant(items, new Map(entities.map((e) => [e.id, e])));
    case 'article':
      return groupByArticle(items);
  }
}

/** An event's children: its participants, then its source passages in article order. */
export function eventChildren(node: EventNode, entities: ReadonlyMap<string, Entity>): EventsTreeNode[] {
  const participants: EventsTreeNode[] = participantKeys(node.event).map((k) => ({
    kind: 'participant',
    id: `${node.id}/p:${k.key}`,
    name: k.entityId ? entities.get(k.entityId)?.name ?? k.name : k.name,
    entity: k.entityId ? entities.get(k.entityId) : undefined,
  }));
  const sources = [...node.event.sources].sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  return [
    ...participants,
    ...sources.map((source, i): SourceNode => ({ kind: 'source', id: `${node.id}/s:${source.path}:${source.start}`, source, index: i + 1 })),
  ];
}

export function childrenOf(node: EventsTreeNode, entities: ReadonlyMap<string, Entity>): EventsTreeNode[] {
  switch (node.kind) {
    case 'group':
      return node.children;
    case 'event':
      return eventChildren(node, entities);
    default:
      return [];
  }
}
