import { describe, expect, it } from 'vitest';
import { linkEntities } from '../../src/analysis/entities';
import { findOfficials } from '../../src/analysis/officials';
import type { OfficialMention } from '../../src/analysis/types';

function link(...texts: string[]) {
  const perDocument = texts.map((t) => findOfficials(t));
  return { perDocument, ...linkEntities(perDocument) };
}

const mention = (name: string, entityId: string, title: string | null = null, country: string | null = null): OfficialMention => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  title,
  country,
  entityId,
});

describe('linkEntities', () => {
  it('links hyphen and space spellings to one entity named with the hyphen', () => {
    const { entities, byLocalId, perDocument } = link(
      'Iran’s Foreign Minister Hossein Amir-Abdollahian met his Japanese counterpart. Amir-Abdollahian left.',
      'She met Hossein Amir Abdollahian, the Foreign Minister of Iran. Amir Abdollahian spoke.',
    );
    const iranian = entities.filter((e) => e.name.includes('Abdollahian'));
    expect(iranian).toEqual([
      { id: 'official:hossein-amir-abdollahian', name: 'Hossein Amir-Abdollahian', title: 'Foreign Minister', country: 'Iran', mentions: 4 },
    ]);
    for (const m of perDocument.flat()) expect(byLocalId.get(m.entityId)).toBe(iranian[0]);
  });

  it('links apostrophe and diacritic variants ("Sa’ar" / "Saar", "José" / "Jose")', () => {
    const { entities } = link(
      'Israeli Foreign Minister Gideon Sa’ar said so.',
      'Foreign Minister Gideon Saar of Israel replied.',
      'Spanish Foreign Minister José Manuel Ortiz spoke.',
      'Foreign Minister Jose Manuel Ortiz of Spain agreed.',
    );
    expect(entities.map((e) => [e.name, e.mentions])).toEqual([
      ['Gideon Sa’ar', 2],
      ['José Manuel Ortiz', 2],
    ]);
  });

  it('links a story that only says "Mr Okafor" to the corpus’s Daniel Okafor', () => {
    const { entities, byLocalId, perDocument } = link(
      'UK Foreign Secretary Daniel Okafor has defended plans to lift the ban. Mr Okafor said so.',
      'Foreign Secretary Mr Okafor said the levy was justified. Mr Okafor insisted.',
    );
    expect(entities).toEqual([{ id: 'official:daniel-okafor', name: 'Daniel Okafor', title: 'Foreign Secretary', country: 'United Kingdom', mentions: 4 }]);
    expect(perDocument[1]!.map((m) => byLocalId.get(m.entityId)?.name)).toEqual(['Daniel Okafor', 'Daniel Okafor']);
  });

  it('links a story that names someone by the first word of the name', () => {
    const { entities } = link('Indonesian President Prabowo Subianto arrived.', 'President Prabowo said Indonesia would stay neutral.');
    expect(entities.map((e) => [e.name, e.mentions])).toEqual([['Prabowo Subianto', 2]]);
    const royals = link('King Charles spoke at the banquet.', 'European Council President Charles Michel replied.');
    expect(royals.entities.map((e) => e.name)).toEqual(['Charles', 'Charles Michel']);
  });

  it('leaves an ambiguous surname alone and keeps different countries apart', () => {
    const { entities } = link(
      'US President George W Bush spoke.',
      'Florida Governor Jeb Bush spoke.',
      'President Bush said little.',
    );
    expect(entities.map((e) => e.name).sort()).toEqual(['Bush', 'George W Bush', 'Jeb Bush']);
    const apart = linkEntities([[mention('Li Wei', 'official:li-wei', 'Minister', 'China')], [mention('Li', 'official:li', 'Minister', 'Singapore')]]);
    expect(apart.entities).toHaveLength(2);
  });

  it('takes the most frequent title and country, and counts every mention', () => {
    const { entities } = linkEntities([
      [mention('Shinzo Abe', 'official:shinzo-abe', 'Prime Minister', 'Japan'), mention('Abe', 'official:shinzo-abe', 'Prime Minister', 'Japan')],
      [mention('Shinzo Abe', 'official:shinzo-abe', 'former Prime Minister', null)],
    ]);
    expect(entities).toEqual([{ id: 'official:shinzo-abe', name: 'Shinzo Abe', title: 'Prime Minister', country: 'Japan', mentions: 3 }]);
  });

  it('keeps the first-met title on a tie among many titles (a long tally), and joins short names across them', () => {
    // Twenty documents, each with its own title for the same person, then two more with a repeated one.
    const titles = Array.from({ length: 20 }, (_, i) => `Special Envoy ${i + 1}`);
    const perDocument = titles.map((title) => [mention('Amina Yusuf', 'official:amina-yusuf', title, 'Nigeria')]);
    const tie = linkEntities(perDocument);
    expect(tie.entities).toEqual([{ id: 'official:amina-yusuf', name: 'Amina Yusuf', title: 'Special Envoy 1', country: 'Nigeria', mentions: 20 }]);
    const repeated = linkEntities([...perDocument, [mention('Yusuf', 'official:yusuf', 'Special Envoy 17', null)], [mention('Amina Yusuf', 'official:amina-yusuf', 'Special Envoy 17', 'Nigeria')]]);
    expect(repeated.entities).toEqual([{ id: 'official:amina-yusuf', name: 'Amina Yusuf', title: 'Special Envoy 17', country: 'Nigeria', mentions: 22 }]);
    expect(repeated.byLocalId.get('official:yusuf')?.id).toBe('official:amina-yusuf');
  });

  it('handles no documents and no officials', () => {
    const none = linkEntities([]);
    expect(none.entities).toEqual([]);
    expect(none.byLocalId).toEqual(new Map());
    expect(linkEntities([[], []]).entities).toEqual([]);
  });
});
