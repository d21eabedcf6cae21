// The lexicon of public offices: the head nouns of titles ("minister", "ambassador"), the words that
// qualify them ("foreign", "shadow", "deputy"), and the words that tell a public office from a
// private one. General English vocabulary only: no person or article is named here.

import { detached } from './detached';

/**
 * How much a head noun says on its own:
 * - strong: a public office by itself ("President X", "Foreign Minister X");
 * - weak: an office only with a public qualifier ("Foreign Ministry spokesman", "IAEA chief",
 *   "Kenyan opposition leader"), since companies and groups have spokesmen, chiefs and leaders too;
 * - counterpart / predecessor: the office of another official in the same sentence.
 */
export type HeadStrength = 'strong' | 'weak' | 'counterpart' | 'predecessor';

const STRONG_HEADS = [
  'president', 'president-elect', 'vice-president', 'premier', 'chancellor', 'minister', 'minister-designate',
  'ambassador', 'ambassador-designate', 'envoy', 'consul', 'consul-general', 'commissioner', 'high-commissioner',
  'senator', 'sen', 'congressman', 'congresswoman', 'congressmember', 'lawmaker', 'legislator', 'parliamentarian',
  'mp', 'mep', 'msp', 'governor', 'gov', 'mayor', 'king', 'queen', 'emperor', 'empress', 'emir', 'sultan', 'monarch',
  'pope', 'taoiseach', 'secretary-general', 'director-general', 'undersecretary', 'under-secretary',
  'general', 'gen', 'lieutenant-general', 'major-general', 'brigadier', 'brigadier-general', 'admiral', 'adm',
  'vice-admiral', 'rear-admiral', 'colonel', 'col', 'lt-col', 'marshal', 'field-marshal', 'diplomat',
  'councillor', 'councilor', 'councilman', 'councilwoman', 'attaché', 'attache', 'viceroy', 'regent',
  'speaker', 'secretary', 'representative', 'rep', 'governor-general', 'tánaiste', 'tanaiste', 'chargé', 'charge',
  'lieutenant-colonel', 'air-marshal', 'vice-chancellor',
];

const WEAK_HEADS = [
  'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'head', 'director', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'commander', 'adviser', 'advisor', 'negotiator', 'prince', 'princess', 'sheikh',
  'aide', 'deputy', 'official', 'administrator', 'prosecutor', 'attorney', 'treasurer', 'comptroller', 'counsellor',
  'counselor', 'minister-counsellor', 'secretary-general-designate',
  'inspector-general', 'superintendent', 'delegate', 'member',
];

export const HEADS: ReadonlyMap<string, HeadStrength> = new Map<string, HeadStrength>([
  ...STRONG_HEADS.map((h) => [h, 'strong'] as const),
  ...WEAK_HEADS.map((h) => [h, 'weak'] as const),
  ['counterpart', 'counterpart'],
  ['predecessor', 'predecessor'],
  ['successor', 'predecessor'],
]);

/** Heads that are common surnames too ("Martin Luther King", "John Major"): still allowed inside names. */
export const HEADS_ALSO_SURNAMES: ReadonlySet<string> = new Set([
  'king', 'prince', 'chief', 'head', 'leader', 'speaker', 'chair', 'marshal', 'deputy', 'queen', 'pope', 'rep',
]);

/** Abbreviated heads ("Sen.", "Gen", "Rep.") only count written with a capital. */
export const ABBREVIATED_HEADS: ReadonlySet<string> = new Set(['sen', 'gen', 'gov', 'adm', 'col', 'rep', 'mp', 'mep', 'msp']);

/** Heads that follow the name ("Diane Abbott MP"). */
export const POSTNOMINAL_HEADS: ReadonlySet<string> = new Set(['mp', 'mep', 'msp']);

/**
 * Words that qualify a head inside a title and also mark it as public: portfolios, bodies of
 * state, ranks. ("Foreign Ministry spokesman", "national security adviser", "army chief").
 */
