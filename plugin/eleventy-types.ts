/**
 * The slice of Eleventy's configuration API this plugin uses. Eleventy ships no type definitions,
 * so these describe what Eleventy 3 passes, and nothing more.
 */

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
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  amendLibrary(language: "njk", amend: (environment: NunjucksEnvironment) => void): void;
  addShortcode(name: string, fn: TemplateFunction): void;
  addPairedShortcode(name: string, fn: TemplateFunction): void;
  addFilter(name: string, fn: TemplateFunction): void;
  addLinter(name: string, fn: (this: EleventyCallContext & { inputPath?: string }, content: string) => void): void;
  addCollection(name: string, fn: (api: EleventyCollectionApi) => unknown): void;
  on(event: "eleventy.before", fn: () => void): void;
}
