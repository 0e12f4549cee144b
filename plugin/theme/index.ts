/**
 * The news theme's Eleventy glue: adds the newsroom plugin and Eleventy's feed plugin, checks
 * every article's front matter, and builds the site's lists (sections, tags, authors, months,
 * related stories) once per build for the theme's page templates.
 */
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { logForCli, namingFile, reportingCause, reportingCauseAsync } from "../arguments.js";
import { AP_STANDALONE_CITIES } from "../data/standalone-cities.js";
import { toDateTime } from "../dates.js";
import type { EleventyCollectionApi, EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { filesUnder } from "../files.js";
import { escapeHtml, jsonForScript } from "../escape.js";
import newsroom from "../index.js";
import { resolveOptions, type FallbackImageContext, type PublisherOptions } from "../options.js";
import { buildTimeFromEnvironment, themeFilters } from "./filters.js";
import { assertCleanText, checkRegistryEntries, checkStoryAddress, isSlug, storyWithoutPage, refuseReservedTags, suggestSlug, validateArticle, type AuthorEntry, type SectionEntry } from "./front-matter.js";
import { isAbsoluteHttpUrl } from "../escape.js";
import { newsroomOptionsFromSettings, readSiteSettings, textDirection } from "./site-settings.js";
import { resolveThemeOptions, type NewsroomThemeOptions, type ResolvedNewsroomThemeOptions } from "./options.js";
import { embargoNotes, normaliseDates, readFileIfPresent, SourceFiles, unpublishedLabel, unpublishedReason, writtenPublicationDate } from "./publishing.js";
import { ListPageMemory } from "./list-page-memory.js";
import { refuseSearchIndexedWhole } from "./search-index.js";
import { indexEleventyLookups, type IndexedLookups } from "./eleventy-lookups.js";
import { eleventyOrder, listShare, listsPartCount, pagesInShare, PartStore, quotingPageItem, readBuildPart, selectPart, storyRecord, stubItem, type QuotingPage, type StoryRecord } from "./parts.js";
import { buildSiteIndex, paginate, quotedSpeakerIds, speakerLists, type ListPage, type SiteIndex } from "./site-index.js";
import { missingFragments, refuseBrokenLinks, siteLinks, type StoryLink } from "./story-links.js";
import { Photos } from "../photos.js";
import type { QuotationRecord } from "../quotation-record.js";
import { ThemePhotos } from "./photos.js";
import { loadCardFonts, ShareCards } from "./share-card.js";

/** The article column (`--measure` in site.css) inside main's 1rem padding: what photos are drawn at. */
export const COLUMN_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

type Item = EleventyCollectionItem;
type ListKind = "section" | "tag" | "author" | "month" | "speaker" | "organisation" | "topics";
type Index = SiteIndex<Item> & {
  /** Every list page, one Eleventy page each. */
  listPages: Record<ListKind, ListPage<unknown, unknown>[]>;
  /** The list pages this build renders (the list templates paginate these with size 1): all, or in watch mode those an edit changed. */
  renderedListPages: Record<ListKind, ListPage<unknown, unknown>[]>;
};

/** A file whose change is a story's own, when it is in the articles folder: not directory data, which every story there reads. */
const STORY_TEMPLATE = /\.(?:md|markdown|njk|liquid|html)$/i;

/** Topics per page of the topic index (/tags/): short links, so more than stories per page. */
const TOPICS_PER_PAGE = 200;

export default function newsroomTheme(eleventyConfig: EleventyConfig, userOptions: NewsroomThemeOptions = {}): void {
  const options = resolveThemeOptions(userOptions);
  const given = options.newsroom;
  // Eleventy runs plugins after the config function, so the site's folders are known here.
  const directories = siteDirectories(eleventyConfig);
  const siteUrlFromEnvironment = readSiteUrlEnvironment();
  const settings = readSiteSettings(directories.data, {
    url: given.siteUrl !== undefined || siteUrlFromEnvironment !== undefined,
    language: given.language !== undefined,
    timeZone: given.timeZone !== undefined,
    organisation: given.publisher !== undefined,
  });
  // Read here, at configuration, so an edit under `npm start` must run the configuration again;
  // Eleventy alone would rebuild with the settings it read at start, and the preview would
  // silently keep the old name, language or time zone.
  const settingsFile = path.join(directories.data, "site.json");
  eleventyConfig.addWatchTarget?.(settingsFile, { resetConfig: true });
  for (const font of options.cardFonts) eleventyConfig.addWatchTarget?.(path.relative(process.cwd(), path.resolve(font.file)), { resetConfig: true });
  // Resolved here, once: site.json first, the theme's options over it, SITE_URL over both (the
  // Pages workflow sets it to the address it deploys to). The plugin takes this object as it is.
  // Read now, so a missing or unreadable font stops the build before any page is rendered.
  const cards = new ShareCards(loadCardFonts(options.cardFonts, process.cwd()));
  const outputDir = () => eleventyConfig.directories?.output ?? "_site";
  const cardPublishing = () => ({ cacheDir: newsroomOptions.imageCacheDir, outputDir: outputDir(), urlPath: `${newsroomOptions.imageUrlPath}cards/` });
  const newsroomOptions = resolveOptions({
    speakerUrl: (speaker: { id?: string | undefined }) => (speaker.id ? `/speakers/${speaker.id}/` : undefined),
    authorUrl: (id: string) => `/authors/${id}/`,
    imageSizes: COLUMN_SIZES,
    // A story without a photo is shown in search and on social sites by its share card.
    fallbackImage: async ({ data, quotations }: FallbackImageContext) => {
      const image = await themePhotos.imageWithoutPhoto({ ...data, pageType: "article" }, quotations.find((q) => q.kind === "pullquote"));
      return { url: image.url, width: image.width, height: image.height };
    },
    ...newsroomOptionsFromSettings(settings),
    ...given,
    ...(siteUrlFromEnvironment === undefined ? {} : { siteUrl: siteUrlFromEnvironment }),
  });
  const photos = new Photos(() => ({
    inputDir: eleventyConfig.directories?.input ?? ".",
    outputDir: outputDir(),
    cacheDir: newsroomOptions.imageCacheDir,
    urlPath: newsroomOptions.imageUrlPath,
    widths: newsroomOptions.imageWidths,
  }));
  const themePhotos = new ThemePhotos({
    photos,
    cards,
    cardPublishing,
    columnSizes: newsroomOptions.imageSizes,
    storyCards: options.storyCards,
    siteImage: settings.shareImage,
    settingsFile,
    siteUrl: newsroomOptions.siteUrl,
    pathPrefix: () => eleventyConfig.pathPrefix,
  });
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(newsroom, newsroomOptions);
  // Absolute URLs (canonical, feeds, sitemaps) start here; Eleventy adds the path prefix.
  eleventyConfig.addGlobalData("baseUrl", newsroomOptions.siteUrl ?? "/");

  const { articlesDir } = options;
  const standaloneCities = [...AP_STANDALONE_CITIES, ...newsroomOptions.standaloneCities];
  const extraFields = settings.extraFields ?? [];
  const articlesPrefix = `${directories.input}${articlesDir}/`;
  const isArticle = (inputPath: string) => normalizeInputPath(inputPath).startsWith(articlesPrefix);
  const zone = newsroomOptions.timeZone ?? "utc";
  const sources = new SourceFiles();
  // A build in parts (eleventy-plugin-newsroom build --stories-per-part N): this process builds
  // one share of the stories and knows the others from the records earlier parts left (parts.ts).
  const buildPart = readBuildPart();
  const partStore = buildPart ? new PartStore(buildPart.workDir) : undefined;
  const storyName = (inputPath: string) => normalizeInputPath(inputPath).slice(articlesPrefix.length);
  const partSelection = buildPart ? selectPart(buildPart, path.join(directories.input || ".", articlesDir), storyName, options.feedSize) : undefined;
  for (const pattern of partSelection?.ignores ?? []) eleventyConfig.ignores?.add(pattern);
  /** The stories other parts render, as their records: lists and related stories show them. */
  const otherPartStories: readonly StoryRecord[] = partSelection?.otherStories ?? [];
  /** A build in parts: how many lists parts write the list pages, once the first has counted them. */
  let listsPartsOfBuild = buildPart?.phase === "lists" && buildPart.number > 1 && partStore ? partStore.readListsPlan().parts : 1;
  let index: Promise<Index> | undefined;
  /** Every list page of this build, once its index is built: the sitemaps list them all, rendered or kept. */
  let listPagesOfBuild: ListPage<unknown, unknown>[] = [];
  const listPageMemory = new ListPageMemory();
  /** Files changed since the last build, in watch mode. */
  let changedFiles: string[] | undefined;
  let lastBuildSucceeded = false;
  /**
   * In an incremental rebuild: the stories edited since the last build, when it succeeded and
   * nothing but stories changed. What the last build checked and wrote of the others still holds.
   */
  let storyEdits: ReadonlySet<string> | undefined;
  /** The stories the last build checked, with the speakers each quotes. */
  let checkedStories = new Map<string, Set<string>>();
  eleventyConfig.on("eleventy.beforeWatch", (queue) => {
    changedFiles = queue;
  });
  // Eleventy 3 finds pages in its template map, the pages of each tag (topic) and each page's
  // dependencies by walking every page: a cost that grows with the square of the archive. Before
  // the first build reads them, they get an index (eleventy-lookups.ts).
  let lookupsIndexed: Promise<IndexedLookups> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    lookupsIndexed ??= indexEleventyLookups(eleventyConfig);
    await lookupsIndexed;
  });
  /** The moment this build started: a story dated later is embargoed until a build after it. */
  let buildTime = buildTimeFromEnvironment();
  let preview = false;
  /** Embargoed stories this build left out, with their banner's words, for the build log. */
  const embargoed = new Map<string, string>();
  eleventyConfig.on("eleventy.before", (event) => {
    index = undefined;
    listPagesOfBuild = [];
    // An incremental rebuild after edits to stories only may keep list pages they did not change.
    const storiesOnly = event?.incremental === true && lastBuildSucceeded && changedFiles !== undefined && changedFiles.length > 0 && changedFiles.every((file) => isArticle(file) && STORY_TEMPLATE.test(file));
    storyEdits = storiesOnly ? new Set(changedFiles?.map(normalizeInputPath)) : undefined;
    // Only watch mode (npm start) builds again and compares.
    listPageMemory.startBuild(storyEdits, event?.runMode !== undefined ? event.runMode !== "build" : process.env.ELEVENTY_RUN_MODE !== "build");
    // A file's front matter as written changes only with the file, whatever else changed.
    sources.startBuild({ keep: event?.incremental === true, changedFiles: changedFiles && new Set(changedFiles.map(normalizeInputPath)) }, normalizeInputPath);
    changedFiles = undefined;
    lastBuildSucceeded = false;
    embargoed.clear();
    buildTime = buildTimeFromEnvironment();
    photos.reset();
    cards.reset();
    // `eleventy --serve` (npm start) is the newsroom's preview; a build or watch never is.
    preview = options.preview ?? process.env.ELEVENTY_RUN_MODE === "serve";
  });
  // Said in the build log: a story left out for its date is otherwise invisible, and a mistyped
  // year (2205) would keep it off the site without a word.
  eleventyConfig.on("eleventy.after", () => {
    lastBuildSucceeded = true;
    // In a build in parts, each story is said once: by the index part that reads it.
    if (buildPart && buildPart.phase !== "index") return;
    for (const line of embargoNotes(embargoed)) logForCli(line);
  });

  // The links in stories' text, checked once every file is written: one per place they lead to
  // (every story links the same speaker pages).
  const storyLinks = new Map<string, StoryLink>();
  eleventyConfig.on("eleventy.before", () => {
    storyLinks.clear();
  });
  eleventyConfig.addLinter("newsroom-story-links", function (content) {
    const inputPath = this.page?.inputPath ?? this.inputPath;
    const url = this.page?.url;
    if (inputPath === undefined || typeof url !== "string" || !isArticle(inputPath)) return;
    const text = articleText(content);
    const [fragment] = missingFragments(text, content);
    if (fragment !== undefined) {
      throw new NewsroomError({
        where: "story link",
        problem: "leads to a place on the page that no element marks (Markdown gives headings no id)",
        value: fragment,
        fix: `give the place an id, e.g. <h2 id="${fragment.slice(1)}">…</h2> in the story's text, or remove the link`,
        inputPath,
      });
    }
    for (const link of siteLinks(text, url, inputPath)) if (!storyLinks.has(link.target)) storyLinks.set(link.target, link);
  });
  eleventyConfig.on("eleventy.after", (details) => {
    // Only a build that writes files can be checked (the dev server serves passthrough copies from their source).
    if (details?.outputMode !== "fs" || details.runMode !== "build") return;
    const links = [...storyLinks.values()];
    // A build in parts checks every story's links once the last part has written the site.
    if (buildPart && partStore && !(buildPart.phase === "lists" && buildPart.number === listsPartsOfBuild)) {
      if (buildPart.phase === "stories") partStore.writeLinks(buildPart.number, links);
      return;
    }
    if (partStore) for (const link of partStore.readLinks<StoryLink>()) if (!storyLinks.has(link.target)) links.push(link);
    refuseBrokenLinks(links, details.directories?.output ?? eleventyConfig.directories?.output ?? "_site");
  });

  if (!eleventyConfig.addDateParsing || !eleventyConfig.addPreprocessor) {
    throw new NewsroomError({
      where: "newsroomTheme",
      problem: "needs Eleventy 3's addDateParsing and addPreprocessor, which this Eleventy lacks",
      fix: "install @11ty/eleventy 3.0.0 or later",
    });
  }
  // The day or time as written, not as YAML read it: `date: 2025-10-14` is Oct. 14 in the site's
  // zone (URL, lists, archive month), not midnight UTC; an offset-less time is local wall-clock time.
  eleventyConfig.addDateParsing(function (dateValue) {
    const inputPath = this.page?.inputPath;
    // YAML front matter as typed; otherwise (JSON front matter, 11ty.js or directory data) a date
    // given as text, which Eleventy would read as UTC: a day is that day, a bare time local time.
    const written = (inputPath === undefined ? undefined : writtenPublicationDate(sources.frontMatter(inputPath), zone)) ?? (typeof dateValue === "string" ? dateValue : undefined);
    return written === undefined ? undefined : reportingCause(() => namingFile(inputPath, () => toDateTime(written, { zone, where: "front matter date" }).toJSDate()));
  });

  // Before Eleventy reads a template into any collection: dates as written, and a story that is
  // not public yet (draft, or dated after this build) left out of every output. The preview
  // builds it with a banner and noindex instead.
  eleventyConfig.addPreprocessor("newsroom-publishing", "*", function (data) {
    const inputPath = this.inputPath;
    // The story parts of a build in parts write stories only; the first lists part writes the
    // rest, the others list pages only.
    if (buildPart && buildPart.phase !== "lists" && !isArticle(inputPath)) return false;
    if (buildPart?.phase === "lists" && buildPart.number > 1 && !isListTemplate(data) && data[PART_DATA_PAGE] !== true) return false;
    // Before Eleventy makes collections of the tags, where such a name fails without naming the page.
    const reason = reportingCause(() => {
      refuseReservedTags(inputPath, data.tags);
      normaliseDates(inputPath, data, sources.frontMatter(inputPath), zone);
      sources.forget(inputPath);
      if (!isArticle(inputPath)) return undefined;
      const page = data.page as { date?: Date } | undefined;
      return unpublishedReason(inputPath, data, page?.date, buildTime, zone);
    });
    if (!reason) return undefined;
    if (!preview) {
      if (reason.status === "embargoed") embargoed.set(inputPath, unpublishedLabel(reason, zone));
      return false;
    }
    data.unpublished = { ...reason, label: unpublishedLabel(reason, zone) };
    data.noindex = true;
    return undefined;
  });

  // Theme templates are Nunjucks: `this.ctx` is the page's data.
  type NunjucksCall = { ctx?: Record<string, unknown>; page?: { inputPath?: string; url?: string | false } };
  const pageOf = (call: NunjucksCall) => call.page ?? (call.ctx?.page as NunjucksCall["page"]);
  eleventyConfig.addShortcode("leadPhoto", async function (this: NunjucksCall) {
    return themePhotos.leadFigure(this.ctx ?? {}, pageOf(this));
  });
  eleventyConfig.addShortcode("shareImageMeta", async function (this: NunjucksCall, pullquote?: unknown) {
    return themePhotos.shareMeta(this.ctx ?? {}, pageOf(this), isQuotation(pullquote) ? pullquote : undefined);
  });
  eleventyConfig.addShortcode("feedPhoto", async function (this: NunjucksCall, item: unknown, format: unknown) {
    const photo = await themePhotos.feedPhoto(item as EleventyCollectionItem);
    if (!photo) return "";
    const url = photo.absoluteUrl;
    // Atom: an enclosure link; JSON Feed: the item's "image" member (with its comma).
    if (format === "json") return `"image": ${jsonForScript(url)},`;
    return `<link rel="enclosure" type="image/jpeg" length="${photo.size ?? 0}" href="${escapeHtml(url)}"/>`;
  });
  eleventyConfig.addShortcode("styleGuideFigure", async function (this: NunjucksCall) {
    return themePhotos.sampleFigure(this.ctx ?? {});
  });
  eleventyConfig.addShortcode("authorPhoto", async function (this: NunjucksCall, photo: unknown, id: unknown) {
    return themePhotos.authorPortrait(photo, String(id), `_data/${newsroomOptions.authorsDataKey}.json`);
  });

  let related = new Map<string, EleventyCollectionItem[]>();
  /** A build in parts: the other parts' stories as collection items (see otherPartStories). */
  let recordedItems: EleventyCollectionItem[] = [];
  /** The speaker registry's ids, once the build's index has read it. */
  let speakerIdsOfBuild: string[] = [];
  // A story part of a build in parts leaves its stories' quotations for the speaker pages.
  eleventyConfig.on("eleventy.after", () => {
    if (buildPart?.phase !== "stories" || !partStore) return;
    const quotationsBy = eleventyConfig.getFilter?.("quotationsBy");
    const bySpeaker: Record<string, readonly unknown[]> = {};
    // As a speaker page's template calls it, outside any page.
    for (const id of speakerIdsOfBuild) bySpeaker[id] = (quotationsBy?.call({}, id) ?? []) as readonly unknown[];
    partStore.writeQuotations(buildPart.number, bySpeaker);
  });
  /** In the lists part of a build in parts: every part's quotations, by speaker. */
  let partQuotations: Map<string, readonly { pageUrl: string; pageDate?: Date | undefined }[]> | undefined;
  const recordedQuotations = buildPart?.phase === "lists" && partStore
    ? (id: string) => (partQuotations ??= partStore.readQuotations(buildPart.number > 1)).get(id) ?? []
    : undefined;
  /** In the first lists part: the pages other than stories that quote speakers, for the other lists parts. */
  let quotingPagesOfBuild: QuotingPage[] = [];
  eleventyConfig.on("eleventy.after", () => {
    if (buildPart?.phase !== "lists" || buildPart.number !== 1 || !partStore) return;
    const quotationsBy = eleventyConfig.getFilter?.("quotationsBy");
    const urls = new Set(quotingPagesOfBuild.map((page) => page.url));
    const bySpeaker: Record<string, readonly unknown[]> = {};
    for (const id of speakerIdsOfBuild) {
      const quotations = (quotationsBy?.call({}, id) ?? []) as readonly { pageUrl?: unknown }[];
      bySpeaker[id] = quotations.filter((quotation) => urls.has(quotation.pageUrl as string));
    }
    partStore.writeQuotingPages(quotingPagesOfBuild, bySpeaker);
  });
  /** Per speaker id, the URLs of the pages planned to quote them (see speakerLists). */
  let speakerPlans = new Map<string, Set<string | false>>();
  const filters = themeFilters({ zone, standaloneCities, related: (url) => related.get(url) ?? [], speakerPlan: (id) => speakerPlans.get(id), now: () => buildTime, listPages: () => listPagesOfBuild, recordedStories: () => recordedItems, recordedQuotations });

  const articlePath = filters.articlePath as (date: unknown) => string;
  // Every story gets the article layout and its URL from the theme, so a site needs no
  // articles.11tydata.json; a layout or permalink the site gives (in that file or front matter) wins.
  eleventyConfig.addPreprocessor("newsroom-article-defaults", "*", (data: Record<string, unknown>) => {
    const inputPath = (data.page as { inputPath?: string } | undefined)?.inputPath;
    if (!inputPath || !isArticle(inputPath)) return;
    if (data.layout === undefined) {
      data.layout = ARTICLE_LAYOUT;
      // Front matter of the layout is merged before preprocessors run; this is the one field the theme needs from it.
      data.pageType ??= "article";
    }
    if (data.permalink === false) reportingCause(() => { throw storyWithoutPage(inputPath, true); });
    const computed = data.eleventyComputed as Record<string, unknown> | undefined;
    if (data.permalink === undefined && computed?.permalink === undefined) {
      data.permalink = (pageData: { section?: unknown; page: { date: Date; fileSlug: string } }) =>
        `/${String(pageData.section)}/${articlePath(pageData.page.date)}/${pageData.page.fileSlug}/`;
    }
    // The index parts of a build in parts read and check stories without rendering them.
    if (buildPart?.phase === "index") {
      data.layout = false;
      return " ";
    }
    return undefined;
  });

  /** The whole site's lists, built on first use in a build and shared by every collection. */
  const siteIndex = (api: EleventyCollectionApi): Promise<Index> => {
    // Reported first: a story's front-matter error reaches the user as the first line under the CLI.
    index ??= reportingCauseAsync(async () => {
      const all = api.getAll();
      const globalData = all[0]?.data ?? {};
      const sections = (globalData[newsroomOptions.sectionsDataKey] ?? {}) as Record<string, SectionEntry>;
      const authors = (globalData[newsroomOptions.authorsDataKey] ?? {}) as Record<string, AuthorEntry>;
      const speakers = { ...((globalData[newsroomOptions.speakersDataKey] ?? {}) as Record<string, unknown>), ...newsroomOptions.speakers };
      validateRegistryIds({ sections, authors, speakers }, directories.data, newsroomOptions);
      checkRegistryEntries("sections", sections, path.join(directories.data, `${newsroomOptions.sectionsDataKey}.json`));
      checkRegistryEntries("authors", authors, path.join(directories.data, `${newsroomOptions.authorsDataKey}.json`));
      for (const [key, registry] of [[newsroomOptions.sectionsDataKey, sections], [newsroomOptions.authorsDataKey, authors], [newsroomOptions.speakersDataKey, speakers]] as const) {
        assertCleanText(registry, "", path.join(directories.data, `${key}.json`), `global data "${key}"`);
      }
      assertCleanText(settings, "", settingsFile, "site settings");
      const registryIds = new Set(Object.keys(speakers));
      // Who each template quotes, read from its source while it is at hand (never kept whole: at
      // 100,000 stories the texts would fill the memory).
      const quotedBy = new Map<string, Set<string>>();
      const quotedIn = (item: Item): Set<string> => {
        let ids = quotedBy.get(item.inputPath);
        if (!ids) {
          const text = readFileIfPresent(item.inputPath)?.toString("utf8");
          ids = text === undefined ? new Set() : quotedSpeakerIds(text, registryIds);
          quotedBy.set(item.inputPath, ids);
        }
        return ids;
      };
      // Whatever its extension: every file rendered from the articles folder is a story.
      // In Eleventy's collection order (date, then input path), whichever part renders each story.
      const rendered = all.filter((item) => isArticle(item.inputPath));
      const recorded = otherPartStories.map(stubItem);
      recordedItems = recorded;
      for (const record of otherPartStories) quotedBy.set(record.inputPath, new Set(record.quoted));
      const articles = [...rendered, ...recorded].sort(eleventyOrder);
      speakerIdsOfBuild = Object.keys(speakers);
      refuseUnrenderedStories(path.join(directories.input || ".", articlesDir), new Set(articles.map((item) => normalizeInputPath(item.inputPath))));
      const checked = new Map<string, Set<string>>();
      for (const article of rendered) {
        const checkedBefore = storyEdits && !storyEdits.has(normalizeInputPath(article.inputPath)) ? checkedStories.get(article.inputPath) : undefined;
        if (checkedBefore) {
          // Unchanged since a build that checked it, with the same data and registries.
          quotedBy.set(article.inputPath, checkedBefore);
          checked.set(article.inputPath, checkedBefore);
          continue;
        }
        const fileText = readArticleText(article.inputPath);
        const frontMatter = await frontMatterOf(article);
        validateArticle(article.inputPath, article.data, { sections, authors, standaloneCities, extraFields, frontMatter, timeZone: zone, buildTime }, fileText);
        const computed = frontMatter?.eleventyComputed as Record<string, unknown> | undefined;
        checkStoryAddress(article.inputPath, article.url, { fileSlug: article.fileSlug, permalinkWritten: frontMatter?.permalink !== undefined || computed?.permalink !== undefined });
        const quoted = fileText === undefined ? new Set<string>() : quotedSpeakerIds(fileText, registryIds);
        quotedBy.set(article.inputPath, quoted);
        checked.set(article.inputPath, quoted);
      }
      checkedStories = checked;
      if (buildPart?.phase === "index") {
        const globalKeys = new Set([...dataFileKeys(directories.data), ...Object.keys(eleventyConfig.globalData ?? {})]);
        partStore?.writeRecords(buildPart.number, rendered.map((item) => storyRecord(item, globalKeys, quotedBy.get(item.inputPath) ?? [])));
      }
      const built = buildSiteIndex(articles, { sections, authors, timeZone: newsroomOptions.timeZone, relatedCount: options.relatedCount });
      related = built.related;
      // The index and stories parts of a build in parts write no list page: at 100,000 stories,
      // working them out took some 10 s of each such part.
      if (buildPart && buildPart.phase !== "lists") {
        const none = { section: [], tag: [], author: [], month: [], speaker: [], organisation: [], topics: [] };
        return { ...built, listPages: none, renderedListPages: none };
      }
      const size = options.pageSize;
      // The lists parts after the first render no page but list pages: the others that quote are recorded.
      const quotingPages = buildPart?.phase === "lists" && buildPart.number > 1 && partStore ? partStore.readQuotingPages().map(quotingPageItem) : [];
      for (const page of quotingPages) quotedBy.set(page.inputPath, new Set(page.quoted));
      const speakerPages = speakerLists([...all, ...recorded, ...quotingPages], Object.keys((globalData[newsroomOptions.speakersDataKey] ?? {}) as object), quotedIn);
      if (buildPart?.phase === "lists" && buildPart.number === 1) {
        quotingPagesOfBuild = all
          .filter((item) => !isArticle(item.inputPath) && quotedIn(item).size > 0)
          .map((item) => ({ inputPath: item.inputPath, url: item.url, date: item.date, quoted: [...quotedIn(item)] }));
      }
      speakerPlans = new Map(speakerPages.map((list) => [list.id, new Set(list.pages.map((item) => item.url))]));
      const organisation = built.articles.filter((item) => !Array.isArray(item.data.byline));
      const storyLists = {
        section: built.sections.flatMap((list) => paginate(list, list.url, list.articles, size)),
        tag: built.tags.flatMap((list) => paginate(list, list.url, list.articles, size, list.permalink)),
        author: built.authors.flatMap((list) => paginate(list, list.url, list.articles, size)),
        month: built.months.flatMap((list) => paginate(list, list.url, list.articles, size)),
        speaker: speakerPages.flatMap((list) => paginate(list, list.url, list.pages, size)),
        organisation: paginate({ url: "/about/" }, "/about/", organisation, size),
      };
      // The topic index lists topics, not stories: a few pages, always written.
      const topics = paginate({ url: "/tags/" }, "/tags/", built.tags, TOPICS_PER_PAGE);
      const listPages = { ...storyLists, topics };
      listPagesOfBuild = Object.values(listPages).flat();
      const kinds = Object.keys(storyLists) as (keyof typeof storyLists)[];
      let toRender = kinds.map((kind) => listPageMemory.toRender<unknown, Item>(storyLists[kind], normalizeInputPath));
      // A build in parts writes the list pages in shares, one lists part each; the first counts them.
      if (buildPart?.phase === "lists") {
        if (buildPart.number === 1) {
          const count = toRender.reduce((sum, pages) => sum + pages.length, 0);
          listsPartsOfBuild = listsPartCount(count, buildPart.storiesPerPart);
          partStore?.writeListsPlan({ parts: listsPartsOfBuild, listPages: count });
        }
        toRender = pagesInShare(toRender, listShare(buildPart.number, buildPart.storiesPerPart));
      }
      const renderedListPages = Object.fromEntries(kinds.map((kind, position) => [kind, toRender[position] ?? []]));
      return { ...built, listPages, renderedListPages: { ...renderedListPages, topics } as Index["renderedListPages"] };
    });
    return index;
  };

  eleventyConfig.addCollection("articles", async (api) => (await siteIndex(api)).articles);
  eleventyConfig.addCollection("sectionPages", async (api) => (await siteIndex(api)).sections);
  eleventyConfig.addCollection("tagPages", async (api) => (await siteIndex(api)).tags);
  eleventyConfig.addCollection("authorPages", async (api) => (await siteIndex(api)).authors);
  eleventyConfig.addCollection("monthPages", async (api) => (await siteIndex(api)).months);
  // The list pages, paginated: one entry per page, for templates paginating with size 1.
  for (const [kind, name] of Object.entries(LIST_PAGE_COLLECTIONS) as [keyof typeof LIST_PAGE_COLLECTIONS, string][]) {
    eleventyConfig.addCollection(name, async (api) => (await siteIndex(api)).renderedListPages[kind]);
  }
  eleventyConfig.addCollection("topicIndexPages", async (api) => (await siteIndex(api)).renderedListPages.topics);
  // The templates read the language and publisher as the plugin resolved them, not site.json's:
  // a setting the theme's options give (newsroom.language, newsroom.publisher) may be missing
  // there, or say otherwise.
  const language = newsroomOptions.language ?? "en";
  eleventyConfig.addGlobalData("newsroomTheme", {
    pageSize: options.pageSize,
    feedSize: options.feedSize,
    sitemapSize: options.sitemapSize,
    searchIndexSize: options.searchIndexSize,
    language,
    direction: textDirection(language),
    publisherName: newsroomOptions.publisher?.name ?? settings.name,
  });

  const themeDir = findThemeDirectory();
  // The lists parts after the first write list pages only; the collections read the site's data
  // from a page of the build, so one that writes nothing stays in.
  if (buildPart?.phase === "lists" && buildPart.number > 1) eleventyConfig.addTemplate("newsroom-theme/lists-part.njk", "", { permalink: false, [PART_DATA_PAGE]: true });
  // One source of truth: the very files in the package's _includes/ are served to the site —
  // pages as virtual templates, layouts as virtual layouts, partials through the Nunjucks loader —
  // and a file of the same name in the site's own _includes/ wins.
  for (const file of readdirSync(path.join(themeDir, "pages")).sort()) {
    eleventyConfig.addTemplate(`newsroom-theme/${file}`, readFileSync(path.join(themeDir, "pages", file), "utf8"), PAGE_DATA[file]?.(options, { sitemapPages: filters.sitemapPages as (items: unknown) => EleventyCollectionItem[] }));
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
  copyAssets(eleventyConfig, path.join(themeDir, "assets"), directories);
  refuseSearchIndexedWhole(options.searchIndexSize, process.cwd());
  // The logo is published by the part that writes the site's own pages: the first lists part of a build in parts.
  if (!buildPart || (buildPart.phase === "lists" && buildPart.number === 1)) checkLogoPublished(eleventyConfig, newsroomOptions.publisher?.logo, settingsFile);

  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter as (...args: unknown[]) => unknown);
}

