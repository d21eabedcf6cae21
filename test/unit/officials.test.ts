import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOfficials } from '../../src/analysis/officials';
import type { OfficialMention } from '../../src/analysis/types';

const seed = (name: string) => readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8');
const brief = (list: OfficialMention[]) => list.map((o) => [o.text, o.name, o.title, o.country]);
const names = (text: string) => findOfficials(text).map((o) => o.name);

describe('findOfficials: titles before the name', () => {
  it('reads a possessive country, a title and a hyphenated name', () => {
    const text = 'Iran’s Foreign Minister Hossein Amir-Abdollahian met with his Japanese counterpart, Yoshimasa Hayashi, during a visit to Tokyo on Monday.';
    expect(brief(findOfficials(text))).toEqual([
      ['Hossein Amir-Abdollahian', 'Hossein Amir-Abdollahian', 'Foreign Minister', 'Iran'],
      // The counterpart of a foreign minister is a foreign minister.
      ['Yoshimasa Hayashi', 'Yoshimasa Hayashi', 'Foreign Minister', 'Japan'],
    ]);
  });

  it('keeps the host country in "Ambassador to Japan" and serves the demonym country', () => {
    const text = 'Israeli Ambassador to Japan Gilad Cohen explained the goal. Ambassador Cohen shed light on it, and Cohen says more is coming.';
    const found = findOfficials(text);
    expect(found.map((o) => o.text)).toEqual(['Gilad Cohen', 'Cohen', 'Cohen']);
    expect(found.every((o) => o.title === 'Ambassador to Japan' && o.country === 'Israel')).toBe(true);
    expect(new Set(found.map((o) => o.entityId))).toEqual(new Set(['official:gilad-cohen']));
  });

  it('handles "Visiting Iranian President" and later bare surnames', () => {
    const text =
      ' date 2019-12-20 Visiting Iranian President Hassan Rouhani met Prime Minister Shinzo Abe on Friday in Tokyo.\n\nRouhani is in Japan. “This is important,” Rouhani told Abe at the Prime Minister’s Office in Tokyo.';
    expect(brief(findOfficials(text))).toEqual([
      ['Hassan Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Shinzo Abe', 'Shinzo Abe', 'Prime Minister', null],
      ['Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Abe', 'Shinzo Abe', 'Prime Minister', null],
    ]);
  });

  it('reads UK titles, shadow ministers and "Mr" short forms', () => {
    const text =
      'UK Home Secretary Amelia Crane has defended the bill. Mrs Crane, visiting Leeds, noted the figures. Labour shadow home secretary Daniel Okafor said the move would be "deeply wrong". Mr Okafor argued.';
    expect(brief(findOfficials(text))).toEqual([
      ['Amelia Crane', 'Amelia Crane', 'Home Secretary', 'United Kingdom'],
      ['Crane', 'Amelia Crane', 'Home Secretary', 'United Kingdom'],
      ['Daniel Okafor', 'Daniel Okafor', 'shadow home secretary', null],
      ['Okafor', 'Daniel Okafor', 'shadow home secretary', null],
    ]);
  });

  it('links "Ms Price" with a title back to "Ann Price" named earlier without one', () => {
    const text = 'Earlier Conservative Ann Price said the levy was a test. Shadow trade minister Ms Price said: "I believe it is essential."';
    const found = findOfficials(text);
    expect(found.map((o) => [o.text, o.name])).toEqual([
      ['Ann Price', 'Ann Price'],
      ['Price', 'Ann Price'],
    ]);
    expect(found[0]!.title).toBe('Shadow trade minister');
  });

  it('links many short cues in one document to the full names named earlier, document after document', () => {
    // Past a few such questions a document indexes its name words by hash: each document gets its own index.
    const articleOf = (people: Array<[string, string]>) =>
      people.map(([g, f]) => `Earlier the veteran ${g} ${f} spoke at the forum about trade.`).join(' ') +
      ' ' +
      people.map(([, f]) => `Shadow trade minister Ms ${f} said the levy was a test.`).join(' ');
    const first: Array<[string, string]> = [['Ann', 'Price'], ['Tomasz', 'Kowalczyk'], ['Adaeze', 'Okonkwo'], ['Rahul', 'Mehta'], ['Ingrid', 'Solberg'], ['Kenji', 'Sato']];
    const second: Array<[string, string]> = [['Lwazi', 'Dlamini'], ['Olga', 'Petrova'], ['Hamid', 'Karimi'], ['Siobhan', 'Walsh'], ['Chidi', 'Eze'], ['Marta', 'Novak']];
    for (const people of [first, second, first]) {
      const found = findOfficials(articleOf(people));
      const short = found.filter((o) => !o.text.includes(' ')).map((o) => [o.text, o.name]);
      expect(short).toEqual(people.map(([g, f]) => [f, `${g} ${f}`]));
    }
  });

  it('reads lower-case titles of a body: "EU Commission president", "EU trade commissioner"', () => {
    expect(brief(findOfficials('EU Commission president Lena Vogt has indicated she wants the scheme to end.'))).toEqual([
      ['Lena Vogt', 'Lena Vogt', 'EU Commission president', 'European Union'],
    ]);
    const text = '"We have said as much," said Marc Duval-Roche, a spokesman for EU energy commissioner Ilse Brandt.';
    expect(names(text)).toEqual(['Marc Duval-Roche', 'Ilse Brandt']);
  });

  it('reads hyphenated and former titles', () => {
    const text =
      'Vice-Prime Minister Petro Hlynka called on the EU. It included Ivan Moroz, a nephew of former-President Savchuk. Moldova ousted long-serving leader Andrii Savchuk.';
    const found = findOfficials(text);
    expect(brief(found)).toEqual([
      ['Petro Hlynka', 'Petro Hlynka', 'Vice-Prime Minister', null],
      ['Savchuk', 'Andrii Savchuk', 'former President', null],
      ['Andrii Savchuk', 'Andrii Savchuk', 'former President', null],
    ]);
  });

  it('reads US Congress styles', () => {
    const text = 'Sen. Elizabeth Warren (D-Mass.) questioned the nominee. Rep. Alexandria Ocasio-Cortez agreed, and Warren said the vote would be close.';
    expect(findOfficials(text).map((o) => [o.text, o.name, o.title])).toEqual([
      ['Elizabeth Warren', 'Elizabeth Warren', 'Sen'],
      ['Alexandria Ocasio-Cortez', 'Alexandria Ocasio-Cortez', 'Rep'],
      ['Warren', 'Elizabeth Warren', 'Sen'],
    ]);
  });

  it('reads German, Saudi and Dutch names with particles', () => {
    expect(names('German Chancellor Olaf Scholz met Commission President Ursula von der Leyen in Berlin.')).toEqual([
      'Olaf Scholz',
      'Ursula von der Leyen',
    ]);
    const saudi = findOfficials('Saudi Crown Prince Mohammed bin Salman received the envoy. Later, bin Salman spoke.');
    expect(brief(saudi)).toEqual([
      ['Mohammed bin Salman', 'Mohammed bin Salman', 'Crown Prince', 'Saudi Arabia'],
      ['bin Salman', 'Mohammed bin Salman', 'Crown Prince', 'Saudi Arabia'],
    ]);
    expect(names('Syrian President Bashar al-Assad said Assad would stay.')).toEqual(['Bashar al-Assad', 'Bashar al-Assad']);
  });

  it('keeps Chinese and Korean family-name-first names as written and shortens them to the family name', () => {
    const text = 'Chinese President Xi Jinping hosted South Korean President Moon Jae-in. Xi said the talks were useful; Moon agreed.';
    expect(brief(findOfficials(text))).toEqual([
      ['Xi Jinping', 'Xi Jinping', 'President', 'China'],
      ['Moon Jae-in', 'Moon Jae-in', 'President', 'South Korea'],
      ['Xi', 'Xi Jinping', 'President', 'China'],
      ['Moon', 'Moon Jae-in', 'President', 'South Korea'],
    ]);
    expect(names('He will meet Chinese counterpart Minister Zhang Wei in Beijing.')).toEqual(['Zhang Wei']);
  });

  it('reads French particles, dotted initials and people named like countries', () => {
    const text = 'French Foreign Minister Dominique de Villepin spoke. Foreign Minister de Villepin said no. De Villepin left.';
    expect(findOfficials(text).map((o) => [o.text, o.name])).toEqual([
      ['Dominique de Villepin', 'Dominique de Villepin'],
      ['de Villepin', 'Dominique de Villepin'],
      ['De Villepin', 'Dominique de Villepin'],
    ]);
    expect(names('Former President George H.W. Bush died. Bush was 94.')).toEqual(['George H.W. Bush', 'George H.W. Bush']);
    expect(brief(findOfficials('Israeli Defence Minister Israel Katz said the operation would go on.'))).toEqual([
      ['Israel Katz', 'Israel Katz', 'Defence Minister', 'Israel'],
    ]);
  });

  it('reads Indian and Spanish names, initials and double surnames', () => {
    expect(names('External Affairs Minister S. Jaishankar said India would respond.')).toEqual(['S. Jaishankar']);
    const mx = findOfficials('Mexican President Andrés Manuel López Obrador spoke. López Obrador later left.');
    expect(mx.map((o) => [o.text, o.name, o.country])).toEqual([
      ['Andrés Manuel López Obrador', 'Andrés Manuel López Obrador', 'Mexico'],
      ['López Obrador', 'Andrés Manuel López Obrador', 'Mexico'],
    ]);
  });

  it('leaves a quoted nickname out of the canonical name', () => {
    expect(findOfficials('Governor Robert "Bob" Hale spoke. Hale left.').map((o) => [o.text, o.name])).toEqual([
      ['Robert "Bob" Hale', 'Robert Hale'],
      ['Hale', 'Robert Hale'],
    ]);
  });

  it('reads one plural title before several names', () => {
    expect(brief(findOfficials('Foreign Ministers Yoko Kamikawa and Antony Blinken met in Tokyo. Kamikawa said ties were strong.'))).toEqual([
      ['Yoko Kamikawa', 'Yoko Kamikawa', 'Foreign Minister', null],
      ['Antony Blinken', 'Antony Blinken', 'Foreign Minister', null],
      ['Kamikawa', 'Yoko Kamikawa', 'Foreign Minister', null],
    ]);
    expect(names('Senators Elizabeth Warren, Bernie Sanders and Cory Booker wrote a letter.')).toEqual(['Elizabeth Warren', 'Bernie Sanders', 'Cory Booker']);
    expect(findOfficials('Photo session before the Japan-U.S. Foreign Ministers’ Meeting. The two ministers concurred. Iran-Japan Foreign Ministers hold talks.')).toEqual([]);
  });

  it('reads military ranks and "President X of Country"', () => {
    const text = 'Reform is overdue, President Ortega of Nicaragua has said. "We are ready," said General Ortega. Gen Ortega told reporters more.';
    const found = findOfficials(text);
    expect(found.map((o) => o.text)).toEqual(['Ortega', 'Ortega', 'Ortega']);
    expect(found[0]!.title).toBe('President');
    expect(found[0]!.country).toBe('Nicaragua');
  });
});

