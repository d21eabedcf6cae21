// Deterministic synthetic news corpus for the speed benchmark.
// Each generated article starts from one seed article and varies it so the corpus is not one text
// repeated (which would flatter caches and branch predictors): paragraph and sentence order,
// officials' names (full-name and surname-only mentions, consistently within the article),
// countries with their demonyms and capitals, and every date (years, months, days, weekdays).
// Everything comes from a seeded PRNG, so the same seed always gives byte-identical output.
import countries from 'world-countries';

// ---------------------------------------------------------------------------------------------
// PRNG

/** 32-bit FNV-1a hash, to turn a string or number seed into a PRNG state. */
function hashSeed(seed) {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
export function createRng(seed) {
  let state = hashSeed(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const shuffle = (arr) => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  };
  return { next, int, pick, shuffle };
}

// ---------------------------------------------------------------------------------------------
// Name pool: invented combinations of common given names and surnames of many traditions.
// `surnameFirst` traditions write the family name first, so the surname-only mention is the first token.

const NAME_TRADITIONS = [
  { // Japanese
    given: ['Haruto', 'Kenji', 'Takeshi', 'Hiroshi', 'Masako', 'Yuki', 'Akiko', 'Daisuke', 'Noriko', 'Satoshi', 'Emi', 'Ryota'],
    family: ['Tanaka', 'Watanabe', 'Morimoto', 'Kuroda', 'Ishikawa', 'Fujimura', 'Okabe', 'Nakagawa', 'Sugiyama', 'Hoshino', 'Takeda', 'Uchida'],
  },
  { // Persian
    given: ['Mohammad Reza', 'Ali', 'Farhad', 'Kaveh', 'Mahmoud', 'Parisa', 'Shirin', 'Dariush', 'Hamid', 'Nasrin', 'Behrouz', 'Mehdi'],
    family: ['Tavakoli', 'Rahimi', 'Hosseinzadeh', 'Karimi-Nejad', 'Jafari', 'Sadeghi', 'Mousavi', 'Ebrahimi', 'Ghorbani', 'Shahidi', 'Azimi', 'Rostami'],
  },
  { // Arabic
    given: ['Khalid', 'Faisal', 'Mona', 'Tariq', 'Yousef', 'Layla', 'Omar', 'Huda', 'Karim', 'Samir', 'Rania', 'Nabil'],
    family: ['Al-Mansouri', 'Haddad', 'Al-Otaibi', 'El-Sayed', 'Nasser', 'Khoury', 'Al-Hashimi', 'Barakat', 'Abu Zaid', 'Fakhoury', 'Al-Qasimi', 'Saleh'],
  },
  { // Chinese
    surnameFirst: true,
    given: ['Jianguo', 'Xiaoming', 'Weidong', 'Lihua', 'Haiyan', 'Jun', 'Qiang', 'Yufei', 'Mingzhe', 'Hongwei', 'Lan', 'Zhiwei'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun'],
  },
  { // Korean
    surnameFirst: true,
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Hye-jin', 'Sung-min', 'Dong-hyun', 'Eun-ji', 'Jae-won', 'Young-soo', 'Mi-kyung'],
    family: ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Shin', 'Oh'],
  },
  { // Vietnamese
    surnameFirst: true,
    given: ['Van Minh', 'Thi Lan', 'Duc Anh', 'Hoang Nam', 'Thu Trang', 'Quang Huy', 'Minh Chau', 'Thanh Tung'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui'],
  },
  { // Indian
    given: ['Rajesh', 'Priya', 'Anil', 'Sunita', 'Vikram', 'Meera', 'Arjun', 'Kavita', 'Suresh', 'Deepa', 'Rohan', 'Lakshmi'],
    family: ['Sharma', 'Iyer', 'Reddy', 'Banerjee', 'Menon', 'Chaudhary', 'Nair', 'Deshpande', 'Malhotra', 'Subramaniam', 'Kulkarni', 'Gill'],
  },
  { // West and East African
    given: ['Adebayo', 'Chiamaka', 'Oluwaseun', 'Ngozi', 'Kwame', 'Ama', 'Wanjiru', 'Emeka', 'Folake', 'Kofi', 'Amina', 'Tendai'],
    family: ['Okonkwo', 'Adeyemi', 'Mensah', 'Otieno', 'Nwosu', 'Boateng', 'Mwangi', 'Abubakar', 'Ogunleye', 'Kamau', 'Asante', 'Eze'],
  },
  { // Slavic and Central European
    given: ['Aleksandr', 'Olena', 'Dmitri', 'Katarzyna', 'Pavel', 'Milena', 'Tomasz', 'Irina', 'Bogdan', 'Svetlana', 'Miroslav', 'Jelena'],
    family: ['Kovalenko', 'Nowakowski', 'Petrović', 'Sokolov', 'Dvořák', 'Horvat', 'Lewandowski', 'Zelenko', 'Marinov', 'Kuznetsov', 'Novak', 'Szabó'],
  },
  { // Hispanic
    given: ['María José', 'Alejandro', 'Lucía', 'Carlos', 'Fernanda', 'Javier', 'Gabriela', 'Andrés', 'Valentina', 'Diego', 'Camila', 'Ricardo'],
    family: ['Fernández', 'Rodríguez', 'de la Cruz', 'Herrera', 'Castillo', 'Morales', 'Gutiérrez', 'Vargas', 'Ortega', 'Mendoza', 'Salazar', 'Navarro'],
  },
  { // Portuguese and Brazilian
    given: ['João', 'Ana Paula', 'Luiz', 'Mariana', 'Rafael', 'Beatriz', 'Thiago', 'Graça'],
    family: ['Almeida', 'Pereira', 'Carvalho', 'Rocha', 'Azevedo', 'Barbosa', 'Ribeiro', 'dos Santos'],
  },
  { // German and Dutch
    given: ['Annegret', 'Friedrich', 'Katrin', 'Jürgen', 'Sabine', 'Matthias', 'Ingrid', 'Wolfgang', 'Pieter', 'Annelies', 'Jan', 'Maarten'],
    family: ['Schäfer', 'Hoffmann', 'Brandt', 'van der Berg', 'de Vries', 'Krüger', 'Vogel', 'Becker', 'Janssen', 'Zimmermann', 'Wagner', 'Köhler'],
  },
  { // French
    given: ['Jean-Luc', 'Élodie', 'François', 'Camille', 'Thierry', 'Sophie', 'Olivier', 'Mathilde', 'Laurent', 'Isabelle', 'Benoît', 'Claire'],
    family: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Rousseau', 'Chevalier', 'Lambert', 'Bonnet', 'Mercier', 'Duval', 'Garnier'],
  },
  { // Turkish
    given: ['Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Mustafa', 'Elif', 'Burak', 'Selin', 'Kemal', 'Leyla', 'Serkan', 'Deniz'],
    family: ['Yılmaz', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Kılıç', 'Kaya', 'Koç', 'Erdem'],
  },
  { // Indonesian and Malay
    given: ['Budi', 'Siti', 'Agus', 'Dewi', 'Hendra', 'Ratna', 'Joko', 'Putri', 'Wahyu', 'Indah'],
    family: ['Santoso', 'Wibowo', 'Hidayat', 'Kusuma', 'Setiawan', 'Nugroho', 'Rahman', 'Pratama', 'Halim', 'Suryadi'],
  },
  { // Nordic
    given: ['Lars', 'Ingrid', 'Sven', 'Astrid', 'Magnus', 'Sigrid', 'Erik', 'Freja', 'Henrik', 'Maja'],
    family: ['Lindqvist', 'Johansson', 'Halvorsen', 'Nyberg', 'Solberg', 'Andersen', 'Bergström', 'Dahl', 'Eriksen', 'Holm'],
  },
  { // English-speaking
    given: ['Margaret', 'David', 'Sarah', 'Michael', 'Catherine', 'James', 'Rebecca', 'Thomas', 'Helen', 'Andrew', 'Fiona', 'Patrick'],
    family: ['Whitfield', 'Harrington', "O'Connell", 'Blackwood', 'Pemberton', 'Caldwell', 'Ashford', 'McAllister', 'Thornton', 'Fairbanks', 'Gallagher', 'Kingsley'],
  },
];

/** A random person: the full name as written in running text, and the surname-only form. */
function randomPerson(rng) {
  const tradition = rng.pick(NAME_TRADITIONS);
  const given = rng.pick(tradition.given);
  const family = rng.pick(tradition.family);
  const full = tradition.surnameFirst ? `${family} ${given}` : `${given} ${family}`;
  return { full, given, family };
}

// ---------------------------------------------------------------------------------------------
// Countries: any UN member found in a seed can be swapped, together with its demonym and capital,
// for one of a set of well-formed targets.

const TARGET_COUNTRIES = [
  ['Argentina', 'Argentine', 'Buenos Aires'], ['Australia', 'Australian', 'Canberra'], ['Austria', 'Austrian', 'Vienna'],
  ['Brazil', 'Brazilian', 'Brasília'], ['Canada', 'Canadian', 'Ottawa'], ['Chile', 'Chilean', 'Santiago'],
  ['China', 'Chinese', 'Beijing'], ['Egypt', 'Egyptian', 'Cairo'], ['Ethiopia', 'Ethiopian', 'Addis Ababa'],
  ['France', 'French', 'Paris'], ['Germany', 'German', 'Berlin'], ['Ghana', 'Ghanaian', 'Accra'],
  ['Greece', 'Greek', 'Athens'], ['India', 'Indian', 'New Delhi'], ['Indonesia', 'Indonesian', 'Jakarta'],
  ['Italy', 'Italian', 'Rome'], ['Kenya', 'Kenyan', 'Nairobi'], ['Malaysia', 'Malaysian', 'Kuala Lumpur'],
  ['Mexico', 'Mexican', 'Mexico City'], ['Morocco', 'Moroccan', 'Rabat'], ['Nigeria', 'Nigerian', 'Abuja'],
  ['Norway', 'Norwegian', 'Oslo'], ['Pakistan', 'Pakistani', 'Islamabad'], ['Peru', 'Peruvian', 'Lima'],
  ['Poland', 'Polish', 'Warsaw'], ['Portugal', 'Portuguese', 'Lisbon'], ['Qatar', 'Qatari', 'Doha'],
  ['Saudi Arabia', 'Saudi', 'Riyadh'], ['Senegal', 'Senegalese', 'Dakar'], ['South Africa', 'South African', 'Pretoria'],
  ['South Korea', 'South Korean', 'Seoul'], ['Spain', 'Spanish', 'Madrid'], ['Sweden', 'Swedish', 'Stockholm'],
  ['Thailand', 'Thai', 'Bangkok'], ['Turkey', 'Turkish', 'Ankara'], ['Ukraine', 'Ukrainian', 'Kyiv'],
  ['Vietnam', 'Vietnamese', 'Hanoi'], ['Philippines', 'Philippine', 'Manila'], ['Colombia', 'Colombian', 'Bogotá'],
  ['Kazakhstan', 'Kazakh', 'Astana'], ['Oman', 'Omani', 'Muscat'], ['Jordan', 'Jordanian', 'Amman'],
].map(([name, demonym, capital]) => ({ name, demonym, capital }));

/** Source countries: every UN member whose name, demonym and capital are plain words. */
const SOURCE_COUNTRIES = countries
  .filter((c) => c.unMember)
  .map((c) => ({ name: c.name.common, demonym: c.demonyms?.eng?.m ?? '', capital: c.capital?.[0] ?? '' }))
  .filter((c) => /^[\p{L} ]+$/u.test(c.name) && /^[\p{L} ]*$/u.test(c.demonym) && /^[\p{L} ]*$/u.test(c.capital));

// ---------------------------------------------------------------------------------------------
// Finding officials' names in a seed, without any list of people: a run of 2-3 capitalised words
// right after a title ("Foreign Minister", "Mr.", "counterpart,") or right before an appositive title.

// A capitalised word; hyphens and inner apostrophes are part of it ("Amir-Abdollahian", "Sa'ar"),
// a possessive "'s" is not.
const TOKEN = String.raw`\p{Lu}\p{L}*(?:(?:-|[’'](?!s(?!\p{L})))\p{L}+)*`;
const NAME_RUN = String.raw`${TOKEN}(?:[ \t]+${TOKEN}){1,2}`;
const TITLE_BEFORE = String.raw`(?:Ambassador to (?:the )?${TOKEN}|Minister|President|Secretary|Ambassador|Chancellor|Premier|Envoy|Governor|Senator|Spokesperson|Spokesman|Spokeswoman|Mr\.|Mrs\.|Ms\.|Dr\.|Honorable|Honourable|(?:minister|president|secretary|counterpart|predecessor|successor|envoy|ambassador|spokesperson),)`;
const TITLE_AFTER = String.raw`(?:Minister|President|Secretary|Ambassador|Chancellor|Premier|minister|president|secretary|ambassador)`;
const NAME_AFTER_TITLE_RE = new RegExp(String.raw`(?<!\p{L})${TITLE_BEFORE}[ \t]+(${NAME_RUN})(?!\p{L})`, 'gu');
const NAME_BEFORE_TITLE_RE = new RegExp(
  String.raw`(?<![\p{L}’'-])(${NAME_RUN}),?[ \t]+(?:as[ \t]+)?(?:the[ \t]+)?(?:${TOKEN}[’']s[ \t]+)?(?:(?:${TOKEN}|new|former|foreign)[ \t]+){0,2}${TITLE_AFTER}(?!\p{L})`,
  'gu',
);

// Capitalised words that start sentences or belong to titles, never to a name.
const NOT_NAME_WORDS = new Set(
  (
    'The A An In On At To Of For And But Or As By From With During After Before Also Meanwhile However ' +
    'Foreign Prime Deputy Vice Defence Defense Finance Trade Interior State Minister Ministers President Secretary ' +
    'General Ambassador Chancellor Premier Envoy Governor Senator Affairs Ministry Office Council Security United Nations ' +
    'Honorable Honourable Excellency Mr Mrs Ms Dr His Her Their Its This That These Those He She They We It Former New Senior Special ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
  ).split(' '),
);
const PLACE_WORDS = new Set(SOURCE_COUNTRIES.flatMap((c) => [c.name, c.demonym, c.capital]).flatMap((s) => s.split(' ')));

function cleanNameTokens(run) {
  const tokens = run.split(/[ \t]+/);
  while (tokens.length > 0 && (PLACE_WORDS.has(tokens[0]) || NOT_NAME_WORDS.has(tokens[0]))) tokens.shift();
  if (tokens.length < 2 || tokens.some((t) => NOT_NAME_WORDS.has(t) || PLACE_WORDS.has(t))) return null;
  return tokens;
}

/**
 * The people named in a seed: for each, the written full-name forms and surname-only forms.
 * "Hossein Amir Abdollahian" and "Amir Abdollahian" are one person (the shorter is a suffix).
 * An all-capitals first token ("HAYASHI Yoshimasa") marks the surname-first official style.
 */
export function findSeedPeople(text) {
  const runs = new Set();
  for (const re of [NAME_AFTER_TITLE_RE, NAME_BEFORE_TITLE_RE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const tokens = cleanNameTokens(m[1]);
      if (tokens) runs.add(tokens.join(' '));
    }
  }
  const normal = (s) => s.replace(/-/g, ' ');
  const sorted = [...runs].sort((a, b) => b.length - a.length);
  const people = [];
  for (const run of sorted) {
    const tokens = run.split(' ');
    const upperFirst = tokens[0].length > 1 && tokens[0] === tokens[0].toUpperCase();
    const surnameTokens = upperFirst ? [tokens[0]] : tokens.slice(1);
    const owner = people.find((p) => p.fullNormal.endsWith(' ' + normal(run)) || p.fullNormal === normal(run));
    if (owner) {
      // A shorter run of a longer name is a surname-only mention ("Amir Abdollahian").
      owner.surnames.add(run);
      continue;
    }
    const surname = surnameTokens.join(' ');
    const cased = upperFirst ? surname[0] + surname.slice(1).toLowerCase() : surname;
    people.push({
      upperFirst,
      fullNormal: normal(run),
      fulls: new Set([run]),
      surnames: new Set([cased, cased.replace(/ /g, '-'), cased.replace(/-/g, ' ')]),
    });
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_INDEX = new Map([
  ...MONTHS.map((m, i) => [m, i]),
  ...MONTH_ABBR.map((m, i) => [m, i]),
  ['Sep.', 8],
]);
const MONTH_ALT = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
// One pass over the text; alternatives in priority order so a day next to a month is seen with it.
const DATE_RE = new RegExp(
  String.raw`(?<iso>(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d))` +
    String.raw`|(?<dayFirst>(?<![\d.,])[0-3]?\d)(?<dfSep>[ \t]+)(?<dfMonth>${MONTH_ALT})` +
    String.raw`|(?<mdMonth>${MONTH_ALT})(?<mdSep>[ \t]+)(?<mdDay>[0-3]?\d)(?![\d:.]\d)` +
    String.raw`|(?<month>(?<!\p{L})${MONTH_ALT}(?!\p{L}))` +
    String.raw`|(?<year>(?<![\d.,$£€])(?:19[5-9]\d|20[0-4]\d)(?![\d%]))` +
    String.raw`|(?<weekday>(?<!\p{L})(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=s?(?!\p{L})))`,
  'gu',
);

function makeDateShifter(rng) {
  const yearDelta = rng.int(-12, 2);
  const monthDelta = rng.int(0, 11);
  const weekdayDelta = rng.int(0, 6);
  const dayMap = new Map();
  const mapDay = (day) => {
    if (day < 1 || day > 31) return day;
    if (!dayMap.has(day)) dayMap.set(day, rng.int(1, 28));
    return dayMap.get(day);
  };
  const mapMonthName = (name) => {
    const i = MONTH_INDEX.get(name);
    if (i === undefined) return name;
    const j = (i + monthDelta) % 12;
    return name.endsWith('.') ? MONTH_ABBR[j] : MONTHS[j];
  };
  const shift = (text) =>
    text.replace(DATE_RE, (match, ...args) => {
      const g = args[args.length - 1];
      if (g.iso) {
        const y = Number(match.slice(0, 4)) + yearDelta;
        const mo = ((Number(match.slice(5, 7)) - 1 + monthDelta) % 12) + 1;
        const d = mapDay(Number(match.slice(8, 10)));
        return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      }
      if (g.dayFirst) {
        const day = Number(g.dayFirst);
        if (day < 1 || day > 31) return g.dayFirst + g.dfSep + mapMonthName(g.dfMonth);
        return String(mapDay(day)) + g.dfSep + mapMonthName(g.dfMonth);
      }
      if (g.mdMonth) {
        const day = Number(g.mdDay);
        const newDay = day >= 1 && day <= 31 ? String(mapDay(day)) : g.mdDay;
        return mapMonthName(g.mdMonth) + g.mdSep + newDay;
      }
      if (g.month) return mapMonthName(g.month);
      if (g.year) return String(Number(g.year) + yearDelta);
      if (g.weekday) return WEEKDAYS[(WEEKDAYS.indexOf(g.weekday) + weekdayDelta) % 7];
      return match;
    });
  return { shift, yearDelta };
}

// ---------------------------------------------------------------------------------------------
// Substitution of names and places in one pass

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceAll(text, replacements) {
  if (replacements.size === 0) return text;
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${keys.map(escapeRe).join('|')})(?![\p{L}\p{N}])`, 'gu');
  return text.replace(re, (m) => replacements.get(m) ?? m);
}

function buildReplacements(seed, rng) {
  const replacements = new Map();
  // Countries first so that a person's name wins when a string is both.
  const available = rng.shuffle([...TARGET_COUNTRIES]);
  for (const source of seed.countries) {
    if (rng.next() < 0.25) continue; // Keep some countries as they are.
    const target = available.pop();
    if (!target) break;
    replacements.set(source.name, target.name);
    if (source.demonym) replacements.set(source.demonym, target.demonym);
    if (source.capital) replacements.set(source.capital, target.capital);
  }
  const usedSurnames = new Set();
  for (const person of seed.people) {
    let candidate = randomPerson(rng);
    for (let tries = 0; tries < 5 && usedSurnames.has(candidate.family); tries++) candidate = randomPerson(rng);
    usedSurnames.add(candidate.family);
    const full = person.upperFirst ? `${candidate.family.toUpperCase()} ${candidate.given}` : candidate.full;
    for (const f of person.fulls) replacements.set(f, full);
    for (const s of person.surnames) replacements.set(s, candidate.family);
  }
  return replacements;
}

// ---------------------------------------------------------------------------------------------
// Reordering

// Sentence boundary inside a paragraph: end punctuation (maybe a closing quote), space, capital or opening
// quote; not after a title abbreviation or initial ("Mr. Tanaka", "U.S. President") nor a list number ("1. The").
const SENTENCE_BREAK_RE =
  /(?<=[.!?][”"’)]?)(?<!(?:^|[\s(.-])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Prof|Sen|Rep|Gov|Amb|No|vs|[A-Z])\.)(?<!^\d{1,2}[.)])[ \t]+(?=[“"‘(]?\p{Lu})/u;

const LIST_PREFIX_RE = /^\s*(?:(?:\d{1,2}[.)]|•|\(\d{1,2}\)|[-*])[ \t]+)*/u;

function reorder(text, rng) {
  const lines = text.split('\n');
  const bodyIndexes = [];
  let nonEmptySeen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    nonEmptySeen++;
    if (nonEmptySeen > 2) bodyIndexes.push(i); // The first two lines are headline matter.
  }
  const bodies = bodyIndexes.map((i) => lines[i]);
  // Drop the odd paragraph so articles also differ in length and content.
  const kept = bodies.map((line) => (bodies.length > 4 && rng.next() < 0.12 ? null : line));
  const order = kept.map((_, i) => i);
  if (rng.next() < 0.7) rng.shuffle(order);
  bodyIndexes.forEach((lineIndex, k) => {
    const line = kept[order[k]];
    if (line === null) {
      lines[lineIndex] = '';
      return;
    }
    // Indentation and list markers stay at the front of the paragraph.
    const indent = LIST_PREFIX_RE.exec(line)[0];
    const sentences = line.slice(indent.length).split(SENTENCE_BREAK_RE);
    if (sentences.length > 1 && rng.next() < 0.6) rng.shuffle(sentences);
    lines[lineIndex] = indent + sentences.join(' ');
  });
  return lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
}

// ---------------------------------------------------------------------------------------------

function analyseSeed(seedText) {
  const people = findSeedPeople(seedText);
  const present = (word) => word !== '' && new RegExp(String.raw`(?<!\p{L})${escapeRe(word)}(?!\p{L})`, 'u').test(seedText);
  const countriesInSeed = SOURCE_COUNTRIES.filter((c) => present(c.name) || present(c.demonym));
  const years = [...seedText.matchAll(/(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)/g)].map((m) => Number(m[0])).filter((y) => y <= 2026);
  const latestYear = years.length > 0 ? Math.max(...years) : 2023;
  return { text: seedText, people, countries: countriesInSeed, latestYear };
}

const ISO_DAY_RE = /(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)/;

function utf8Length(s) {
  // Same as Buffer.byteLength(s, 'utf8'), without Node's Buffer so it runs anywhere.
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Generates varied articles from the seeds until their UTF-8 size reaches `targetBytes`.
 * @param {{ seedTexts: string[], targetBytes: number, seed?: number | string }} options
 * @returns {{ path: string, text: string, documentDate: string, seedIndex: number }[]}
 */
export function generateCorpus({ seedTexts, targetBytes, seed = 1 }) {
  if (!Array.isArray(seedTexts) || seedTexts.length === 0) throw new Error('generateCorpus needs at least one seed text');
  const seeds = seedTexts.map(analyseSeed);
  const rng = createRng(seed);
  const out = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const seedIndex = Math.floor(rng.next() * seeds.length);
    const source = seeds[seedIndex];
    const dates = makeDateShifter(rng);
    let text = reorder(source.text, rng);
    text = replaceAll(text, buildReplacements(source, rng));
    text = dates.shift(text);
    // The publication date: a dateline in the text when there is one, else a day in the article's era.
    const year = source.latestYear + dates.yearDelta;
    const randomDay = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const documentDate = ISO_DAY_RE.exec(text)?.[0] ?? randomDay;
    const path = `synthetic/${String(out.length).padStart(6, '0')}.txt`;
    out.push({ path, text, documentDate, seedIndex });
    bytes += utf8Length(text);
  }
  return out;
}

// Run directly to write the corpus to disk, e.g. for the CLI or a profiler:
//   node bench/corpus.mjs --out .bench/corpus [--mb 10] [--seed 20240601]
if (typeof process !== 'undefined' && process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const { readdirSync, readFileSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { join, dirname } = await import('node:path');
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
  };
  const outDir = arg('--out', '.bench/corpus');
  const seedDir = 'seeds';
  const seedTexts = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const docs = generateCorpus({ seedTexts, targetBytes: Number(arg('--mb', '10')) * 1024 * 1024, seed: arg('--seed', '20240601') });
  for (const d of docs) {
    const file = join(outDir, d.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, d.text);
  }
  console.log(`wrote ${docs.length} documents to ${join(outDir, 'synthetic')}`);
}
