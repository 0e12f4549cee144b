/**
 * Lists at scale: section, topic, author, speaker, month and about pages split at `pageSize`
 * with numbered navigation, rel prev/next, a page number in the title and a canonical URL per
 * page; feeds hold `feedSize` stories; the sitemap is an index of files of `sitemapSize` URLs;
 * the Google News sitemap lists the two days before the build.
 */
import type { EleventyPageResult } from "@11ty/eleventy";
import { XMLParser } from "fast-xml-parser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { SitemapPlan, themeFilters } from "../../plugin/theme/filters.js";
import { resolveThemeOptions } from "../../plugin/theme/options.js";
import { navNumbers, paginate } from "../../plugin/theme/site-index.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Paged Post", url: "https://paged.example", language: "en-US", timeZone: "UTC", organisation: { name: "Paged Post", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" }, sports: { name: "Sports" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh" }, pratt: { name: "Owen Pratt" } }),
};
const THEME = { newsroom: { siteUrl: "https://paged.example", publisher: { name: "Paged Post", logo: "/assets/logo.svg" } } };
const STORIES = 25;
const PAGE_SIZE = 4;

/** Story n (1 = oldest): all in News, by Ada Reyes, tagged Budget and two topics of its own, quoting Delia Marsh once. */
function story(n: number, date: Date, body?: string): [string, string] {
  return [
    `articles/story-${String(n).padStart(2, "0")}.md`,
    `---\ntitle: "Story ${n}"\ndek: "Dek ${n}."\ndate: ${date.toISOString()}\nsection: news\nbyline: [ada-reyes]\ntags: [Budget, Topic ${n}a, Topic ${n}b]\n---\n` +
      (body ?? `The council met.\n\n{% quote "marsh" %}Words number ${n}.{% endquote %}\n`),
  ];
}

const stories = (count: number, start = Date.parse("2025-03-01T12:00:00Z")) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => story(i + 1, new Date(start + i * 3_600_000))));