describe('findOfficials: appositions and other cues', () => {
  it('reads "X, the Foreign Minister of Iran" and family names in capitals', () => {
    const text =
      'Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a meeting with the Honorable Antony Blinken, Secretary of State of the United States of America, who is visiting Japan. Minister Hayashi welcomed Secretary Blinken.';
    expect(brief(findOfficials(text))).toEqual([
      ['HAYASHI Yoshimasa', 'Yoshimasa Hayashi', 'Minister for Foreign Affairs', 'Japan'],
      ['Antony Blinken', 'Antony Blinken', 'Secretary of State', 'United States of America'],
      ['Hayashi', 'Yoshimasa Hayashi', 'Minister for Foreign Affairs', 'Japan'],
      ['Blinken', 'Antony Blinken', 'Secretary of State', 'United States of America'],
    ]);
  });

  it('reads "X as Japan’s Prime Minister" and "his predecessor, X"', () => {
    expect(brief(findOfficials('With the recent election of Sanae Takaichi as Japan’s Prime Minister, experts expect change.'))).toEqual([
      ['Sanae Takaichi', 'Sanae Takaichi', 'Prime Minister', 'Japan'],
    ]);
    const text = 'Last year, U.S. President Donald Trump withdrew from the deal to erase a legacy left by his predecessor, Barack Obama.';
    expect(brief(findOfficials(text))).toEqual([
      ['Donald Trump', 'Donald Trump', 'President', 'United States'],
      ['Barack Obama', 'Barack Obama', 'former President', 'United States'],
    ]);
  });

  it('links an alias: "Omar Haddad, also known as Abu Karim"', () => {
    const text =
      'The envoy held talks with the Palestinian leader, Omar Haddad. The meeting will shore up the position of Omar Haddad, also known as Abu Karim, who is expected to win. Mr Haddad said more.';
    const found = findOfficials(text);
    expect(found.map((o) => [o.text, o.name])).toEqual([
      ['Omar Haddad', 'Omar Haddad'],
      ['Omar Haddad', 'Omar Haddad'],
      ['Abu Karim', 'Omar Haddad'],
      ['Haddad', 'Omar Haddad'],
    ]);
    expect(found[0]!.country).toBe('Palestine');
  });

  it('names the holder of a title given alone when the next sentence opens with the name', () => {
    const text =
      "It follows remarks by Chile's Ambassador to Peru, who said the talks would resume soon. Dr Elena Rojas said both sides wanted a deal.";
    expect(brief(findOfficials(text))).toEqual([['Elena Rojas', 'Elena Rojas', 'Ambassador to Peru', 'Chile']]);
    // Not when the next sentence's name is someone introduced for another reason.
    expect(findOfficials("Israel's prime minister has apologised. John Smith, an analyst, disagreed.")).toEqual([]);
  });

  it('takes whoever has a foreign counterpart for an official', () => {
    const text = 'Ana Ruiz also agreed with her Peruvian counterpart Luis Alberto Vega to reopen the border. Ms Ruiz had only expressed regret.';
    expect(findOfficials(text).map((o) => [o.text, o.name, o.country])).toEqual([
      ['Ana Ruiz', 'Ana Ruiz', null],
      ['Luis Alberto Vega', 'Luis Alberto Vega', 'Peru'],
      ['Ruiz', 'Ana Ruiz', null],
    ]);
  });

  it('does not infer offices from a business counterpart', () => {
    expect(findOfficials('Apple chief Tim Cook met his Chinese counterpart Li Wei in Beijing.')).toEqual([]);
  });

  it('tells two people with one family name apart by the title before the short form', () => {
    const text =
      'President Yoon Suk Yeol said North Korean leader Kim Jong Un is the main threat. Yoon met Unification Minister Kim Yung-ho. Kim Jong Un said the North would expand its arsenal. Minister Kim said dialogue remained open.';
    const found = findOfficials(text);
    expect(found.map((o) => [o.text, o.name, o.title])).toEqual([
      ['Yoon Suk Yeol', 'Yoon Suk Yeol', 'President'],
      ['Kim Jong Un', 'Kim Jong Un', 'leader'],
      ['Yoon', 'Yoon Suk Yeol', 'President'],
      ['Kim Yung-ho', 'Kim Yung-ho', 'Unification Minister'],
      ['Kim Jong Un', 'Kim Jong Un', 'leader'],
      ['Kim', 'Kim Yung-ho', 'Unification Minister'],
    ]);
  });

  it('reads Gulf styles and joint offices', () => {
    const text = "Qatar's Prime Minister and Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani said mediation continued.";
    expect(brief(findOfficials(text))).toEqual([
      ['Mohammed bin Abdulrahman Al Thani', 'Mohammed bin Abdulrahman Al Thani', 'Prime Minister and Foreign Minister', 'Qatar'],
    ]);
    expect(names("Iran's Supreme Leader Ayatollah Ali Khamenei said the resistance would win. Khamenei spoke for an hour.")).toEqual([
      'Ali Khamenei',
      'Ali Khamenei',
    ]);
  });

  it('reads members of legislatures and party bodies, not members of the public', () => {
    expect(names('Wang Yi, member of the Political Bureau of the CPC Central Committee, met the visitors. Wang said ties were strong.')).toEqual([
      'Wang Yi',
      'Wang Yi',
    ]);
    expect(findOfficials('John Brown, a member of the public, said he saw the crash.')).toEqual([]);
  });

  it('reads Guardian and AP styles: "the country’s foreign minister", ages, formal commas, bodies in complements', () => {
    expect(brief(findOfficials('"We are ready," said Penny Wong, the country’s foreign minister.'))).toEqual([
      ['Penny Wong', 'Penny Wong', 'foreign minister', null],
    ]);
    expect(names('Tom Hale, 58, the foreign secretary, said so.')).toEqual(['Tom Hale']);
    expect(names('Minister for Foreign Affairs, Penny Wong, said the talks went well.')).toEqual(['Penny Wong']);
    expect(names('The Kremlin’s spokesman Dmitry Peskov said Moscow would respond.')).toEqual(['Dmitry Peskov']);
    expect(brief(findOfficials('Speaker of the House Mike Johnson said the vote would proceed.'))).toEqual([
      ['Mike Johnson', 'Mike Johnson', 'Speaker of the House', null],
    ]);
    expect(findOfficials('President of the European Commission Ursula von der Leyen agreed.')[0]).toMatchObject({
      name: 'Ursula von der Leyen',
      country: 'European Union',
    });
    expect(names('Mr. Kishida, the Japanese prime minister, was silent.')).toEqual(['Kishida']);
    expect(names('King Charles III met the prime minister.')).toEqual(['Charles III']);
  });

  it('does not take a job noun, a lone first name or a headline verb for a name', () => {
    expect(findOfficials('General Manager John Smith said the team would improve.')).toEqual([]);
    expect(findOfficials('The Prime Minister, John said, was late.')).toEqual([]);
    expect(names('Japan’s Foreign Minister Meets Iranian Counterpart\n\nJapanese Foreign Minister Yoko Kamikawa met him.')).toEqual(['Yoko Kamikawa']);
  });

  it('finds the country of an official from a group or a later title-only mention', () => {
    const group = findOfficials(
      'Japanese Foreign Minister Toshimitsu Motegi visited Jerusalem, meeting Israeli officials including Prime Minister Benjamin Netanyahu and Foreign Minister Gideon Sa’ar.',
    );
    expect(group.map((o) => [o.name, o.country])).toEqual([
      ['Toshimitsu Motegi', 'Japan'],
      ['Benjamin Netanyahu', 'Israel'],
      ['Gideon Sa’ar', 'Israel'],
    ]);
    const later = findOfficials('Rouhani met Prime Minister Shinzo Abe in Tokyo. It follows Abe’s trip to Tehran, the first visit by a Japanese prime minister to Iran in 41 years.');
    expect(later.map((o) => [o.text, o.country])).toEqual([
      ['Shinzo Abe', 'Japan'],
      ['Abe', 'Japan'],
    ]);
    // The official's title is matched to the title-only mention as its key: any casing, "former" and
    // "to <place>" left out; another title is another office.
    const countryWithTitle = (title: string, mention: string) =>
      findOfficials(`Rouhani met ${title} Shinzo Abe in Tokyo. It follows Abe’s trip to Tehran, the first visit by a Japanese ${mention} to Iran in 41 years.`)[0]?.country;
    expect(countryWithTitle('PRIME MINISTER', 'prime minister')).toBe('Japan');
    expect(countryWithTitle('former Prime Minister', 'prime minister')).toBe('Japan');
    expect(countryWithTitle('Defence Minister', 'defence minister')).toBe('Japan');
    expect(countryWithTitle('Defence Minister', 'prime minister')).toBeNull();
    expect(findOfficials('Ambassador to Peru Elena Rojas arrived on Monday. Rojas met officials on the first visit by a Chilean ambassador in a decade.')[0]?.country).toBe('Chile');
    // Not when the title-only mention is someone else's: Japan's foreign minister is Motegi, not Sa’ar.
    const other = findOfficials('Japan’s Foreign Minister has arrived. Japanese Foreign Minister Toshimitsu Motegi met Foreign Minister Gideon Sa’ar.');
    expect(other.map((o) => [o.name, o.country])).toEqual([
      ['Toshimitsu Motegi', 'Japan'],
      ['Gideon Sa’ar', null],
    ]);
  });

  it('links a first-name short form used with a title ("President Prabowo")', () => {
    const text = 'Prabowo Subianto won the vote. President Prabowo said Indonesia would stay neutral. Prabowo later left.';
    expect(findOfficials(text).map((o) => [o.text, o.name])).toEqual([
      ['Prabowo Subianto', 'Prabowo Subianto'],
      ['Prabowo', 'Prabowo Subianto'],
      ['Prabowo', 'Prabowo Subianto'],
    ]);
  });

  it('reads Gulf, Vietnamese, Ethiopian, Kenyan and Chilean naming customs', () => {
    const gulf = 'Prince Turki bin Ali Al Saud, the Foreign Minister, arrived. Prince Turki said the kingdom would help. Turki left on Monday.';
    expect(findOfficials(gulf).map((o) => [o.text, o.name])).toEqual([
      ['Turki bin Ali Al Saud', 'Turki bin Ali Al Saud'],
      ['Turki', 'Turki bin Ali Al Saud'],
      ['Turki', 'Turki bin Ali Al Saud'],
    ]);
    expect(names('Deputy Minister for Political Affairs Faisal bin Nasser Al-Qahtani met the delegation. Al-Qahtani said talks were useful.')).toEqual([
      'Faisal bin Nasser Al-Qahtani',
      'Faisal bin Nasser Al-Qahtani',
    ]);
    expect(findOfficials('Vietnamese Deputy Foreign Minister Tran Quoc Hung met the envoy. Hung said ties were good.').map((o) => o.text)).toEqual([
      'Tran Quoc Hung',
      'Hung',
    ]);
    const ethiopia = findOfficials('Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto. Mr Abiy said the dam was vital. Abiy later flew home; Ruto stayed.');
    expect(ethiopia.map((o) => [o.text, o.name])).toEqual([
      ['Abiy Ahmed', 'Abiy Ahmed'],
      ['William Ruto', 'William Ruto'],
      ['Abiy', 'Abiy Ahmed'],
      ['Abiy', 'Abiy Ahmed'],
      ['Ruto', 'William Ruto'],
    ]);
    expect(brief(findOfficials('Cabinet Secretary for Foreign and Diaspora Affairs Wanjiru Kamau-Otieno spoke.'))).toEqual([
      ['Wanjiru Kamau-Otieno', 'Wanjiru Kamau-Otieno', 'Cabinet Secretary for Foreign and Diaspora Affairs', null],
    ]);
    expect(findOfficials('Chilean Foreign Minister Andrés Ignacio Soto Valdivia arrived. Soto said the talks went well.').map((o) => [o.text, o.name])).toEqual([
      ['Andrés Ignacio Soto Valdivia', 'Andrés Ignacio Soto Valdivia'],
      ['Soto', 'Andrés Ignacio Soto Valdivia'],
    ]);
    expect(names('Dutch MEP Joost van der Meulen signed the letter. Van der Meulen said so.')).toEqual(['Joost van der Meulen', 'Joost van der Meulen']);
    // A first name alone is not the official without an honorific or title using it.
    expect(findOfficials('US President Joe Biden spoke. Joe, a farmer, disagreed.').map((o) => o.text)).toEqual(['Joe Biden']);
  });

  it('puts the given name first for a Japanese official written family name first and called by it', () => {
    const text = 'Japanese Foreign Minister Sato Kenji met his counterpart. Minister Sato said talks were useful. Sato left.';
    expect(findOfficials(text).map((o) => [o.text, o.name])).toEqual([
      ['Sato Kenji', 'Kenji Sato'],
      ['Sato', 'Kenji Sato'],
      ['Sato', 'Kenji Sato'],
    ]);
    // Given name first already: nothing to turn round.
    expect(findOfficials('Japanese Foreign Minister Kenji Sato met them. Sato left.').map((o) => o.name)).toEqual(['Kenji Sato', 'Kenji Sato']);
  });

  it('reads ranks, bracketed titles and relative clauses', () => {
    expect(names('Lt Gen John Smith and Lieutenant General Jane Doe spoke. Rear Admiral Bob Lee agreed.')).toEqual(['John Smith', 'Jane Doe', 'Bob Lee']);
    expect(brief(findOfficials('Ms. Yoko Kamikawa (Minister for Foreign Affairs of Japan) attended the session.'))).toEqual([
      ['Yoko Kamikawa', 'Yoko Kamikawa', 'Minister for Foreign Affairs', 'Japan'],
    ]);
    expect(names('Tom Hale, who is the foreign secretary, said so. Tim Walz, who serves as governor of Minnesota, agreed.')).toEqual([
      'Tom Hale',
      'Tim Walz',
    ]);
    expect(findOfficials('John Smith (a teacher) said the talks (in Tokyo) ended.')).toEqual([]);
  });

  it('reads post-nominal MP and district attorneys', () => {
    expect(names('The motion was tabled by Diane Abbott MP on Tuesday.')).toEqual(['Diane Abbott']);
    expect(names('He pleaded guilty, Kings County District Attorney Maria Delgado announced. Delgado said more.')).toEqual([
      'Maria Delgado',
      'Maria Delgado',
    ]);
  });
});

