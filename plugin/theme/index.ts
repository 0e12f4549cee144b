/**
 * The news theme: a second Eleventy plugin that adds the newsroom plugin, Eleventy's feed plugin
 * and a whole news site around them. This entry only wires the theme's rooms together, in the
 * order a build meets them (docs/architecture.md):
 *
 * - config.ts — site.json, the theme's options and the environment, resolved once;
 * - build-mode.ts — a whole build, or one part of a build in parts;
 * - watch-memory.ts — what one build under `npm start` keeps for the next;
 * - preprocessors.ts — each story's dates, publishing status, layout and address;
 * - collections.ts — the site's lists, and each story checked against the registries;
 * - templates.ts — the theme's pages, layouts, partials and assets, and its photo shortcodes;
 * - cms.ts — the editors' CMS at /admin/ (theme option cms);
 * - checks.ts — the checks of the site as a whole (links, logo, registry ids);
 * - clean-output.ts — each build leaves in the output only what it wrote;
 * - ../internals/ — the few internals of Eleventy relied on, each guarded.
 */
import rssPlugin from "@11ty/eleventy-plugin-rss";
import path from "node:path";
import type { EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import { reportErrorsToGitHub } from "../annotations.js";
import newsroom, { SUPPORTED_ELEVENTY } from "../index.js";
import { indexEleventyLookups, type IndexedLookups } from "../internals/eleventy-lookups.js";
import { Photos } from "../photos.js";
import { BuildMode } from "./build-mode.js";
import { addCms } from "./cms.js";
import { addStoryGuards, addStoryLinkCheck, checkLogoPublished } from "./checks.js";
import { addOutputCleaning } from "./clean-output.js";
import { SiteCollections } from "./collections.js";
import { resolveThemeConfig } from "./config.js";
import { SitemapPlan, themeFilters } from "./filters.js";
import { kindFilters } from "./kinds.js";
import type { NewsroomThemeOptions } from "./options.js";
import { ThemePhotos } from "./photos.js";
import { addArticleDefaults, addPublishingPreprocessors, Publishing } from "./preprocessors.js";
import { refuseSearchIndexedWhole } from "./search-index.js";
import { loadCardFonts, ShareCards } from "./share-card.js";
import { addPhotoShortcodes, addThemeTemplates } from "./templates.js";
import { checkPoliciesPublished, reportMissingDisclosures } from "./trust.js";
import { addTypography } from "./typography.js";
import { WatchMemory } from "./watch-memory.js";

export default function newsroomTheme(eleventyConfig: EleventyConfig, userOptions: NewsroomThemeOptions = {}): void {
  eleventyConfig.versionCheck?.(SUPPORTED_ELEVENTY);
  // Before the settings are read: their errors, too, as annotations in GitHub Actions.
  reportErrorsToGitHub();
  // The plugin's fallback image is the theme's share card, drawn by photos made from the config.
  let themePhotos: ThemePhotos | undefined;
  const config = resolveThemeConfig(eleventyConfig, userOptions, {
    fallbackImage: async ({ data, quotations }) => {
      const image = await (themePhotos as ThemePhotos).imageWithoutPhoto({ ...data, pageType: "article" }, quotations.find((q) => q.kind === "pullquote"));
      return { url: image.url, width: image.width, height: image.height };
    },
  });
  const { options, newsroom: newsroomOptions } = config;
  // Read at configuration, so an edit under `npm start` must run the configuration again;
  // Eleventy alone would rebuild with the settings it read at start, and the preview would
  // silently keep the old name, language or time zone.
  eleventyConfig.addWatchTarget?.(config.settingsFile, { resetConfig: true });
  for (const font of options.cardFonts) eleventyConfig.addWatchTarget?.(path.relative(process.cwd(), path.resolve(font.file)), { resetConfig: true });
  // Read now, so a missing or unreadable font stops the build before any page is rendered.
  const cards = new ShareCards(loadCardFonts(options.cardFonts, process.cwd()));
  const photos = new Photos(() => ({
    inputDir: eleventyConfig.directories?.input ?? ".",
    outputDir: config.outputDir(),
    cacheDir: newsroomOptions.imageCacheDir,
    urlPath: newsroomOptions.imageUrlPath,
    widths: newsroomOptions.imageWidths,
    modernFormats: newsroomOptions.imageFormats,
  }));
  themePhotos = new ThemePhotos({
    photos,
    cards,
    cardPublishing: () => ({ cacheDir: newsroomOptions.imageCacheDir, outputDir: config.outputDir(), urlPath: `${newsroomOptions.imageUrlPath}cards/` }),
    columnSizes: newsroomOptions.imageSizes,
    storyCards: options.storyCards,
    siteImage: config.settings.shareImage,
    settingsFile: config.settingsFile,
    siteUrl: newsroomOptions.siteUrl,
    pathPrefix: () => eleventyConfig.pathPrefix,
  });
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(newsroom, newsroomOptions);
  // Curly quotes, apostrophes and dashes in story prose, in the site's language.
  addTypography(eleventyConfig, config.language);
  // Absolute URLs (canonical, feeds, sitemaps) start here; Eleventy adds the path prefix.
  eleventyConfig.addGlobalData("baseUrl", newsroomOptions.siteUrl ?? "/");

  const mode = BuildMode.fromEnvironment(config.articlesFolder, config.storyName, options.feedSize);
  for (const pattern of mode.ignores) eleventyConfig.ignores?.add(pattern);
  const memory = new WatchMemory(config.isArticle);
  const publishing = new Publishing(options.preview);
  const collections = new SiteCollections(eleventyConfig, config, mode, memory, publishing);

  eleventyConfig.on("eleventy.beforeWatch", (queue) => memory.filesChanged(queue));
  // Eleventy 3 finds pages in its template map, the pages of each tag (topic) and each page's
  // dependencies by walking every page: a cost that grows with the square of the archive. Before
  // the first build reads them, they get an index (../internals/eleventy-lookups.ts).
  let lookupsIndexed: Promise<IndexedLookups> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    lookupsIndexed ??= indexEleventyLookups(eleventyConfig);
    await lookupsIndexed;
  });
  eleventyConfig.on("eleventy.before", (event) => {
    collections.startBuild();
    memory.startBuild(event);
    publishing.startBuild();
    photos.reset();
    cards.reset();
  });
  eleventyConfig.on("eleventy.after", () => {
    memory.buildSucceeded();
    if (mode.reportsEmbargoes) publishing.reportEmbargoes();
  });
  // Stories are data (docs/security.md): no code in them runs, and no page of theirs is written outside its place.
  addStoryGuards(eleventyConfig, config);
  // Before the checks of the written site, so they see only what this build wrote.
  addOutputCleaning(eleventyConfig, mode, { cacheRoot: newsroomOptions.imageCacheDir, outputDir: config.outputDir });
  addStoryLinkCheck(eleventyConfig, config, mode);
  addPublishingPreprocessors(eleventyConfig, { config, mode, memory, publishing });
  addPhotoShortcodes(eleventyConfig, themePhotos, `_data/${newsroomOptions.authorsDataKey}.json`);
  // A build in parts leaves each part's quotations for the speaker pages of the lists parts.
  eleventyConfig.on("eleventy.after", () => {
    const quotationsBy = eleventyConfig.getFilter?.("quotationsBy");
    // As a speaker page's template calls it, outside any page.
    mode.recordQuotations(collections.speakerIds, (id) => (quotationsBy?.call({}, id) ?? []) as { pageUrl: string }[], collections.quotingPages);
  });

  const sitemapPlan = new SitemapPlan();
  eleventyConfig.on("eleventy.before", () => sitemapPlan.reset());
  const filters = themeFilters({
    zone: config.zone,
    standaloneCities: config.standaloneCities,
    related: (url) => collections.related.get(url) ?? [],
    speakerPlan: (id) => collections.speakerPlans.get(id),
    now: () => publishing.buildTime,
    listPages: () => collections.listPages,
    recordedStories: () => collections.recordedItems,
    recordedQuotations: mode.recordedQuotations,
    sitemapPlan,
  });
  addArticleDefaults(eleventyConfig, { config, mode }, filters.articlePath as (date: unknown) => string);
  collections.register();
  const sitemapPages = filters.sitemapPages as (items: unknown) => EleventyCollectionItem[];
  addThemeTemplates(eleventyConfig, config, mode, (items) => sitemapPlan.paginated(sitemapPages(items), options.sitemapSize));
  // The editors' CMS, with the site's own pages (theme option cms).
  if (mode.publishesSiteFiles) addCms(eleventyConfig, config);
  refuseSearchIndexedWhole(options.searchIndexSize, process.cwd());
  // The logo is published by the part that writes the site's own pages.
  if (mode.publishesSiteFiles) {
    checkLogoPublished(eleventyConfig, newsroomOptions.publisher?.logo, config.settingsFile);
    checkPoliciesPublished(eleventyConfig, newsroomOptions.publisher?.policies, config.settingsFile);
    reportMissingDisclosures(newsroomOptions.publisher?.policies, options.trustDisclosures, config.settingsFile);
  }
  for (const [name, filter] of Object.entries({ ...filters, ...kindFilters(newsroomOptions.siteUrl) })) eleventyConfig.addFilter(name, filter as (...args: unknown[]) => unknown);
}

export { COLUMN_SIZES } from "./config.js";
export type { CardFontOption, NewsroomThemeOptions, ResolvedNewsroomThemeOptions } from "./options.js";
export { DEFAULT_THEME_OPTIONS, resolveThemeOptions } from "./options.js";
