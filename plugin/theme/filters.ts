/**
 * The theme's own filters: helpers for its page templates (lists, URLs, feeds, sitemaps), apart
 * from the plugin's public newsroom filters.
 */
import { lastModified, readCorrections } from "../corrections.js";
import { renderDateline } from "../dateline.js";
import { formatApDateTime, formatIsoDate, isCalendarDay, latestDate, toDateTime, type DateInput } from "../dates.js";
import type { EleventyCollectionItem } from "../eleventy-types.js";
import { escapeHtml, jsonForScript } from "../escape.js";
import { walkHtml } from "../html-walk.js";
import { topicUrl } from "./site-index.js";

export interface ThemeFilterContext {
  /** Zone article URLs and months are cut in. */
  zone: string;
  standaloneCities: readonly string[];
  /** Related stories of the article at this URL (from the build's site index). */
  related: (url: string) => EleventyCollectionItem[];
}

export function themeFilters({ zone, standaloneCities, related }: ThemeFilterContext): Record<string, (...args: never[]) => unknown> {
  const dataOf = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
  /** Atom and JSON Feed demand a date-time: a day is given as the start of that day in the site's zone. */
  const feedDate = (value: unknown): string =>
    isCalendarDay(value) ? (toDateTime(value, { zone, where: "feed date" }).toISO({ suppressMilliseconds: true }) as string) : formatIsoDate(value as DateInput, { zone, where: "feed date" });
  return {
    feedDate,
    /** When a story last changed: the latest of its date, `updated` and its corrections (as written). */
    lastModified: (data: unknown) => lastModified(dataOf(data), undefined, zone),
    /** The newest change among stories, for a feed's own `<updated>`. */
    newestModified: (items: unknown) => {
      const list = Array.isArray(items) ? (items as EleventyCollectionItem[]) : [];
      const newest = latestDate(list.map((item) => lastModified(item.data, item.inputPath, zone) ?? item.date), zone);
      return newest === undefined ? feedDate(new Date(0)) : feedDate(newest);
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
      return `<section class="article__corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">${heading}</h2><ol class="article__correction-list">${items.join("")}</ol></section>`;
    },
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
