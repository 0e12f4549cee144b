/**
 * The benchmark's floor: the theme's pages built by plain Eleventy, with no newsroom plugin, no
 * theme plugin and no feed plugin. What the plugin computes (shortcode HTML, AP dates, JSON-LD,
 * related stories, quotations by speaker) is written into the corpus by bench/generate.ts, and
 * the theme's templates read it (bench/floor/includes and pages override the files that called
 * the plugin). The lists the theme's plugin builds are the few plain collections below.
 *
 * FLOOR_INPUT names the generated floor/ folder of a corpus.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

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
}

const input = process.env.FLOOR_INPUT ?? "bench/.work/corpus-1000/floor";
const site = JSON.parse(readFileSync(path.join(input, "_data", "site.json"), "utf8")) as { url: string };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export default function (eleventyConfig: Config) {
  // Eleventy's own HTML <base> plugin (htmlBaseUrl, renderTransforms), as the theme's feed plugin adds it.
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin("@11ty/eleventy/html-base-plugin"));
  eleventyConfig.addGlobalData("baseUrl", site.url);
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

  let cached: ReturnType<typeof lists> | undefined;
  const all = (api: CollectionApi) => (cached ??= lists(api));
  eleventyConfig.addCollection("articles", (api) => all(api).articles);
  eleventyConfig.addCollection("sectionPages", (api) => all(api).sections);
  eleventyConfig.addCollection("tagPages", (api) => all(api).tags);
  eleventyConfig.addCollection("authorPages", (api) => all(api).authors);
  eleventyConfig.addCollection("monthPages", (api) => all(api).months);
  eleventyConfig.addCollection("organisationArticles", (api) => all(api).articles.filter((item) => !Array.isArray(item.data.byline)));
  eleventyConfig.addCollection("recentNews", (api) => {
    const articles = all(api).articles;
    const newest = articles[0]?.date.getTime() ?? 0;
    return articles.filter((item) => item.date.getTime() >= newest - 2 * 86_400_000);
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
  const lead = articles[0];
  return {
    articles,
    sections: Object.entries(sections).map(([id, entry]) => {
      const list = bySection.get(id) ?? [];
      return { id, name: entry.name, description: entry.description, url: `/${id}/`, articles: list, frontStories: list.filter((item) => item !== lead).slice(0, 3) };
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
