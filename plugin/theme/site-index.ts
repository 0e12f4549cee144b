/**
 * One pass over the articles builds every list the theme's pages need — sections, tags, authors,
 * months, related stories — so no page scans the whole site again (build time stays linear).
 */
import { toDateTime } from "../dates.js";
import { NewsroomError } from "../errors.js";
import { topicSlug, type AuthorEntry, type SectionEntry } from "./front-matter.js";

/** The slice of an Eleventy collection item the index reads. */
export interface ArticleItem {
  url: string | false;
  date?: Date;
  inputPath: string;
  data: Record<string, unknown>;
}

export interface SectionPage<T> { id: string; name: string; description: string | undefined; url: string; articles: T[] }
/** `url` is percent-encoded for links; `permalink` keeps the letters for the folder Eleventy writes. */
export interface TagPage<T> { name: string; slug: string; url: string; permalink: string; articles: T[] }
export interface AuthorPage<T> { id: string; entry: AuthorEntry; url: string; articles: T[] }
export interface MonthPage<T> { year: number; month: number; label: string; url: string; articles: T[] }

export interface SiteIndex<T extends ArticleItem> {
  /** Newest first. */
  articles: T[];
  sections: SectionPage<T>[];
  tags: TagPage<T>[];
  authors: AuthorPage<T>[];
  months: MonthPage<T>[];
  /** Related stories by page URL. */
  related: Map<string, T[]>;
}

/** The topic page's path as Eleventy writes it, Unicode letters kept: "/tags/україна/". */
export function topicPermalink(name: string): string {
  return `/tags/${topicSlug(name)}/`;
}

/** The topic page's address for links, percent-encoded: "/tags/%D1%83%D0%BA…/". */
export function topicUrl(name: string): string {
  return `/tags/${encodeURIComponent(topicSlug(name))}/`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function time(item: ArticleItem): number {
  return item.date?.getTime() ?? 0;
}

function tagsOf(item: ArticleItem): string[] {
  return Array.isArray(item.data.tags) ? (item.data.tags as string[]) : [];
}

export interface SiteIndexOptions {
  sections: Record<string, SectionEntry>;
  authors: Record<string, AuthorEntry>;
  /** Zone that decides which month an article belongs to (the theme's config resolves it once). */
  timeZone: string;
  relatedCount?: number;
}

export function buildSiteIndex<T extends ArticleItem>(items: readonly T[], options: SiteIndexOptions): SiteIndex<T> {
  const articles = [...items].sort((a, b) => time(b) - time(a));
  const bySection = new Map<string, T[]>();
  const byTag = new Map<string, { name: string; articles: T[] }>();
  const byAuthor = new Map<string, T[]>();
  const byMonth = new Map<string, { year: number; month: number; articles: T[] }>();

  for (const article of articles) {
    const section = String(article.data.section);
    const inSection = bySection.get(section) ?? [];
    inSection.push(article);
    bySection.set(section, inSection);
    for (const tag of tagsOf(article)) {
      const slug = topicSlug(tag);
      const entry = byTag.get(slug) ?? { name: tag, articles: [] };
      if (entry.name !== tag) throw sharedTopicPage(slug, entry, tag, article);
      if (!entry.articles.includes(article)) entry.articles.push(article);
      byTag.set(slug, entry);
    }
    for (const author of Array.isArray(article.data.byline) ? (article.data.byline as string[]) : []) {
      const list = byAuthor.get(author) ?? [];
      list.push(article);
      byAuthor.set(author, list);
    }
    const local = toDateTime(article.date ?? new Date(0), { zone: options.timeZone, where: "site index" });
    const key = `${local.year}/${String(local.month).padStart(2, "0")}`;
    const month = byMonth.get(key) ?? { year: local.year, month: local.month, articles: [] };
    month.articles.push(article);
    byMonth.set(key, month);
  }

  // Related: the newest stories sharing a tag, nearest tags first. Each tag list is read only as
  // far as needed, so a tag on every article does not make this quadratic.
  const relatedCount = options.relatedCount ?? 3;
  const related = new Map<string, T[]>();
  for (const article of articles) {
    if (article.url === false) continue;
    const picked: T[] = [];
    for (const tag of tagsOf(article)) {
      for (const candidate of byTag.get(topicSlug(tag))?.articles ?? []) {
        if (picked.length >= relatedCount) break;
        if (candidate !== article && !picked.includes(candidate)) picked.push(candidate);
      }
    }
    related.set(article.url, picked);
  }

  return {
    articles,
    sections: Object.entries(options.sections).map(([id, entry]) => ({
      id,
      name: entry.name,
      description: entry.description,
      url: `/${id}/`,
      articles: bySection.get(id) ?? [],
    })),
    tags: [...byTag.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, { name, articles: tagged }]) => ({ name, slug, url: topicUrl(name), permalink: topicPermalink(name), articles: tagged })),
    authors: Object.entries(options.authors).map(([id, entry]) => ({ id, entry, url: `/authors/${id}/`, articles: byAuthor.get(id) ?? [] })),
    months: [...byMonth.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([key, month]) => ({ ...month, label: `${MONTHS[month.month - 1]} ${month.year}`, url: `/archive/${key}/` })),
    related,
  };
}

