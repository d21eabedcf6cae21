// The user's tags in the editor: the tag commands, keeping tags on their text while the article is
// edited (shiftTags on every change event), finding them again when the text changed elsewhere
// (reanchorTags), following renames, and the context keys the menus need. Storage is TagStorage's.
import * as vscode from 'vscode';
import { plainMessage } from './views/labels';
import type { Entity } from '../analysis/types';
import { reanchorTags } from '../annotations/reanchor';
import type { TextChange } from '../annotations/rangeShift';
import { createTag, newTagId, type NewTag } from '../annotations/tagFile';
import type { QuoteTag, StanceTag, Tag } from '../annotations/tags';
import { registerSafeCommand, UserError } from './commandRunner';
import type { Config } from './config';
import { Commands, ContextKeys } from './constants';
import type { ArticleSummary, TagService } from './model';
import { peopleFor, speakerAt } from './people';
import { askText, pickPerson, pickStance, type PersonChoice } from './pickers';
import { sameTag } from './tagMerge';
import { adjacentTag, tagsAt } from './tagQuery';
import { isUnder, relativeTo, renameTagPaths, trackEdit } from './tagTracking';
import type { TagStorage } from './tagStorage';
import type { TagSource, WorkspaceIndex } from './workspaceIndex';

/** An article's URI and its text now. */
type ArticleText = { readonly uri: vscode.Uri; readonly text: string };

interface Located {
  folder: vscode.WorkspaceFolder;
  /** Path relative to the folder, `/` separators: the tags' `path`. */
  path: string;
}

/** Arguments the commands accept besides none (cursor/selection) and the Uri VS Code passes from menus. */
type TagRef = { tag: Tag } | { tagId: string; uri?: string };
interface RangeArg {
  uri: string;
  start: number;
  end: number;
  speaker?: string | null;
  speakerEntityId?: string | null;
  holder?: string | null;
}