const parser = new XMLParser({ isArray: (name) => ["url", "sitemap", "entry"].includes(name) });
const html = (pages: Map<string, EleventyPageResult>, url: string): string => {
  const page = pages.get(url);
  if (!page) throw new Error(`no page at ${url}; built: ${[...pages.keys()].filter((u) => u.includes("page")).join(", ")}`);
  return page.content;
};
const storyTitles = (page: string) => [...page.matchAll(/class="(?:lead|story-list)__headline"><a href="[^"]+">(Story \d+)<\/a>/g)].map((m) => m[1]);

describe("a newsroom of 25 stories at 4 a page", () => {
  let pages: Map<string, EleventyPageResult>;
  beforeAll(async () => {
    pages = await buildFiles({ ...SITE, ...stories(STORIES) }, { theme: { ...THEME, pageSize: PAGE_SIZE, feedSize: 5, sitemapSize: 10 } });
  }, 60_000);

  it("the section shows every story once, newest first, over 7 pages at /news/ then /news/page/2/…", () => {
    const urls = ["/news/", ...Array.from({ length: 6 }, (_, i) => `/news/page/${i + 2}/`)];
    expect([...pages.keys()].filter((url) => url.startsWith("/news/") && !url.includes("story"))).toEqual(expect.arrayContaining(urls));
    expect(pages.has("/news/page/8/")).toBe(false);
    const shown = urls.flatMap((url) => storyTitles(html(pages, url)));
    expect(shown).toEqual(Array.from({ length: STORIES }, (_, i) => `Story ${STORIES - i}`));
    expect(storyTitles(html(pages, "/news/"))).toHaveLength(PAGE_SIZE);
  });

  it("each page has its own title, canonical URL and rel prev/next", () => {
    const first = html(pages, "/news/");
    expect(first).toContain("<title>News | Paged Post</title>");
    expect(first).toContain('<link rel="canonical" href="https://paged.example/news/">');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<link rel="next" href="https://paged.example/news/page/2/">');
    const third = html(pages, "/news/page/3/");
    expect(third).toContain("<title>News, page 3 | Paged Post</title>");
    expect(third).toContain('<link rel="canonical" href="https://paged.example/news/page/3/">');
    expect(third).toContain('<link rel="prev" href="https://paged.example/news/page/2/">');
    expect(third).toContain('<link rel="next" href="https://paged.example/news/page/4/">');
    expect(third).toContain('<p class="list-header__page">Page 3 of 7</p>');
    const last = html(pages, "/news/page/7/");
    expect(last).not.toContain('rel="next"');
  });

  it("the numbered navigation is a named landmark marking the current page, with gaps for long runs", () => {
    const nav = /<nav class="page-nav" aria-label="Pages of News">([\s\S]*?)<\/nav>/.exec(html(pages, "/news/"))?.[1] ?? "";
    const labels = [...nav.matchAll(/<li[^>]*>(?:<a[^>]*>)?(?:<span class="visually-hidden">[^<]*<\/span>)?([^<]*)/g)].map((m) => m[1]);
    expect(labels).toEqual(["1", "2", "3", "…", "7", "Next"]);
    expect(nav).toContain('<a href="/news/" aria-current="page"><span class="visually-hidden">Page </span>1</a>');
    expect(nav).toContain('<a href="/news/page/2/" rel="next">Next');
    expect(nav).toContain('<li class="page-nav__gap" aria-hidden="true">…</li>');
    // A list that fits one page has no navigation.
    expect(html(pages, "/sports/")).not.toContain("page-nav");
  });

  it("topic, author, month and about pages are paginated the same way", () => {
    for (const list of ["/tags/budget/", "/authors/ada-reyes/", "/archive/2025/03/"]) {
      const shown = [list, ...Array.from({ length: 6 }, (_, i) => `${list}page/${i + 2}/`)].flatMap((url) => storyTitles(html(pages, url)));
      expect(shown, list).toHaveLength(STORIES);
      expect(new Set(shown).size, list).toBe(STORIES);
    }
    // Every story here has a byline, so the about page lists none, on one page.
    expect(html(pages, "/about/")).toContain('<p class="empty">No stories yet.</p>');
  });

  it("speaker pages show each quotation once, on the page of its story, with no empty page", () => {
    const urls = ["/speakers/marsh/", ...Array.from({ length: 6 }, (_, i) => `/speakers/marsh/page/${i + 2}/`)];
    const quoted = urls.map((url) => [...html(pages, url).matchAll(/<p>Words number (\d+)\.<\/p>/g)].map((m) => Number(m[1])));
    for (const onPage of quoted) expect(onPage.length).toBe(onPage === quoted[quoted.length - 1] ? STORIES % PAGE_SIZE || PAGE_SIZE : PAGE_SIZE);
    expect(quoted.flat()).toEqual(Array.from({ length: STORIES }, (_, i) => STORIES - i));
    expect(pages.has("/speakers/marsh/page/8/")).toBe(false);
    expect(html(pages, "/speakers/pratt/")).toContain("No quotations from Owen Pratt yet.");
    expect(html(pages, "/speakers/marsh/page/2/")).toContain("<title>Delia Marsh, page 2 | Paged Post</title>");
  });

  it("feeds hold the newest feedSize stories", () => {
    const feed = parser.parse(html(pages, "/feed.xml")).feed;
    expect(feed.entry.map((entry: { title: string }) => entry.title)).toEqual(["Story 25", "Story 24", "Story 23", "Story 22", "Story 21"]);
    expect(JSON.parse(html(pages, "/news/feed.json")).items).toHaveLength(5);
  });

  it("the sitemap index lists files of at most sitemapSize URLs that together hold every listed page once", () => {
    const index = parser.parse(html(pages, "/sitemap.xml")).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(index.length).toBeGreaterThan(1);
    const files = index.map((loc: string) => parser.parse(html(pages, loc.replace("https://paged.example", ""))).urlset.url as { loc: string; lastmod?: string }[]);
    for (const file of files) expect(file.length).toBeLessThanOrEqual(10);
    const locs = files.flat().map((entry: { loc: string }) => entry.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const htmlPages = [...pages.keys()].filter((url) => url.endsWith("/") && !url.startsWith("/style-guide"));
    expect(locs.sort()).toEqual(htmlPages.map((url) => `https://paged.example${url}`).sort());
    const entry = (url: string) => files.flat().find((e: { loc: string }) => e.loc === `https://paged.example${url}`);
    // A list page changed when its newest story did, not when the site was built.
    expect(entry("/news/page/2/")?.lastmod).toBe(new Date(Date.parse("2025-03-01T12:00:00Z") + 20 * 3_600_000).toISOString().replace(".000Z", "Z"));
    expect(entry("/")?.lastmod).toBe("2025-03-02T12:00:00Z");
    expect(entry("/search/")?.lastmod).toBeUndefined();
  });

  it("the front page shows a bounded set and links to the archive; the archive lists months and topics", () => {
    const front = html(pages, "/");
    expect(front.match(/<article class="(?:card|lead)"/g)?.length).toBeLessThanOrEqual(1 + 6 + 3 * 2);
    expect(front).toContain('<a href="/archive/">More stories in the archive</a>');
    expect(html(pages, "/archive/")).toContain('<a href="/archive/2025/03/">March 2025</a>');
    expect(html(pages, "/tags/")).toContain('<a href="/tags/budget/">Budget</a> <span class="archive-months__count">(25 stories)</span>');
    // The archive names the 30 biggest of the 51 topics, Budget first among them, and links to all.
    const archive = html(pages, "/archive/");
    expect(archive.match(/<li><a href="\/tags\/[^"]+\/">/g)).toHaveLength(30);
    expect(archive).toContain('<a href="/tags/budget/">Budget</a>');
    expect(archive).toContain('<a href="/tags/">All 51 topics</a>');
  });
});

describe("a sitemap of one URL a file (sitemapSize: 1)", () => {
  it("every file the index lists holds exactly one URL, and together every listed page", async () => {
    const pages = await buildFiles({ ...SITE, ...stories(2) }, { theme: { ...THEME, sitemapSize: 1 } });
    const index = parser.parse(html(pages, "/sitemap.xml")).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc.replace("https://paged.example", ""));
    const files = index.map((url: string) => (parser.parse(html(pages, url)).urlset.url ?? []) as { loc: string }[]);
    // Every file holds one URL; on Eleventy 3.1.0, which paginates before every page is known, the
    // last takes the few pages added after (SitemapPlan).
    for (const file of files.slice(0, -1)) expect(file).toHaveLength(1);
    expect(files.at(-1)?.length).toBeGreaterThanOrEqual(1);
    const htmlPages = [...pages.keys()].filter((url) => url.endsWith("/") && !url.startsWith("/style-guide"));
    expect(files.flat().map((entry: { loc: string }) => entry.loc).sort()).toEqual(htmlPages.map((url) => `https://paged.example${url}`).sort());
  });
});

describe("the Google News sitemap", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it("lists the stories of the two days before the build, and is empty for an old archive", async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const hour = 3_600_000;
    const now = Date.now();
    const files = {
      ...SITE,
      ...Object.fromEntries([story(1, new Date(now - 72 * hour)), story(2, new Date(now - 40 * hour)), story(3, new Date(now - 2 * hour))]),
    };
    const today = await buildFiles(files, { theme: THEME });
    const titles = (pages: Map<string, EleventyPageResult>) =>
      ((parser.parse(html(pages, "/news-sitemap.xml")).urlset?.url ?? []) as { "news:news": { "news:title": string } }[]).map((u) => u["news:news"]["news:title"]);
    expect(titles(today)).toEqual(["Story 3", "Story 2"]);
    // Built a week later, the same stories are old news: a valid, empty sitemap.
    process.env.SOURCE_DATE_EPOCH = String(Math.floor((now + 7 * 24 * hour) / 1000));
    const later = await buildFiles(files, { theme: THEME });
    expect(titles(later)).toEqual([]);
    expect(html(later, "/news-sitemap.xml")).toContain("<urlset");
  }, 60_000);

  it("holds at most 1,000 stories", () => {
    const filters = themeFilters({ zone: "utc", standaloneCities: [], related: () => [], speakerPlan: () => undefined, now: () => new Date("2025-03-02T00:00:00Z") });
    const items = Array.from({ length: 1500 }, (_, i) => ({ url: `/s/${i}/`, date: new Date(Date.parse("2025-03-01T23:00:00Z") - i * 60_000), inputPath: "", data: {} }));
    expect((filters.recentNews as (items: unknown, days: number) => unknown[])(items, 2)).toHaveLength(1000);
  });
});

