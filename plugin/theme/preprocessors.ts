/**
 * What the theme does to every story before Eleventy reads it into a collection: its dates as
 * written, whether it is public yet (a draft, or dated after the build: left out, or shown with a
 * banner in the preview), and the article layout and address it gets unless it gives its own.
 */
import path from "node:path";
import { logForCli, namingFile, reportingCause } from "../arguments.js";
import { toDateTime } from "../dates.js";
import type { EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import type { BuildMode } from "./build-mode.js";
import type { ThemeConfig } from "./config.js";
import { buildTimeFromEnvironment } from "./filters.js";
import { refuseReservedTags, storySlug, storyWithoutPage } from "./front-matter.js";
import { kindSegment } from "./kinds.js";
import { refuseStoryAsCode } from "./story-code.js";
import { plainTypographyFor } from "./typography.js";
import { embargoNotes, normaliseDates, unpublishedLabel, unpublishedReason, writtenPublicationDate } from "./publishing.js";
import type { WatchMemory } from "./watch-memory.js";

const ARTICLE_LAYOUT = "layouts/article.njk";

/** Marks the page that carries the site's data into a later lists part of a build in parts. */
export const PART_DATA_PAGE = "newsroomPartData";

/** When this build runs, whether it is the newsroom's preview, and what it left out for its date. */
export class Publishing {
  /** The moment this build started: a story dated later is embargoed until a build after it. */
  buildTime = buildTimeFromEnvironment();
  preview = false;
  /** Embargoed stories this build left out, with their banner's words, for the build log. */
  private readonly embargoed = new Map<string, string>();

  constructor(private readonly previewOption: boolean | undefined) {}

  startBuild(): void {
    this.embargoed.clear();
    this.buildTime = buildTimeFromEnvironment();
    // `eleventy --serve` (npm start) is the newsroom's preview; a build or watch never is.
    this.preview = this.previewOption ?? process.env.ELEVENTY_RUN_MODE === "serve";
  }

  leftOut(inputPath: string, label: string): void {
    this.embargoed.set(inputPath, label);
  }

  /**
   * Said in the build log: a story left out for its date is otherwise invisible, and a mistyped
   * year (2205) would keep it off the site without a word.
   */
  reportEmbargoes(): void {
    for (const line of embargoNotes(this.embargoed)) logForCli(line);
  }
}

interface PreprocessorContext {
  config: ThemeConfig;
  mode: BuildMode;
  memory: WatchMemory;
  publishing: Publishing;
}

/**
 * The day or time as written, and the publishing check, before Eleventy reads a template into
 * any collection.
 */
export function addPublishingPreprocessors(eleventyConfig: EleventyConfig, { config, mode, memory, publishing }: PreprocessorContext): void {
  const { zone, isArticle } = config;
  const { sources } = memory;
  const typeset = plainTypographyFor(config.language);
  if (!eleventyConfig.addDateParsing || !eleventyConfig.addPreprocessor) {
    throw new NewsroomError({
      where: "newsroomTheme",
      problem: "needs Eleventy 3's addDateParsing and addPreprocessor, which this Eleventy lacks",
      fix: "install @11ty/eleventy 3.1.0 or later",
    });
  }
  // The day or time as written, not as YAML read it: `date: 2025-10-14` is Oct. 14 in the site's
  // zone (URL, lists, archive month), not midnight UTC; an offset-less time is local wall-clock time.
  eleventyConfig.addDateParsing(function (dateValue) {
    const inputPath = this.page?.inputPath;
    // YAML front matter as typed; otherwise (JSON front matter, 11ty.js or directory data) a date
    // given as text, which Eleventy would read as UTC: a day is that day, a bare time local time.
    const written = (inputPath === undefined ? undefined : reportingCause(() => writtenPublicationDate(sources.frontMatter(inputPath), zone, inputPath))) ?? (typeof dateValue === "string" ? dateValue : undefined);
    return written === undefined ? undefined : reportingCause(() => namingFile(inputPath, () => toDateTime(written, { zone, where: "front matter date" }).toJSDate()));
  });

  // Before Eleventy reads a template into any collection: dates as written, and a story that is
  // not public yet (draft, or dated after this build) left out of every output. The preview
  // builds it with a banner and noindex instead.
  eleventyConfig.addPreprocessor("newsroom-publishing", "*", function (data, content) {
    const inputPath = this.inputPath;
    if (!mode.renders(isArticle(inputPath), isListTemplate(data), data[PART_DATA_PAGE] === true)) return false;
    // Before Eleventy makes collections of the tags, where such a name fails without naming the page.
    const reason = reportingCause(() => {
      // A story is data: checked before Eleventy computes its data (permalink, eleventyComputed) or renders it.
      if (isArticle(inputPath) && !config.options.trustedStories) refuseStoryAsCode(inputPath, content, sources.source(inputPath), data.section);
      refuseReservedTags(inputPath, data.tags);
      normaliseDates(inputPath, data, sources.frontMatter(inputPath), zone);
      sources.forget(inputPath);
      if (!isArticle(inputPath)) return undefined;
      typesetHeadline(data, typeset);
      const page = data.page as { date?: Date } | undefined;
      return unpublishedReason(inputPath, data, page?.date, publishing.buildTime, zone);
    });
    if (!reason) return undefined;
    if (!publishing.preview) {
      if (reason.status === "embargoed") publishing.leftOut(inputPath, unpublishedLabel(reason, zone));
      return false;
    }
    data.unpublished = { ...reason, label: unpublishedLabel(reason, zone) };
    data.noindex = true;
    return undefined;
  });
}

/**
 * A story's headline and standfirst with the prose's quotes, apostrophes and dashes, once, before
 * any list, feed, share card or structured data reads them, so every place shows the same words.
 * A value that is not text is left for the front-matter check to name.
 */
function typesetHeadline(data: Record<string, unknown>, typeset: (text: string) => string): void {
  for (const field of ["title", "dek"]) {
    const value = data[field];
    if (typeof value === "string") data[field] = typeset(value);
  }
}

/**
 * Every story gets the article layout and its URL from the theme, so a site needs no
 * articles.11tydata.json; a layout or permalink the site gives (in that file or front matter) wins.
 */
export function addArticleDefaults(eleventyConfig: EleventyConfig, { config, mode }: Pick<PreprocessorContext, "config" | "mode">, articlePath: (date: unknown) => string): void {
  eleventyConfig.addPreprocessor?.("newsroom-article-defaults", "*", (data: Record<string, unknown>) => {
    const inputPath = (data.page as { inputPath?: string } | undefined)?.inputPath;
    if (!inputPath || !config.isArticle(inputPath)) return;
    if (data.layout === undefined) {
      data.layout = ARTICLE_LAYOUT;
      // Front matter of the layout is merged before preprocessors run; this is the one field the theme needs from it.
      data.pageType ??= "article";
    }
    if (data.permalink === false) reportingCause(() => { throw storyWithoutPage(inputPath, true); });
    const computed = data.eleventyComputed as Record<string, unknown> | undefined;
    if (data.permalink === undefined && computed?.permalink === undefined) {
      const kindsFile = path.join(config.directories.data, "kinds.json");
      data.permalink = (pageData: { section?: unknown; kind?: unknown; kinds?: unknown; page: { date: Date; fileSlug: string; inputPath: string } }) =>
        `/${String(pageData.section)}/${kindSegment(pageData.kinds, pageData.kind, kindsFile)}${articlePath(pageData.page.date)}/${storySlug(pageData.page)}/`;
    }
    // The index parts of a build in parts read and check stories without rendering them.
    if (mode.indexesOnly) {
      data.layout = false;
      return " ";
    }
    return undefined;
  });
}

/**
 * The collections of each list's pages, one entry a page, which the list templates paginate with
 * size 1; a lists part of a build in parts holds its share of each.
 */
export const LIST_PAGE_COLLECTIONS = {
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