const PUBLIC_QUALIFIERS = [
  'prime', 'foreign', 'defence', 'defense', 'finance', 'financial', 'home', 'interior', 'trade', 'economy', 'economic',
  'economics', 'justice', 'health', 'education', 'energy', 'environment', 'environmental', 'culture', 'cultural',
  'agriculture', 'labour', 'labor', 'transport', 'transportation', 'industry', 'commerce', 'affairs', 'europe',
  'european', 'state', 'cabinet', 'crown', 'supreme', 'attorney', 'solicitor', 'government', 'governmental',
  'ministry', 'ministerial', 'department', 'presidential', 'white', 'house', 'kremlin', 'pentagon', 'army',
  'military', 'navy', 'naval', 'air', 'force', 'forces', 'police', 'intelligence', 'security', 'national',
  'parliamentary', 'parliament', 'party', 'opposition', 'majority', 'minority', 'senate', 'congressional',
  'commission', 'council', 'committee', 'development', 'climate', 'digital', 'immigration', 'treasury',
  'exchequer', 'regional', 'provincial', 'municipal', 'city', 'federal', 'press', 'unification', 'veterans',
  'housing', 'science', 'technology', 'tourism', 'sports', 'fisheries', 'water', 'mines', 'petroleum', 'oil',
  'planning', 'information', 'communications', 'internal', 'external', 'overseas', 'women', 'youth', 'welfare',
  'social', 'employment', 'infrastructure', 'nuclear', 'arms', 'customs', 'border', 'central', 'reserve',
  'embassy', 'consulate', 'mission', 'delegation', 'administration', 'agency', 'bureau', 'office', 'staff',
  'joint', 'chiefs', 'armed', 'legislative', 'executive', 'judicial', 'electoral', 'election', 'diplomatic',
  'general', 'deputy', 'vice', 'shadow', 'high', 'chief', 'secretary', 'minister', 'foreign-affairs', 'europe-minister',
  'conservative', 'tory', 'labour', 'liberal', 'democrat', 'democratic', 'republican', 'socialist', 'communist',
  'green', 'independence', 'nationalist', 'unionist', 'coalition', 'ruling', 'governing', 'bundestag', 'duma',
  'knesset', 'assembly', 'provincial', 'state-run', 'public', 'civil', 'marine', 'marines', 'coast', 'guard',
  'trade-policy', 'peace', 'human', 'rights', 'refugee', 'refugees', 'aid', 'disarmament', 'counter-terrorism',
  'counterterrorism', 'terrorism', 'homeland', 'sanctions', 'monetary', 'fiscal', 'budget', 'revenue', 'tax', 'statistics',
  'competition', 'consumer', 'health-care', 'legal', 'constitutional', 'the-exchequer', 'district', 'county',
  'borough', 'state-level', 'ministry-level', 'envoy', 'ambassador', 'consular', 'royal', 'imperial',
];

/**
 * Acronyms of public bodies and parties that mark a title as public ("IAEA chief", "UKIP leader").
 * Other acronyms are companies as often as not ("BP chairman"), so they say nothing.
 */
export const PUBLIC_ACRONYMS: ReadonlySet<string> = new Set([
  'eu', 'un', 'nato', 'iaea', 'cia', 'fbi', 'nsa', 'who', 'imf', 'wto', 'opec', 'asean', 'au', 'osce', 'icc', 'icj',
  'unesco', 'unicef', 'unhcr', 'unrwa', 'wfp', 'fao', 'ecb', 'fed', 'sec', 'epa', 'fda', 'nasa', 'dhs', 'doj', 'mod',
  'mofa', 'kgb', 'fsb', 'mi5', 'mi6', 'idf', 'pla', 'irgc', 'ldp', 'cdu', 'csu', 'spd', 'fdp', 'anc', 'bjp', 'ukip',
  'snp', 'dup', 'gop', 'ccp', 'cpc', 'kmt', 'dpp', 'akp', 'chp', 'pti', 'pml', 'ppp', 'afd', 'psoe', 'pp', 'ump',
  'nhs', 'mof', 'meti', 'mofcom', 'ndrc', 'pbo', 'pboc', 'boj', 'boe', 'rbi', 'g7', 'g20', 'sco', 'brics', 'gcc',
  'oas', 'apec', 'oecd', 'nis', 'isi', 'raw', 'mossad', 'shin', 'dod', 'dos', 'ustr', 'usaid', 'dfid', 'fco',
  'fcdo', 'mea', 'mfa', 'ec', 'eeas', 'ep', 'uae', 'prc', 'rok', 'dprk', 'osd', 'jcs', 'centcom', 'nsc', 'dni',
]);

