import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import type { CorpusEvent, Entity } from '../../src/analysis/types';
import { childrenOf, groupEvents, type EventGroupNode, type EventsTreeNode } from '../../src/vscode/views/eventGroups';
import { eventDescription, eventTitle } from '../../src/vscode/views/labels';
import { loadSeeds } from '../helpers/seeds';

const corpus = analyzeCorpus(loadSeeds());
const entities = new Map(corpus.entities.map((e) => [e.id, e]));

function outline(nodes: readonly EventsTreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'group' ? [`${'  '.repeat(depth)}${n.label} (${n.count})`, ...outline(n.children, depth + 1)] : n.kind === 'event' ? [`${'  '.repeat(depth)}* ${eventTitle(n.event)}`] : [],
  );
}

function allIds(nodes: readonly EventsTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(childrenOf(n, entities))]);
}

function event(id: string, date: string | null, participants: string[], sources: Array<[string, number]> = [['a.txt', 0]]): CorpusEvent {
  return {
    id,
    type: 'meeting',
    date,
    location: null,
    participants,
    participantEntityIds: participants.map((p) => `official:${p.toLowerCase().replace(/\s+/g, '-')}`),
    scheduled: false,
    sources: sources.map(([path, start]) => ({ path, start, end: start + 5, text: 'x'.repeat(5) })),
  };
}

describe('Events tree grouping on the seed articles', () => {
  it('groups by year, month and day, undated last', () => {
    expect(outline(groupEvents(corpus.events, corpus.entities, 'date'))).toEqual([
      '2019 (1)',
      '  December (1)',
      '    20 December (1)',
      '      * Meeting in Tokyo',
      '2023 (2)',
      '  May (1)',
      '    19 May (1)',
      '      * Meeting in Hiroshima',
      '  December (1)',
      '    15 December (1)',
      '      * Meeting in Geneva',
      'Undated (4)',
      ...groupEvents(corpus.events, corpus.entities, 'date')
        .find((g): g is EventGroupNode => g.kind === 'group' && g.label === 'Undated')!
        .children.map(() => expect.stringMatching(/^  \* (Meeting in Tokyo|Phone call|Visit to Jerusalem|Meeting in Tokyo \(planned\))$/)),
    ]);
  });

  it('groups by participant, most active first, an event under each of its people', () => {
    const groups = groupEvents(corpus.events, corpus.entities, 'participant') as EventGroupNode[];
    expect(groups[0]).toMatchObject({ label: 'Hossein Amir-Abdollahian', count: 4, icon: 'person' });
    expect(groups[1]).toMatchObject({ label: 'Yoshimasa Hayashi', count: 3 });
    const blinken = groups.find((g) => g.label === 'Antony Blinken')!;
    const hayashi = groups.find((g) => g.label === 'Yoshimasa Hayashi')!;
    const hiroshima = corpus.events.find((e) => e.location === 'Hiroshima')!;
    for (const g of [blinken, hayashi]) expect(g.children.some((c) => c.kind === 'event' && c.event.id === hiroshima.id)).toBe(true);
    expect(blinken.entity?.country).toBe('United States of America');
  });

  it('groups by article, with the article path', () => {
    const groups = groupEvents(corpus.events, corpus.entities, 'article') as EventGroupNode[];
    expect(groups.map((g) => g.label)).toEqual(loadSeeds().map((s) => s.path));
    expect(groups[0]).toMatchObject({ count: 3, icon: 'file', path: 'seeds/000_fba3dbbe9291c0be.txt' });
  });

  it('gives an event its participants, then its source passages in article order', () => {
    const dated = groupEvents(corpus.events, corpus.entities, 'article') as EventGroupNode[];
    const geneva = dated.flatMap((g) => g.children).find((n) => n.kind === 'event' && n.event.location === 'Geneva')!;
    const children = childrenOf(geneva, entities);
    expect(children.filter((c) => c.kind === 'participant').map((c) => c.kind === 'participant' && c.name)).toEqual(['Yoko Kamikawa', 'Hossein Amir-Abdollahian']);
    const sources = children.filter((c) => c.kind === 'source');
    expect(sources.length).toBe(2);
    for (const s of sources) {
      if (s.kind !== 'source') continue;
      const text = loadSeeds().find((d) => d.path === s.source.path)!.text;
      expect(text.slice(s.source.start, s.source.end)).toBe(s.source.text);
    }
    if (geneva.kind === 'event') expect(eventDescription(geneva.event)).toBe('Yoko Kamikawa and Hossein Amir-Abdollahian · 15 December 2023');
  });

  it('keeps every node id unique in every grouping (VS Code keys expansion state on them)', () => {
    for (const g of ['date', 'participant', 'article'] as const) {
      const ids = allIds(groupEvents(corpus.events, corpus.entities, g));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('Events tree grouping of other shapes', () => {
  const people: Entity[] = [];

  it('puts month- and year-precise events at the level their date reaches, and weeks under their month', () => {
    const events = [event('e1', '2024-03', ['Olaf Scholz']), event('e2', '2024', ['Olaf Scholz']), event('e3', '2024-03-08', ['Olaf Scholz']), event('e4', '2024-W10', ['Olaf Scholz'])];
    expect(outline(groupEvents(events, people, 'date'))).toEqual([
      '2024 (4)',
      '  * Meeting',
      '  March (3)',
      '    * Meeting',
      '    week of 4 March 2024 (1)',
      '      * Meeting',
      '    8 March (1)',
      '      * Meeting',
    ]);
  });

  it('puts decades beside years and events without participants in their own group', () => {
    const events = [event('e1', '199', []), event('e2', '1995-06-01', ['Nelson Mandela'])];
    expect(outline(groupEvents(events, people, 'date'))).toEqual(['the 1990s (1)', '  * Meeting', '1995 (1)', '  June (1)', '    1 June (1)', '      * Meeting']);
    const byPerson = groupEvents(events, people, 'participant') as EventGroupNode[];
    expect(byPerson.map((g) => g.label)).toEqual(['Nelson Mandela', 'No named participant']);
  });

  it('lists an event reported by two articles under both', () => {
    const events = [event('e1', null, ['Ursula von der Leyen', 'Luiz Inácio Lula da Silva'], [['eu/brussels.md', 10], ['br/brasilia.txt', 40]])];
    const groups = groupEvents(events, people, 'article') as EventGroupNode[];
    expect(groups.map((g) => `${g.label}:${g.count}`)).toEqual(['br/brasilia.txt:1', 'eu/brussels.md:1']);
  });

  it('is empty for no events', () => {
    for (const g of ['date', 'participant', 'article'] as const) expect(groupEvents([], people, g)).toEqual([]);
  });

  it("makes a group's children once, when the group is opened, and gives the same nodes each time", () => {
    const events = Array.from({ length: 50 }, (_, i) => event(`e${i}`, `2024-0${1 + (i % 3)}-1${i % 9}`, ['Nelson Mandela']));
    const [year] = groupEvents(events, people, 'date') as EventGroupNode[];
    expect(year).toMatchObject({ label: '2024', count: 50 });
    const months = year!.children;
    expect(year!.children).toBe(months);
    expect(months.map((m) => (m as EventGroupNode).label)).toEqual(['January', 'February', 'March']);
    expect(childrenOf(year!, entities)).toBe(months);
  });
});
