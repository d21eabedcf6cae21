// Word lists for the date recognizer: calendar words, number words and the context words that
// decide whether a bare month or a four-digit number is a date.

/** Lower-cased month name or abbreviation → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1],
  ['february', 2], ['feb', 2],
  ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['may', 5],
  ['june', 6], ['jun', 6],
  ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

export const MONTH_FULL_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Abbreviations, longest first so that `Sept` wins over `Sep`. */
export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'];

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Lower-cased weekday → ISO index (0 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.map((name, i) => [name.toLowerCase(), i] as [string, number]),
);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100],
]);

/**
 * Words that, right before a bare month name ("in May", "since June", "a June vote"),
 * make it a date rather than a name ("Theresa May") or a verb.
 */
export const BARE_MONTH_LEFT_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'til', 'by', 'from', 'to', 'through', 'thru', 'during', 'before',
  'after', 'between', 'and', 'or', 'of', 'on', 'a', 'an', 'the', 'early', 'late', 'mid', 'last',
  'next', 'this', 'past', 'coming', 'throughout', 'around', 'about', 'into', 'for', 'following',
  'latest', 'earliest', 'than', 'starting', 'beginning', 'ending', 'end', 'as',
]);

/** Words right before a four-digit number that make it a year ("in 2018", "the 2015 deal"). */
export const YEAR_LEFT_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'thru', 'during', 'before', 'after',
  'between', 'of', 'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'year',
  'early', 'late', 'mid', 'circa', 'c', 'ca', 'fiscal', 'spring', 'summer', 'autumn', 'fall',
  'winter', 'and', 'or', 'for', 'on', 'at', 'this', 'that', 'last', 'then', 'around', 'against',
  'into', 'throughout', 'starting', 'beginning', 'ending', 'as', 'with', 'like', 'unlike', 'than',
]);

/** Words right before a four-digit number that make it a quantity ("about 2000", "No. 1984"). */
export const QUANTITY_LEFT_CONTEXT: ReadonlySet<string> = new Set([
  'about', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'least',
  'most', 'more', 'fewer', 'less', 'only', 'just', 'total', 'number', 'no', 'nos',
  'page', 'pages', 'room', 'flight', 'route', 'model', 'version', 'article', 'resolution',
  'chapter', 'section', 'code', 'id', 'pin', 'zip', 'bus', 'highway', 'interstate', 'platform',
  'gate', 'unit', 'apartment', 'suite', 'lot', 'exactly', 'averaging', 'average',
  'top', 'score', 'scored', 'killed', 'injured', 'estimated', 'additional', 'another', 'extra',
  'rs', 'usd', 'eur', 'gbp', 'jpy', 'inr',
]);

/** Words right after a four-digit number that make it a quantity ("2000 people", "1500 km"). */
export const QUANTITY_RIGHT_CONTEXT: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'troops', 'soldiers', 'refugees', 'migrants', 'civilians',
  'km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters', 'm', 'ft', 'feet', 'kg',
  'tons', 'tonnes', 'barrels', 'dollars', 'euros', 'yen', 'yuan', 'pounds', 'rupees',
  'cases', 'votes', 'members', 'employees', 'workers', 'staff', 'students', 'children', 'men',
  'women', 'deaths', 'dead', 'cars', 'vehicles', 'units', 'homes', 'houses', 'households', 'jobs',
  'families', 'times', 'minutes', 'mins', 'seconds', 'days', 'weeks', 'months',
  'years', 'words', 'points', 'shares', 'acres', 'hectares', 'calories', 'participants',
  'delegates', 'officers', 'police', 'patients', 'residents', 'companies', 'firms', 'visitors',
  'tourists', 'passengers', 'flights', 'aircraft', 'planes', 'ships', 'vessels', 'tanks',
  'missiles', 'rockets', 'drones', 'weapons', 'guns', 'rounds', 'bullets', 'prisoners',
  'detainees', 'hostages', 'protesters', 'demonstrators', 'supporters', 'fans', 'readers',
  'users', 'customers', 'subscribers', 'voters', 'schools', 'hospitals', 'villages', 'sites',
  'projects', 'pieces', 'items', 'copies', 'tickets', 'seats', 'beds', 'rooms', 'mw', 'gw',
  'kw', 'mwh', 'gwh', 'percent', 'per', 'bn', 'mn', 'million', 'billion', 'thousand',
  'cc', 'rpm', 'mph', 'kph', 'lbs', 'oz', 'gb', 'mb', 'gmt', 'utc', 'hours', 'hrs', 'am', 'pm',
]);
