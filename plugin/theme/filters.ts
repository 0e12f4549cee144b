/**
 * The theme's own filters: helpers for its page templates (lists, URLs, feeds, sitemaps), apart
 * from the plugin's public newsroom filters.
 */
import { lastModified, readCorrections } from "../corrections.js";
import { renderDateline } from "../dateline.js";
import { formatApDateTime, formatIsoDate, isCalendarDay, latestDate, toDateTime, type DateInput } from "../dates.js";
import type { EleventyCollectionItem } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml, jsonForScript } from "../escape.js";
import { walkHtml } from "../html-walk.js";
import { frontPage, listLead, type FrontItem } from "./front-page.js";
import { SITEMAP_URL_LIMIT } from "./options.js";
import { eleventyOrder } from "./parts.js";
import { topicUrl, type ListPage } from "./site-index.js";

/**
 * Pages for the sitemaps: real HTML pages that search engines should list. The list pages are the
 * site index's, every one of them: `collections.all` holds only the first page Eleventy renders of
 * each list template (a rebuild in watch mode renders only the pages an edit changed, see
 * ListPageMemory), and leaving the others out of it spares Eleventy thousands of collection items.
 */
export function sitemapPages(items: unknown, listPages: readonly ListPage<unknown, unknown>[] = [], recordedStories: readonly EleventyCollectionItem[] = [], buildTime?: Date): EleventyCollectionItem[] {
  const listUrls = new Set(listPages.map((page) => page.permalink));
  const rendered = Array.isArray(items) ? (items as EleventyCollectionItem[]) : [];
  // collections.all's order (with, in a build in parts, the stories other parts rendered), but
  // with the theme's own pages dated as the theme says, not as the clock happened to say.
  const all = [...rendered, ...recordedStories].map((item) => ({ item, date: isThemePage(item) ? (buildTime ?? item.date) : item.date, inputPath: item.inputPath }));
  all.sort(eleventyOrder);
  const pages = all.map(({ item }) => item).filter((item) => typeof item.url !== "string" || !listUrls.has(item.url));
  // What the sitemap reads of a list page: its URL as Eleventy gives it (the permalink), and the page.
  const lists = listPages.map((page) => ({ url: page.permalink, data: { listPage: page } }) as unknown as EleventyCollectionItem);
  return [...pages, ...lists].filter((item) => typeof item.url === "string" && item.url.endsWith("/") && !item.data.noindex);
}

/**
 * A page the theme adds (a virtual template). It has no date of its own: Eleventy dates it with the
 * clock when it reads it, so two of them are a millisecond apart or not, in an order that depends
 * on the machine's speed and on the Eleventy version (3.1.0 reads them at other moments than 3.1.8).
 * The sitemap dates them all at the build's time, which puts them in the order of their input paths.
 */
function isThemePage(item: EleventyCollectionItem): boolean {
  return /(^|\/)newsroom-theme\//.test(item.inputPath);
}

/**
 * The sitemap's files as the pagination made them. Each file reads its URLs from collections.all
 * when it is written, but Eleventy 3.1.0 paginates the sitemap before it has put every page in
 * collections.all (a page importing a collection comes after): more pages are known at write time
 * than were paginated. So the index lists the files the pagination made, and the last of them
 * takes every URL left, never leaving a page out nor listing a file that was not written. On later
 * Eleventy 3 releases both counts agree.
 */
export class SitemapPlan {
  private files: number | undefined;

  /** The pagination's `before`: records how many files `pages` make at `size` a file. */
  paginated<T>(pages: T[], size: number): T[] {
    this.files = Math.max(1, Math.ceil(pages.length / size));
    return pages;
  }

  /** Forgets the last build's pagination. */
  reset(): void {
    this.files = undefined;
  }

  /** How many files the index lists. */
  fileCount(pages: readonly unknown[], size: number): number {
    return this.files ?? Math.max(1, Math.ceil(pages.length / size));
  }

