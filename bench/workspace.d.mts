// Types for the scale benchmark's workspace generator (workspace.mjs), so TypeScript tests can import it.
export interface WorkspaceFile {
  /** Relative path with `/` separators (outlet folder, sometimes a year folder, then the file). */
  path: string;
  text: string;
}

export interface GeneratedWorkspace {
  files: WorkspaceFile[];
  /** The ≈ 1 MB long read (many paragraphs) for the keystroke measure; written into the workspace too. */
  longArticle: WorkspaceFile;
  /** Events invented for the workspace; each is reported by one to four articles. */
  stories: number;
}

export function generateWorkspace(options: {
  articles?: number;
  seed?: number | string;
  seedTexts: string[];
  /** Share of the articles that are variants of the seed articles (default 0.25). */
  seedShare?: number;
  longArticleBytes?: number;
}): GeneratedWorkspace;

export function readSeedTexts(): string[];

export function generatorFingerprint(): string;

export function writeWorkspace(options: { out: string; articles?: number; seed?: number | string }): {
  files: number;
  bytes: number;
  stories: number;
  longArticle: string;
  longArticleBytes: number;
  sha256: string;
};