describe('findOfficials: what is not an official', () => {
  it('rejects photo credits, bylines and author bios', () => {
    expect(findOfficials('ISSEI KATO/AFP via Getty Images')).toEqual([]);
    expect(findOfficials('By John Smith, Reuters\n\nAqsa Bibi is a dedicated undergraduate student pursuing a Bachelor of Science.')).toEqual([]);
  });

  it('rejects NGO people, journalists and anonymous or title-only references', () => {
    const text =
      'Nadia Perez, from Amnesty International, said: "This is a grave step." Reuters\' Tom Baker says the summit matters. In an interview with the paper\'s diplomatic editor Sarah Lin, an official said nothing. The Japanese official agreed, and his counterpart declined.';
    expect(findOfficials(text)).toEqual([]);
  });

  it('rejects private offices: company chairmen, union presidents, lawyers', () => {
    expect(findOfficials('Shell chairman Pieter Janssen said the firm would recover.')).toEqual([]);
    expect(findOfficials('Carla Moss, the president of the American Association of Dentists, said she had waited long enough.')).toEqual([]);
    expect(findOfficials('Her attorney, Martin Greer, said she had been unaware of the plan.')).toEqual([]);
    expect(findOfficials('Chen Lu, the spokeswoman for the National Women\'s Council, said she would attend.')).toEqual([
      expect.objectContaining({ text: 'Chen Lu' }),
    ]);
  });

  it('tells public from private roles in business, sport and courts', () => {
    const text =
      'Manchester United manager Erik ten Hag said his side deserved the win. Club chairman Joel Glazer was absent. Apple Chief Executive Tim Cook said sales rose, while Microsoft President Brad Smith warned about AI. Tesla CEO Elon Musk posted on X. Federal Reserve Chair Jerome Powell said rates would stay high. Defense attorney Abbe Lowell said his client was innocent. Police Chief Michael Chitwood said the suspect was arrested.';
    expect(brief(findOfficials(text))).toEqual([
      ['Jerome Powell', 'Jerome Powell', 'Federal Reserve Chair', null],
      ['Michael Chitwood', 'Michael Chitwood', 'Police Chief', null],
    ]);
    expect(names('Dr. Anthony Fauci, the former director of the National Institute of Allergy and Infectious Diseases, spoke. Fauci said vaccines work.')).toEqual([
      'Anthony Fauci',
      'Anthony Fauci',
    ]);
  });

  it('does not take a place or an office building for a person', () => {
    expect(findOfficials('In Tokyo, the foreign minister said talks went well.')).toEqual([]);
    expect(findOfficials('Talks were held at the Prime Minister’s Office. Japan’s Foreign Minister has arrived in Jerusalem.')).toEqual([]);
    expect(findOfficials('President Street in Brooklyn was closed. The President Hotel hosted the Prime Minister Cup. The General Assembly voted. Ambassador Bridge traffic was heavy.')).toEqual([]);
  });

  it('never throws and keeps spans consistent on odd input', () => {
    const inputs = ['', ' ', 'President', 'President ', '“President X', 'Minister Mr.', '\u0000\uffff'.repeat(100), 'A'.repeat(100000), 'Prime Minister '.repeat(2000)];
    for (const input of inputs) {
      const found = findOfficials(input);
      for (const o of found) expect(input.slice(o.start, o.end)).toBe(o.text);
    }
  });
});