const ARTICLE_LAYOUT = "layouts/article.njk";

interface SiteDirectories {
  /** Input folder as Eleventy's input paths start, without "./": "src/" or "" for the project folder. */
  input: string;
  includes: string;
  data: string;
}

/** Input paths already normalised: a build asks for each template's many times (lists, checks, watch mode). */
const normalizedInputPaths = new Map<string, string>();

function normalizeInputPath(inputPath: string): string {
  let normalized = normalizedInputPaths.get(inputPath);
  if (normalized === undefined) normalizedInputPaths.set(inputPath, (normalized = inputPath.split(path.sep).join("/").replace(/^\.\//, "")));
  return normalized;
}

function siteDirectories(eleventyConfig: EleventyConfig): SiteDirectories {
  const input = normalizeInputPath(eleventyConfig.directories?.input ?? "./").replace(/\/?$/, "/").replace(/^\.?\/$/, "");
  return {
    input,
    includes: eleventyConfig.directories?.includes ?? path.join(input, "_includes"),
    data: eleventyConfig.directories?.data ?? path.join(input, "_data"),
  };
}

/** `SITE_URL`, when set: the address the site is being built for (the Pages workflow sets it). */
function readSiteUrlEnvironment(): string | undefined {
  const value = process.env.SITE_URL;
  if (value === undefined || value.trim() === "") return undefined;
  if (!isAbsoluteHttpUrl(value)) {
    throw new NewsroomError({ where: "environment variable SITE_URL", problem: "must be an absolute http(s) URL, got", value, fix: "set it to the published address, e.g. SITE_URL=https://user.github.io, or unset it to use site.json's url" });
  }
  return value;
}

/** Top-level folders of the theme's own pages and files: a section of the same id would share its address. */
const THEME_FOLDERS = ["about", "archive", "assets", "authors", "pagefind", "search", "speakers", "style-guide", "tags"];

/**
 * Registry ids become URLs (/{section}/, /authors/{id}/, /speakers/{id}/): an id that is not a
 * slug (`r&d`) would write a folder no link reaches, so it stops the build naming the file.
 */
function validateRegistryIds(registries: Record<"sections" | "authors" | "speakers", Record<string, unknown>>, dataDir: string, options: { sectionsDataKey: string; authorsDataKey: string; speakersDataKey: string; imageUrlPath: string }): void {
  const files = { sections: options.sectionsDataKey, authors: options.authorsDataKey, speakers: options.speakersDataKey };
  const themeFolders = new Set([...THEME_FOLDERS, options.imageUrlPath.split("/").find(Boolean) ?? ""]);
  for (const id of Object.keys(registries.sections)) {
    if (!themeFolders.has(id)) continue;
    throw new NewsroomError({
      where: "sections registry id",
      problem: `is the name of the theme's own /${id}/ folder, so the section's pages would take its address`,
      value: id,
      fix: `rename the section, e.g. "${id}-news", here and wherever articles use it`,
      inputPath: path.join(dataDir, `${files.sections}.json`),
    });
  }
  for (const [kind, registry] of Object.entries(registries) as [keyof typeof files, Record<string, unknown>][]) {
    for (const id of Object.keys(registry)) {
      if (isSlug(id)) continue;
      throw new NewsroomError({
        where: `${kind} registry id`,
        problem: "must be a slug (lowercase letters, digits and single hyphens), because it becomes the page's URL; got",
        value: id,
        fix: `rename it, e.g. "${suggestSlug(id)}", here and wherever articles use it`,
        inputPath: path.join(dataDir, `${files[kind]}.json`),
      });
    }
  }
}

/** The names global data takes from the data folder's files and folders (`site.json` is `site`). */
function dataFileKeys(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.[^.]+$/, "").replace(/\.11tydata$/, "")));
}

