/**
 * The news theme's Eleventy glue: adds the newsroom plugin and Eleventy's feed plugin, checks
 * every article's front matter, and builds the site's lists (sections, tags, authors, months,
 * related stories) once per build for the theme's page templates.
 */
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { AP_STANDALONE_CITIES } from "../data/standalone-cities.js";
import { toDateTime } from "../dates.js";
import type { EleventyCollectionApi, EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import newsroom from "../index.js";
import { resolveOptions } from "../options.js";
import { themeFilters } from "./filters.js";
import { validateArticle, type AuthorEntry, type SectionEntry } from "./front-matter.js";
import { resolveThemeOptions, type NewsroomThemeOptions } from "./options.js";
import { normaliseDates, SourceFiles, unpublishedLabel, unpublishedReason, writtenPublicationDate } from "./publishing.js";
import { buildSiteIndex, type SiteIndex } from "./site-index.js";

type Index = SiteIndex<EleventyCollectionItem>;

export default function newsroomTheme(eleventyConfig: EleventyConfig, userOptions: NewsroomThemeOptions = {}): void {
  const options = resolveThemeOptions(userOptions);
  // Resolved here, once; the plugin takes the resolved object as it is.
  const newsroomOptions = resolveOptions({
    speakerUrl: (speaker: { id?: string | undefined }) => (speaker.id ? `/speakers/${speaker.id}/` : undefined),
    authorUrl: (id: string) => `/authors/${id}/`,
    ...options.newsroom,
  });
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(newsroom, newsroomOptions);
  // Absolute URLs (canonical, feeds, sitemaps) start here; Eleventy adds the path prefix.
  eleventyConfig.addGlobalData("baseUrl", newsroomOptions.siteUrl ?? "/");

  const { articlesDir } = options;
  const standaloneCities = [...AP_STANDALONE_CITIES, ...newsroomOptions.standaloneCities];
  const zone = newsroomOptions.timeZone ?? "utc";
  const sources = new SourceFiles();
  let index: Index | undefined;
  /** The moment this build started: a story dated later is embargoed until a build after it. */
  let buildTime = new Date();
  let preview = false;
  eleventyConfig.on("eleventy.before", () => {
    index = undefined;
    sources.clear();
    buildTime = new Date();
    // `eleventy --serve` (npm start) is the newsroom's preview; a build or watch never is.
    preview = options.preview ?? process.env.ELEVENTY_RUN_MODE === "serve";
  });

  const articlePrefix = (): string => {
    const inputDir = (eleventyConfig.directories?.input ?? "./").replace(/\/?$/, "/");
    return `${inputDir}${articlesDir}/`.replace(/^\.\//, "");
  };
  const isArticle = (inputPath: string): boolean => inputPath.replace(/^\.\//, "").startsWith(articlePrefix());

  if (!eleventyConfig.addDateParsing || !eleventyConfig.addPreprocessor) {
    throw new NewsroomError({
      where: "newsroomTheme",
      problem: "needs Eleventy 3's addDateParsing and addPreprocessor, which this Eleventy lacks",
      fix: "install @11ty/eleventy 3.0.0 or later",
    });
  }
  // The day or time as written, not as YAML read it: `date: 2025-10-14` is Oct. 14 in the site's
  // zone (URL, lists, archive month), not midnight UTC; an offset-less time is local wall-clock time.
  eleventyConfig.addDateParsing(function () {
    const inputPath = this.page?.inputPath;
    const written = inputPath === undefined ? undefined : writtenPublicationDate(sources.frontMatter(inputPath), zone);
    return written === undefined ? undefined : toDateTime(written, { zone, where: "front matter date" }).toJSDate();
  });

  // Before Eleventy reads a template into any collection: dates as written, and a story that is
  // not public yet (draft, or dated after this build) left out of every output. The preview
  // builds it with a banner and noindex instead.
  eleventyConfig.addPreprocessor("newsroom-publishing", "*", function (data) {
    normaliseDates(data, sources.frontMatter(this.inputPath), zone);
    if (!isArticle(this.inputPath)) return undefined;
    const page = data.page as { date?: Date } | undefined;
    const reason = unpublishedReason(this.inputPath, data, page?.date, buildTime, zone);
    if (!reason) return undefined;
    if (!preview) return false;
    data.unpublished = { ...reason, label: unpublishedLabel(reason, zone) };
    data.noindex = true;
    return undefined;
  });

  /** The whole site's lists, built on first use in a build and shared by every collection. */
  const siteIndex = (api: EleventyCollectionApi): Index => {
    if (index) return index;
    const all = api.getAll();
    const globalData = all[0]?.data ?? {};
    const sections = (globalData[newsroomOptions.sectionsDataKey] ?? {}) as Record<string, SectionEntry>;
    const authors = (globalData[newsroomOptions.authorsDataKey] ?? {}) as Record<string, AuthorEntry>;
    const articles = all.filter((item) => isArticle(item.inputPath) && /\.(md|njk|liquid|html)$/.test(item.inputPath));
    for (const article of articles) {
      // The file as written, for what YAML hides (an impossible date turns into a real one).
      validateArticle(article.inputPath, article.data, { sections, authors, standaloneCities, timeZone: zone }, sources.text(article.inputPath));
    }
    index = buildSiteIndex(articles, { sections, authors, timeZone: newsroomOptions.timeZone, relatedCount: options.relatedCount });
    return index;
  };

  eleventyConfig.addCollection("articles", (api) => siteIndex(api).articles);
  eleventyConfig.addCollection("sectionPages", (api) => siteIndex(api).sections);
  eleventyConfig.addCollection("tagPages", (api) => siteIndex(api).tags);
  eleventyConfig.addCollection("authorPages", (api) => siteIndex(api).authors);
  eleventyConfig.addCollection("monthPages", (api) => siteIndex(api).months);

  const themeDir = findThemeDirectory();
  // One source of truth: the very files in the package's _includes/ are served to the site —
  // pages as virtual templates, layouts as virtual layouts, partials through the Nunjucks loader —
  // and a file of the same name in the site's own _includes/ wins.
  for (const file of readdirSync(path.join(themeDir, "pages")).sort()) {
    eleventyConfig.addTemplate(`newsroom-theme/${file}`, readFileSync(path.join(themeDir, "pages", file), "utf8"));
  }
  const inputDir = eleventyConfig.directories?.input ?? "./";
  const includesDir = eleventyConfig.directories?.includes ?? path.join(inputDir, "_includes");
  for (const file of readdirSync(path.join(themeDir, "layouts")).sort()) {
    const siteLayout = path.join(includesDir, "layouts", file);
    if (existsSync(siteLayout)) continue;
    eleventyConfig.addTemplate(path.relative(inputDir, siteLayout).split(path.sep).join("/"), readFileSync(path.join(themeDir, "layouts", file), "utf8"));
  }
  eleventyConfig.amendLibrary("njk", (environment) => {
    // After the site's own folders, so its partials override the theme's. Nunjucks gives each
    // loader a template cache when the environment is created; a loader added later needs its own.
    const loader = Object.assign(new nunjucks.FileSystemLoader(themeDir), { cache: {} });
    environment.loaders.push(loader);
  });
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(themeDir, "assets")) || "."]: "assets" });

  const filters = themeFilters({ zone, standaloneCities, related: (url) => index?.related.get(url) ?? [] });
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter as (...args: unknown[]) => unknown);
}

/** The package's `_includes/`: two levels up from this source file, three from the compiled build. */
function findThemeDirectory(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, "..", "..", "_includes"), path.join(here, "..", "..", "..", "_includes")]) {
    if (existsSync(path.join(candidate, "pages"))) return candidate;
  }
  throw new NewsroomError({
    where: "newsroomTheme",
    problem: "cannot find the theme's _includes/pages folder next to the plugin",
    value: here,
    fix: "reinstall eleventy-plugin-newsroom; the package must ship its _includes folder",
  });
}

export type { NewsroomThemeOptions, ResolvedNewsroomThemeOptions } from "./options.js";
export { DEFAULT_THEME_OPTIONS, resolveThemeOptions } from "./options.js";