/** Words that may sit inside a title but say nothing about public office. */
const NEUTRAL_QUALIFIERS = [
  'former', 'ex', 'acting', 'interim', 'caretaker', 'outgoing', 'incoming', 'then', 'late', 'visiting', 'new',
  'newly', 'top', 'senior', 'junior', 'special', 'first', 'permanent', 'assistant', 'associate', 'principal',
  'lead', 'long-serving', 'longtime', 'long-time', 'veteran', 'current', 'sitting', 'designate', 'elected',
  'newly-elected', 'newly-appointed', 'appointed', 'retired', 'serving', 'under', 'lord', 'vice-prime', 'prime-minister',
  // Ranks before a military head: "Lt Gen", "Lieutenant General", "Rear Admiral", "Air Chief Marshal".
  'lt', 'lieutenant', 'maj', 'major', 'brig', 'brigadier', 'rear', 'sgt', 'sergeant', 'capt', 'captain', 'cmdr',
  'lance', 'staff', 'field', 'fleet', 'wing', 'group', 'flight',
];

export const PUBLIC_QUALIFIER_WORDS: ReadonlySet<string> = new Set(PUBLIC_QUALIFIERS);
export const NEUTRAL_QUALIFIER_WORDS: ReadonlySet<string> = new Set(NEUTRAL_QUALIFIERS);

/** Qualifiers that describe the holder rather than the office: left out of the reported title. */
export const DESCRIPTIVE_QUALIFIERS: ReadonlySet<string> = new Set([
  'visiting', 'new', 'newly', 'top', 'senior', 'veteran', 'long-serving', 'longtime', 'long-time', 'current',
  'sitting', 'newly-elected', 'newly-appointed', 'conservative', 'tory', 'labour', 'liberal', 'democrat',
  'democratic', 'republican', 'socialist', 'communist', 'green', 'nationalist', 'unionist', 'ruling', 'governing',
]);

/** Words that put a head in a private body ("company president", "university chancellor"). */
export const PRIVATE_QUALIFIERS: ReadonlySet<string> = new Set([
  'company', 'firm', 'corporation', 'corporate', 'business', 'bank', 'banking', 'university', 'college', 'school',
  'club', 'team', 'league', 'association', 'federation', 'union', 'group', 'foundation', 'institute', 'society',
  'charity', 'ngo', 'campaign', 'campaigners', 'rebel', 'rebels', 'militant', 'militia', 'gang', 'cult', 'church',
  'brand', 'airline', 'network', 'studio', 'band', 'film', 'movie', 'fashion', 'sales', 'marketing', 'research',
  'think-tank', 'lobby', 'industry-group', 'student', 'students', 'protest', 'protesters', 'festival', 'museum',
]);

/** Portfolio words a complement may hold ("Minister for Foreign Affairs", "Secretary of State for Health"). */
export const PORTFOLIO_WORDS: ReadonlySet<string> = new Set([
  'foreign', 'affairs', 'state', 'defence', 'defense', 'home', 'finance', 'trade', 'industry', 'economy', 'justice',
  'health', 'education', 'energy', 'environment', 'culture', 'agriculture', 'labour', 'labor', 'transport',
  'commerce', 'interior', 'exchequer', 'staff', 'treasury', 'europe', 'european', 'international', 'development',
  'economic', 'planning', 'information', 'communications', 'science', 'technology', 'tourism', 'sport', 'sports',
  'fisheries', 'water', 'mines', 'petroleum', 'oil', 'housing', 'welfare', 'employment', 'social', 'security',
  'national', 'public', 'works', 'infrastructure', 'immigration', 'unification', 'veterans', 'climate', 'change',
  'digital', 'women', 'youth', 'children', 'family', 'families', 'internal', 'external', 'cooperation', 'co-operation',
  'relations', 'policy', 'trade-and-industry', 'and', 'the', 'food', 'rural', 'equality', 'equalities', 'levelling',
  'communities', 'local', 'government', 'business', 'enterprise', 'work', 'pensions', 'nuclear', 'safety',
  'customs', 'revenue', 'budget', 'legal', 'disarmament', 'peace', 'human', 'rights', 'refugees', 'overseas',
  'northern', 'ireland', 'scotland', 'wales', 'armed', 'forces', 'cabinet', 'office', 'intelligence', 'homeland',
  'veterans', 'affairs', 'labor', 'agriculture', 'commerce', 'transportation', 'treasury', 'navy', 'army', 'air',
  'force', 'defense', 'war', 'colonies', 'religious', 'endowments', 'awqaf', 'planning', 'investment', 'finance',
]);

/**
 * Common nouns that name ministerial portfolios beyond the core lexicon above ("Minister of Aviation",
 * "Minister for Culture, Media and Sport"). General English vocabulary: surnames that are also such
 * nouns ("Power", "Savage", "Young") are left out, since the word after a portfolio may open the name.
 */
