/**
 * The theme's filters that place or encode user text: the front-matter dateline and the values
 * Pagefind reads.
 */
import { describe, expect, it } from "vitest";
import { AP_STANDALONE_CITIES } from "../../plugin/data/standalone-cities.js";
import { buildTimeFromEnvironment, themeFilters } from "../../plugin/theme/filters.js";

const filters = themeFilters({ zone: "America/Chicago", standaloneCities: AP_STANDALONE_CITIES, related: () => [] });
const withDateline = filters.withDateline as (content: unknown, place: unknown, agency?: unknown) => string;
const pagefindFilterValue = filters.pagefindFilterValue as (name: unknown) => string;
const DATELINE = '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span> —</span>';

describe("withDateline", () => {
  it("opens the first paragraph", () => {
    expect(withDateline("<p>Ukraine said.</p><p>More.</p>", "Kyiv, Ukraine")).toBe(`<p>${DATELINE} Ukraine said.</p><p>More.</p>`);
  });

  it.each([
    ["a block quotation", '<figure class="nr-quote"><blockquote class="nr-quote__text"><p>Quoted.</p></blockquote><figcaption>Someone</figcaption></figure>'],
    ["a plain blockquote", "<blockquote><p>Quoted.</p></blockquote>"],
    ["a pull quote", '<aside class="nr-pullquote" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>Lifted</p></blockquote><p class="nr-pullquote__attribution">Someone</p></aside>'],
    ["a figure", '<figure><img src="/a.jpg" alt=""><figcaption><p>Caption</p></figcaption></figure>'],
    ["a list", "<ul><li><p>One</p></li></ul>"],
    ["a heading", "<h2>Background</h2>"],
  ])("skips %s the story opens with, for its own first paragraph", (_label, opening) => {
    expect(withDateline(`${opening}\n<p>The story.</p>`, "Kyiv, Ukraine")).toBe(`${opening}\n<p>${DATELINE} The story.</p>`);
  });

  it("opens a paragraph with attributes", () => {
    expect(withDateline('<p class="lead">The story.</p>', "Kyiv, Ukraine")).toBe(`<p class="lead">${DATELINE} The story.</p>`);
  });

  it("stands in a paragraph of its own when the story has no paragraph of its own prose", () => {
    expect(withDateline("<blockquote><p>Quoted.</p></blockquote>", "Kyiv, Ukraine")).toBe(`<p>${DATELINE}</p><blockquote><p>Quoted.</p></blockquote>`);
  });

  it("never reads the place as a replacement pattern", () => {
    const html = withDateline("<p>Body</p>", "Springfield $' $& $`, Ill.");
    expect(html).toContain("SPRINGFIELD $&#39; $&amp; $`, Ill.");
    expect(html.match(/<p>/g)).toHaveLength(1);
    expect(html.endsWith(" Body</p>")).toBe(true);
  });
});

describe("pagefindFilterValue", () => {
  it("escapes twice, for Pagefind's two decodings and its UI's HTML (the template escapes the attribute)", () => {
    expect(pagefindFilterValue("<img src=x onerror=alert(1)>")).toBe("&amp;lt;img src=x onerror=alert(1)&amp;gt;");
    expect(pagefindFilterValue("R&D")).toBe("R&amp;amp;D");
    expect(pagefindFilterValue("Budget")).toBe("Budget");
  });
});

describe("speakerQuotations", () => {
  const pageOf = (url: string) => ({ url, inputPath: `./${url}.md` });
  const quotations = Object.freeze(Array.from({ length: 50 }, (_, i) => ({ pageUrl: `/story-${i % 10}/`, text: `Words ${i}` })));
  const listPage = (urls: string[]) => ({ list: { id: "putin" }, items: urls.map(pageOf) });

  it("groups a speaker's list once, not once a page: an archive's thousands of speaker pages stay linear", () => {
    let reads = 0;
    // Counts every look at the list's items: grouping reads each once; a page must read none.
    const counted = new Proxy(quotations, { get: (target, key, receiver) => (typeof key === "string" && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)) });
    const plan = new Set(quotations.map((quotation) => quotation.pageUrl));
    const speakerQuotations = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [], speakerPlan: () => plan }).speakerQuotations as (q: unknown, page: unknown) => { text: string }[];
    expect(speakerQuotations(counted, listPage(["/story-3/"])).map((q) => q.text)).toEqual(["Words 3", "Words 13", "Words 23", "Words 33", "Words 43"]);
    const grouping = reads;
    for (let page = 0; page < 20; page++) expect(speakerQuotations(counted, listPage(["/story-1/", "/story-2/"]))).toHaveLength(10);
    expect(reads).toBe(grouping);
    // A new list (a story edited under npm start) is grouped again.
    expect(speakerQuotations(Object.freeze([...quotations].reverse()), listPage(["/story-1/"])).map((q) => q.text)).toEqual(["Words 41", "Words 31", "Words 21", "Words 11", "Words 1"]);
  });

  it("stops the build on a quotation from a page the plan did not foresee", () => {
    const speakerQuotations = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [], speakerPlan: () => new Set(["/story-0/"]) }).speakerQuotations as (q: unknown, page: unknown) => unknown;
    expect(() => speakerQuotations(quotations, listPage(["/story-0/"]))).toThrow(/speaker page putin[\s\S]*\/story-1\//);
  });
});