describe('findOfficials on the seed articles', () => {
  it('finds every official in the Al-Monitor story and nothing in the newsletter blurb', () => {
    const found = findOfficials(seed('000_fba3dbbe9291c0be.txt'));
    expect(found.map((o) => o.text)).toEqual([
      'Hossein Amir-Abdollahian',
      'Hossein Amir-Abdollahian',
      'Yoshimasa Hayashi',
      'Hayashi',
      'Amir-Abdollahian',
      'Hayashi',
      'Amir-Abdollahian',
      'Fumio Kishida',
    ]);
    expect(found[7]).toMatchObject({ name: 'Fumio Kishida', title: 'Prime Minister', country: 'Japan', entityId: 'official:fumio-kishida' });
  });

  it('gives "Amir Abdollahian" without the hyphen the same id as the hyphenated spelling', () => {
    const found = findOfficials(seed('001_e54193130fdaf13e.txt'));
    const iranian = found.filter((o) => o.text.includes('Abdollahian'));
    expect(iranian.map((o) => o.text)).toEqual(['Hossein Amir Abdollahian', 'Amir Abdollahian', 'Amir Abdollahian', 'Amir Abdollahian']);
    expect(new Set(iranian.map((o) => o.entityId))).toEqual(new Set(['official:hossein-amir-abdollahian']));
    expect(found.filter((o) => o.name === 'Yoko Kamikawa').map((o) => o.text)).toEqual(['Yoko Kamikawa', 'Yoko Kamikawa', 'Kamikawa']);
  });

  it('returns mentions sorted and never overlapping, with exact spans', () => {
    for (const file of ['000_fba3dbbe9291c0be.txt', '002_4ce888873c09ab99.txt', '003_51685c235f0e8719.txt', '004_04140026fd49e5bf.txt']) {
      const text = seed(file);
      const found = findOfficials(text);
      expect(found.length).toBeGreaterThan(0);
      for (let i = 0; i < found.length; i++) {
        const o = found[i]!;
        expect(text.slice(o.start, o.end)).toBe(o.text);
        if (i > 0) expect(o.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
      }
    }
  });
});

describe('findOfficials: any input', () => {
  it('never throws; mentions stay sorted, apart and exact on random news-like text', async () => {
    const fc = await import('fast-check');
    const vocabulary = [
      'President', 'Prime', 'Minister', 'minister', 'Foreign', 'Secretary', 'of', 'State', 'for', 'to', 'the', 'his',
      'counterpart', 'predecessor', 'Mr', 'Mr.', 'Dr', 'Japan', 'Japan’s', 'Iranian', 'U.S.', 'UK', 'EU', 'Hayashi',
      'HAYASHI', 'Yoshimasa', 'Amir-Abdollahian', 'Sa’ar', 'bin', 'al-Assad', 'von', 'der', 'Leyen', 'J.', 'W',
      'said', 'met', 'also', 'known', 'as', 'MP', 'Sen.', 'Gen', ',', '.', '’s', '"', '“', '”', '(', ')', '\n', '\n\n',
      'Ambassador', 'leader', 'spokesman', 'member', 'parliament', 'Sheikh', 'III', 'May', 'Kim', 'Li',
      'of', 'for', 'and', '&', 'Tourism', 'Aviation', 'Blue', 'Economy', 'bin', 'Al-Harthy', 'Sultan', 'Justice', 'General', 'Tuesday', 'OBE', 'Ministry',
    ];
    const word = fc.constantFrom(...vocabulary);
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '', '  ', '\u00a0')), { maxLength: 60 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(text, (input) => {
        const found = findOfficials(input);
        let lastEnd = 0;
        for (const o of found) {
          if (input.slice(o.start, o.end) !== o.text || o.start < lastEnd || o.end <= o.start) return false;
          if (!o.entityId.startsWith('official:') || !o.name) return false;
          lastEnd = o.end;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('findOfficials: portfolios the lexicon does not know', () => {
  const first = (text: string) => {
    const o = findOfficials(text)[0];
    return o ? [o.text, o.title] : null;
  };

  it('ends a one-word portfolio before the holder’s name', () => {
    expect(first('Nigerian Minister of Aviation Festus Keyamo announced the change on Monday.')).toEqual(['Festus Keyamo', 'Minister of Aviation']);
    expect(first('Ghana’s Minister for Sanitation Cecilia Dapaah resigned.')).toEqual(['Cecilia Dapaah', 'Minister for Sanitation']);
    expect(first('Kenyan Minister of Investment Rebecca Miano spoke at the forum.')).toEqual(['Rebecca Miano', 'Minister of Investment']);
    expect(first('He will meet Omani Minister of Heritage Salim Al-Harthy on Thursday.')).toEqual(['Salim Al-Harthy', 'Minister of Heritage']);
    expect(first('Saudi Minister of Hajj Tawfiq Al-Rabiah welcomed the pilgrims.')).toEqual(['Tawfiq Al-Rabiah', 'Minister of Hajj']);
    expect(first('Minister of Telecommunications Ali Hamie said the network was back.')).toEqual(['Ali Hamie', 'Minister of Telecommunications']);
  });

  it('reads portfolios of several words and lists joined by commas, "and" and "&"', () => {
    expect(first('Minister of Fisheries and Blue Economy Salim Mvurya visited Mombasa.')).toEqual(['Salim Mvurya', 'Minister of Fisheries and Blue Economy']);
    expect(first('Minister for Culture, Media and Sport Lucy Frazer said the plan was ready.')).toEqual(['Lucy Frazer', 'Minister for Culture, Media and Sport']);
    expect(first('Indian Minister of Ports, Shipping and Waterways Sarbananda Sonowal arrived.')).toEqual(['Sarbananda Sonowal', 'Minister of Ports, Shipping and Waterways']);
    expect(first('Commissioner for Crisis Management Janez Lenarcic warned of floods.')).toEqual(['Janez Lenarcic', 'Commissioner for Crisis Management']);
    expect(first('Minister of Women and Child Development Smriti Irani said.')).toEqual(['Smriti Irani', 'Minister of Women and Child Development']);
    expect(first('Minister of Youth Empowerment and Sports Development Sunday Dare said.')).toEqual(['Sunday Dare', 'Minister of Youth Empowerment and Sports Development']);
    expect(first('Minister of Tourism & Antiquities Ahmed Issa met investors.')).toEqual(['Ahmed Issa', 'Minister of Tourism & Antiquities']);
  });

  it('keeps the last two name units when no portfolio noun is known', () => {
    expect(first('Minister of Zorbling Kwame Mensah arrived.')).toEqual(['Kwame Mensah', 'Minister of Zorbling']);
    expect(first('Minister of Zorbling Faisal bin Turki Al-Mutairi arrived.')).toEqual(['Faisal bin Turki Al-Mutairi', 'Minister of Zorbling']);
  });

  it('does not glue the portfolio onto a name found again later', () => {
    const found = findOfficials('Kenyan Minister of Investment Rebecca Miano spoke. Miano said investors were welcome.');
    expect(found.map((o) => o.name)).toEqual(['Rebecca Miano', 'Rebecca Miano']);
  });

  it('does not make a list of two people into a portfolio', () => {
    expect(names('He met the Minister of Finance Ali Smith and Bob Jones.')).toEqual(['Ali Smith']);
    expect(names('Minister of Labour Ann Jobs said.')).toEqual(['Ann Jobs']);
  });

  it('keeps bodies and known titles as before', () => {
    expect(first('Speaker of the House Mike Johnson said on Tuesday.')).toEqual(['Mike Johnson', 'Speaker of the House']);
    expect(first('Secretary of Health and Human Services Xavier Becerra spoke.')).toEqual(['Xavier Becerra', 'Secretary of Health and Human Services']);
    expect(first('Oman’s Minister of Foreign Affairs Sayyid Badr bin Hamad Al Busaidi met him.')).toEqual(['Badr bin Hamad Al Busaidi', 'Minister of Foreign Affairs']);
    expect(first('UAE Minister of State Khalifa Shaheen Al Marar received the envoy.')).toEqual(['Khalifa Shaheen Al Marar', 'Minister of State']);
  });
});

describe('findOfficials: names with particles keep their first word', () => {
  it('keeps the given name before bin, ibn, bint and Ould', () => {
    expect(names('Ambassador to Kenya Faisal bin Turki Al-Mutairi presented his credentials.')).toEqual(['Faisal bin Turki Al-Mutairi']);
    expect(names('Ambassador to Kenya Khalid ibn Abdullah said.')).toEqual(['Khalid ibn Abdullah']);
    expect(names('Ambassador to Kenya Fatima bint Mubarak said.')).toEqual(['Fatima bint Mubarak']);
    expect(names('The Mauritanian Ambassador Ahmed Ould Abdallah said.')).toEqual(['Ahmed Ould Abdallah']);
  });

  it('reads a title word used as a given name before a family particle', () => {
    expect(names('Qatar’s Minister of State Sultan bin Saad Al-Muraikhi attended.')).toEqual(['Sultan bin Saad Al-Muraikhi']);
    expect(names('Ambassador to Kenya Sultan bin Turki Al-Mutairi presented his credentials.')).toEqual(['Sultan bin Turki Al-Mutairi']);
    expect(brief(findOfficials('Minister of Industry Sultan Al Jaber addressed the conference.'))).toEqual([
      ['Sultan Al Jaber', 'Sultan Al Jaber', 'Minister of Industry', null],
    ]);
  });

  it('keeps Abu, Abdel, Abdul, El- and European particles inside the name', () => {
    expect(names('Ambassador to Kenya Mohammed Abu Bakr said.')).toEqual(['Mohammed Abu Bakr']);
    expect(names('Egyptian Ambassador to Japan Mohamed Abdel Aziz spoke.')).toEqual(['Mohamed Abdel Aziz']);
    expect(names('Ambassador to Kenya Tariq Abdul Hamid said.')).toEqual(['Tariq Abdul Hamid']);
    expect(names('Egypt’s Minister of Culture Nevine El-Kilany opened the festival.')).toEqual(['Nevine El-Kilany']);
    expect(names('Ambassador to Kenya Pieter van der Merwe said.')).toEqual(['Pieter van der Merwe']);
    expect(names('German Minister of Economy Karl von Steinberg said.')).toEqual(['Karl von Steinberg']);
    expect(names('Spanish Ambassador to Peru Carmen de la Fuente said.')).toEqual(['Carmen de la Fuente']);
  });

  it('reads a given name spelt like a month or weekday after a title', () => {
    expect(names('Dutch Ambassador to France Jan van der Berg said.')).toEqual(['Jan van der Berg']);
    expect(names('Governor Monday Okpebholo said the state would act.')).toEqual(['Monday Okpebholo']);
    expect(names('President Biden on Monday said the plan was ready.')).toEqual(['Biden']);
  });
});

describe('findOfficials: portfolio nouns before the head and comma appositions', () => {
  it('reads a portfolio noun the lexicon lacks as part of the title', () => {
    expect(brief(findOfficials('The Nigerian aviation minister, Festus Keyamo, said flights would resume.'))).toEqual([
      ['Festus Keyamo', 'Festus Keyamo', 'aviation minister', 'Nigeria'],
    ]);
    expect(brief(findOfficials('Aviation Minister Festus Keyamo said flights would resume.'))).toEqual([
      ['Festus Keyamo', 'Festus Keyamo', 'Aviation Minister', null],
    ]);
    // Only offices of state take the broad lexicon: a company's "media chief" stays out.
    expect(names("The company's media chief John Carter said.")).toEqual([]);
  });

  it('takes a full name between commas after a lower-case title with a country', () => {
    expect(brief(findOfficials('Saudi ambassador to Kenya, Faisal bin Turki Al-Mutairi, said the embassy would open.'))).toEqual([
      ['Faisal bin Turki Al-Mutairi', 'Faisal bin Turki Al-Mutairi', 'ambassador to Kenya', 'Saudi Arabia'],
    ]);
    expect(names('The Saudi ambassador to Kenya, Nairobi and Kampala attended.')).toEqual([]);
  });

  it('keeps three ministers of a list apart', () => {
    const text = 'Minister of Tourism Salim Al-Harthy, Minister of Heritage Ahmed Al-Mahrouqi and Minister of Labour Mahad Baowain attended.';
    expect(findOfficials(text).map((o) => [o.name, o.title])).toEqual([
      ['Salim Al-Harthy', 'Minister of Tourism'],
      ['Ahmed Al-Mahrouqi', 'Minister of Heritage'],
      ['Mahad Baowain', 'Minister of Labour'],
    ]);
  });
});

describe('findOfficials: longer portfolio lists and ministries named by portfolio', () => {
  const first = (text: string) => {
    const o = findOfficials(text)[0];
    return o ? [o.text, o.title] : null;
  };

  it('reads a comma list whose item opens with an unknown word', () => {
    expect(first('Minister of Agriculture, Land Reform and Rural Development Thoko Didiza said.')).toEqual([
      'Thoko Didiza',
      'Minister of Agriculture, Land Reform and Rural Development',
    ]);
  });

  it('keeps a name to three units after the last known portfolio noun', () => {
    expect(first('Minister of Culture and Islamic Guidance Mohammad Mehdi Esmaili said.')).toEqual([
      'Mohammad Mehdi Esmaili',
      'Minister of Culture and Islamic Guidance',
    ]);
  });

  it('reads "Ministry of <portfolio> spokesperson" as a public office', () => {
    expect(first('Ministry of Aviation spokesperson Odutayo Oluseyi said.')).toEqual(['Odutayo Oluseyi', 'Ministry of Aviation spokesperson']);
  });
});

describe('findOfficials: appositions with particles and "the <country>’s"', () => {
  it('reads the name before ", the UAE’s Minister of Industry"', () => {
    expect(brief(findOfficials("Officials said Sultan Al Jaber, the UAE's Minister of Industry, would attend."))).toEqual([
      ['Sultan Al Jaber', 'Sultan Al Jaber', 'Minister of Industry', 'United Arab Emirates'],
    ]);
    expect(names("In Abu Dhabi, the UAE's Minister of Industry said the plan was ready.")).toEqual([]);
  });

  it('keeps particle names whole before an apposition', () => {
    expect(names('Faisal bin Turki Al-Mutairi, the Saudi ambassador to Kenya, said the embassy would open.')).toEqual(['Faisal bin Turki Al-Mutairi']);
    expect(names('Sultan bin Saad Al-Muraikhi, Qatar’s Minister of State, attended.')).toEqual(['Sultan bin Saad Al-Muraikhi']);
    expect(names('Pieter van der Merwe, South Africa’s ambassador to Kenya, said.')).toEqual(['Pieter van der Merwe']);
  });

  it('still reads Sultan as a title before a given name', () => {
    expect(brief(findOfficials('Oman’s Sultan Haitham bin Tariq received the envoy.'))).toEqual([['Haitham bin Tariq', 'Haitham bin Tariq', 'Sultan', 'Oman']]);
  });
});

describe('findOfficials: two-word portfolios', () => {
  it('keeps the second word of "Climate Action", "Pacific Peoples", "Energy Transition" in the title', () => {
    expect(findOfficials('Minister of Climate Action Eamon Ryan said.').map((o) => [o.name, o.title])).toEqual([['Eamon Ryan', 'Minister of Climate Action']]);
    expect(findOfficials('Minister for Pacific Peoples Barbara Edmonds said.').map((o) => [o.name, o.title])).toEqual([['Barbara Edmonds', 'Minister for Pacific Peoples']]);
    expect(findOfficials('Minister of Energy Transition Agnes Pannier-Runacher said.').map((o) => [o.name, o.title])).toEqual([
      ['Agnes Pannier-Runacher', 'Minister of Energy Transition'],
    ]);
    expect(findOfficials('Minister of Urban Mobility Ana Ruiz said.').map((o) => [o.name, o.title])).toEqual([['Ana Ruiz', 'Minister of Urban Mobility']]);
  });
});

describe('findOfficials: a rank between the office and the name', () => {
  it('keeps the office and skips the rank', () => {
    const pairs = (text: string) => findOfficials(text).map((o) => [o.name, o.title]);
    expect(pairs('Minister of National Defence General Yasar Guler said.')).toEqual([['Yasar Guler', 'Minister of National Defence']]);
    expect(pairs('Secretary of Defense Gen. Lloyd Austin said.')).toEqual([['Lloyd Austin', 'Secretary of Defense']]);
    expect(pairs('Secretary General Antonio Guterres said.')).toEqual([['Antonio Guterres', 'Secretary General']]);
  });
});

describe('findOfficials: what follows a name', () => {
  it('leaves a weekday after the name out of it (wire style) but keeps a month-like family name', () => {
    expect(names('Jordanian Foreign Minister Ayman Safadi Tuesday said the talks would continue.')).toEqual(['Ayman Safadi']);
    expect(names('President William Ruto Sunday urged calm.')).toEqual(['William Ruto']);
    expect(names('Prime Minister Theresa May said on Monday.')).toEqual(['Theresa May']);
  });

  it('leaves post-nominal honours out of the name', () => {
    expect(names('Foreign Minister Penny Wong AO said.')).toEqual(['Penny Wong']);
    expect(names('Trade envoy Jane Smith OBE said.')).toEqual(['Jane Smith']);
  });
});

describe('findOfficials: given names that are also portfolio words', () => {
  it('gives a virtue name after a portfolio back to the holder', () => {
    const pairs = (text: string) => findOfficials(text).map((o) => [o.name, o.title]);
    expect(pairs('Minister of Health Justice Mwale said.')).toEqual([['Justice Mwale', 'Minister of Health']]);
    expect(pairs('Minister of Justice Peace Mayanja said.')).toEqual([['Peace Mayanja', 'Minister of Justice']]);
    expect(pairs('Finance Minister Peace Mayanja said.')).toEqual([['Peace Mayanja', 'Finance Minister']]);
    expect(pairs('Minister of Social Justice Ann Smith said.')).toEqual([['Ann Smith', 'Minister of Social Justice']]);
    expect(pairs('UN envoy Peace Corps said.')).toEqual([]);
  });
});

describe('findOfficials: later mentions of hyphenated names', () => {
  it('matches a hyphenated surname whatever hyphen the writer used', () => {
    const text = 'Iranian Foreign Minister Ali Karimi-Nejad met Saudi officials. Karimi‐Nejad said the plan failed, and Karimi-Nejad left.';
    expect(brief(findOfficials(text))).toEqual([
      ['Ali Karimi-Nejad', 'Ali Karimi-Nejad', 'Foreign Minister', 'Iran'],
      ['Karimi‐Nejad', 'Ali Karimi-Nejad', 'Foreign Minister', 'Iran'],
      ['Karimi-Nejad', 'Ali Karimi-Nejad', 'Foreign Minister', 'Iran'],
    ]);
  });

  it('matches a prefixed family name after an honorific, and not a different hyphenated name', () => {
    const text = 'Saudi Energy Minister Prince Khalid Al-Mansouri spoke. Later, Mr Al-Mansouri said Al-Otaibi would stay.';
    expect(findOfficials(text).map((o) => o.text)).toEqual(['Khalid Al-Mansouri', 'Al-Mansouri']);
  });
});