const PORTFOLIO_NOUN_LIST = [
  'aviation', 'tourism', 'heritage', 'antiquities', 'arts', 'media', 'sport', 'sports', 'culture', 'hajj', 'umrah',
  'islamic', 'religious', 'religion', 'religions', 'faith', 'waqf', 'awqaf', 'ports', 'shipping', 'waterways',
  'maritime', 'railways', 'railway', 'roads', 'highways', 'aviation', 'telecommunications', 'telecoms', 'telecom',
  'posts', 'broadcasting', 'mining', 'mines', 'minerals', 'mineral', 'petroleum', 'gas', 'hydrocarbons', 'electricity',
  'renewable', 'renewables', 'lands', 'forestry', 'forests', 'wildlife', 'livestock', 'irrigation',
  'fisheries', 'fishing', 'aquaculture', 'blue', 'ocean', 'oceans', 'marine', 'environment', 'ecology',
  'sanitation', 'hygiene', 'medical', 'medicine', 'pharmaceuticals', 'wellness', 'nutrition', 'population', 'census',
  'higher', 'primary', 'secondary', 'basic', 'vocational', 'training', 'skills', 'research', 'innovation',
  'universities', 'schools', 'students', 'teaching', 'literacy', 'knowledge', 'digital', 'cyber', 'ict', 'data',
  'artificial', 'intelligence', 'space', 'aerospace', 'defence', 'defense', 'veterans', 'military', 'war', 'peace',
  'reconciliation', 'reconstruction', 'recovery', 'relief', 'disaster', 'disasters', 'emergency', 'emergencies',
  'crisis', 'humanitarian', 'solidarity', 'cohesion', 'inclusion', 'gender', 'women', 'woman', 'child', 'children',
  'family', 'families', 'elderly', 'seniors', 'disability', 'disabilities', 'youth', 'youths', 'sport', 'leisure',
  'recreation', 'labour', 'labor', 'manpower', 'workforce', 'employment', 'pensions', 'insurance',
  'welfare', 'poverty', 'housing', 'urban', 'rural', 'regional', 'municipal', 'municipalities', 'territorial',
  'territories', 'provinces', 'devolution', 'decentralisation', 'decentralization', 'administrative',
  'administration', 'civil', 'service', 'governance', 'reform', 'reforms', 'modernisation', 'modernization',
  'transformation', 'transition', 'ecological', 'climate', 'sustainability', 'sustainable', 'conservation',
  'finance', 'financial', 'economy', 'economic', 'economics', 'budget', 'treasury', 'taxation', 'revenue',
  'customs', 'trade', 'commerce', 'industry', 'industries', 'industrial', 'investment', 'investments', 'enterprise',
  'enterprises', 'entrepreneurship', 'cooperatives', 'smes', 'competitiveness', 'productivity',
  'privatisation', 'privatization', 'procurement', 'supply', 'consumer', 'affairs', 'protection', 'planning',
  'statistics', 'national', 'state', 'public', 'works', 'infrastructure', 'transport', 'transportation',
  'communications', 'communication', 'information', 'broadcasting', 'press', 'justice', 'legal', 'constitutional',
  'parliamentary', 'cabinet', 'interior', 'home', 'internal', 'security', 'immigration', 'migration', 'migrants',
  'asylum', 'citizenship', 'integration', 'diaspora', 'emigrants', 'expatriates', 'foreign', 'external',
  'international', 'cooperation', 'relations', 'development', 'overseas', 'commonwealth', 'african', 'arab',
  'gulf', 'pacific', 'indigenous', 'aboriginal', 'tribal', 'minorities', 'minority', 'ethnic',
  'agriculture', 'agricultural', 'food', 'farming', 'water', 'waters', 'resources', 'natural', 'energy', 'oil',
  'nuclear', 'atomic', 'science', 'sciences', 'technology', 'technologies', 'tech', 'health', 'healthcare',
  'education', 'culture', 'cultural', 'tourism', 'antiquity', 'archaeology', 'museums', 'crafts', 'handicrafts',
  'textiles', 'garments', 'chemicals', 'fertilisers', 'fertilizers', 'railways', 'logistics',
  'equality', 'equalities', 'opportunity', 'opportunities', 'levelling', 'communities', 'local', 'government',
  'northern', 'southern', 'eastern', 'western', 'affairs', 'relations', 'endowments', 'zakat',
  'tourism', 'hospitality', 'creative', 'sciences', 'trades', 'tax', 'taxes', 'debt', 'audit', 'anti-corruption',
  'corruption', 'drugs', 'narcotics', 'prisons', 'correctional', 'police', 'policing', 'borders', 'border',
  'coastal', 'islands', 'small-scale', 'fisheries',
  'ocean', 'blue', 'circular', 'hydrogen', 'utilities', 'housing', 'lands', 'survey',
  'cadastre', 'registry', 'services', 'policy', 'works', 'diaspora', 'protection', 'registration', 'elections', 'electoral', 'human', 'rights', 'martyrs',
  'veterans', 'families', 'orphans', 'widows', 'displaced', 'refugees', 'returnees', 'repatriation',
  // Second words of two-word portfolios ("Climate Action", "Pacific Peoples", "Islamic Guidance").
  'action', 'peoples', 'people', 'guidance', 'resilience', 'preparedness', 'readiness', 'response', 'growth',
  'prosperity', 'wellbeing', 'well-being', 'care', 'support', 'workplace', 'equity', 'diversity', 'dialogue',
  'outreach', 'promotion', 'regions', 'cities', 'towns', 'villages', 'estates', 'assets', 'zones', 'seas',
];
export const PORTFOLIO_NOUNS: ReadonlySet<string> = new Set(PORTFOLIO_NOUN_LIST);