/** Extensions of documents written as stories that Eleventy does not render: they would vanish. */
const UNRENDERED_STORY = /\.(markdown|mdown|mkdn|mkd|mdwn|mdx|txt|text|rst|adoc|asciidoc|org|textile|rtf|docx?|odt|pages)$/i;

/**
 * A story saved as `budget.markdown` or `budget.txt` is not an Eleventy template: no page, no list,
 * no error. Such files in the articles folder stop the build instead (photos and other media are fine).
 */
function refuseUnrenderedStories(articlesFolder: string, rendered: ReadonlySet<string>): void {
  for (const relative of filesUnder(articlesFolder)) {
    const name = path.posix.basename(relative);
    if (name.startsWith(".")) continue;
    const file = normalizeInputPath(path.join(articlesFolder, relative));
    if (!UNRENDERED_STORY.test(name) || rendered.has(file)) continue;
    throw new NewsroomError({
      where: "articles folder",
      problem: "holds a file Eleventy does not build, so this story would never be published",
      value: name,
      fix: "save the story as Markdown with the .md extension (or another template language Eleventy renders), or move the file out of the articles folder",
      inputPath: file,
    });
  }
}

/** The file as written, for what parsers hide: bytes that are not UTF-8, YAML rolling over impossible dates. */
function readArticleText(inputPath: string): string | undefined {
  const bytes = readFileIfPresent(inputPath);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NewsroomError({
      where: "article file",
      problem: "is not valid UTF-8 text (Eleventy would replace the unreadable bytes with \ufffd)",
      inputPath,
      fix: "save the file as UTF-8 in your editor (for example with iconv -f windows-1252 -t utf-8)",
    });
  }
}