  /** The URLs of file `pageNumber` (from 0): `size` of them, and the last file every one left. */
  file<T>(pages: readonly T[], pageNumber: number, size: number): T[] {
    const last = pageNumber >= this.fileCount(pages, size) - 1;
    const urls = pages.slice(pageNumber * size, last ? undefined : (pageNumber + 1) * size);
    if (urls.length > SITEMAP_URL_LIMIT) {
      throw new NewsroomError({
        where: "theme option sitemapSize",
        problem: `leaves ${urls.length} URLs for the last sitemap file, more than Google's ${SITEMAP_URL_LIMIT} a file (this Eleventy added pages after it paginated the sitemap)`,
        value: size,
        fix: "use a smaller sitemapSize, e.g. 10000, or update Eleventy",
      });
    }
    return urls;
  }
}

/** The URLs of the sitemap's file `pageNumber` (from 0) of `size` URLs each, as paginated. */
export function sitemapFile(pages: readonly EleventyCollectionItem[], pageNumber: number, size: number, plan: SitemapPlan = new SitemapPlan()): EleventyCollectionItem[] {
  return plan.file(pages, pageNumber, size);
}

function isStory(item: unknown): item is EleventyCollectionItem {
  return typeof item === "object" && item !== null && "date" in item && "data" in item;
}

/** What the speaker page reads of a quotation from the plugin's `quotationsBy`. */
interface SpeakerQuotation {
  pageUrl: string;
  pageDate?: Date | undefined;
}

/** `quotationsBy`'s order: newest page first, then by URL (a stable sort keeps each page's own order). */
function byPageNewestFirst(a: SpeakerQuotation, b: SpeakerQuotation): number {
  return (b.pageDate?.getTime() ?? 0) - (a.pageDate?.getTime() ?? 0) || a.pageUrl.localeCompare(b.pageUrl);
}

/** Google News lists stories of the last two days and takes 1,000 URLs at most per sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

/**
 * The build's time: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, so
 * a build can be repeated byte for byte; otherwise now.
 */
export function buildTimeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  const fix = "unset it, or set e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)";
  if (!/^\d+$/.test(epoch)) {
    throw new NewsroomError({ where: "environment variable SOURCE_DATE_EPOCH", problem: "must be whole seconds since 1970 (digits only, not negative), got", value: epoch, fix });
  }
  const seconds = Number(epoch);
  if (seconds > LAST_EPOCH_SECOND) {
    throw new NewsroomError({ where: "environment variable SOURCE_DATE_EPOCH", problem: "is after the year 9999 (seconds since 1970 are expected, not milliseconds), got", value: epoch, fix });
  }
  return new Date(seconds * 1000);
}

/** 9999-12-31T23:59:59Z: the last moment a page's dates can be written in four-digit years. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/** The `<updated>` of a feed with no entries (a new section): the epoch, in UTC. */
export const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z";

export interface ThemeFilterContext {
  /** Zone article URLs and months are cut in. */
  zone: string;
  standaloneCities: readonly string[];
  /** Related stories of the article at this URL (from the build's site index). */
  related: (url: string) => EleventyCollectionItem[];
  /** URLs of the pages planned to quote a speaker, from the source (see speakerLists). */
  speakerPlan?: (id: string) => ReadonlySet<string | false> | undefined;
  /** When this build runs (the Google News sitemap lists the two days before it). */
  now?: () => Date;
  /** Every list page of the build (from the site index), for the sitemaps. */
  listPages?: () => readonly ListPage<unknown, unknown>[];
  /** A build in parts: the stories other parts render, which the sitemaps list too. */
  recordedStories?: () => readonly EleventyCollectionItem[];
  /** A build in parts: a speaker's quotations from the stories parts, in `quotationsBy`'s order. */
  recordedQuotations?: ((id: string) => readonly SpeakerQuotation[]) | undefined;
  /** The sitemap's files as paginated this build. */
  sitemapPlan?: SitemapPlan;
}

