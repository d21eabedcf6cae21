// Every id the extension shares with package.json lives here, so a rename is one edit and a typo a type error.

export const CONFIG_SECTION = 'newsAnnotator';

export const Commands = {
  annotateFile: 'newsAnnotator.annotateFile',
  analyseAnyway: 'newsAnnotator.analyseAnyway',
  tagQuote: 'newsAnnotator.tagQuote',
  tagStance: 'newsAnnotator.tagStance',
  editTag: 'newsAnnotator.editTag',
  removeTag: 'newsAnnotator.removeTag',
  reattachTag: 'newsAnnotator.reattachTag',
  nextTag: 'newsAnnotator.nextTag',
  previousTag: 'newsAnnotator.previousTag',
  setDocumentDate: 'newsAnnotator.setDocumentDate',
  toggleDates: 'newsAnnotator.toggleDates',
  toggleOfficials: 'newsAnnotator.toggleOfficials',
  toggleClaims: 'newsAnnotator.toggleClaims',
  reanalyzeWorkspace: 'newsAnnotator.reanalyzeWorkspace',
  showTimeline: 'newsAnnotator.showTimeline',
  exportJson: 'newsAnnotator.exportJson',
  exportW3c: 'newsAnnotator.exportW3c',
  importAnnotations: 'newsAnnotator.importAnnotations',
  groupEventsByDate: 'newsAnnotator.events.groupByDate',
  groupEventsByParticipant: 'newsAnnotator.events.groupByParticipant',
  groupEventsByArticle: 'newsAnnotator.events.groupByArticle',
  openPassage: 'newsAnnotator.openPassage',
} as const;

export const Views = {
  container: 'newsAnnotator',
  events: 'newsAnnotator.events',
  annotations: 'newsAnnotator.annotations',
} as const;

/** Context keys used in `when` clauses of package.json. */
export const ContextKeys = {
  isArticle: 'newsAnnotator.isArticle',
  cursorOnTag: 'newsAnnotator.cursorOnTag',
  articleCount: 'newsAnnotator.articleCount',
  eventsGrouping: 'newsAnnotator.eventsGrouping',
} as const;

/** Settings, relative to CONFIG_SECTION. */
export const Settings = {
  include: 'articles.include',
  exclude: 'articles.exclude',
  highlightDates: 'highlight.dates',
  highlightOfficials: 'highlight.officials',
  highlightClaims: 'highlight.claims',
  highlightTags: 'highlight.tags',
  debounceMs: 'analysis.debounceMs',
  maxFileSizeMB: 'analysis.maxFileSizeMB',
  stanceValues: 'stance.values',
  eventsGroupBy: 'events.groupBy',
  timelineLanes: 'timeline.lanes',
} as const;

/** Theme colour ids (contributes.colors). */
export const Colors = {
  dateBackground: 'newsAnnotator.dateBackground',
  dateBorder: 'newsAnnotator.dateBorder',
  officialBackground: 'newsAnnotator.officialBackground',
  officialBorder: 'newsAnnotator.officialBorder',
  claimBackground: 'newsAnnotator.claimBackground',
  claimBorder: 'newsAnnotator.claimBorder',
  quoteTagBackground: 'newsAnnotator.quoteTagBackground',
  quoteTagBorder: 'newsAnnotator.quoteTagBorder',
  stanceTagBackground: 'newsAnnotator.stanceTagBackground',
  stanceTagBorder: 'newsAnnotator.stanceTagBorder',
} as const;

/** Folder, in each workspace folder, that holds the tags file (and files kept aside). */
export const TAGS_DIR = '.news-annotator';
export const TAGS_FILE = 'tags.json';