/** Two spellings that would write one topic page: the build stops naming both and where each is used. */
function sharedTopicPage(slug: string, first: { name: string; articles: ArticleItem[] }, second: string, article: ArticleItem): NewsroomError {
  return new NewsroomError({
    where: "front matter tags",
    problem: `the topics ${JSON.stringify(first.name)} (in ${first.articles[0]?.inputPath ?? "another article"}) and ${JSON.stringify(second)} would share one page, /tags/${slug}/`,
    value: second,
    fix: "spell the topic the same way in every article, or make the names differ in letters or digits",
    inputPath: article.inputPath,
  });
}

/** One page of a paginated list: what a list template renders, one Eleventy page each. */
export interface ListPage<L, T> {
  /** The whole list this page belongs to (a section, topic, author, month, speaker…). */
  list: L;
  /** 1-based. */
  number: number;
  /** Pages in the list (at least 1: an empty list still has its page). */
  count: number;
  /** This page's URL for links: the list's own for page 1, then `page/2/`, `page/3/`… under it. */
  url: string;
  /** The same as Eleventy writes it (a topic's URL is percent-encoded, its folder keeps the letters). */
  permalink: string;
  /** What this page shows. */
  items: T[];
  previousUrl: string | undefined;
  nextUrl: string | undefined;
  /** Numbered links to show: the first, the last and the two either side of this one; `null` is a gap. */
  nav: ({ number: number; url: string } | null)[];
}

export function listPageUrl(listUrl: string, number: number): string {
  return number === 1 ? listUrl : `${listUrl}page/${number}/`;
}

/** Page numbers a page's navigation shows: first, last, current ±2, with gaps (null) between runs. */
export function navNumbers(current: number, count: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let number = 1; number <= count; number++) {
    if (number === 1 || number === count || Math.abs(number - current) <= 2) shown.push(number);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/** Splits `items` into pages of `size`; every list has at least its first page. */
export function paginate<L, T>(list: L, listUrl: string, items: readonly T[], size: number, listPermalink = listUrl): ListPage<L, T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages: ListPage<L, T>[] = [];
  for (let number = 1; number <= count; number++) {
    pages.push({
      list,
      number,
      count,
      url: listPageUrl(listUrl, number),
      permalink: listPageUrl(listPermalink, number),
      items: items.slice((number - 1) * size, number * size),
      previousUrl: number > 1 ? listPageUrl(listUrl, number - 1) : undefined,
      nextUrl: number < count ? listPageUrl(listUrl, number + 1) : undefined,
      nav: navNumbers(number, count).map((n) => (n === null ? null : { number: n, url: listPageUrl(listUrl, n) })),
    });
  }
  return pages;
}

/** `{% pullquote "id" %}`, `{% quote 'id', … %}`, `{%- inlineQuote "id" %}`: a quotation shortcode with a literal speaker. */
const QUOTATION_CALL = /\{%-?\s*(?:pullquote|quote|inlineQuote)\s+(["'])([^"'\n]*)\1/g;

/** Registry ids quoted in a template's source, by literal first argument of the quotation shortcodes. */
export function quotedSpeakerIds(source: string, registryIds: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const match of source.matchAll(QUOTATION_CALL)) {
    const id = (match[2] as string).trim();
    if (registryIds.has(id)) ids.add(id);
  }
  return ids;
}

export interface SpeakerList<T> {
  id: string;
  url: string;
  /** Pages quoting this speaker, in the order the plugin's `quotationsBy` lists quotations. */
  pages: T[];
}

/**
 * The pages that quote each speaker, from the templates' source — before any page renders.
 *
 * Why from the source: a speaker page lists what `quotationsBy` returns, and the plugin fills that
 * while articles render, but Eleventy fixes how many pages a paginated template has before it
 * renders anything. So the page count comes from the shortcode calls in the source, and each
 * speaker page shows the quotations of its slice of quoting pages (`speakerQuotations` checks at
 * render time that every quotation falls in the plan, and stops the build if one does not, e.g. a
 * speaker passed as a variable). Rendering speaker pages last would not help: the number of pages
 * would still be needed first.
 */
export function speakerLists<T extends ArticleItem>(items: readonly T[], registryIds: readonly string[], quotedIn: (item: T) => Iterable<string>): SpeakerList<T>[] {
  const quoting = new Map<string, T[]>(registryIds.map((id) => [id, []]));
  for (const item of items) {
    if (item.url === false) continue;
    for (const id of quotedIn(item)) quoting.get(id)?.push(item);
  }
  const url = (item: T) => (item.url === false ? "" : item.url);
  return registryIds.map((id) => ({
    id,
    url: `/speakers/${id}/`,
    pages: (quoting.get(id) ?? []).sort((a, b) => time(b) - time(a) || url(a).localeCompare(url(b))),
  }));
}