describe("sitemapLastModified", () => {
  it("works a story's last change out again in each build", () => {
    let build = new Date("2025-11-01T00:00:00Z");
    const sitemapLastModified = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [], now: () => build }).sitemapLastModified as (item: unknown, newest?: unknown) => unknown;
    const story = { inputPath: "./articles/a.md", url: "/a/", date: new Date("2025-10-01T00:00:00Z"), data: { pageType: "article", date: "2025-10-01", updated: "2025-10-02" } };
    const listPage = { permalink: "/news/", count: 1, items: [story], list: { name: "News" } };
    expect(sitemapLastModified(story)).toBe("2025-10-02");
    expect(sitemapLastModified({ url: "/news/", data: { listPage } })).toBe("2025-10-02");
    // Under npm start the same story may come back with its data changed.
    story.data.updated = "2025-10-05";
    build = new Date("2025-11-02T00:00:00Z");
    expect(sitemapLastModified({ url: "/news/", data: { listPage } })).toBe("2025-10-05");
    expect(sitemapLastModified(story)).toBe("2025-10-05");
  });

  it("gives a list page the latest change among its stories, a day counting from its start in the site's zone", () => {
    const sitemapLastModified = themeFilters({ zone: "America/Chicago", standaloneCities: [], related: () => [], now: () => new Date("2025-11-01T00:00:00Z") }).sitemapLastModified as (item: unknown) => unknown;
    // Oct. 2 starts at 05:00 UTC in Chicago: later than 04:00 UTC that day, earlier than 06:00.
    const corrected = { inputPath: "./articles/a.md", url: "/a/", date: new Date("2025-10-01T12:00:00Z"), data: { pageType: "article", date: new Date("2025-10-01T12:00:00Z"), updated: "2025-10-02" } };
    const early = { inputPath: "./articles/b.md", url: "/b/", date: new Date("2025-10-02T04:00:00Z"), data: { pageType: "article", date: new Date("2025-10-02T04:00:00Z") } };
    const late = { inputPath: "./articles/c.md", url: "/c/", date: new Date("2025-10-02T06:00:00Z"), data: { pageType: "article", date: new Date("2025-10-02T06:00:00Z") } };
    const page = (items: unknown[]) => ({ url: "/news/", data: { listPage: { permalink: "/news/", count: items.length, items, list: { name: "News" } } } });
    expect(sitemapLastModified(page([early, corrected]))).toBe("2025-10-02");
    expect(sitemapLastModified(page([corrected, late, early]))).toEqual(new Date("2025-10-02T06:00:00Z"));
    expect(sitemapLastModified(page([]))).toBeUndefined();
  });
});

describe("sitemapPages", () => {
  const build = new Date("2025-11-01T00:00:00Z");
  const sitemapPages = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [], now: () => build }).sitemapPages as (items: unknown) => { url: string }[];
  const story = { inputPath: "./src/articles/a.md", url: "/politics/a/", date: new Date("2025-10-01T00:00:00Z"), data: {} };
  // Eleventy dates a virtual template with the clock when it reads it: here the front page was read
  // a millisecond before the archive, and the search page a millisecond after.
  const themePage = (name: string, url: string, ms: number) => ({ inputPath: `./src/newsroom-theme/${name}.njk`, url, date: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms)), data: {} });
  const archive = themePage("archive", "/archive/", 5);
  const front = themePage("index", "/", 4);
  const search = themePage("search", "/search/", 6);

  it("lists the theme's pages in the order of their input paths, whenever Eleventy happened to date them", () => {
    const urls = (items: unknown[]) => sitemapPages(items).map((item) => item.url);
    expect(urls([story, front, archive, search])).toEqual(["/politics/a/", "/archive/", "/", "/search/"]);
    expect(urls([story, archive, search, front])).toEqual(["/politics/a/", "/archive/", "/", "/search/"]);
  });

  it("keeps collections.all's order (date, then input path) for the site's own pages", () => {
    const older = { ...story, inputPath: "./src/articles/b.md", url: "/politics/b/", date: new Date("2025-09-01T00:00:00Z") };
    const page = { inputPath: "./src/contact.md", url: "/contact/", date: new Date("2025-10-01T00:00:00Z"), data: {} };
    expect(sitemapPages([story, older, page, front]).map((item) => item.url)).toEqual(["/politics/b/", "/politics/a/", "/contact/", "/"]);
  });

  it("sitemapFile gives file n (from 0) of sitemapSize URLs each", () => {
    const sitemapFile = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [], now: () => build }).sitemapFile as (items: unknown, n: number, size: number) => { url: string }[];
    const items = [story, front, archive, search];
    expect(sitemapFile(items, 0, 3).map((item) => item.url)).toEqual(["/politics/a/", "/archive/", "/"]);
    expect(sitemapFile(items, 1, 3).map((item) => item.url)).toEqual(["/search/"]);
  });
});

describe("buildTimeFromEnvironment", () => {
  it("reads SOURCE_DATE_EPOCH as seconds since 1970, up to the last second of 9999", () => {
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "1760485200" }).toISOString()).toBe("2025-10-14T23:40:00.000Z");
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "0" }).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "253402300799" }).toISOString()).toBe("9999-12-31T23:59:59.000Z");
  });

  it.each([
    ["beyond any date", "99999999999999999", /is after the year 9999 \(seconds since 1970 are expected, not milliseconds\), got: "99999999999999999"/],
    ["in milliseconds, past 9999", "1760485200000000", /is after the year 9999/],
    ["not a number", "yesterday", /must be whole seconds since 1970 \(digits only, not negative\), got: "yesterday"/],
    ["negative", "-86400", /must be whole seconds since 1970 \(digits only, not negative\), got: "-86400"/],
    ["a fraction", "1760485200.5", /must be whole seconds/],
  ])("stops on a value %s, naming the variable, the value and the fix", (_name, value, problem) => {
    expect(() => buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: value })).toThrow(problem);
    expect(() => buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: value })).toThrow(/^\[newsroom\] environment variable SOURCE_DATE_EPOCH: .*Fix: unset it, or set e\.g\. SOURCE_DATE_EPOCH=\$\(git log -1 --format=%ct\)$/);
  });
});