describe("speaker pages are planned from the source", () => {
  it("a quotation whose speaker is not written as an id in quotes stops the build, naming the page and the fix", async () => {
    const files = { ...SITE, ...Object.fromEntries([story(1, new Date("2025-03-01T12:00:00Z"), `{% assign who = "marsh" %}{% quote who %}Hidden words.{% endquote %}\n`)]) };
    // Only trusted stories may use template code (a variable as the speaker); others stop before.
    const error = await buildFiles(files, { theme: { ...THEME, trustedStories: true } }).then(
      () => "built",
      (e: unknown) => {
        const messages: string[] = [];
        for (let c = e as { message?: string; originalError?: unknown; cause?: unknown } | undefined, d = 0; c && d < 10; d++) {
          messages.push(c.message ?? "");
          c = (c.originalError ?? c.cause) as typeof c;
        }
        return messages.join("\n");
      },
    );
    expect(error).toContain("speaker page marsh");
    expect(error).toMatch(/\/news\/\d{4}\/\d\d\/\d\d\/story-01\//);
    expect(error).toContain(`{% quote "marsh" %}`);
  }, 60_000);
});

describe("the sitemap's files as paginated (SitemapPlan)", () => {
  it("lists the files the pagination made, the last taking every page known only when it is written", () => {
    const plan = new SitemapPlan();
    const paginated = Array.from({ length: 17 }, (_, i) => `p${i}`);
    expect(plan.paginated(paginated, 5)).toBe(paginated);
    const written = [...paginated, "front", "about", "search"];
    expect(plan.fileCount(written, 5)).toBe(4);
    expect(plan.file(written, 0, 5)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect(plan.file(written, 3, 5)).toEqual(["p15", "p16", "front", "about", "search"]);
    expect([0, 1, 2, 3].flatMap((n) => plan.file(written, n, 5))).toEqual(written);
  });

  it("without a pagination this build, counts the pages it is given", () => {
    const plan = new SitemapPlan();
    plan.paginated(["a"], 1);
    plan.reset();
    expect(plan.fileCount(["a", "b", "c"], 2)).toBe(2);
    expect(plan.file(["a", "b", "c"], 1, 2)).toEqual(["c"]);
  });

  it("stops the build rather than write a last file over Google's limit", () => {
    const plan = new SitemapPlan();
    plan.paginated(["a"], 50_000);
    expect(() => plan.file(Array.from({ length: 50_001 }, (_, i) => i), 0, 50_000)).toThrow(/theme option sitemapSize: leaves 50001 URLs for the last sitemap file/);
  });
});

describe("pagination helpers and options", () => {
  it("numbers the first, the last and two either side of the current page", () => {
    expect(navNumbers(1, 1)).toEqual([1]);
    expect(navNumbers(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(navNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
    expect(navNumbers(10, 10)).toEqual([1, null, 8, 9, 10]);
  });

  it("an empty list still has its first page", () => {
    expect(paginate({}, "/x/", [], 20)).toMatchObject([{ number: 1, count: 1, url: "/x/", items: [], previousUrl: undefined, nextUrl: undefined }]);
  });

  it("rejects page, feed, sitemap and search index sizes that cannot work", () => {
    expect(() => resolveThemeOptions({ pageSize: 0 })).toThrow(/pageSize[\s\S]*1 or more/);
    expect(() => resolveThemeOptions({ feedSize: 2.5 })).toThrow(/feedSize/);
    expect(() => resolveThemeOptions({ sitemapSize: 50_001 })).toThrow(/sitemapSize[\s\S]*50000/);
    for (const wrong of [0, 1.5, "20000"]) expect(() => resolveThemeOptions({ searchIndexSize: wrong as number })).toThrow(/searchIndexSize[\s\S]*whole number of stories[\s\S]*leave it out for one index/);
    expect(resolveThemeOptions({})).toMatchObject({ pageSize: 20, feedSize: 20, sitemapSize: 10_000, searchIndexSize: undefined });
    expect(resolveThemeOptions({ searchIndexSize: 20_000 }).searchIndexSize).toBe(20_000);
  });
});
