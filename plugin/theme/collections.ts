/**
 * The site's lists, made once per build for the theme's page templates: every story checked
 * against the registries, then sections, topics, authors, months, speakers and related stories,
 * each paginated into list pages. Every collection the theme registers reads this one index.
 */
import path from "node:path";
import { reportingCauseAsync } from "../arguments.js";
import { resolveKinds, type StoryKind } from "../kinds.js";
import type { EleventyCollectionApi, EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import type { BuildMode } from "./build-mode.js";
import { dataFileKeys, refuseUnrenderedStories, storyText, validateRegistryIds } from "./checks.js";
import { normalizeInputPath, type ThemeConfig } from "./config.js";
import type { RegistryName } from "./registry-fields.js";
import { refuseUnreadList } from "./registry-lists.js";
import { assertCleanText, checkRegistryEntries, checkStoryAddress, validateArticle, type AuthorEntry, type SectionEntry } from "./front-matter.js";
import { storyFrontMatter } from "../internals/template-source.js";
import { addedGlobalDataNames } from "../internals/user-config.js";
import { stubItem, type QuotingPage } from "./parts.js";
import { LIST_PAGE_COLLECTIONS, type Publishing } from "./preprocessors.js";
import { readFileIfPresent } from "./publishing.js";
import { buildSiteIndex, paginate, quotedSpeakerIds, speakerLists, type ListPage, type SiteIndex } from "./site-index.js";
import { publishedFolders, refuseStoryOutputPath } from "./story-code.js";
import type { WatchMemory } from "./watch-memory.js";

type Item = EleventyCollectionItem;
type ListKind = "section" | "tag" | "author" | "month" | "speaker" | "organisation" | "topics";
type Index = SiteIndex<Item> & {
  /** Every list page, one Eleventy page each. */
  listPages: Record<ListKind, ListPage<unknown, unknown>[]>;
  /** The list pages this build renders (the list templates paginate these with size 1): all, or in watch mode those an edit changed. */
  renderedListPages: Record<ListKind, ListPage<unknown, unknown>[]>;
};

/** Topics per page of the topic index (/tags/): short links, so more than stories per page. */
const TOPICS_PER_PAGE = 200;

interface Registries {
  sections: Record<string, SectionEntry>;
  authors: Record<string, AuthorEntry>;
  /** The registry's entries and the plugin option's. */
  speakers: Record<string, unknown>;
  /** The registry's own ids: the speakers with a page. */
  speakerPageIds: string[];
  /** The built-in kinds and `_data/kinds.json`'s. */
  kinds: Readonly<Record<string, StoryKind>>;
}

export class SiteCollections {
  /** Related stories, by the URL of the story they are shown under. */
  related = new Map<string, Item[]>();
  /** A build in parts: the other parts' stories as collection items. */
  recordedItems: Item[] = [];
  /** The speaker registry's ids, once the build's index has read it. */
  speakerIds: string[] = [];
  /** Per speaker id, the URLs of the pages planned to quote them (see speakerLists). */
  speakerPlans = new Map<string, Set<string | false>>();
  /** Every list page of this build, once its index is built: the sitemaps list them all, rendered or kept. */
  listPages: ListPage<unknown, unknown>[] = [];
  /** In the first lists part: the pages other than stories that quote speakers, for the other lists parts. */
  quotingPages: QuotingPage[] = [];
  private index: Promise<Index> | undefined;

  constructor(
    private readonly eleventyConfig: EleventyConfig,
    private readonly config: ThemeConfig,
    private readonly mode: BuildMode,
    private readonly memory: WatchMemory,
    private readonly publishing: Publishing,
  ) {}

  startBuild(): void {
    this.index = undefined;
    this.listPages = [];
  }

  register(): void {
    const { eleventyConfig } = this;
    const index = (api: EleventyCollectionApi) => this.siteIndex(api);
    eleventyConfig.addCollection("articles", async (api) => (await index(api)).articles);
    eleventyConfig.addCollection("sectionPages", async (api) => (await index(api)).sections);
    eleventyConfig.addCollection("tagPages", async (api) => (await index(api)).tags);
    eleventyConfig.addCollection("authorPages", async (api) => (await index(api)).authors);
    eleventyConfig.addCollection("monthPages", async (api) => (await index(api)).months);
    // The list pages, paginated: one entry per page, for templates paginating with size 1.
    for (const [kind, name] of Object.entries(LIST_PAGE_COLLECTIONS) as [keyof typeof LIST_PAGE_COLLECTIONS, string][]) {
      eleventyConfig.addCollection(name, async (api) => (await index(api)).renderedListPages[kind]);
    }
    eleventyConfig.addCollection("topicIndexPages", async (api) => (await index(api)).renderedListPages.topics);
  }

  /** The whole site's lists, built on first use in a build and shared by every collection. */
  private siteIndex(api: EleventyCollectionApi): Promise<Index> {
    // Reported first: a story's front-matter error reaches the user as the first line under the CLI.
    this.index ??= reportingCauseAsync(() => this.buildIndex(api));
    return this.index;
  }

  private async buildIndex(api: EleventyCollectionApi): Promise<Index> {
    const { config, mode } = this;
    const all = api.getAll();
    const registries = this.readRegistries(all[0]?.data ?? {});
    const registryIds = new Set(Object.keys(registries.speakers));
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
    const rendered = all.filter((item) => config.isArticle(item.inputPath));
    const recorded = mode.otherStories.map(stubItem);
    this.recordedItems = recorded;
    for (const record of mode.otherStories) quotedBy.set(record.inputPath, new Set(record.quoted));
    const articles = mode.allStories(rendered, recorded);
    this.speakerIds = Object.keys(registries.speakers);
    refuseUnrenderedStories(config.articlesFolder, new Set(articles.map((item) => normalizeInputPath(item.inputPath))));
    await this.checkStories(rendered, registries, registryIds, quotedBy);
    mode.recordStories(rendered, () => new Set([...dataFileKeys(config.directories.data), ...addedGlobalDataNames(this.eleventyConfig)]), (inputPath) => quotedBy.get(inputPath) ?? []);
    const built = buildSiteIndex(articles, { sections: registries.sections, authors: registries.authors, timeZone: config.zone, relatedCount: config.options.relatedCount });
    this.related = built.related;
    // The index and stories parts of a build in parts write no list page: at 100,000 stories,
    // working them out took some 10 s of each such part.
    if (!mode.writesListPages) {
      const none = { section: [], tag: [], author: [], month: [], speaker: [], organisation: [], topics: [] };
      return { ...built, listPages: none, renderedListPages: none };
    }
    // The lists parts after the first render no page but list pages: the others that quote are recorded.
    const quotingPages = mode.recordedQuotingPages();
    for (const page of quotingPages) quotedBy.set(page.inputPath, new Set(page.quoted));
    const speakerPages = speakerLists([...all, ...recorded, ...quotingPages], registries.speakerPageIds, quotedIn);
    if (mode.recordsQuotingPages) {
      this.quotingPages = all
        .filter((item) => !config.isArticle(item.inputPath) && quotedIn(item).size > 0)
        .map((item) => ({ inputPath: item.inputPath, url: item.url, date: item.date, quoted: [...quotedIn(item)] }));
    }
    this.speakerPlans = new Map(speakerPages.map((list) => [list.id, new Set(list.pages.map((item) => item.url))]));
    const size = config.options.pageSize;
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
    this.listPages = Object.values(listPages).flat();
    const kinds = Object.keys(storyLists) as (keyof typeof storyLists)[];
    // A build in parts writes the list pages in shares, one lists part each.
    const toRender = mode.listPagesToRender(kinds.map((kind) => this.memory.listPages.toRender<unknown, Item>(storyLists[kind], normalizeInputPath)));
    const renderedListPages = Object.fromEntries(kinds.map((kind, position) => [kind, toRender[position] ?? []]));
    return { ...built, listPages, renderedListPages: { ...renderedListPages, topics } as Index["renderedListPages"] };
  }

  /** The registries from global data, checked: ids that are slugs, entries with their fields, clean text. */
  private readRegistries(globalData: Record<string, unknown>): Registries {
    const { newsroom, directories, settings, settingsFile, registryKeys } = this.config;
    for (const [registry, key] of Object.entries(registryKeys) as [RegistryName, string][]) refuseUnreadList(globalData[key], registry, path.join(directories.data, `${key}.json`));
    const sections = (globalData[newsroom.sectionsDataKey] ?? {}) as Record<string, SectionEntry>;
    const authors = (globalData[newsroom.authorsDataKey] ?? {}) as Record<string, AuthorEntry>;
    const registered = (globalData[newsroom.speakersDataKey] ?? {}) as Record<string, unknown>;
    const speakers = { ...registered, ...newsroom.speakers };
    validateRegistryIds({ sections, authors, speakers }, directories.data, newsroom);
    checkRegistryEntries("sections", sections, path.join(directories.data, `${newsroom.sectionsDataKey}.json`));
    checkRegistryEntries("authors", authors, path.join(directories.data, `${newsroom.authorsDataKey}.json`));
    for (const [key, registry] of [[newsroom.sectionsDataKey, sections], [newsroom.authorsDataKey, authors], [newsroom.speakersDataKey, speakers]] as const) {
      assertCleanText(registry, "", path.join(directories.data, `${key}.json`), `global data "${key}"`);
    }
    assertCleanText(settings, "", settingsFile, "site settings");
    const kindsFile = path.join(directories.data, "kinds.json");
    if (globalData.kinds !== undefined) assertCleanText(globalData.kinds, "", kindsFile, 'global data "kinds"');
    const kinds = resolveKinds(globalData.kinds, kindsFile);
    return { sections, authors, speakers, kinds, speakerPageIds: Object.keys(registered) };
  }

  /**
   * Every story this process renders, checked: its front matter against the registries, its
   * address, its text. A story unchanged since a build that checked it is not checked again.
   */
  private async checkStories(rendered: readonly Item[], registries: Registries, registryIds: ReadonlySet<string>, quotedBy: Map<string, Set<string>>): Promise<void> {
    const { config, memory, publishing } = this;
    const context = { sections: registries.sections, authors: registries.authors, kinds: registries.kinds, standaloneCities: config.standaloneCities, extraFields: config.extraFields, timeZone: config.zone, buildTime: publishing.buildTime };
    const checked = new Map<string, Set<string>>();
    const outputFolders = publishedFolders(config.newsroom.imageUrlPath);
    for (const article of rendered) {
      const checkedBefore = memory.checkedBefore(article.inputPath);
      if (checkedBefore) {
        quotedBy.set(article.inputPath, checkedBefore);
        checked.set(article.inputPath, checkedBefore);
        continue;
      }
      const fileText = await storyText(article);
      const frontMatter = await storyFrontMatter(article);
      validateArticle(article.inputPath, article.data, { ...context, frontMatter }, fileText);
      const computed = frontMatter?.eleventyComputed as Record<string, unknown> | undefined;
      checkStoryAddress(article.inputPath, article.url, { fileSlug: article.fileSlug, permalinkWritten: frontMatter?.permalink !== undefined || computed?.permalink !== undefined });
      // Before any page is written: a story's page stays inside the output folder and off the theme's files.
      refuseStoryOutputPath(article.outputPath, config.outputDir(), outputFolders, article.inputPath);
      const quoted = fileText === undefined ? new Set<string>() : quotedSpeakerIds(fileText, registryIds);
      quotedBy.set(article.inputPath, quoted);
      checked.set(article.inputPath, quoted);
    }
    memory.rememberChecked(checked);
  }
}
