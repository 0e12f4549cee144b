/**
 * The benchmark's floor: the theme's pages built by plain Eleventy, with no newsroom plugin, no
 * theme plugin and no feed plugin. What the plugin computes (shortcode HTML, AP dates, JSON-LD,
 * related stories, quotations by speaker) is written into the corpus by bench/generate.ts, and
 * the theme's templates read it (bench/floor/includes and pages override the files that called
 * the plugin). The lists the theme's plugin builds are the few plain collections below.
 *
 * FLOOR_INPUT names the generated floor/ folder of a corpus; FLOOR_PAGE_SIZE the stories a list
 * page (the theme's pageSize, 20 by default).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { escapeHtml } from "../../plugin/escape.js";
import { BUILT_IN_KINDS } from "../../plugin/kinds.js";
import type { AuthorEntry } from "../../plugin/theme/front-matter.js";
import { textFacePreloadFor } from "../../plugin/theme/text-face.js";
import { profilePageJsonLd } from "../../plugin/theme/trust.js";

interface Item {
  url: string | false;
  date: Date;
  inputPath: string;
  data: Record<string, unknown> & { nr?: { month: string; topics: { name: string; slug: string; url: string }[] } };
}
interface CollectionApi {
  getAll(): Item[];
  getFilteredByGlob(glob: string): Item[];
}
interface Config {
  addPlugin(plugin: unknown): void;
  resolvePlugin(name: string): unknown;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addShortcode(name: string, fn: (...args: never[]) => string): void;
  addPairedShortcode(name: string, fn: (...args: never[]) => string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

const input = process.env.FLOOR_INPUT ?? "bench/.work/corpus-1000/floor";
const site = JSON.parse(readFileSync(path.join(input, "_data", "site.json"), "utf8")) as { url: string; language: string; organisation: { name: string } };
/** The theme's defaults: stories a list page (FLOOR_PAGE_SIZE, as NEWSROOM_PAGE_SIZE for the theme), topics a topic index page. */
const PAGE_SIZE = Number(process.env.FLOOR_PAGE_SIZE || 20);
const TOPICS_PER_PAGE = 200;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export default function (eleventyConfig: Config) {
  // Eleventy's own HTML <base> plugin (htmlBaseUrl, renderTransforms), as the theme's feed plugin adds it.
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin("@11ty/eleventy/html-base-plugin"));
  eleventyConfig.addGlobalData("baseUrl", site.url);
  // What the theme resolves for its layouts; the corpus's settings give it all.
  eleventyConfig.addGlobalData("newsroomTheme", { language: site.language, direction: "ltr", publisherName: site.organisation.name, textFacePreload: textFacePreloadFor(site.language) });
  eleventyConfig.addPassthroughCopy({ [path.join(input, "_includes", "assets")]: "assets" });

  // The shortcode variant: the articles keep their shortcode calls, and each call returns the HTML
  // the plugin gives for it, written in shortcodes.json in call order. No work but the lookup.
  const fragmentsFile = path.join(input, "shortcodes.json");
  if (existsSync(fragmentsFile)) {
    const fragments = JSON.parse(readFileSync(fragmentsFile, "utf8")) as Record<string, string[]>;
    const next = new Map<string, number>();
    const answer = function (this: { page: { fileSlug: string } }): string {
      const list = fragments[this.page.fileSlug] ?? [];
      const at = next.get(this.page.fileSlug) ?? 0;
      next.set(this.page.fileSlug, (at + 1) % Math.max(list.length, 1));
      return list[at] ?? "";
    };
    eleventyConfig.addShortcode("speaker", answer);
    for (const name of ["inlineQuote", "pullquote", "quote"]) eleventyConfig.addPairedShortcode(name, answer);
  }

  // The theme's photo calls. The corpus has no photos, so a story's figure, feed photo and author
  // portrait are empty; its share image is its card, whose meta tags the corpus carries (nr.shareMeta),
  // and every other page has the site's card (shareMeta.json).
  const shareMeta = JSON.parse(readFileSync(path.join(input, "_data", "shareMeta.json"), "utf8")) as { indexed: string; noindex: string };
  eleventyConfig.addFilter("pageQuotations", () => []);
  eleventyConfig.addShortcode("shareImageMeta", function (this: { ctx: { nr?: { shareMeta?: string }; noindex?: unknown } }) {
    return this.ctx.nr?.shareMeta ?? (this.ctx.noindex ? shareMeta.noindex : shareMeta.indexed);
  });
  for (const name of ["leadPhoto", "feedPhoto", "authorPhoto", "bylinePhoto", "storyThumbnail", "leadArt", "searchImage"]) eleventyConfig.addShortcode(name, () => "");
  // A story's kind: a lookup in the built-in table (the corpus has no kinds.json and no paid
  // content); an author page's ProfilePage, the same pure function the theme calls.
  const kinds = Object.entries(BUILT_IN_KINDS).map(([id, kind]) => ({ id, ...kind }));
  eleventyConfig.addFilter("storyKind", (kind: string | undefined) => kinds.find((entry) => entry.id === (kind ?? "news")));
  eleventyConfig.addFilter("siteKinds", () => kinds);
  eleventyConfig.addFilter("sponsoredLinks", (html: string) => html);
  // Only the kind's label reaches this filter here (the corpus writes the others' values).
  eleventyConfig.addFilter("pagefindFilterValue", (name: unknown) => escapeHtml(escapeHtml(String(name ?? ""))));
  eleventyConfig.addFilter("profilePageJsonLd", (entry: AuthorEntry, pageUrl: string) => profilePageJsonLd(entry, pageUrl));
  // A section's first page is led by its newest story (the corpus features none).
  eleventyConfig.addFilter("listLead", (items: Item[], pageNumber: number) => (pageNumber === 1 ? { lead: items[0], rest: items.slice(1) } : { lead: undefined, rest: items }));

  let cached: ReturnType<typeof lists> | undefined;
  const all = (api: CollectionApi) => (cached ??= lists(api));
  eleventyConfig.addCollection("articles", (api) => all(api).articles);
  eleventyConfig.addCollection("sectionPages", (api) => all(api).sections);
  eleventyConfig.addCollection("frontSections", (api) => all(api).sections.filter((section) => section.frontStories.length > 0).map((section) => ({ ...section, stories: section.frontStories })));
  eleventyConfig.addCollection("tagPages", (api) => all(api).tags);
  eleventyConfig.addCollection("authorPages", (api) => all(api).authors);
  eleventyConfig.addCollection("monthPages", (api) => all(api).months);
  // The list pages, one entry a page, for templates paginating with size 1 (as the theme's).
  eleventyConfig.addCollection("sectionListPages", (api) => all(api).sections.flatMap((list) => paginate(list, list.url, list.articles)));
  eleventyConfig.addCollection("tagListPages", (api) => all(api).tags.flatMap((list) => paginate(list, list.url, list.articles)));
  eleventyConfig.addCollection("authorListPages", (api) => all(api).authors.flatMap((list) => paginate(list, list.url, list.articles)));
  eleventyConfig.addCollection("monthListPages", (api) => all(api).months.flatMap((list) => paginate(list, list.url, list.articles)));
  eleventyConfig.addCollection("organisationListPages", (api) => paginate({ url: "/about/" }, "/about/", all(api).articles.filter((item) => !Array.isArray(item.data.byline))));
  eleventyConfig.addCollection("topicIndexPages", (api) => paginate({ url: "/tags/" }, "/tags/", all(api).tags, TOPICS_PER_PAGE));
  eleventyConfig.addCollection("speakerListPages", (api) => all(api).speakers);
  eleventyConfig.addCollection("recentNews", (api) => {
    // The two days before the build (SOURCE_DATE_EPOCH, as the theme reads it), at most 1,000.
    const end = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now();
    return all(api).articles.filter((item) => item.date.getTime() >= end - 2 * 86_400_000 && item.date.getTime() <= end).slice(0, 1000);
  });

  return {
    dir: { input, includes: "_includes", data: "_data", output: "_site" },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
  };
}