export function themeFilters({ zone, standaloneCities, related, speakerPlan = () => undefined, now = buildTimeFromEnvironment, listPages = () => [], recordedStories = () => [], recordedQuotations, sitemapPlan = new SitemapPlan() }: ThemeFilterContext): Record<string, (...args: never[]) => unknown> {
  const dataOf = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
  /** Atom and JSON Feed demand a date-time: a day is given as the start of that day in the site's zone. */
  const feedDate = (value: unknown): string =>
    isCalendarDay(value) ? (toDateTime(value, { zone, where: "feed date" }).toISO({ suppressMilliseconds: true }) as string) : formatIsoDate(value as DateInput, { zone, where: "feed date" });
  const speakerQuotations = speakerQuotationsFilter(speakerPlan, recordedStories, recordedQuotations);
  const sitemapLastModified = sitemapLastModifiedFilter(zone, now, dataOf);
  return {
    feedDate,
    /** When a story last changed: the latest of its date, `updated` and its corrections (as written). */
    lastModified: (data: unknown) => lastModified(dataOf(data), undefined, zone),
    /** The newest change among stories, for a feed's own `<updated>`. */
    newestModified: (items: unknown) => {
      const list = Array.isArray(items) ? (items as EleventyCollectionItem[]) : [];
      const newest = latestDate(list.map((item) => lastModified(item.data, item.inputPath, zone) ?? item.date), zone);
      // Atom requires <updated>; a feed with no story yet has never changed, and says so plainly.
      return newest === undefined ? EMPTY_FEED_UPDATED : feedDate(newest);
    },
    /**
     * The story's corrections, oldest first, as the article shows them and the feeds carry them:
     * each with its day (and time, when one was written).
     */
    correctionsHtml: (corrections: unknown) => {
      const list = readCorrections({ corrections }, undefined, zone);
      if (list.length === 0) return "";
      const items = list.map(
        (correction) =>
          `<li><time datetime="${escapeHtml(formatIsoDate(correction.date, { zone }))}">${escapeHtml(formatApDateTime(correction.date, { zone, showZone: true }))}</time>: ${escapeHtml(correction.text)}</li>`,
      );
      const heading = list.length === 1 ? "Correction" : "Corrections";
      return `<section class="article__corrections" id="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">${heading}</h2><ol class="article__correction-list">${items.join("")}</ol></section>`;
    },
    /** The front page's lead, top stories and section blocks, each story once (front-page.ts). */
    frontPage: (articles: unknown, sections: unknown) =>
      frontPage(Array.isArray(articles) ? (articles as FrontItem[]) : [], Array.isArray(sections) ? (sections as Parameters<typeof frontPage<FrontItem>>[1]) : []),
    /** A list page's lead (on its first page) and the rest. */
    listLead: (items: unknown, pageNumber: unknown) => listLead(Array.isArray(items) ? (items as FrontItem[]) : [], Number(pageNumber)),
    /** The latest of a story's corrections' dates (as written), for the header's "Corrected" line; undefined without any. */
    latestCorrection: (corrections: unknown) => latestDate(readCorrections({ corrections }, undefined, zone).map((correction) => correction.date), zone),
    relatedArticles: (url: unknown) => (typeof url === "string" ? related(url) : []),
    tagUrl: (tag: unknown) => topicUrl(String(tag)),
    /** `count` items from `offset`: Nunjucks' own slice filter splits lists into columns instead. */
    limit: (list: unknown, count: number, offset = 0) => (Array.isArray(list) ? list.slice(offset, offset + count) : []),
    /** The story's body with its front-matter dateline leading the first paragraph, where AP puts it. */
    withDateline: (content: unknown, place: unknown, agency: unknown) => {
      const body = String(content ?? "");
      if (typeof place !== "string" || place.trim() === "") return body;
      const dateline = renderDateline(place, { agency: typeof agency === "string" ? agency : undefined, standaloneCities });
      const at = firstProseParagraph(body);
      // Sliced, not String.replace: a replacement string would read "$'" or "$&" in the place as patterns.
      return at === undefined ? `<p>${dateline}</p>${body}` : `${body.slice(0, at)}${dateline} ${body.slice(at)}`;
    },
    /**
     * A topic or section name as Pagefind's filter value. Pagefind decodes entities twice in filter
     * values, and its default UI inserts them into the page as HTML: stored HTML-escaped, a name is
     * shown as the text it is. Written into an attribute, whose own escaping the template adds.
     */
    pagefindFilterValue: (name: unknown) => escapeHtml(escapeHtml(String(name ?? ""))),
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
    sitemapPages: (items: unknown) => sitemapPages(items, listPages(), recordedStories(), now()),
    /**
     * The URLs of sitemap file `pageNumber` (from 0), read from collections.all when the file is
     * written: Eleventy 3.1.0 paginates the sitemap files before it has put every page in
     * collections.all (a page importing a collection the config adds, the front page, comes after
     * them), and only the count of files comes from the pagination.
     */
    sitemapFile: (items: unknown, pageNumber: number, size: number) => sitemapFile(sitemapPages(items, listPages(), recordedStories(), now()), pageNumber, size, sitemapPlan),
    /** How many sitemap files the index lists: as many as the pagination wrote (SitemapPlan). */
    sitemapFileCount: (items: unknown, size: number) => sitemapPlan.fileCount(sitemapPages(items, listPages(), recordedStories(), now()), size),
    /**
     * A sitemap entry's last change: an article's (the latest of its date, update and
     * corrections); a list page's newest story on it; for a page that shows the latest stories
     * (front page, archive), the newest story of the site. Other pages have none (lastmod is
     * optional; the build time would be a lie).
     */
    sitemapLastModified,
    /**
     * Stories published in the `days` days before this build, at most 1,000 (Google News sitemap).
     * Paid content (a story with a sponsor) is not news: Google News wants it left out.
     */
    recentNews: (items: unknown, days: number) => {
      const list = Array.isArray(items) ? (items as EleventyCollectionItem[]) : [];
      const end = now().getTime();
      const start = end - days * 86_400_000;
      return list.filter((item) => {
        const time = item.date?.getTime() ?? 0;
        return time >= start && time <= end && item.data?.sponsor === undefined;
      }).slice(0, NEWS_SITEMAP_LIMIT);
    },
    /**
     * The quotations a speaker page shows: those from the quoting pages on this page. A quotation
     * from a page the plan did not foresee (the speaker given as a variable, say) stops the build:
     * it would be missing from every page.
     */
    speakerQuotations,
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
}

/**
 * The speaker pages' filter: a speaker's quotations grouped by page, checked against the plan once,
 * not once a speaker page: each page then takes its stories' quotations in O(page size). Valid
 * while the plan (new each build) and the list (the same quotations in the same order) are.
 */
function speakerQuotationsFilter(speakerPlan: (id: string) => ReadonlySet<string | false> | undefined, recordedStories: () => readonly EleventyCollectionItem[], recordedQuotations: ((id: string) => readonly SpeakerQuotation[]) | undefined) {
  /**
   * A build in parts: the stories parts' quotations, and those of the pages rendered here that are
   * not stories (the feeds' stories are rendered again here, and recorded already), in
   * `quotationsBy`'s order. One list a speaker, so the grouping below is worked out once.
   */
  const withRecordedLists = new Map<string, readonly SpeakerQuotation[]>();
  const withRecorded = (id: string, rendered: readonly SpeakerQuotation[], recorded: (id: string) => readonly SpeakerQuotation[]): readonly SpeakerQuotation[] => {
    let list = withRecordedLists.get(id);
    if (!list) {
      const fromParts = recorded(id);
      const storyPages = new Set(recordedStories().map((item) => item.url));
      for (const quotation of fromParts) storyPages.add(quotation.pageUrl);
      const own = rendered.filter((quotation) => !storyPages.has(quotation.pageUrl));
      list = own.length === 0 ? fromParts : [...fromParts, ...own].sort(byPageNewestFirst);
      withRecordedLists.set(id, list);
    }
    return list;
  };
  const grouped = new Map<string, { plan: ReadonlySet<string | false> | undefined; list: readonly SpeakerQuotation[]; byPage: Map<string, SpeakerQuotation[]> }>();
  const quotationsByPage = (id: string, list: readonly SpeakerQuotation[]): Map<string, SpeakerQuotation[]> => {
    const plan = speakerPlan(id);
    const cached = grouped.get(id);
    // quotationsBy hands out one frozen array until the speaker's quotations change, so the same
    // array is the same list: checked in O(1), where comparing it item by item on each of a
    // speaker's pages made the pages quadratic in the archive.
    if (cached && cached.plan === plan && cached.list === list) return cached.byPage;
    const byPage = new Map<string, SpeakerQuotation[]>();
    for (const quotation of list) {
      // A quotation from a page the plan did not foresee (the speaker given as a variable, say)
      // stops the build: it would be missing from every page.
      if (!plan?.has(quotation.pageUrl)) {
        throw new NewsroomError({
          where: `speaker page ${id}`,
          problem: "a quotation was found on a page whose source does not quote this speaker by id, so the speaker pages cannot list it",
          value: quotation.pageUrl,
          fix: `write the speaker's id in quotes as the shortcode's first argument, e.g. {% quote "${id}" %}`,
        });
      }
      const onPage = byPage.get(quotation.pageUrl);
      if (onPage) onPage.push(quotation);
      else byPage.set(quotation.pageUrl, [quotation]);
    }
    grouped.set(id, { plan, list, byPage });
    return byPage;
  };
  return (quotations: unknown, listPage: unknown) => {
    const page = listPage as ListPage<{ id: string }, EleventyCollectionItem>;
    const rendered = Array.isArray(quotations) ? (quotations as readonly SpeakerQuotation[]) : [];
    const list = recordedQuotations ? withRecorded(page.list.id, rendered, recordedQuotations) : rendered;
    const byPage = quotationsByPage(page.list.id, list);
    const here: SpeakerQuotation[] = [];
    for (const item of page.items) if (item.url) here.push(...(byPage.get(item.url) ?? []));
    return here;
  };
}

/** The sitemaps' filter: a sitemap entry's last change. */
function sitemapLastModifiedFilter(zone: string, now: () => Date, dataOf: (value: unknown) => Record<string, unknown>) {
  /**
   * Each story's last change, worked out once a build (`now` is the build's moment): the sitemaps
   * ask for it on the story's own entry and on every list page that shows the story.
   */
  let lastChanges = { build: undefined as Date | undefined, byStory: new WeakMap<object, { value: DateInput; time: number }>() };
  const lastChangeOf = (story: EleventyCollectionItem): { value: DateInput; time: number } => {
    const build = now();
    if (lastChanges.build !== build) lastChanges = { build, byStory: new WeakMap() };
    let change = lastChanges.byStory.get(story);
    if (!change) {
      const value = (lastModified(dataOf(story.data), story.inputPath, zone) ?? story.date) as DateInput;
      // Its moment too, as latestDate reads it: a list page's sitemap entry compares its stories'
      // (at 100,000 stories, a million comparisons, each a date parse otherwise).
      change = { value, time: toDateTime(value, { zone, where: "front matter dates" }).toMillis() };
      lastChanges.byStory.set(story, change);
    }
    return change;
  };
  return (item: unknown, newestStory: unknown) => {
    const entry = item as EleventyCollectionItem;
    const listPage = entry.data?.listPage as ListPage<unknown, unknown> | undefined;
    if (listPage) {
      // The latest of its stories' last changes; of equal ones the last, as latestDate chooses.
      let latest: { value: DateInput; time: number } | undefined;
      for (const story of listPage.items) {
        if (!isStory(story)) continue;
        const change = lastChangeOf(story);
        if (!latest || change.time >= latest.time) latest = change;
      }
      return latest?.value;
    }
    if (entry.data?.pageType === "article") return lastChangeOf(entry).value;
    if (entry.url === "/" || entry.url === "/archive/") return newestStory ?? undefined;
    return undefined;
  };
}

/** Elements whose paragraphs are not the story's own prose: a dateline never opens one of them. */
const NOT_PROSE = new Set(["aside", "blockquote", "details", "dl", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "nav", "ol", "pre", "table", "ul"]);

/** Where the text of the story's first paragraph of its own prose starts in the body, if it has one. */
export function firstProseParagraph(body: string): number | undefined {
  for (const token of walkHtml(body)) {
    if (token.kind === "open" && token.name === "p" && !token.ancestors.some((element) => NOT_PROSE.has(element.name))) return token.end;
  }
  return undefined;
}