// Suffixes of abstract nouns that name portfolios ("Sanitation", "Empowerment", "Tourism", "Statistics",
// "Fisheries", "Partnerships", "Waterways", "Agriculture"), chosen so that personal names rarely match.
const PORTFOLIO_SUFFIX_RE = /(?:[a-z]{3}tions?|[a-z]{3}(?:iv|il|ic|ur|rs)ity|[a-z]{5}ments?|[a-z]{3}isms?|[a-z]{3}ities|[a-z]{3}eries|[a-z]{3}ories|stries|[a-z]{4}ships|[a-z]{3}ways|[a-z]{4}ics|[a-z]{3}ture)$/;

/** Whether a lower-case word reads as (part of) a ministerial portfolio by lexicon or by its suffix. */
export function isPortfolioNoun(lower: string): boolean {
  if (lower === 'and' || lower === 'the') return false;
  if (PORTFOLIO_WORDS.has(lower) || PORTFOLIO_NOUNS.has(lower)) return true;
  if (lower.length < 6) return false;
  // The suffix expression is tried at every position of the word: remember its answers.
  let bySuffix = portfolioSuffixCache.get(lower);
  if (bySuffix === undefined) {
    bySuffix = PORTFOLIO_SUFFIX_RE.test(lower);
    if (portfolioSuffixCache.size >= 20000) portfolioSuffixCache.clear();
    portfolioSuffixCache.set(detached(lower), bySuffix);
  }
  return bySuffix;
}
const portfolioSuffixCache = new Map<string, boolean>();

/** Honorifics skipped before a name; they add no office ("Mr Okafor", "Dr Elena Rojas"). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'madam', 'madame', 'lady', 'honorable', 'honourable', 'hon',
  'excellency', 'his', 'her', 'h.e.', 'prof', 'professor', 'sr', 'm', 'mme', 'herr', 'frau', 'señor', 'senor',
  'ayatollah', 'hojatoleslam', 'sayyid', 'rabbi', 'reverend', 'rev',
]);

/** Styles that sit between a title and the name ("Foreign Minister Sheikh Mohammed", "Foreign Minister Prince Faisal"). */
export const STYLE_HONORIFICS: ReadonlySet<string> = new Set(['sheikh', 'sheikha', 'prince', 'princess', 'ayatollah', 'hojatoleslam', 'sayyid']);

/** Legislatures a "member of …" belongs to ("a member of parliament"). */
export const LEGISLATURES: ReadonlySet<string> = new Set([
  'parliament', 'congress', 'senate', 'house', 'assembly', 'knesset', 'bundestag', 'duma', 'diet', 'majlis', 'legislature',
  'cabinet', 'government', 'politburo', 'council', 'commission', 'european',
]);

/** Honorifics that make one capitalised word a person ("Mr. Kishida, the Japanese prime minister"). */
export const NAME_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'mme', 'm']);

/** Determiners and possessive pronouns that open a title phrase ("the", "his Japanese counterpart"). */
export const TITLE_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose', 'this', 'that',
]);