export class TagController implements TagService, TagSource, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private lastCursorOnTag: boolean | undefined;
  private lastIsArticle: boolean | undefined;
  /** The first indexing is over (from then on a new article is a file created or renamed). */
  private indexed = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly storage: TagStorage,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    index.setTagSource(this);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdited(e)),
      vscode.workspace.onDidRenameFiles((e) => this.onRenamed(e.files)),
      index.onDidReplaceText((articles) => {
        this.reanchor(articles, true);
        void this.adoptOrphans(articles);
      }),
      storage.onDidChange((e) => {
        index.tagsChanged();
        if (e.external) void this.reanchorArticles(this.index.articles().filter((a) => this.locate(a.uri)?.folder.uri.toString() === e.folder.uri.toString()), false);
      }),
      index.onDidChange(() => this.updateContextKeys()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKeys()),
      vscode.window.onDidChangeTextEditorSelection(() => this.updateContextKeys()),
    );
    void index.ready.then(() => (this.indexed = true));
    // Tags read at start-up are matched against the articles once both are loaded.
    void Promise.all([storage.loaded, index.ready]).then(() => this.reanchorArticles(this.index.articles(), false));
  }

  register(): vscode.Disposable {
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => registerSafeCommand(id, this.log, fn);
    return vscode.Disposable.from(
      reg(Commands.tagQuote, (arg) => this.tagQuote(arg)),
      reg(Commands.tagStance, (arg) => this.tagStance(arg)),
      reg(Commands.editTag, (arg) => this.editTag(arg)),
      reg(Commands.removeTag, (arg) => this.removeTag(arg)),
      reg(Commands.reattachTag, (arg) => this.reattachTag(arg)),
      reg(Commands.nextTag, () => this.goToTag('next')),
      reg(Commands.previousTag, () => this.goToTag('previous')),
    );
  }

  // ---- TagSource / TagService ---------------------------------------------------------------------

  tags(uri?: vscode.Uri): readonly Tag[] {
    if (!uri) return this.storage.allTags();
    const loc = this.locate(uri);
    if (!loc) return [];
    return this.storage.tags(loc.folder).filter((t) => t.path === loc.path);
  }

  taggedArticles(): ReadonlySet<string> {
    const uris = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const tag of this.storage.tags(folder)) uris.add(vscode.Uri.joinPath(folder.uri, tag.path).toString());
    }
    return uris;
  }

  async importTags(imported: readonly Tag[]): Promise<{ attached: number; detached: number }> {
    // Tags are matched against the articles' texts: wait until the articles are read.
    await Promise.all([this.storage.loaded, this.index.ready]);
    let attached = 0;
    let detached = 0;
    const byFolder = new Map<string, { folder: vscode.WorkspaceFolder; add: Tag[] }>();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) throw new UserError('open a folder first: tags are kept in the workspace folder');
    for (const raw of imported) {
      // An export names articles as the workspace does (folder name first in a multi-root workspace).
      const listed = this.index.articleByPath(raw.path) ?? folders.map((f) => this.index.summary(vscode.Uri.joinPath(f.uri, raw.path))).find(Boolean);
      const article = listed ? await this.index.load(listed.uri) : undefined;
      const loc = article ? this.locate(article.uri) : undefined;
      const folder = loc?.folder ?? folders[0]!;
      const path = loc?.path ?? raw.path;
      const existing = this.storage.tags(folder);
      const group = byFolder.get(folder.uri.toString()) ?? { folder, add: [] };
      byFolder.set(folder.uri.toString(), group);
      let tag: Tag = { ...raw, path };
      if (article) tag = reanchorTags([tag], article.text)[0]!.tag;
      else tag = { ...tag, detached: true };
      // Importing the same file twice adds nothing; an id already used for another tag gets a new one.
      const same = existing.find((t) => t.id === tag.id);
      if (same && sameTag({ ...same, modified: tag.modified }, tag)) continue;
      if (same || group.add.some((t) => t.id === tag.id)) {
        tag = { ...tag, id: newTagId(new Set([...existing.map((t) => t.id), ...group.add.map((t) => t.id)])) };
      }
      group.add.push(tag);
      if (tag.detached) detached++;
      else attached++;
    }
    for (const { folder, add } of byFolder.values()) {
      if (add.length === 0) continue;
      this.mustBeWritable(folder);
      this.storage.set(folder, [...this.storage.tags(folder), ...add]);
    }
    return { attached, detached };
  }

  // ---- commands ----------------------------------------------------------------------------------

  private async tagQuote(arg: unknown): Promise<void> {
    const target = await this.targetRanges(arg);
    if (!target) return;
    const { doc, ranges, loc } = target;
    const hint = isRangeArg(arg) && arg.speaker ? { name: arg.speaker, entityId: arg.speakerEntityId ?? null } : this.suggestedSpeaker(doc.uri, ranges[0]!);
    const speaker = await pickPerson({
      title: 'Tag Selection as Quote',
      placeholder: 'Who is quoted? Pick an official or type a name',
      ...this.people(doc.uri),
      suggested: hint,
      noneLabel: 'Speaker unknown',
    });
    if (!speaker) return;
    this.addTags(loc, doc, ranges, { kind: 'quote', speaker: speaker.name, speakerEntityId: speaker.entityId });
  }

  private async tagStance(arg: unknown): Promise<void> {
    const target = await this.targetRanges(arg);
    if (!target) return;
    const { doc, ranges, loc } = target;
    const holderHint = isRangeArg(arg) && arg.holder ? { name: arg.holder, entityId: null } : this.suggestedSpeaker(doc.uri, ranges[0]!);
    const fields = await this.askStance(doc.uri, { stance: undefined, holder: holderHint, target: null, note: null });
    if (!fields) return;
    this.addTags(loc, doc, ranges, { kind: 'stance', ...fields });
  }

  private async editTag(arg: unknown): Promise<void> {
    const found = await this.resolveTag(arg, 'edit');
    if (!found) return;
    const { folder, tag } = found;
    const uri = vscode.Uri.joinPath(folder.uri, tag.path);
    let updated: Tag;
    if (tag.kind === 'quote') {
      const speaker = await pickPerson({
        title: 'Edit Quote Tag',
        placeholder: `Speaker (now: ${tag.speaker ?? 'unknown'})`,
        ...this.people(uri),
        suggested: tag.speaker ? { name: tag.speaker, entityId: tag.speakerEntityId } : null,
        noneLabel: 'Speaker unknown',
      });
      if (!speaker) return;
      updated = { ...tag, speaker: speaker.name, speakerEntityId: speaker.entityId, modified: new Date().toISOString() } satisfies QuoteTag;
    } else {
      const fields = await this.askStance(uri, {
        stance: tag.stance,
        holder: tag.holder ? { name: tag.holder, entityId: null } : null,
        target: tag.target,
        note: tag.note,
      });
      if (!fields) return;
      updated = { ...tag, ...fields, modified: new Date().toISOString() } satisfies StanceTag;
    }
    this.replaceTag(folder, updated);
  }

  private async removeTag(arg: unknown): Promise<void> {
    const found = await this.resolveTag(arg, 'remove');
    if (!found) return;
    const { folder, tag } = found;
    this.mustBeWritable(folder);
    this.storage.set(folder, this.storage.tags(folder).filter((t) => t.id !== tag.id));
    const what = tag.kind === 'quote' ? `quote tag${tag.speaker ? ` (${tag.speaker})` : ''}` : `stance tag (${tag.stance})`;
    // Not awaited: the command is done once the tag is gone; the offer to undo stays until dismissed.
    void vscode.window.showInformationMessage(plainMessage(`Removed the ${what}.`), 'Undo').then((choice) => {
      if (choice === 'Undo' && !this.storage.tags(folder).some((t) => t.id === tag.id)) {
        this.storage.set(folder, [...this.storage.tags(folder), tag]);
      }
    });
  }

  /** Re-attaches a tag (a detached one from the Annotations view, or one picked) to the current selection. */
  private async reattachTag(arg: unknown): Promise<void> {
    let found = isTagRef(arg) ? this.findTag(arg) : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!found) {
      if (!editor) return void vscode.window.showInformationMessage('Open an article and select the text to attach a tag to.');
      const candidates = this.tags(editor.document.uri).filter((t) => t.detached);
      const all = candidates.length ? candidates : [...this.tags(editor.document.uri)];
      if (all.length === 0) return void vscode.window.showInformationMessage('This article has no tags to re-attach.');
      const picked = await vscode.window.showQuickPick(
        all.map((t) => ({ label: tagLabel(t), description: t.detached ? 'detached' : undefined, detail: clip(t.anchor.exact, 80), tag: t })),
        { title: 'Re-attach Tag to Selection', placeHolder: 'Which tag should cover the selected text?' },
      );
      if (!picked) return;
      found = this.findTag({ tag: picked.tag });
      if (!found) return;
    }
    const { folder, tag } = found;
    const uri = vscode.Uri.joinPath(folder.uri, tag.path);
    const sameArticle = editor && editor.document.uri.toString() === uri.toString();
    if (!sameArticle || editor.selection.isEmpty) {
      // From the sidebar: show the article, then attach once the user has selected the text.
      const shown = await vscode.window.showTextDocument(uri, { preview: false });
      if (tag.anchor.end <= shown.document.getText().length) {
        const at = shown.document.positionAt(tag.anchor.start);
        shown.selection = new vscode.Selection(at, at);
        shown.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      }
      // Not awaited: the command ends here; the button attaches the tag to whatever is selected by then.
      void vscode.window
        .showInformationMessage(plainMessage(`Select the text for the ${tagLabel(tag)} ("${clip(tag.anchor.exact, 40)}"), then choose Re-attach.`), 'Re-attach to Selection')
        .then((choice) => {
          if (choice !== 'Re-attach to Selection') return;
          const now = vscode.window.activeTextEditor;
          if (!now || now.document.uri.toString() !== uri.toString() || now.selection.isEmpty) {
            return void vscode.window.showWarningMessage('Nothing selected in the article: the tag stays as it was.');
          }
          try {
            this.attachTo(folder, tag, now.document, now.selection);
          } catch (e) {
            void vscode.window.showErrorMessage(plainMessage(`News Annotator: ${e instanceof Error ? e.message : String(e)}`));
          }
        });
      return;
    }
    this.attachTo(folder, tag, editor.document, editor.selection);
  }

  private attachTo(folder: vscode.WorkspaceFolder, tag: Tag, doc: vscode.TextDocument, selection: vscode.Selection): void {
    const range = trimmed(doc, selection);
    if (!range) return void vscode.window.showWarningMessage('The selection holds only white space.');
    // The tag as it is now (it may have been edited while the user was selecting).
    const current = this.findTag({ tag })?.tag ?? tag;
    const fresh = createTag(newTagInit(current), doc.getText(), range.start, range.end);
    this.replaceTag(folder, { ...current, anchor: fresh.anchor, detached: false, modified: new Date().toISOString() } as Tag);
  }

  private goToTag(direction: 'next' | 'previous'): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const tag = adjacentTag(this.tags(doc.uri), offset, direction);
    if (!tag) return void vscode.window.setStatusBarMessage('News Annotator: no tags in this article', 3000);
    const range = new vscode.Range(doc.positionAt(tag.anchor.start), doc.positionAt(tag.anchor.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  // ---- helpers for the commands ------------------------------------------------------------------

  /** The text to tag: a hover link's range, or the editor's non-empty selections (trimmed of white space). */
  private async targetRanges(arg: unknown): Promise<{ doc: vscode.TextDocument; ranges: Array<{ start: number; end: number }>; loc: Located } | undefined> {
    let doc: vscode.TextDocument;
    let ranges: Array<{ start: number; end: number }>;
    if (isRangeArg(arg)) {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
      ranges = arg.end > arg.start && arg.end <= doc.getText().length ? [{ start: arg.start, end: arg.end }] : [];
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open an article and select the passage to tag.');
        return undefined;
      }
      doc = editor.document;
      ranges = editor.selections.map((s) => trimmed(doc, s)).filter((r): r is { start: number; end: number } => !!r);
    }
    if (ranges.length === 0) {
      void vscode.window.showInformationMessage('Select the passage to tag first.');
      return undefined;
    }
    const loc = this.locate(doc.uri);
    if (!loc) {
      void vscode.window.showWarningMessage('Tags are saved in a workspace folder, and this file is outside the open folders. Open its folder to tag it.');
      return undefined;
    }
    this.mustBeWritable(loc.folder);
    // Tagging a file makes it an article, so its tags show in the views.
    if (!this.index.has(doc.uri)) await this.index.annotate(doc);
    return { doc, ranges, loc };
  }

  private addTags(loc: Located, doc: vscode.TextDocument, ranges: ReadonlyArray<{ start: number; end: number }>, fields: DistributiveOmit<NewTag, 'id' | 'path'>): void {
    const existing = this.storage.tags(loc.folder);
    const ids = new Set(existing.map((t) => t.id));
    const text = doc.getText();
    const added = ranges.map((r) => {
      const id = newTagId(ids);
      ids.add(id);
      return createTag({ ...fields, id, path: loc.path } as NewTag, text, r.start, r.end);
    });
    this.mustBeWritable(loc.folder);
    this.storage.set(loc.folder, [...existing, ...added]);
    vscode.window.setStatusBarMessage(`News Annotator: tagged ${added.length === 1 ? 'the passage' : `${added.length} passages`}`, 3000);
  }

  private replaceTag(folder: vscode.WorkspaceFolder, updated: Tag): void {
    this.mustBeWritable(folder);
    this.storage.set(folder, this.storage.tags(folder).map((t) => (t.id === updated.id ? updated : t)));
  }

  private async askStance(
    uri: vscode.Uri,
    current: { stance: string | undefined; holder: PersonChoice | null; target: string | null; note: string | null },
  ): Promise<{ stance: string; holder: string | null; target: string | null; note: string | null } | undefined> {
    const stance = await pickStance(this.config.current.stanceValues, current.stance, 1, 4);
    if (!stance) return undefined;
    const holder = await pickPerson({
      title: 'Tag Selection as Stance',
      placeholder: 'Who holds this stance? Pick an official or type a name',
      ...this.people(uri),
      suggested: current.holder,
      noneLabel: 'No holder',
      step: 2,
      totalSteps: 4,
    });
    if (!holder) return undefined;
    const target = await askText('Tag Selection as Stance', 'What is the stance about (its target)?', current.target, 3, 4);
    if (target === undefined) return undefined;
    const note = await askText('Tag Selection as Stance', 'A note for yourself', current.note, 4, 4);
    if (note === undefined) return undefined;
    return { stance, holder: holder.name, target, note };
  }

  private people(uri: vscode.Uri): { inArticle: Entity[]; inWorkspace: Entity[] } {
    return peopleFor(this.index.article(uri)?.analysis.officials ?? [], this.index.entities());
  }

  private suggestedSpeaker(uri: vscode.Uri, range: { start: number; end: number }): PersonChoice | null {
    return speakerAt(this.index.article(uri)?.analysis, range);
  }

  /** The tag a command is about: its argument (tree node or hover link), else the one under the cursor. */
  private async resolveTag(arg: unknown, verb: string): Promise<{ folder: vscode.WorkspaceFolder; tag: Tag } | undefined> {
    if (isTagRef(arg)) {
      const found = this.findTag(arg);
      if (!found) void vscode.window.showWarningMessage('That tag no longer exists.');
      return found;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const under = tagsAt(this.tags(editor.document.uri), editor.document.offsetAt(editor.selection.active));
    if (under.length === 0) {
      void vscode.window.showInformationMessage(plainMessage(`Put the cursor on a tag to ${verb} it.`));
      return undefined;
    }
    let tag = under[0]!;
    if (under.length > 1) {
      const picked = await vscode.window.showQuickPick(
        under.map((t) => ({ label: tagLabel(t), detail: clip(t.anchor.exact, 80), tag: t })),
        { placeHolder: `Several tags here: which one to ${verb}?` },
      );
      if (!picked) return undefined;
      tag = picked.tag;
    }
    return this.findTag({ tag });
  }

  private findTag(ref: TagRef): { folder: vscode.WorkspaceFolder; tag: Tag } | undefined {
    const id = 'tag' in ref ? ref.tag.id : ref.tagId;
    for (const folder of this.storage.folders()) {
      const tag = this.storage.tags(folder).find((t) => t.id === id && ('tag' in ref ? t.path === ref.tag.path : true));
      if (tag) return { folder, tag };
    }
    return undefined;
  }

  private mustBeWritable(folder: vscode.WorkspaceFolder): void {
    const problem = this.storage.problem(folder);
    if (problem) {
      throw new UserError(
        `tags cannot be saved in "${folder.name}": ${vscode.workspace.asRelativePath(this.storage.fileOf(folder))} cannot be read (${problem}). Fix the file or move it aside; it is not overwritten.`,
      );
    }
  }

  private locate(uri: vscode.Uri): Located | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const path = relativeTo(folder.uri.path, uri.path);
    return path === undefined ? undefined : { folder, path };
  }

  // ---- keeping tags on their text ----------------------------------------------------------------

  private onEdited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const loc = this.locate(e.document.uri);
    if (!loc) return;
    const all = this.storage.tags(loc.folder);
    const mine = all.filter((t) => t.path === loc.path);
    if (mine.length === 0) return;
    const changes: TextChange[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    const shifted = trackEdit(mine, changes, e.document.getText());
    if (shifted.every((t, i) => t === mine[i])) return;
    const byId = new Map(shifted.map((t) => [t.id, t]));
    if (this.storage.problem(loc.folder)) return;
    this.storage.set(loc.folder, all.map((t) => byId.get(t.id) ?? t));
  }

  /**
   * A file renamed outside VS Code (git mv, a file manager) arrives as a deletion and a new article: tags
   * whose file is gone move to a new article of the same folder when every one of them is found in its
   * text (and at least one word for word).
   */
  private async adoptOrphans(articles: readonly ArticleText[]): Promise<void> {
    if (!this.indexed) return; // during the first indexing every article is "new"
    for (const article of articles) {
      const loc = this.locate(article.uri);
      if (!loc || this.storage.problem(loc.folder)) continue;
      const all = this.storage.tags(loc.folder);
      if (all.some((t) => t.path === loc.path)) continue;
      const byPath = new Map<string, Tag[]>();
      for (const t of all) {
        if (this.index.has(vscode.Uri.joinPath(loc.folder.uri, t.path))) continue;
        byPath.set(t.path, [...(byPath.get(t.path) ?? []), t]);
      }
      for (const [path, group] of byPath) {
        const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(loc.folder.uri, path)).then(
          () => true,
          () => false,
        );
        if (exists) continue;
        const found = reanchorTags(group, article.text);
        if (!found.every((f) => f.how !== 'detached') || !found.some((f) => f.how === 'exact' || f.how === 'unchanged')) continue;
        const moved = new Map(found.map((f) => [f.tag.id, { ...f.tag, path: loc.path }]));
        this.storage.set(loc.folder, this.storage.tags(loc.folder).map((t) => moved.get(t.id) ?? t));
        this.log.info(`${group.length === 1 ? 'the tag' : `${group.length} tags`} of ${path} (no longer there) followed their text to ${loc.path}`);
        break;
      }
    }
  }

  /** reanchor for listed articles: the texts of those with tags are read (the index holds open articles' only). */
  private async reanchorArticles(articles: readonly ArticleSummary[], report: boolean): Promise<void> {
    const texts: ArticleText[] = [];
    // Only articles with tags are read (most of a large workspace has none).
    const tagged = this.taggedArticles();
    for (const article of articles) {
      if (!tagged.has(article.uri.toString())) continue;
      const loaded = await this.index.load(article.uri);
      if (loaded) texts.push(loaded);
    }
    this.reanchor(texts, report);
  }

  /** Finds tags again in articles whose text changed other than by an edit seen here. */
  private reanchor(articles: readonly ArticleText[], report: boolean): void {
    const updates = new Map<string, { folder: vscode.WorkspaceFolder; byId: Map<string, Tag> }>();
    let lost = 0;
    for (const article of articles) {
      const loc = this.locate(article.uri);
      if (!loc || this.storage.problem(loc.folder)) continue;
      const mine = this.storage.tags(loc.folder).filter((t) => t.path === loc.path);
      if (mine.length === 0) continue;
      for (const { tag, how } of reanchorTags(mine, article.text)) {
        const before = mine.find((t) => t.id === tag.id)!;
        if (sameTag(before, tag)) continue;
        if (how === 'detached' && !before.detached) lost++;
        const key = loc.folder.uri.toString();
        const u = updates.get(key) ?? { folder: loc.folder, byId: new Map() };
        u.byId.set(tag.id, tag);
        updates.set(key, u);
      }
    }
    for (const { folder, byId } of updates.values()) this.storage.set(folder, this.storage.tags(folder).map((t) => byId.get(t.id) ?? t));
    if (lost && report) {
      void vscode.window.showWarningMessage(
        plainMessage(`News Annotator: the text of ${lost === 1 ? 'one tag' : `${lost} tags`} changed and could not be found again. ${lost === 1 ? 'It is' : 'They are'} kept as detached in the Annotations view, where you can re-attach or remove ${lost === 1 ? 'it' : 'them'}.`),
      );
    }
  }

  private onRenamed(files: ReadonlyArray<{ oldUri: vscode.Uri; newUri: vscode.Uri }>): void {
    for (const { oldUri, newUri } of files) {
      const from = this.locate(oldUri);
      if (!from) continue;
      const to = this.locate(newUri);
      const moving = this.storage.tags(from.folder).filter((t) => isUnder(t, from.path));
      if (moving.length === 0) continue;
      if (!to) {
        this.log.warn(`${moving.length} tags stay with ${from.path}: it was moved out of the workspace folders`);
        continue;
      }
      if (this.storage.problem(from.folder) || this.storage.problem(to.folder)) continue;
      const renamed = renameTagPaths(moving, from.path, to.path);
      const ids = new Set(moving.map((t) => t.id));
      if (from.folder.uri.toString() === to.folder.uri.toString()) {
        this.storage.set(from.folder, renameTagPaths(this.storage.tags(from.folder), from.path, to.path));
      } else {
        this.storage.set(from.folder, this.storage.tags(from.folder).filter((t) => !ids.has(t.id)));
        this.storage.set(to.folder, [...this.storage.tags(to.folder), ...renamed]);
      }
    }
  }

  private updateContextKeys(): void {
    const editor = vscode.window.activeTextEditor;
    const isArticle = !!editor && (this.index.has(editor.document.uri) || this.index.isArticleUri(editor.document.uri));
    const onTag = !!editor && tagsAt(this.tags(editor.document.uri), editor.document.offsetAt(editor.selection.active)).length > 0;
    if (isArticle !== this.lastIsArticle) {
      this.lastIsArticle = isArticle;
      void vscode.commands.executeCommand('setContext', ContextKeys.isArticle, isArticle);
    }
    if (onTag !== this.lastCursorOnTag) {
      this.lastCursorOnTag = onTag;
      void vscode.commands.executeCommand('setContext', ContextKeys.cursorOnTag, onTag);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function newTagInit(tag: Tag): NewTag {
  return tag.kind === 'quote'
    ? { id: tag.id, path: tag.path, kind: 'quote', speaker: tag.speaker, speakerEntityId: tag.speakerEntityId }
    : { id: tag.id, path: tag.path, kind: 'stance', stance: tag.stance, holder: tag.holder, target: tag.target, note: tag.note };
}

function trimmed(doc: vscode.TextDocument, range: vscode.Range): { start: number; end: number } | undefined {
  let start = doc.offsetAt(range.start);
  let end = doc.offsetAt(range.end);
  const text = doc.getText(range);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  start += lead;
  end -= trail;
  return end > start ? { start, end } : undefined;
}

function isRangeArg(x: unknown): x is RangeArg {
  return typeof x === 'object' && x !== null && typeof (x as RangeArg).uri === 'string' && typeof (x as RangeArg).start === 'number' && typeof (x as RangeArg).end === 'number';
}

function isTagRef(x: unknown): x is TagRef {
  if (typeof x !== 'object' || x === null || x instanceof vscode.Uri) return false;
  const r = x as Record<string, unknown>;
  if (typeof r.tagId === 'string') return true;
  const t = r.tag as Record<string, unknown> | undefined;
  return typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.path === 'string';
}

export function tagLabel(t: Tag): string {
  return t.kind === 'quote' ? `quote${t.speaker ? `: ${t.speaker}` : ''}` : `stance: ${t.stance}${t.holder ? ` (${t.holder})` : ''}`;
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
