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
import { validateArticle, type AuthorEntry, type SectionEntry } from "./article.js";
import { renderDateline } from "./dateline.js";
import { AP_STANDALONE_CITIES } from "./data/standalone-cities.js";
import { toDateTime } from "./dates.js";
import type { EleventyCollectionApi, EleventyCollectionItem, EleventyConfig } from "./eleventy-types.js";
import { NewsroomError } from "./errors.js";
import { jsonForScript } from "./escape.js";
import newsroom from "./index.js";
import type { NewsroomOptions } from "./options.js";
import { buildSiteIndex, slugify, type SiteIndex } from "./site-index.js";

export interface NewsroomThemeOptions {
  /** Options for the newsroom plugin the theme adds (see its README section). */
  newsroom?: NewsroomOptions;
  /** Folder under the input directory that holds the articles. Default `"articles"`. */
  articlesDir?: string;
  /** Related stories shown under an article. Default `3`. */
  relatedCount?: number;
}

const THEME_OPTIONS = ["newsroom", "articlesDir", "relatedCount"];

type Index = SiteIndex<EleventyCollectionItem>;

export default function newsroomTheme(eleventyConfig: EleventyConfig, options: NewsroomThemeOptions = {}): void {
  for (const name of Object.keys(options)) {
    if (!THEME_OPTIONS.includes(name)) {
      throw new NewsroomError({ where: "addPlugin(newsroomTheme, options)", problem: "unknown option", value: name, fix: `use only ${THEME_OPTIONS.join(", ")}` });
    }
  }
  const pluginOptions: NewsroomOptions = {
    speakerUrl: (speaker) => (speaker.id ? `/speakers/${speaker.id}/` : undefined),
    authorUrl: (id) => `/authors/${id}/`,
    ...options.newsroom,
  };
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(newsroom, pluginOptions);
  // Absolute URLs (canonical, feeds, sitemaps) start here; Eleventy adds the path prefix.
  eleventyConfig.addGlobalData("baseUrl", pluginOptions.siteUrl ?? "/");

  const articlesDir = options.articlesDir ?? "articles";
  const standaloneCities = [...AP_STANDALONE_CITIES, ...(pluginOptions.standaloneCities ?? [])];
  let index: Index | undefined;
  eleventyConfig.on("eleventy.before", () => {
    index = undefined;
  });

  /** The whole site's lists, built on first use in a build and shared by every collection. */
  const siteIndex = (api: EleventyCollectionApi): Index => {
    if (index) return index;
    const all = api.getAll();
    const globalData = all[0]?.data ?? {};
    const sections = (globalData[pluginOptions.sectionsDataKey ?? "sections"] ?? {}) as Record<string, SectionEntry>;
    const authors = (globalData[pluginOptions.authorsDataKey ?? "authors"] ?? {}) as Record<string, AuthorEntry>;
    const inputDir = (eleventyConfig.directories?.input ?? "./").replace(/\/?$/, "/");
    const prefix = `${inputDir}${articlesDir}/`.replace(/^\.\//, "");
    const articles = all.filter((item) => item.inputPath.replace(/^\.\//, "").startsWith(prefix) && /\.(md|njk|liquid|html)$/.test(item.inputPath));
    for (const article of articles) {
      // The file as written, for what YAML hides (an impossible date turns into a real one).
      const fileText = existsSync(article.inputPath) ? readFileSync(article.inputPath, "utf8") : undefined;
      validateArticle(article.inputPath, article.data, { sections, authors, standaloneCities }, fileText);
    }
    index = buildSiteIndex(articles, { sections, authors, timeZone: pluginOptions.timeZone, relatedCount: options.relatedCount });
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

  const zone = pluginOptions.timeZone ?? "utc";
  const filters: Record<string, (...args: never[]) => unknown> = {
    relatedArticles: (url: unknown) => (typeof url === "string" ? (index?.related.get(url) ?? []) : []),
    tagUrl: (tag: unknown) => `/tags/${slugify(String(tag))}/`,
    /** `count` items from `offset`: Nunjucks' own slice filter splits lists into columns instead. */
    limit: (list: unknown, count: number, offset = 0) => (Array.isArray(list) ? list.slice(offset, offset + count) : []),
    /** The story's body with its front-matter dateline leading the first paragraph, where AP puts it. */
    withDateline: (content: unknown, place: unknown, agency: unknown) => {
      const body = String(content ?? "");
      if (typeof place !== "string" || place.trim() === "") return body;
      const dateline = renderDateline(place, { agency: typeof agency === "string" ? agency : undefined, standaloneCities });
      return body.includes("<p>") ? body.replace("<p>", `<p>${dateline} `) : `<p>${dateline}</p>${body}`;
    },
    /** "2025/09/05" in the site's zone, for article URLs. */
    articlePath: (date: unknown) => {
      // The shared parse cache: every later date filter on this story reuses the DateTime.
      const local = toDateTime(date as Date, { zone, where: "articlePath" });
      return `${local.year}/${String(local.month).padStart(2, "0")}/${String(local.day).padStart(2, "0")}`;
    },
    upperFirst: (text: unknown) => {
      const value = String(text ?? "");
      return value.charAt(0).toLocaleUpperCase("en-US") + value.slice(1);
    },
    firstKey: (record: unknown) => (record && typeof record === "object" ? Object.keys(record)[0] : undefined),
    newestDate: (items: unknown) => {
      const dates = (Array.isArray(items) ? items : []).map((item: EleventyCollectionItem) => item.date?.getTime() ?? 0);
      return new Date(dates.length ? Math.max(...dates) : 0);
    },
    /** Pages for sitemap.xml: real HTML pages that search engines should list. */
    sitemapPages: (items: unknown) =>
      (Array.isArray(items) ? items : []).filter(
        (item: EleventyCollectionItem) => typeof item.url === "string" && item.url.endsWith("/") && !item.data.noindex,
      ),
    /** Stories published within `days` days of the newest one (Google News sitemap). */
    recentNews: (items: unknown, days: number) => {
      const list = Array.isArray(items) ? (items as EleventyCollectionItem[]) : [];
      const newest = Math.max(0, ...list.map((item) => item.date?.getTime() ?? 0));
      return list.filter((item) => (item.date?.getTime() ?? 0) >= newest - days * 86_400_000);
    },
    /** Google News wants ISO 639 ("en"), except for Chinese, which keeps its script. */
    newsLanguage: (tag: unknown) => {
      const value = String(tag ?? "en").toLowerCase();
      return value.startsWith("zh") ? value : value.split("-")[0];
    },
    without: (list: unknown, item: unknown) => (Array.isArray(list) ? list.filter((entry) => entry !== item) : []),
    /** JSON for feeds, with < > & escaped so no reader mistakes the data for markup. */
    jsonValue: (value: unknown) => jsonForScript(value),
    organisationBylines: (items: unknown) =>
      (Array.isArray(items) ? (items as EleventyCollectionItem[]) : []).filter((item) => !Array.isArray(item.data.byline)),
  };
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter as (...args: unknown[]) => unknown);
}

/** `_includes/` beside the package's code: one level up from source, two from the compiled build. */
function findThemeDirectory(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, "..", "_includes"), path.join(here, "..", "..", "_includes")]) {
    if (existsSync(path.join(candidate, "pages"))) return candidate;
  }
  throw new NewsroomError({
    where: "newsroomTheme",
    problem: "cannot find the theme's _includes/pages folder next to the plugin",
    value: here,
    fix: "reinstall eleventy-plugin-newsroom; the package must ship its _includes folder",
  });
}