/**
 * The fields the article itself gives — its front matter, or an 11ty.js template's `data` — as
 * Eleventy read them, apart from global and directory data. Eleventy hands each collection item
 * its template (undocumented, but relied on widely); without it the whole data is used.
 */
async function frontMatterOf(item: EleventyCollectionItem): Promise<Record<string, unknown> | undefined> {
  const template = (item as { template?: { getFrontMatterData?: () => Promise<{ data?: Record<string, unknown> }> } }).template;
  if (typeof template?.getFrontMatterData !== "function") return undefined;
  return (await template.getFrontMatterData()).data;
}

/**
 * The theme's assets, file by file, unless the site has its own file at that path: in its
 * assets/ folder (published as /assets/, which the theme copies too) or in a passthrough copy of
 * its own. A site file of the same name replaces the theme's instead of clashing with it.
 */
function copyAssets(eleventyConfig: EleventyConfig, themeAssets: string, directories: SiteDirectories): void {
  const siteCopies = Object.entries((eleventyConfig as { passthroughCopies?: Record<string, { outputPath: string | boolean }> }).passthroughCopies ?? {});
  const siteAssetFolders = [path.join(directories.input || ".", "assets"), path.join(directories.includes, "assets")].filter(
    (folder) => existsSync(folder) && realpathSync(folder) !== realpathSync(themeAssets),
  );
  const copiedBySite = (outputPath: string): boolean =>
    siteAssetFolders.some((folder) => existsSync(path.join(folder, path.basename(outputPath)))) ||
    siteCopies.some(([source, { outputPath: target }]) => {
      const to = normalizeInputPath(typeof target === "string" ? target : normalizeInputPath(source).slice(directories.input.length)).replace(/\/$/, "");
      if (to === outputPath) return true;
      return outputPath.startsWith(`${to}/`) && existsSync(path.join(source, outputPath.slice(to.length + 1)));
    });
  for (const folder of siteAssetFolders) {
    const already = siteCopies.some(([source]) => path.normalize(source) === path.normalize(folder));
    if (!already) eleventyConfig.addPassthroughCopy({ [folder]: "assets" });
  }
  for (const file of readdirSync(themeAssets).sort()) {
    if (copiedBySite(`assets/${file}`)) continue;
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(themeAssets, file))]: `assets/${file}` });
  }
}