/** Newest first, grouped once: what any Eleventy news site writes for section, topic, author and month pages. */
function lists(api: CollectionApi) {
  const articles = [...api.getFilteredByGlob("**/articles/*.md")].sort((a, b) => b.date.getTime() - a.date.getTime());
  const global = articles[0]?.data ?? {};
  const sections = (global.sections ?? {}) as Record<string, { name: string; description?: string }>;
  const authors = (global.authors ?? {}) as Record<string, unknown>;
  const bySection = new Map<string, Item[]>();
  const byTag = new Map<string, { name: string; articles: Item[] }>();
  const byAuthor = new Map<string, Item[]>();
  const byMonth = new Map<string, Item[]>();
  const add = <V>(map: Map<string, V>, key: string, make: () => V) => map.get(key) ?? (map.set(key, make()).get(key) as V);
  for (const item of articles) {
    add(bySection, String(item.data.section), () => []).push(item);
    for (const topic of item.data.nr?.topics ?? []) add(byTag, topic.slug, () => ({ name: topic.name, articles: [] })).articles.push(item);
    for (const id of Array.isArray(item.data.byline) ? (item.data.byline as string[]) : []) add(byAuthor, id, () => []).push(item);
    add(byMonth, item.data.nr?.month ?? "", () => []).push(item);
  }
  const onTop = new Set(articles.slice(0, 5));
  // Speaker pages: the quotations (written into the corpus) grouped by the stories they are in,
  // PAGE_SIZE stories a page, as the theme pages them.
  const quotations = (global.quotations ?? {}) as Record<string, { items: { pageUrl: string }[] }>;
  const speakers = Object.keys((global.speakers ?? {}) as object).flatMap((id) => {
    const items = quotations[id]?.items ?? [];
    const stories = [...new Set(items.map((item) => item.pageUrl))];
    return paginate({ id }, `/speakers/${id}/`, stories).map((page) => {
      const here = new Set(page.items);
      return { ...page, items: items.filter((item) => here.has(item.pageUrl)) };
    });
  });
  return {
    speakers,
    articles,
    sections: Object.entries(sections).map(([id, entry]) => {
      const list = bySection.get(id) ?? [];
      // The front page's section blocks: up to three stories not already shown (the lead, the next four).
      return { id, name: entry.name, description: entry.description, url: `/${id}/`, articles: list, frontStories: list.filter((item) => !onTop.has(item)).slice(0, 3) };
    }),
    tags: [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([slug, { name, articles: list }]) => ({ name, slug, url: `/tags/${slug}/`, articles: list })),
    authors: Object.entries(authors).map(([id, entry]) => ({ id, entry, url: `/authors/${id}/`, articles: byAuthor.get(id) ?? [] })),
    months: [...byMonth.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([key, list]) => {
        const [year, month] = key.split("/").map(Number) as [number, number];
        return { year, month, label: `${MONTHS[month - 1]} ${year}`, url: `/archive/${key}/`, articles: list };
      }),
  };
}

/** A list cut into pages: the first at the list's URL, then page/2/, page/3/… */
function paginate<L, T>(list: L, listUrl: string, items: T[], size = PAGE_SIZE) {
  const count = Math.max(1, Math.ceil(items.length / size));
  const url = (n: number) => (n === 1 ? listUrl : `${listUrl}page/${n}/`);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const nav: ({ number: number; url: string } | null)[] = [];
    for (let n = 1; n <= count; n++) {
      if (n === 1 || n === count || Math.abs(n - number) <= 2) nav.push({ number: n, url: url(n) });
      else if (nav[nav.length - 1] !== null) nav.push(null);
    }
    return {
      list,
      number,
      count,
      url: url(number),
      // The folder the page is written to: the theme keeps a topic's letters here and
      // percent-encodes them in `url`; the corpus's topics are ASCII, so the two are the same.
      permalink: url(number),
      items: items.slice(i * size, number * size),
      previousUrl: number > 1 ? url(number - 1) : undefined,
      nextUrl: number < count ? url(number + 1) : undefined,
      nav,
    };
  });
}
