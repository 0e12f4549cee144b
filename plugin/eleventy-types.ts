/**
 * The slice of Eleventy's configuration API this plugin uses. Eleventy ships no type definitions,
 * so these describe what Eleventy 3 passes, and nothing more.
 */

/**
 * The slice of markdown-it (Eleventy's markdown library) the theme amends; described here so the
 * package's types do not ask a site to install markdown-it's.
 */
export interface MarkdownLibrary {
  set(options: { typographer?: boolean; quotes?: string | string[] }): unknown;
  disable(rule: string): unknown;
  core: { ruler: { push(name: string, rule: (state: MarkdownCoreState) => void): void } };
}

/** What a markdown-it core rule is given: the block tokens, with each inline token's children. */
export interface MarkdownCoreState {
  tokens: { type: string; children: { type: string; info: string; content: string }[] | null }[];
}

/** `page` as Eleventy gives it to shortcodes, filters and linters. */
export interface EleventyPage {
  inputPath?: string;
  url?: string | false;
  outputPath?: string | false;
  date?: Date;
}

/** `this` inside a shortcode or filter (Nunjucks, Liquid and 11ty.js alike). */
export interface EleventyCallContext {
  page?: EleventyPage;
}

/** An item of `collections.all`, as the collection API hands it out. */
export interface EleventyCollectionItem {
  inputPath: string;
  url: string | false;
  /** Where Eleventy will write the page, from the project folder; false when it writes none. */
  outputPath?: string | false;
  /** The file's name without its extension (its folder's, for an index file). */
  fileSlug?: string;
  date?: Date;
  data: Record<string, unknown>;
  /** The page's content without its layout; Eleventy throws when it is read before rendering. */
  readonly templateContent?: unknown;
}

export interface EleventyCollectionApi {
  getAll(): EleventyCollectionItem[];
  getFilteredByGlob(glob: string | string[]): EleventyCollectionItem[];
}

// Template engines pass any value a template can express, so arguments arrive as unknown and
// every shortcode checks them itself.
export type TemplateFunction = (this: EleventyCallContext, ...args: unknown[]) => unknown;

/** What Eleventy passes to its build events. */
export interface EleventyEventDetails {
  directories?: { output?: string };
  /** "build", "watch" or "serve". */
  runMode?: string;
  /** "fs" when files are written; "json" or "ndjson" for the programmatic API. */
  outputMode?: string;
  /** True in watch mode with --incremental: a rebuild renders only what changed. */
  incremental?: boolean;
  /** `eleventy.after`: the templates this build processed, each with the file it wrote (false for none). */
  results?: readonly { outputPath?: string | false; url?: string | false; inputPath?: string }[];
}

/** The part of a LiquidJS engine (LiquidJS 10, as Eleventy 3 builds it) the plugin touches. */
export interface LiquidEngine {
  /** Tag classes by name: what `registerTag` and Eleventy's shortcodes fill and the parser reads. */
  tags: Record<string, unknown>;
}

/** The parts of a Nunjucks Environment the plugin and theme touch. */
export interface NunjucksEnvironment {
  loaders: unknown[];
  extensionsList: unknown[];
  addExtension(name: string, extension: unknown): unknown;
}

export interface EleventyConfig {
  /** Set by Eleventy from the config or `--pathprefix`; "/" by default. */
  pathPrefix?: string;
  /** Eleventy 3's resolved project folders (read them in callbacks, after configuration). */
  directories?: { input?: string; includes?: string; data?: string; output?: string };
  versionCheck?(range: string): void;
  setUseGitIgnore?(useGitIgnore: boolean): void;
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => unknown, options?: Options): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  /** `resetConfig` (Eleventy 3) runs the configuration again when the file changes under watch. */
  addWatchTarget?(target: string, options?: { resetConfig?: boolean }): void;
  addGlobalData(name: string, value: unknown): void;
  /** What `addGlobalData` was given, by name. */
  globalData?: Record<string, unknown>;
  /** Input paths and globs Eleventy leaves out (relative to the project folder). */
  ignores?: Set<string>;
  /** A filter as registered, by its name. */
  getFilter?(name: string): ((...args: unknown[]) => unknown) | undefined;
  /** Adds a data file format; Eleventy asks these parsers before its own JSON one. */
  addDataExtension?(extensions: string, options: { parser: (text: string, file: string) => unknown }): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  amendLibrary(language: "njk", amend: (environment: NunjucksEnvironment) => void): void;
  amendLibrary(language: "liquid", amend: (liquid: LiquidEngine) => void): void;
  /** The site's markdown-it instance (Eleventy's own, or the one `setLibrary` gave). */
  amendLibrary(language: "md", amend: (markdown: MarkdownLibrary) => void): void;
  addShortcode(name: string, fn: TemplateFunction): void;
  addPairedShortcode(name: string, fn: TemplateFunction): void;
  addFilter(name: string, fn: TemplateFunction): void;
  /** Runs on each page's output before it is written; `this.page.outputPath` is the file written. */
  addTransform?(name: string, fn: (this: { page?: { outputPath?: unknown } }, content: unknown, outputPath?: unknown) => unknown): void;
  addLinter(name: string, fn: (this: EleventyCallContext & { inputPath?: string; outputPath?: string | false }, content: string) => void): void;
  addCollection(name: string, fn: (api: EleventyCollectionApi) => unknown): void;
  /** Eleventy awaits a handler that returns a promise before it goes on with the build. */
  on(event: "eleventy.before" | "eleventy.after", fn: (details?: EleventyEventDetails) => void | Promise<void>): void;
  /** Watch mode: the files changed since the last build, before the rebuild starts. */
  on(event: "eleventy.beforeWatch", fn: (changedFiles: string[]) => void): void;
  /** Eleventy 3: reads a page's `date` before Eleventy's own parsing; a falsy return keeps Eleventy's. */
  addDateParsing?(fn: (this: { page?: EleventyPage }, dateValue: unknown) => Date | undefined): void;
  /** Eleventy 3: runs before a template is read into collections; may change its data; returning false leaves it out of the build. */
  addPreprocessor?(name: string, extensions: string, fn: (this: { inputPath: string }, data: Record<string, unknown>, content: string) => string | false | undefined | void): void;
}
