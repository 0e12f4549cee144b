/**
 * Every place the package relies on something of Eleventy's, or of the template engines Eleventy
 * builds, that their documentation does not promise. Each reliance is guarded where it is used: the
 * code checks that the internal is the one it expects before it touches it. When a guard finds
 * something else (an upgrade changed it), the reliance is skipped and `skipped` prints one line
 * saying what that costs, so a slower or less checked build after an upgrade is seen, not silent.
 * docs/architecture.md lists them with their canary tests (test/internals/).
 */

export const RELIANCES = {
  templateMapIndex: {
    internal: "TemplateMap#getMapEntryForInputPath (a walk of every page)",
    cost: "each build and rebuild is slower, more so the larger the archive",
  },
  tagIndex: {
    internal: "TemplateCollection#getFilteredByTag (every page sorted per tag)",
    cost: "each build is slower, more so the more topics the archive has",
  },
  dependencyGraphIndex: {
    internal: "the dependency-graph package's DepGraph (edges checked with indexOf, answers walked afresh)",
    cost: "each rebuild under npm start is slower, more so the larger the archive",
  },
  pathNormalizationMemory: {
    internal: "PathNormalizer.fullNormalization",
    cost: "each rebuild under npm start is slower, more so the larger the archive",
  },
  storyFrontMatter: {
    internal: "a collection item's template (getFrontMatterData)",
    cost: "a story's misspelt or unknown front-matter field is no longer caught",
  },
  templateSource: {
    internal: "a collection item's template (inputContent)",
    cost: "each story's file is read once more, for its checks",
  },
  passthroughCopies: {
    internal: "UserConfig#passthroughCopies",
    cost: "a site's own passthrough copy of a file the theme also ships may be overwritten by the theme's",
  },
  addedGlobalData: {
    internal: "UserConfig#globalData",
    cost: "a build in parts records global data added by the site's config with every story",
  },
  nunjucksExtensionOrder: {
    internal: "Nunjucks Environment#extensionsList",
    cost: "a misspelt shortcode in Nunjucks gets Nunjucks' own error, without a did-you-mean",
  },
  frontMatterEngines: {
    internal: "UserConfig#frontMatterParsingOptions.engines (or the filePath it hands each engine)",
    cost: "JavaScript front matter in a story runs when Eleventy reads it, and is refused only after (by the theme's preprocessor)",
  },
  dataExtensions: {
    internal: "UserConfig#dataExtensions (the data formats added with addDataExtension)",
    cost: "a data file beside the stories in a format the site added (YAML, TOML…) is not checked for Eleventy's keys; JSON files still are",
  },
  jsonDataParser: {
    internal: "TemplateData (a JSON parser added with addDataExtension asked before Eleventy's own)",
    cost: "a `__proto__` key in a JSON data file outside the stories folder is not caught",
  },
  templateDelimiters: {
    internal: "Nunjucks Environment#opts.tags and LiquidJS Liquid#options (the delimiters each engine was given)",
    cost: "a site that gives its template engines other delimiters is not stopped, and its stories are checked for the standard ones only",
  },
  liquidTagTable: {
    internal: "LiquidJS Liquid#tags as a plain object",
    cost: "a misspelt shortcode in Liquid gets LiquidJS's own error, without a did-you-mean",
  },
} as const;

export type Reliance = keyof typeof RELIANCES;

const said = new Set<Reliance>();

/** The line printed when a reliance is skipped. */
export function skippedLine(name: Reliance): string {
  const { internal, cost } = RELIANCES[name];
  return `[newsroom] This Eleventy's ${internal} is not the one eleventy-plugin-newsroom expects, so it is left alone: ${cost}. Please report it with your Eleventy version.`;
}

/** Says once per process that a reliance was skipped. */
export function skipped(name: Reliance): void {
  if (said.has(name)) return;
  said.add(name);
  console.warn(skippedLine(name));
}

/** For tests: forget which reliances were said. */
export function forgetSkipped(): void {
  said.clear();
}
