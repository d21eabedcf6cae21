// A deterministic workspace of realistic news articles for the scale benchmark (`npm run bench:scale`).
//   node bench/workspace.mjs --out DIR [--articles 10000] [--seed 20240601]
// Same seed and count → byte-identical files. About 4 KB per article (≈ 40 MB for 10,000), plus one
// ≈ 1 MB long read for the keystroke measure.
//
// Two kinds of article, so that the corpus is neither one text repeated nor one template repeated:
//  - stories: a world of countries (world-countries) whose officials (names from the naming tradition of
//    the country's region) meet, visit, call and hold talks on given days; each story is reported by one to
//    four outlets, each in its own layout and wording, so the same event reaches the index from several
//    articles (merging is exercised), with quotes, claims and background of varied length;
//  - variants of the seed articles (bench/corpus.mjs: names, countries, dates and order varied), which bring
//    the seeds' own real layouts (breadcrumbs, photo credits, numbered ministry paragraphs).
// Outlets' layouts: a wire dateline (`GENEVA, 15 December 2023 (TDI):`), a `Published: ...` line, a
// `date 2019-12-20` header, a ministry release under a `May 19, 2023` heading, Markdown with a `# title`,
// a magazine page with a standfirst and photo credit; bylines and boilerplate lines around them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const pathToFileURLHref = (p) => pathToFileURL(p).href;
import countries from 'world-countries';
import { createRng, generateCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Names by region: invented combinations of common given names and surnames.

const TRADITIONS = {
  japanese: { given: ['Haruto', 'Kenji', 'Takeshi', 'Hiroshi', 'Masako', 'Yuki', 'Akiko', 'Daisuke', 'Noriko', 'Satoshi', 'Emi', 'Ryota', 'Kazuo', 'Mariko'], family: ['Tanaka', 'Watanabe', 'Morimoto', 'Kuroda', 'Ishikawa', 'Fujimura', 'Okabe', 'Nakagawa', 'Sugiyama', 'Hoshino', 'Takeda', 'Uchida', 'Matsuda', 'Inoue'] },
  chinese: { surnameFirst: true, given: ['Jianguo', 'Xiaoming', 'Weidong', 'Lihua', 'Haiyan', 'Jun', 'Qiang', 'Yufei', 'Mingzhe', 'Hongwei', 'Lan', 'Zhiwei', 'Guoqing', 'Meiling'], family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Gao', 'Lin'] },
  korean: { surnameFirst: true, given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Hye-jin', 'Sung-min', 'Dong-hyun', 'Eun-ji', 'Jae-won', 'Young-soo', 'Mi-kyung'], family: ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Shin', 'Oh'] },
  vietnamese: { surnameFirst: true, given: ['Van Minh', 'Thi Lan', 'Duc Anh', 'Hoang Nam', 'Thu Trang', 'Quang Huy', 'Minh Chau', 'Thanh Tung'], family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui'] },
  malay: { given: ['Budi', 'Siti', 'Agus', 'Dewi', 'Hendra', 'Ratna', 'Joko', 'Putri', 'Wahyu', 'Indah', 'Anwar', 'Nurul'], family: ['Santoso', 'Wibowo', 'Hidayat', 'Kusuma', 'Setiawan', 'Nugroho', 'Rahman', 'Pratama', 'Halim', 'Suryadi', 'Ismail', 'Abdullah'] },
  thai: { given: ['Somchai', 'Suda', 'Anan', 'Kanya', 'Prasert', 'Malee', 'Chaiwat', 'Ratana'], family: ['Srisuk', 'Chaiyaporn', 'Wongsakul', 'Rattanakorn', 'Boonmee', 'Phromma', 'Thongdee', 'Kaewkla'] },
  indian: { given: ['Rajesh', 'Priya', 'Anil', 'Sunita', 'Vikram', 'Meera', 'Arjun', 'Kavita', 'Suresh', 'Deepa', 'Rohan', 'Lakshmi'], family: ['Sharma', 'Iyer', 'Reddy', 'Banerjee', 'Menon', 'Chaudhary', 'Nair', 'Deshpande', 'Malhotra', 'Subramaniam', 'Kulkarni', 'Gill'] },
  persian: { given: ['Mohammad Reza', 'Ali', 'Farhad', 'Kaveh', 'Mahmoud', 'Parisa', 'Shirin', 'Dariush', 'Hamid', 'Nasrin', 'Behrouz', 'Mehdi'], family: ['Tavakoli', 'Rahimi', 'Hosseinzadeh', 'Karimi-Nejad', 'Jafari', 'Sadeghi', 'Mousavi', 'Ebrahimi', 'Ghorbani', 'Shahidi', 'Azimi', 'Rostami'] },
  arabic: { given: ['Khalid', 'Faisal', 'Mona', 'Tariq', 'Yousef', 'Layla', 'Omar', 'Huda', 'Karim', 'Samir', 'Rania', 'Nabil'], family: ['Al-Mansouri', 'Haddad', 'Al-Otaibi', 'El-Sayed', 'Nasser', 'Khoury', 'Al-Hashimi', 'Barakat', 'Abu Zaid', 'Fakhoury', 'Al-Qasimi', 'Saleh'] },
  turkic: { given: ['Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Mustafa', 'Elif', 'Burak', 'Selin', 'Nursultan', 'Aigerim', 'Timur', 'Dilnoza'], family: ['Yılmaz', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Abenov', 'Tokayeva', 'Karimov', 'Nazarbek', 'Yusupov', 'Rakhimova'] },
  african: { given: ['Adebayo', 'Chiamaka', 'Oluwaseun', 'Ngozi', 'Kwame', 'Ama', 'Wanjiru', 'Emeka', 'Folake', 'Kofi', 'Amina', 'Tendai', 'Thabo', 'Nomvula', 'Moussa', 'Aïssata'], family: ['Okonkwo', 'Adeyemi', 'Mensah', 'Otieno', 'Nwosu', 'Boateng', 'Mwangi', 'Abubakar', 'Ogunleye', 'Kamau', 'Asante', 'Eze', 'Dlamini', 'Ndlovu', 'Traoré', 'Diallo'] },
  slavic: { given: ['Aleksandr', 'Olena', 'Dmitri', 'Katarzyna', 'Pavel', 'Milena', 'Tomasz', 'Irina', 'Bogdan', 'Svetlana', 'Miroslav', 'Jelena'], family: ['Kovalenko', 'Nowakowski', 'Petrović', 'Sokolov', 'Dvořák', 'Horvat', 'Lewandowski', 'Zelenko', 'Marinov', 'Kuznetsov', 'Novak', 'Szabó'] },
  hispanic: { given: ['María José', 'Alejandro', 'Lucía', 'Carlos', 'Fernanda', 'Javier', 'Gabriela', 'Andrés', 'Valentina', 'Diego', 'Camila', 'Ricardo'], family: ['Fernández', 'Rodríguez', 'de la Cruz', 'Herrera', 'Castillo', 'Morales', 'Gutiérrez', 'Vargas', 'Ortega', 'Mendoza', 'Salazar', 'Navarro'] },
  lusophone: { given: ['João', 'Ana Paula', 'Luiz', 'Mariana', 'Rafael', 'Beatriz', 'Thiago', 'Graça'], family: ['Almeida', 'Pereira', 'Carvalho', 'Rocha', 'Azevedo', 'Barbosa', 'Ribeiro', 'dos Santos'] },
  germanic: { given: ['Annegret', 'Friedrich', 'Katrin', 'Jürgen', 'Sabine', 'Matthias', 'Ingrid', 'Wolfgang', 'Pieter', 'Annelies', 'Jan', 'Maarten'], family: ['Schäfer', 'Hoffmann', 'Brandt', 'van der Berg', 'de Vries', 'Krüger', 'Vogel', 'Becker', 'Janssen', 'Zimmermann', 'Wagner', 'Köhler'] },
  french: { given: ['Jean-Luc', 'Élodie', 'François', 'Camille', 'Thierry', 'Sophie', 'Olivier', 'Mathilde', 'Laurent', 'Isabelle', 'Benoît', 'Claire'], family: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Rousseau', 'Chevalier', 'Lambert', 'Bonnet', 'Mercier', 'Duval', 'Garnier'] },
  italian: { given: ['Giuseppe', 'Chiara', 'Marco', 'Francesca', 'Luca', 'Giulia', 'Stefano', 'Elena'], family: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'] },
  greek: { given: ['Nikos', 'Eleni', 'Giorgos', 'Maria', 'Dimitris', 'Katerina'], family: ['Papadopoulos', 'Georgiou', 'Konstantinou', 'Nikolaidis', 'Vlachos', 'Karamanlis'] },
  nordic: { given: ['Lars', 'Ingrid', 'Sven', 'Astrid', 'Magnus', 'Sigrid', 'Erik', 'Freja', 'Henrik', 'Maja'], family: ['Lindqvist', 'Johansson', 'Halvorsen', 'Nyberg', 'Solberg', 'Andersen', 'Bergström', 'Dahl', 'Eriksen', 'Holm'] },
  english: { given: ['Margaret', 'David', 'Sarah', 'Michael', 'Catherine', 'James', 'Rebecca', 'Thomas', 'Helen', 'Andrew', 'Fiona', 'Patrick'], family: ['Whitfield', 'Harrington', "O'Connell", 'Blackwood', 'Pemberton', 'Caldwell', 'Ashford', 'McAllister', 'Thornton', 'Fairbanks', 'Gallagher', 'Kingsley'] },
  pacific: { given: ['Sitiveni', 'Mele', 'Tevita', 'Losana', 'Manasa', 'Ana'], family: ['Tuilagi', 'Fonua', 'Naivalu', 'Vaipulu', 'Tupou', 'Ratu'] },
};

const BY_SUBREGION = {
  'Eastern Asia': ['chinese', 'japanese', 'korean'],
  'South-Eastern Asia': ['vietnamese', 'malay', 'thai'],
  'Southern Asia': ['indian', 'persian'],
  'Central Asia': ['turkic'],
  'Western Asia': ['arabic', 'turkic', 'persian'],
  'Northern Africa': ['arabic', 'french'],
  'Western Africa': ['african', 'french'],
  'Middle Africa': ['african', 'french'],
  'Eastern Africa': ['african'],
  'Southern Africa': ['african', 'english'],
  'Northern Europe': ['nordic', 'english'],
  'Western Europe': ['germanic', 'french'],
  'Central Europe': ['slavic', 'germanic'],
  'Eastern Europe': ['slavic'],
  'Southeast Europe': ['slavic', 'greek'],
  'Southern Europe': ['italian', 'hispanic', 'greek', 'lusophone'],
  'South America': ['hispanic', 'lusophone'],
  'Central America': ['hispanic'],
  Caribbean: ['english', 'hispanic', 'french'],
  'North America': ['english', 'hispanic', 'french'],
  'Australia and New Zealand': ['english'],
  Melanesia: ['pacific', 'english'],
  Polynesia: ['pacific'],
  Micronesia: ['pacific', 'english'],
};
// A few countries whose tradition differs from their neighbours'.
const BY_COUNTRY = { Japan: ['japanese'], China: ['chinese'], 'South Korea': ['korean'], 'North Korea': ['korean'], Iran: ['persian'], Afghanistan: ['persian'], Turkey: ['turkic'], Brazil: ['lusophone'], Portugal: ['lusophone'], Mozambique: ['lusophone', 'african'], Angola: ['lusophone', 'african'], Israel: ['english'], Thailand: ['thai'], Vietnam: ['vietnamese'] };

/** UN members whose name, demonym and capital are plain words: a well-formed dateline and adjective. */
const COUNTRIES = countries
  .filter((c) => c.unMember)
  .map((c) => ({ name: c.name.common, demonym: c.demonyms?.eng?.m ?? '', capital: c.capital?.[0] ?? '', subregion: c.subregion }))
  .filter((c) => /^[\p{L} ]+$/u.test(c.name) && /^[\p{L} ]+$/u.test(c.demonym) && /^[\p{L} ]+$/u.test(c.capital))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

const pad2 = (n) => String(n).padStart(2, '0');
function day(ms) {
  const d = new Date(ms);
  return { ms, y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay() };
}
const iso = (t) => `${t.y}-${pad2(t.m + 1)}-${pad2(t.d)}`;
const dayMonthYear = (t) => `${t.d} ${MONTHS[t.m]} ${t.y}`;
const monthDayYear = (t) => `${MONTHS[t.m]} ${t.d}, ${t.y}`;

/** How an article refers to the day of the event, seen from its publication day. */
function eventDayPhrase(rng, event, published, style) {
  const gap = Math.round((published.ms - event.ms) / DAY_MS);
  if (gap === 0 && rng.next() < 0.5) return rng.pick(['today', 'on ' + WEEKDAYS[event.wd]]);
  if (gap === 1 && rng.next() < 0.6) return 'yesterday';
  if (gap > 0 && gap < 7 && rng.next() < 0.6) return 'on ' + WEEKDAYS[event.wd];
  if (style === 'us') return rng.next() < 0.5 ? `on ${MONTH_ABBR[event.m]} ${event.d}` : `on ${WEEKDAYS[event.wd]}, ${MONTHS[event.m]} ${event.d}`;
  return rng.next() < 0.5 ? `on ${event.d} ${MONTHS[event.m]}` : `on ${WEEKDAYS[event.wd]} ${event.d} ${MONTHS[event.m]} ${event.y}`;
}

// ---------------------------------------------------------------------------------------------
// The world: per country, officials by office (a new office-holder now and then, so names recur).

const OFFICES = [
  { key: 'fm', title: 'Foreign Minister', formal: 'Minister for Foreign Affairs', weight: 5 },
  { key: 'pm', title: 'Prime Minister', formal: 'Prime Minister', weight: 3 },
  { key: 'president', title: 'President', formal: 'President', weight: 3 },
  { key: 'defence', title: 'Defence Minister', formal: 'Minister of Defence', weight: 2 },
  { key: 'trade', title: 'Trade Minister', formal: 'Minister of Trade and Industry', weight: 2 },
  { key: 'finance', title: 'Finance Minister', formal: 'Minister of Finance', weight: 1 },
  { key: 'energy', title: 'Energy Minister', formal: 'Minister of Energy', weight: 1 },
  { key: 'envoy', title: 'Special Envoy', formal: 'Special Envoy for Regional Affairs', weight: 1 },
];
const WEIGHTED_OFFICES = OFFICES.flatMap((o) => Array(o.weight).fill(o));

function makePerson(rng, traditions, used) {
  for (let tries = 0; ; tries++) {
    const t = TRADITIONS[rng.pick(traditions)];
    const given = rng.pick(t.given);
    const family = rng.pick(t.family);
    const full = t.surnameFirst ? `${family} ${given}` : `${given} ${family}`;
    if (!used.has(full) || tries > 8) {
      used.add(full);
      return { full, given, family, surnameFirst: !!t.surnameFirst };
    }
  }
}

function buildWorld(rng) {
  const used = new Set();
  return COUNTRIES.map((c) => {
    const traditions = BY_COUNTRY[c.name] ?? BY_SUBREGION[c.subregion] ?? ['english'];
    const holders = {};
    // Two or three holders of each office over the years covered.
    for (const o of OFFICES) holders[o.key] = Array.from({ length: rng.int(2, 3) }, () => makePerson(rng, traditions, used));
    return { ...c, holders };
  });
}

// ---------------------------------------------------------------------------------------------
// Stories: who met whom, where, when, about what.

const TOPICS = [
  'trade and investment', 'energy security', 'climate finance', 'maritime security', 'refugees and migration',
  'the nuclear programme', 'grain exports', 'infrastructure and ports', 'vaccine production', 'debt relief',
  'critical minerals', 'counter-terrorism', 'water sharing', 'fisheries', 'digital connectivity', 'visa rules',
  'a ceasefire in the region', 'humanitarian access', 'space cooperation', 'higher education exchanges',
];
const KINDS = ['meeting', 'visit', 'call', 'talks'];
const FORUMS = ['the UN General Assembly', 'a regional security forum', 'the G20 summit', 'an international conference on refugees', 'the climate summit', 'a ministerial meeting of the Non-Aligned Movement', 'an economic forum'];

function makeStory(rng, world, id) {
  const a = rng.pick(world);
  let b = rng.pick(world);
  while (b === a) b = rng.pick(world);
  const officeA = rng.pick(WEIGHTED_OFFICES);
  // Counterparts are mostly of the same rank.
  const officeB = rng.next() < 0.7 ? officeA : rng.pick(WEIGHTED_OFFICES);
  const kind = rng.pick(KINDS);
  const start = Date.UTC(2014, 0, 1);
  const date = day(start + rng.int(0, 11 * 365) * DAY_MS);
  // Held in A's or B's capital, or at a forum in a third country.
  const venueRoll = rng.next();
  const host = venueRoll < 0.45 ? b : venueRoll < 0.8 ? a : rng.pick(world);
  return {
    id,
    kind,
    date,
    a: { country: a, office: officeA, person: rng.pick(a.holders[officeA.key]) },
    b: { country: b, office: officeB, person: rng.pick(b.holders[officeB.key]) },
    host,
    forum: host !== a && host !== b ? rng.pick(FORUMS) : null,
    topics: rng.shuffle([...TOPICS]).slice(0, rng.int(1, 3)),
    agreements: rng.int(0, 5),
    hours: rng.int(1, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Sentences

const REPORT_VERBS = ['said', 'told reporters', 'said in a statement', 'told a news conference', 'wrote on social media', 'said after the talks'];
const AGREE = ['agreed to deepen cooperation on', 'discussed', 'exchanged views on', 'pledged closer coordination on', 'reviewed progress on', 'signed a memorandum on'];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function who(rng, side, first) {
  const { country, office, person } = side;
  if (!first) return rng.next() < 0.7 ? person.family : `the ${country.demonym} ${office.title.toLowerCase()}`;
  switch (rng.int(0, 3)) {
    case 0: return `${country.demonym} ${office.title} ${person.full}`;
    case 1: return `${person.full}, the ${office.title.toLowerCase()} of ${country.name},`;
    case 2: return `${country.name}'s ${office.title.toLowerCase()}, ${person.full},`;
    default: return `${office.title} ${person.full} of ${country.name}`;
  }
}

function leadSentence(rng, s, when) {
  const A = who(rng, s.a, true);
  const B = who(rng, s.b, true);
  const place = s.forum ? `on the sidelines of ${s.forum} in ${s.host.capital}` : `in ${s.host.capital}`;
  switch (s.kind) {
    case 'visit':
      return s.host === s.b.country
        ? `${cap(A)} visited ${s.b.country.name} ${when}, meeting ${B} ${place}.`
        : `${cap(A)} met ${B} ${when} ${place}, where ${s.b.person.family} was on an official visit.`;
    case 'call':
      return `${cap(A)} held a phone call with ${B} ${when}, according to a readout from ${s.a.country.name}'s foreign ministry.`;
    case 'talks':
      return `${cap(A)} held talks with ${B} ${place} ${when}, focusing on ${list(s.topics)}.`;
    default:
      return `${cap(A)} met with ${B} ${place} ${when}.`;
  }
}

/** Draws from `items` without repeating until all were used (so one article does not say the same twice). */
function deck(rng) {
  const decks = new Map();
  return (key, count) => {
    let d = decks.get(key);
    if (!d || d.length === 0) {
      d = rng.shuffle(Array.from({ length: count }, (_, i) => i));
      decks.set(key, d);
    }
    return d.pop();
  };
}

function quoteSentence(rng, draw, side, other, topic) {
  const verb = rng.pick(REPORT_VERBS);
  const lines = [
    `We agreed that ${topic} deserves far more attention than it has had`,
    `Our two countries have a long history, and today we opened a new chapter`,
    `There is no alternative to dialogue, and ${other.country.name} knows that we are ready`,
    `We expect concrete results on ${topic} before the end of the year`,
    `This was a frank conversation, and we did not agree on everything`,
    `The people of ${side.country.name} want stability, jobs and a fair deal`,
    `Nobody gains from a crisis over ${topic}, and we said so plainly`,
    `We will judge our partners by what they do, not by what they sign`,
    `${other.country.name} is a friend, and friends can disagree`,
    `I came to ${other.country.capital} to listen as much as to talk`,
    `The agreements we signed today will be felt in every port and every village`,
    `We have asked for guarantees, and we have received assurances`,
  ];
  const q = lines[draw('quote', lines.length)];
  const name = rng.next() < 0.5 ? side.person.family : `${side.office.title} ${side.person.family}`;
  return rng.next() < 0.6 ? `“${q},” ${name} ${verb}.` : `${name} ${verb}: “${q}.”`;
}

function claimSentence(rng, draw, side, other, topic) {
  const forms = [
    () => `${side.person.family} said ${side.country.name} was ready to expand cooperation on ${topic} with ${other.country.name}.`,
    () => `According to ${side.country.demonym} officials, the two sides ${rng.pick(AGREE)} ${topic}.`,
    () => `${side.person.family} accused unnamed third parties of trying to undermine talks on ${topic}.`,
    () => `A spokesperson for ${other.country.name}'s foreign ministry said the meeting had been “${rng.pick(['constructive', 'useful', 'candid', 'productive'])}”.`,
    () => `${other.person.family} stressed that any agreement on ${topic} would have to respect international law, the statement said.`,
    () => `Officials in ${side.country.capital} said ${side.person.family} would travel to ${other.country.capital} later in the year.`,
    () => `${side.person.family} told parliament last week that ${topic} was “a matter of national interest” and that ${side.country.name} would not accept conditions.`,
    () => `The ${other.country.demonym} side claimed that ${rng.int(2, 40)} per cent of the funds promised on ${topic} had already been paid, a figure ${side.country.demonym} officials disputed.`,
    () => `${other.person.family} warned that delays on ${topic} could cost the region ${rng.int(2, 30)} billion dollars a year, according to a summary released by ${other.country.name}.`,
    () => `Diplomats familiar with the talks said ${side.country.name} had pressed for a timetable, while ${other.country.name} preferred a looser framework.`,
    () => `${side.country.demonym} state media reported that ${side.person.family} had raised the case of ${rng.int(2, 60)} detained nationals.`,
    () => `The ministry in ${other.country.capital} denied reports that the ${topic} deal had stalled.`,
  ];
  return forms[draw('claim', forms.length)]();
}

function backgroundParagraph(rng, draw, s) {
  const topic = rng.pick(s.topics);
  const years = rng.int(2, 40);
  const forms = [
    `Relations between ${s.a.country.name} and ${s.b.country.name} go back ${years} years, and trade between them reached ${rng.int(2, 90)} billion dollars last year, according to official figures. Both governments have described ${topic} as a priority, though progress has been slow.`,
    `The meeting comes amid mounting tensions in the region. Analysts said ${s.a.country.name} was seeking partners beyond its traditional allies, while ${s.b.country.name} has tried to keep channels open with all sides.`,
    `${s.b.person.full} has held the post of ${s.b.office.title.toLowerCase()} since ${s.date.y - rng.int(0, 4)}. Before that, ${s.b.person.family} served as ambassador to ${rng.pick(COUNTRIES).name} and as a senior adviser on ${rng.pick(TOPICS)}.`,
    `The last high-level visit between the two countries took place ${rng.int(2, 9)} years ago. Since then, officials have met mostly at multilateral gatherings, and a planned summit was postponed twice.`,
    `Observers in ${s.host.capital} said the tone of the talks was warmer than expected. “Nobody expected a breakthrough on ${topic}, but the fact that they met matters,” said a researcher at a local think tank who asked not to be named.`,
    `Opposition politicians in ${s.a.country.name} criticised the ${s.kind}, saying the government had promised too much on ${topic} and delivered too little. A parliamentary committee is due to examine the agreements next month.`,
    `Under the agreements signed in ${s.host.capital}, the two countries will set up a joint working group on ${topic}, which is to meet every six months and report to both governments.`,
    `Trade figures published in ${s.a.country.capital} show exports to ${s.b.country.name} rose by ${rng.int(2, 35)} per cent over ${rng.int(2, 5)} years, led by machinery, fertiliser and processed food. Imports grew more slowly, and the gap has become a political issue in ${s.b.country.name}.`,
    `${s.a.person.full} took office as ${s.a.office.title.toLowerCase()} in ${s.date.y - rng.int(0, 5)}, promising a foreign policy that would be “open to all and aligned with none”. Critics say the promise has been hard to keep.`,
    `The ${s.kind} followed weeks of preparation by senior officials of both ministries, who met ${rng.int(2, 6)} times in ${rng.pick(COUNTRIES).capital} and ${rng.pick(COUNTRIES).capital} to draft the joint statement.`,
    `Business groups in both countries welcomed the outcome. A chamber of commerce in ${s.b.country.capital} said ${rng.int(10, 300)} companies were waiting for clearer rules on ${topic} before investing.`,
    `Humanitarian organisations urged both governments to keep ${topic} separate from wider political disputes, warning that ${rng.int(1, 9)} million people in the region depend on aid.`,
  ];
  return forms[draw('background', forms.length)];
}

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five'];

function storyBody(rng, s, published, style, length) {
  const when = eventDayPhrase(rng, s.date, published, style);
  const draw = deck(rng);
  const paras = [leadSentence(rng, s, when)];
  const topic = s.topics[0];
  const second = [
    `The two officials ${rng.pick(AGREE)} ${list(s.topics)}${s.kind === 'call' ? '' : `, in a meeting that lasted about ${s.hours} hour${s.hours > 1 ? 's' : ''}`}.`,
    s.agreements > 0 ? `${s.agreements === 1 ? 'One agreement was' : `${NUMBER_WORDS[s.agreements]} agreements were`} signed, covering ${list(s.topics)}.` : 'No agreement was signed.',
  ];
  paras.push(second.join(' '));
  const sides = [[s.a, s.b], [s.b, s.a]];
  for (let i = 0; i < length; i++) {
    const [side, other] = rng.pick(sides);
    const t = rng.pick(s.topics);
    const roll = rng.next();
    if (roll < 0.35) paras.push(quoteSentence(rng, draw, side, other, t) + ' ' + claimSentence(rng, draw, side, other, t));
    else if (roll < 0.6) paras.push(claimSentence(rng, draw, side, other, t) + ' ' + claimSentence(rng, draw, other, side, rng.pick(s.topics)));
    else paras.push(backgroundParagraph(rng, draw, s));
  }
  if (rng.next() < 0.5) paras.push(`${cap(s.b.person.family)} invited ${s.a.person.family} to visit ${s.b.country.name} again next year, and the invitation was accepted, the ${s.b.country.demonym} side said. Talks on ${topic} are expected to continue at the working level.`);
  return paras;
}

// ---------------------------------------------------------------------------------------------
// Outlets: where an article goes, and how its page is laid out.

const WIRE_AGENCIES = ['TDI', 'PNA', 'WNA', 'IPS', 'GNS'];
const OUTLETS = [
  { key: 'wire', folder: 'wire', ext: 'txt', style: 'uk' },
  { key: 'published', folder: 'daily-herald', ext: 'txt', style: 'us' },
  { key: 'dateHeader', folder: 'asia-desk', ext: 'txt', style: 'uk' },
  { key: 'ministry', folder: 'press-releases', ext: 'txt', style: 'us' },
  { key: 'markdown', folder: 'notes', ext: 'md', style: 'uk' },
  { key: 'magazine', folder: 'magazine', ext: 'txt', style: 'us' },
];

function headline(rng, s) {
  const A = s.a.country.name;
  const B = s.b.country.name;
  const other = s.b.office === s.a.office ? 'counterpart' : s.b.office.title.toLowerCase();
  const verb = s.kind === 'call' ? 'speaks with' : s.kind === 'visit' && s.host === s.b.country ? 'visits' : s.kind === 'talks' ? 'holds talks with' : 'meets';
  const noun = s.kind === 'talks' ? 'the talks mean' : `the ${s.kind === 'call' ? 'call' : s.kind} means`;
  const forms = [
    `${A}'s ${s.a.office.title.toLowerCase()} ${verb} ${s.b.country.demonym} ${other}${s.kind === 'call' ? '' : ` in ${s.host.capital}`}`,
    `${A}-${B} ${s.a.office.title}s hold ${s.kind === 'call' ? 'phone call' : 'bilateral talks'}`,
    `${s.a.person.family} and ${s.b.person.family} discuss ${s.topics[0]}`,
    `From ${s.a.country.capital} to ${s.b.country.capital}: what ${noun} for ${s.topics[0]}`,
    `${B} and ${A} pledge closer ties after ${s.kind === 'talks' ? 'talks' : s.kind}`,
  ];
  return rng.pick(forms);
}

function byline(rng, world) {
  const c = rng.pick(world);
  const p = makePerson(rng, BY_COUNTRY[c.name] ?? BY_SUBREGION[c.subregion] ?? ['english'], new Set());
  return p.full;
}

function layout(rng, outlet, s, published, paras, world) {
  const title = headline(rng, s);
  const lines = [];
  switch (outlet.key) {
    case 'wire': {
      const agency = rng.pick(WIRE_AGENCIES);
      lines.push(`HomeNewsDiplomatic News${title}`, '', title, '', '');
      const sep = rng.next() < 0.5 ? ' ' : '';
      lines.push(`${s.host.capital.toUpperCase()}, ${dayMonthYear(published)}${sep}(${agency}): ${paras[0]}`);
      for (const p of paras.slice(1)) lines.push('', p);
      lines.push('', `(${agency}) ${rng.pick(['Reporting by', 'Editing by'])} ${byline(rng, world)}`);
      break;
    }
    case 'published': {
      lines.push(title, '', `By ${byline(rng, world)}${rng.next() < 0.5 ? ', Diplomatic Correspondent' : ''}`);
      const hh = pad2(rng.int(6, 22));
      lines.push(`Published: ${MONTHS[published.m]} ${published.d}, ${published.y} at ${hh}:${pad2(rng.int(0, 59))} GMT`, '');
      lines.push(paras.join('\n\n'));
      lines.push('', 'Related: ' + rng.pick(['Subscribe to our newsletter', 'More from World', 'Read the full statement']), '© Daily Herald. All rights reserved.');
      break;
    }
    case 'dateHeader': {
      lines.push(` date ${iso(published)} ${paras[0]}`);
      for (const p of paras.slice(1)) lines.push('', p);
      break;
    }
    case 'ministry': {
      lines.push(`${s.a.country.name}-${s.b.country.name} Relations`, '', monthDayYear(published), `${s.a.office.title}s' ${s.kind === 'call' ? 'Telephone Talk' : 'Meeting'}`, '');
      lines.push(paras[0], '');
      paras.slice(1).forEach((p, i) => lines.push(`  ${i + 1}. ${p}`, ''));
      lines.push('Back to Index');
      break;
    }
    case 'markdown': {
      lines.push(`# ${title}`, '', `*By ${byline(rng, world)} · ${dayMonthYear(published)}*`, '');
      paras.forEach((p, i) => {
        if (i === 3) lines.push('## Background', '');
        lines.push(p.startsWith('“') && rng.next() < 0.5 ? `> ${p}` : p, '');
      });
      break;
    }
    default: {
      lines.push('Skip to main content', '', title, '', `${cap(s.topics[0])} was high on the agenda as ${s.a.person.family} and ${s.b.person.family} met.`);
      lines.push(`${byline(rng, world).toUpperCase()}/${rng.pick(['AFP', 'Reuters', 'AP'])} via Getty Images`, '');
      lines.push(paras.join('\n\n'), '', `Updated ${monthDayYear(published)}`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

/** The 32-bit FNV-1a of a text: enough to notice an exact repeat. */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);

/**
 * The workspace's articles (paths with `/`, texts) and the 1 MB long read.
 * @param {{ articles?: number, seed?: number | string, seedTexts: string[], seedShare?: number, longArticleBytes?: number }} options
 */
export function generateWorkspace({ articles = 10_000, seed = 20240601, seedTexts, seedShare = 0.25, longArticleBytes = 1 << 20 }) {
  const rng = createRng(`workspace:${seed}`);
  const world = buildWorld(rng);
  const files = [];
  const seen = new Set();
  const add = (path, text) => {
    // Never one text twice: a repeat (rare) gets a distinct correction line.
    let h = fnv(text);
    while (seen.has(h)) {
      text += `\nCorrection (${files.length}): an earlier version of this article misstated a date.\n`;
      h = fnv(text);
    }
    seen.add(h);
    files.push({ path, text });
  };

  const seedCount = seedTexts && seedTexts.length ? Math.round(articles * seedShare) : 0;
  const storyCount = articles - seedCount;
  let storyId = 0;
  let story;
  let outletsLeft = 0;
  for (let n = 0; n < storyCount; n++) {
    if (outletsLeft === 0) {
      story = makeStory(rng, world, storyId++);
      // Most events are covered by more than one outlet.
      outletsLeft = rng.pick([1, 1, 2, 2, 2, 3, 3, 4]);
    }
    outletsLeft--;
    const outlet = rng.pick(OUTLETS);
    const published = day(story.date.ms + rng.pick([0, 0, 1, 1, 2, 3]) * DAY_MS);
    // Mostly news-length; some briefs, some long analyses.
    const roll = rng.next();
    const length = roll < 0.12 ? rng.int(0, 2) : roll < 0.9 ? rng.int(10, 23) : rng.int(30, 70);
    const paras = storyBody(rng, story, published, outlet.style, length);
    const text = layout(rng, outlet, story, published, paras, world);
    const sub = outlet.key === 'wire' || outlet.key === 'published' ? `${outlet.folder}/${published.y}` : outlet.folder;
    add(`${sub}/${iso(published)}-${slug(headlineSlug(story))}-${String(n).padStart(5, '0')}.${outlet.ext}`, text);
  }
  if (seedCount > 0) {
    // generateCorpus stops at a size; every variant is under 6 KB, so this size gives at least seedCount.
    const variants = generateCorpus({ seedTexts, targetBytes: seedCount * 6000, seed });
    variants.slice(0, seedCount).forEach((v, i) => add(`archive/${v.documentDate.slice(0, 4)}/${v.documentDate}-${String(i).padStart(5, '0')}.txt`, v.text));
  }
  const longArticle = generateLongArticle(rng, world, longArticleBytes);
  return { files, longArticle, stories: storyId };
}

function headlineSlug(s) {
  return `${s.a.country.name} ${s.b.country.name} ${s.kind}`;
}

/**
 * A year-in-review digest: many stories' paragraphs under dated section headings, up to `bytes` of UTF-8.
 * Plain text, not Markdown: typing in it must measure News Annotator, not VS Code's Markdown extension
 * (which re-parses a 1 MB document in the same extension host on every keystroke).
 */
function generateLongArticle(rng, world, bytes) {
  const year = 2023;
  const parts = [`The year in diplomacy: ${year} in review`, '', `Compiled by the ${rng.pick(['foreign', 'world', 'international'])} desk`, ''];
  let size = Buffer.byteLength(parts.join('\n'));
  let i = 0;
  while (size < bytes) {
    const s = makeStory(rng, world, -1 - i++);
    s.date = day(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS);
    const published = day(s.date.ms + DAY_MS);
    const block = [`${dayMonthYear(s.date).toUpperCase()}: ${headline(rng, s)}`, '', ...storyBody(rng, s, published, 'uk', rng.int(2, 6)).flatMap((p) => [p, ''])].join('\n') + '\n';
    parts.push(block);
    size += Buffer.byteLength(block) + 1;
  }
  return { path: `longform/year-in-review-${year}.txt`, text: parts.join('\n') };
}

/** The seed articles of the repository, in name order. */
export function readSeedTexts() {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** A fingerprint of what makes the workspace: the generator's sources and the seeds (for a cache). */
export function generatorFingerprint() {
  const h = createHash('sha256');
  for (const f of ['bench/workspace.mjs', 'bench/corpus.mjs']) h.update(readFileSync(join(repoRoot, f)));
  for (const t of readSeedTexts()) h.update(t);
  return h.digest('hex').slice(0, 16);
}

/**
 * Writes the workspace into `out` (emptied first). Returns counts, the long article's path, and the SHA-256
 * of all files (path and text, in order) to check determinism.
 */
export function writeWorkspace({ out, articles = 10_000, seed = 20240601 }) {
  const { files, longArticle, stories } = generateWorkspace({ articles, seed, seedTexts: readSeedTexts() });
  rmSync(out, { recursive: true, force: true });
  const digest = createHash('sha256');
  let bytes = 0;
  for (const f of [...files, longArticle]) {
    const file = join(out, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.text);
    digest.update(f.path + '\0' + f.text + '\0');
    if (f !== longArticle) bytes += Buffer.byteLength(f.text);
  }
  return { files: files.length, bytes, stories, longArticle: longArticle.path, longArticleBytes: Buffer.byteLength(longArticle.text), sha256: digest.digest('hex') };
}

// Run directly: node bench/workspace.mjs --out DIR [--articles 10000] [--seed 20240601]
if (process.argv[1] && import.meta.url === pathToFileURLHref(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
  };
  const out = arg('--out', undefined);
  if (!out) {
    console.error('usage: node bench/workspace.mjs --out DIR [--articles 10000] [--seed 20240601]');
    process.exit(2);
  }
  const t0 = performance.now();
  const summary = writeWorkspace({ out, articles: Number(arg('--articles', '10000')), seed: arg('--seed', '20240601') });
  console.log(
    `wrote ${summary.files} articles (${(summary.bytes / 2 ** 20).toFixed(1)} MB, ${summary.stories} stories) and ${summary.longArticle} ` +
      `(${(summary.longArticleBytes / 2 ** 20).toFixed(2)} MB) to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s; sha256 ${summary.sha256.slice(0, 16)}`,
  )
}