/** The story's text in the theme's article layout (a site's own layout: the whole page). */
function articleText(page: string): string {
  const start = page.indexOf('<div class="article__body">');
  const end = page.indexOf('<footer class="article__footer">', start);
  return start === -1 || end === -1 ? page : page.slice(start, end);
}

/**
 * The publisher logo in every story's structured data must be the site's own file: the theme
 * ships none, so a logo path that the build did not write would be a broken image in search results.
 */
function checkLogoPublished(eleventyConfig: EleventyConfig, logo: PublisherOptions["logo"] | undefined, settingsFile: string): void {
  const url = typeof logo === "string" ? logo : logo?.url;
  if (url === undefined || !url.startsWith("/")) return;
  eleventyConfig.on("eleventy.after", (details) => {
    // Only a build that writes files can be checked (the dev server serves passthrough copies from their source).
    if (details?.outputMode !== "fs" || details.runMode !== "build") return;
    const output = details.directories?.output ?? eleventyConfig.directories?.output ?? "_site";
    const file = decodeURI(url.split(/[?#]/)[0] as string);
    if (existsSync(path.join(output, file))) return;
    throw new NewsroomError({
      where: "site settings organisation.logo",
      problem: "the build published no file at this path",
      value: url,
      fix: `put your logo in the site's assets/ folder (it is published as /assets/…) and point organisation.logo at it, or use an absolute URL`,
      inputPath: settingsFile,
    });
  });
}

/**
 * Data for theme pages that front matter cannot hold: a sitemap file holds `sitemapSize` URLs, a
 * number that comes from the options.
 */
const PAGE_DATA: Record<string, (options: ResolvedNewsroomThemeOptions, build: { sitemapPages: (items: unknown) => EleventyCollectionItem[] }) => Record<string, unknown>> = {
  "sitemap-part.njk": (options, build) => ({
    pagination: { data: "collections.all", size: options.sitemapSize, before: build.sitemapPages, alias: "sitemapItems" },
  }),
};

/** Marks the page that carries the site's data into a lists part (see addTemplate below). */
const PART_DATA_PAGE = "newsroomPartData";

/**
 * The collections of each list's pages, one entry a page, which the list templates paginate with
 * size 1; a lists part of a build in parts holds its share of each.
 */
const LIST_PAGE_COLLECTIONS = {
  section: "sectionListPages",
  tag: "tagListPages",
  author: "authorListPages",
  month: "monthListPages",
  speaker: "speakerListPages",
  organisation: "organisationListPages",
} as const;
const LIST_PAGE_DATA = new Set(Object.values(LIST_PAGE_COLLECTIONS).map((name) => `collections.${name}`));

/** A template that writes list pages: one paginating a list-page collection. */
function isListTemplate(data: Record<string, unknown>): boolean {
  const pagination = data.pagination as { data?: unknown } | undefined;
  return typeof pagination?.data === "string" && LIST_PAGE_DATA.has(pagination.data);
}

function isQuotation(value: unknown): value is QuotationRecord {
  return typeof value === "object" && value !== null && typeof (value as QuotationRecord).text === "string" && typeof (value as QuotationRecord).speaker === "object";
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

export type { CardFontOption, NewsroomThemeOptions, ResolvedNewsroomThemeOptions } from "./options.js";
export { DEFAULT_THEME_OPTIONS, resolveThemeOptions } from "./options.js";
