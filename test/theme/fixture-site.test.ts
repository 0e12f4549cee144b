/**
 * The theme builds a whole news site from the fixture newsroom (15 published articles plus a
 * draft and an embargoed one, 4 sections, 3 authors, 5 speakers): every page type, feeds,
 * sitemaps and structured data.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, listFiles, type SiteBuild } from "../helpers/site-build.js";

let site: SiteBuild;
let files: string[];

const NEWEST = "politics/2025/10/14/council-approves-2026-budget/index.html";
const UPDATED = "sports/2025/09/19/ravens-fall-to-harlan-valley/index.html";
const CORRECTED = "politics/2025/08/21/housing-ordinance-first-reading/index.html";
const ORGANISATION_BYLINE = "world/2025/09/24/sister-city-delegation-visits/index.html";
const HOSTILE = "politics/2025/10/02/hostile-input/index.html";
/** `date: 2025-10-14`: a day, no time. */
const DAY_ONLY = "politics/2025/10/14/library-hours-extended/index.html";
/** `date: 2025-10-01 01:30:00`: no offset, so 1:30 a.m. in the site's zone (YAML alone reads it as UTC: Sept. 30). */
const NO_OFFSET = "politics/2025/10/01/water-main-break-overnight/index.html";
const ARTICLE_COUNT = 15;

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error("no JSON-LD on the page");
  return JSON.parse(match[1] as string) as Record<string, unknown>;
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "url"].includes(name) });

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

beforeAll(async () => {
  // The build's time, for the Google News sitemap: ten minutes after the newest story.
  site = await buildFixtureSite({ env: { SITE_URL: "https://fixture.example", SOURCE_DATE_EPOCH: String(Date.parse("2025-10-14T23:40:00Z") / 1000) } });
  files = await listFiles(site.output);
});

afterAll(() => site?.cleanup());

describe("every page type is built", () => {
  it.each([
    ["front page", "index.html"],
    ["section", "sports/index.html"],
    ["tag", "tags/transit/index.html"],
    ["speaker", "speakers/delia-marsh/index.html"],
    ["author", "authors/ada-reyes/index.html"],
    ["archive", "archive/index.html"],
    ["archive month", "archive/2025/09/index.html"],
    ["about (organisation byline)", "about/index.html"],
    ["search", "search/index.html"],
    ["style guide", "style-guide/index.html"],
    ["404", "404.html"],
    ["site Atom feed", "feed.xml"],
    ["site JSON feed", "feed.json"],
    ["section Atom feed", "sports/feed.xml"],
    ["section JSON feed", "sports/feed.json"],
    ["sitemap", "sitemap.xml"],
    ["Google News sitemap", "news-sitemap.xml"],
    ["robots.txt", "robots.txt"],
    [".nojekyll", ".nojekyll"],
    ["stylesheet", "assets/site.css"],
  ])("%s", (_name, file) => {
    expect(files).toContain(file);
  });

  it("one page per article, section, author and speaker", () => {
    const articles = files.filter((file) => /^(world|politics|business|sports)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    expect(articles).toHaveLength(ARTICLE_COUNT);
    for (const section of ["world", "politics", "business", "sports"]) expect(files).toContain(`${section}/index.html`);
    for (const author of ["ada-reyes", "tom-okafor", "lena-park"]) expect(files).toContain(`authors/${author}/index.html`);
    expect(files.filter((file) => file.startsWith("speakers/"))).toHaveLength(5);
  });
});

describe("front page", () => {
  let html: string;
  beforeAll(async () => {
    html = await site.read("index.html");
  });

  it("leads with the newest story", () => {
    const lead = /<section class="front-lead"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(lead).toContain('href="/politics/2025/10/14/council-approves-2026-budget/"');
  });

  it("lists the latest stories and every section with its stories", () => {
    expect(html).toContain('id="latest-heading">Latest</h2>');
    for (const name of ["World", "Politics", "Business", "Sports"]) expect(html).toMatch(new RegExp(`<h2 class="section-heading" id="section-[a-z]+"><a href="/[a-z]+/">${name}</a></h2>`));
  });
});

describe("article page", () => {
  let html: string;
  beforeAll(async () => {
    html = await site.read(NEWEST);
  });

  it("has headline, dek, byline linking rel=author to the author page, one publication time", () => {
    expect(html).toContain('<h1 class="article__headline">Council Approves $48.2 Million Budget, Saving Two Bus Routes</h1>');
    expect(html).toContain('<p class="article__dek">');
    expect(html).toContain('<p class="article__byline">By <a rel="author" href="/authors/ada-reyes/">Ada Reyes</a></p>');
    expect(count(html, /<p class="article__time">Published <time/g)).toBe(1);
    expect(html).toContain('<time datetime="2025-10-14T18:30:00-05:00" data-pagefind-sort="date[datetime]">6:30 p.m. CDT Oct. 14, 2025</time>');
    expect(html).not.toContain("Updated");
  });

  it("puts the front-matter dateline at the start of the first paragraph", () => {
    expect(html).toMatch(/<div class="article__body"><p><span class="nr-dateline"><span class="nr-dateline__place">RIVERTON, Ohio<\/span> —<\/span> The Riverton/);
  });

  it("shows section, tags and related stories that share a tag", () => {
    expect(html).toContain('<p class="article__section" data-pagefind-ignore><a href="/politics/" data-pagefind-filter="section[data-pagefind-value]" data-pagefind-value="Politics">Politics</a></p>');
    expect(html).toContain('<li><a href="/tags/budget/" data-pagefind-filter="topic[data-pagefind-value]" data-pagefind-value="Budget">Budget</a></li>');
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(count(related, /<article class="card">/g)).toBe(3);
    expect(related).not.toContain("council-approves-2026-budget");
  });

  it("shares with plain URLs: no scripts, no tracking parameters", () => {
    const share = /<nav class="share"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    expect(count(share, /<a href=/g)).toBe(4);
    expect(share).not.toMatch(/utm_|<script|<iframe/);
    expect(share).toContain(encodeURIComponent("https://fixture.example/politics/2025/10/14/council-approves-2026-budget/"));
  });

  it("has an absolute canonical URL, Open Graph article tags and a Twitter card", () => {
    expect(html).toContain('<link rel="canonical" href="https://fixture.example/politics/2025/10/14/council-approves-2026-budget/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2025-10-14T18:30:00-05:00">');
    expect(html).toContain('<meta property="article:section" content="Politics">');
    expect(html).toContain('<meta property="article:tag" content="Budget">');
    expect(html).toContain('<meta property="article:tag" content="Transit">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it("carries NewsArticle JSON-LD with offsets, publisher logo, dateline and a Quotation per quote", () => {
    const data = jsonLd(html);
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.datePublished).toBe("2025-10-14T18:30:00-05:00");
    expect(data.dateModified).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(data.publisher).toMatchObject({ "@type": "NewsMediaOrganization", name: "Fixture Gazette", logo: { "@type": "ImageObject", url: "https://fixture.example/assets/logo.svg" } });
    expect(data.author).toEqual([{ "@type": "Person", name: "Ada Reyes", url: "https://fixture.example/authors/ada-reyes/", sameAs: expect.any(Array) }]);
    expect(data.dateline).toBe("RIVERTON, Ohio");
    expect(data.locationCreated).toEqual({ "@type": "Place", name: "Riverton, Ohio" });
    const quotations = data.hasPart as { "@type": string; creator: { name: string }; dateCreated?: string }[];
    expect(quotations.length).toBeGreaterThanOrEqual(3);
    // The quote's date is a day ("2025-10-14"): it stays a day, with no midnight invented for it.
    expect(quotations.map((q) => q.dateCreated).filter(Boolean)).toEqual(["2025-10-14"]);
    for (const quotation of quotations) expect(quotation["@type"]).toBe("Quotation");
    expect(quotations.map((q) => q.creator.name)).toContain("Delia Marsh");
  });

  it("shows Updated only on the updated story", async () => {
    const updated = await site.read(UPDATED);
    expect(updated).toContain('<span class="article__updated">Updated <time datetime="2025-09-20T10:15:00-05:00">10:15 a.m. CDT Sept. 20, 2025</time></span>');
    expect(jsonLd(updated).dateModified).toBe("2025-09-20T10:15:00-05:00");
  });

  it("shows both corrections in order, visibly and in structured data", async () => {
    const corrected = await site.read(CORRECTED);
    expect(corrected).toContain(
      '<section class="article__corrections" id="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">Corrections</h2><ol class="article__correction-list">' +
        '<li><time datetime="2025-08-22T09:40:00-05:00">9:40 a.m. CDT Aug. 22, 2025</time>: An earlier version of this story misstated the number of accessory dwelling units the ordinance would allow on each lot. It would allow one, not two.</li>' +
        '<li><time datetime="2025-08-25">Aug. 25, 2025</time>: An earlier version of this story gave the wrong date for the second reading. It is Sept. 11.</li></ol></section>',
    );
    expect(jsonLd(corrected).correction).toEqual([
      { "@type": "CorrectionComment", text: expect.stringContaining("accessory dwelling units"), datePublished: "2025-08-22T09:40:00-05:00" },
      { "@type": "CorrectionComment", text: expect.stringContaining("second reading"), datePublished: "2025-08-25" },
    ]);
  });

  it("says in the header that the story was corrected, on the latest correction's day, linking to the corrections", async () => {
    const corrected = await site.read(CORRECTED);
    expect(corrected).toMatch(/<p class="article__time">Published <time [^>]+>[^<]+<\/time><a class="article__updated" href="#corrections">Corrected <time datetime="2025-08-25">Aug\. 25, 2025<\/time><\/a><\/p>/);
    expect(corrected).not.toContain(">Updated <");
  });

  it("the latest correction moves the modified time everywhere", async () => {
    const corrected = await site.read(CORRECTED);
    expect(jsonLd(corrected).dateModified).toBe("2025-08-25");
    expect(corrected).toContain('<meta property="article:modified_time" content="2025-08-25">');
    const sitemap = await site.read("sitemap-1.xml");
    expect(sitemap).toContain("<loc>https://fixture.example/politics/2025/08/21/housing-ordinance-first-reading/</loc>\n<lastmod>2025-08-25</lastmod>");
    const atom = parser.parse(await site.read("feed.xml")).feed;
    const entry = atom.entry.find((item: { id: string }) => item.id.endsWith("/housing-ordinance-first-reading/"));
    expect(entry.published).toBe("2025-08-21T22:10:00-05:00");
    expect(entry.updated).toBe("2025-08-25T00:00:00-05:00");
    expect(entry.content["#text"]).toContain('<h2 id="corrections-heading">Corrections</h2>');
    const json = JSON.parse(await site.read("feed.json")) as { items: { url: string; date_modified: string; content_html: string }[] };
    const item = json.items.find((candidate) => candidate.url.endsWith("/housing-ordinance-first-reading/"));
    expect(item?.date_modified).toBe("2025-08-25T00:00:00-05:00");
    expect(item?.content_html).toContain("It is Sept. 11.</li></ol></section>");
  });

  it("credits the organisation when a story has no byline", async () => {
    const organisation = await site.read(ORGANISATION_BYLINE);
    expect(organisation).toContain('<p class="article__byline">By <a rel="author" href="/about/">Fixture Gazette</a></p>');
    expect(jsonLd(organisation).author).toEqual([{ "@type": "NewsMediaOrganization", name: "Fixture Gazette", url: "https://fixture.example/gazette/" }]);
  });
});

describe("hostile front matter is escaped everywhere", () => {
  const TITLE = 'Council votes 5 < 6 on "Fish & Chips" <script>alert(1)</script> plan';

  it("never reaches any output file as markup", async () => {
    for (const file of files.filter((name) => /\.(html|xml|json|txt)$/.test(name) && !name.startsWith("pagefind/"))) {
      const text = await site.read(file);
      expect(text, file).not.toContain("<script>alert(1)");
      expect(text, file).not.toContain("<b>");
    }
  });

  it("round-trips through the JSON-LD and the JSON feed", async () => {
    // The same words, their typed quotes set as the headline's typography sets them.
    const typeset = TITLE.replace('"Fish & Chips"', "“Fish & Chips”");
    expect(jsonLd(await site.read(HOSTILE)).headline).toBe(typeset);
    const feed = JSON.parse(await site.read("feed.json")) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toContain(typeset);
  });
});

describe("feeds and sitemaps", () => {
  it.each(["feed.xml", "sports/feed.xml", "sitemap.xml", "sitemap-1.xml", "news-sitemap.xml"])("%s is well-formed XML", async (file) => {
    expect(XMLValidator.validate(await site.read(file))).toBe(true);
  });

  it("the site Atom feed holds every story, newest first, with absolute links and HTML content", async () => {
    const feed = parser.parse(await site.read("feed.xml")).feed;
    expect(feed.entry).toHaveLength(ARTICLE_COUNT);
    expect(feed.entry[0].id).toBe("https://fixture.example/politics/2025/10/14/council-approves-2026-budget/");
    expect(feed.link[0]["@_href"]).toBe("https://fixture.example/feed.xml");
    expect(feed.updated).toBe("2025-10-14T18:30:00-05:00");
    expect(feed.entry[0].content["#text"]).toContain('<aside class="nr-pullquote');
  });

  it("a section feed holds only that section", async () => {
    const feed = parser.parse(await site.read("sports/feed.xml")).feed;
    expect(feed.entry).toHaveLength(3);
    for (const entry of feed.entry) expect(entry.id).toContain("/sports/");
    const json = JSON.parse(await site.read("sports/feed.json")) as { version: string; items: { url: string }[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items.map((item) => item.url)).toEqual(feed.entry.map((entry: { id: string }) => entry.id));
  });

  it("the sitemap is an index of sitemap files", async () => {
    const index = parser.parse(await site.read("sitemap.xml")).sitemapindex;
    expect(index.sitemap).toEqual({ loc: "https://fixture.example/sitemap-1.xml" });
  });

  it("the sitemap lists every article and list page with absolute URLs, not the 404 or style guide", async () => {
    const urls = (parser.parse(await site.read("sitemap-1.xml")).urlset.url as { loc: string }[]).map((url) => url.loc);
    expect(urls.filter((url) => /\/\d{4}\/\d{2}\/\d{2}\//.test(url))).toHaveLength(ARTICLE_COUNT);
    expect(urls).toContain("https://fixture.example/");
    expect(urls).toContain("https://fixture.example/tags/transit/");
    expect(urls.some((url) => url.includes("404") || url.includes("style-guide"))).toBe(false);
  });

  it("the Google News sitemap holds only stories published in the two days before the build", async () => {
    const urls = parser.parse(await site.read("news-sitemap.xml")).urlset.url as { loc: string; "news:news": Record<string, unknown> }[];
    expect(urls.map((url) => url.loc).sort()).toEqual([
      "https://fixture.example/business/2025/10/12/bus-contract-talks-stall/",
      "https://fixture.example/politics/2025/10/14/council-approves-2026-budget/",
      "https://fixture.example/politics/2025/10/14/library-hours-extended/",
      "https://fixture.example/sports/2025/10/13/ravens-win-rain-delayed-homecoming/",
    ]);
    expect(urls[0]?.["news:news"]).toMatchObject({ "news:publication": { "news:name": "Fixture Gazette", "news:language": "en" } });
  });

  it("robots.txt points at both sitemaps", async () => {
    const robots = await site.read("robots.txt");
    expect(robots).toContain("Sitemap: https://fixture.example/sitemap.xml");
    expect(robots).toContain("Sitemap: https://fixture.example/news-sitemap.xml");
  });
});

describe("list pages", () => {
  it("a speaker page lists every quotation once, each linking back", async () => {
    const html = await site.read("speakers/marcus-bell/index.html");
    expect(html).toContain('<h1 class="list-header__title">Marcus Bell</h1>');
    expect(html).toContain('<a href="/sports/2025/09/19/ravens-fall-to-harlan-valley/">');
    // The pull quote repeats this quotation: listed once, not again as a pull quote.
    expect(count(html, /<p>I would rather learn that in September than in November\.<\/p>/g)).toBe(1);
    expect(html).not.toContain("Pull quote in");
    // The comma belongs to the attribution ("…, Bell said"), not to the words.
    expect(html).toContain("<p>We made enough plays to win and then we stopped making them</p>");
    expect(count(html, /<li class="quotation-list__item">/g)).toBe(8);
  });

  it("a speaker page gives a block quotation's own occasion, place and date, not the story's", async () => {
    // Said on Sept. 23 in a welcome address; the story ran on Sept. 24.
    const html = await site.read("speakers/delia-marsh/index.html");
    expect(html).toMatch(
      /<p class="quotation-list__source">In a welcome address, Riverton, <time datetime="2025-09-23[^"]*">Sept\. 23, 2025<\/time>\. Quoted in <a href="\/[^"]*sister-city-delegation-visits\/">/,
    );
  });

  it("an author page lists the author's stories", async () => {
    const html = await site.read("authors/tom-okafor/index.html");
    expect(html).toContain("Business reporter");
    expect(html).toContain('href="/business/2025/10/12/bus-contract-talks-stall/"');
    expect(html).not.toContain('href="/sports/2025/10/13/ravens-win-rain-delayed-homecoming/"');
  });

  it("the archive lists months with counts that add up to every story", async () => {
    const html = await site.read("archive/index.html");
    const counts = [...html.matchAll(/\((\d+) stor(?:y|ies)\)/g)].map((match) => Number(match[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ARTICLE_COUNT);
    expect(html).toContain('<a href="/archive/2025/10/">October 2025</a>');
  });

  it("a tag page lists only stories with the tag", async () => {
    const html = await site.read("tags/football/index.html");
    expect(count(html, /<li class="story-list__item">/g)).toBe(3);
  });

  it("the 404 page is not indexed", async () => {
    expect(await site.read("404.html")).toContain('<meta name="robots" content="noindex">');
  });

  it("writes .nojekyll so GitHub Pages serves every file as built", () => {
    expect(existsSync(`${site.output}/.nojekyll`)).toBe(true);
  });
});

describe("feed content reads like the article", () => {
  it("the front-matter dateline leads the story in the Atom and JSON feeds", async () => {
    const atom = await site.read("feed.xml");
    expect(atom).toContain("&lt;p&gt;&lt;span class=&quot;nr-dateline&quot;&gt;&lt;span class=&quot;nr-dateline__place&quot;&gt;RIVERTON, Ohio&lt;/span&gt; —&lt;/span&gt; The Riverton City Council approved");
    const json = JSON.parse(await site.read("feed.json")) as { items: { url: string; content_html: string }[] };
    const budget = json.items.find((item) => item.url.endsWith("/council-approves-2026-budget/"));
    expect(budget?.content_html).toMatch(/^<p><span class="nr-dateline"><span class="nr-dateline__place">RIVERTON, Ohio<\/span> —<\/span> The Riverton City Council approved/);
  });
});

describe("dates mean what was written", () => {
  it("a day without a time is filed under that day and shown with no time", async () => {
    const html = await site.read(DAY_ONLY);
    expect(html).toContain('<p class="article__time">Published <time datetime="2025-10-14" data-pagefind-sort="date[datetime]">Oct. 14, 2025</time></p>');
    expect(html).toContain('<meta property="article:published_time" content="2025-10-14">');
    expect(html).not.toContain("article:modified_time");
    expect(jsonLd(html)).toMatchObject({ datePublished: "2025-10-14", dateModified: "2025-10-14" });
  });

  it("lists, the archive month and the sitemaps give the day; feeds, which need a time, its start in the site's zone", async () => {
    const politics = await site.read("politics/index.html");
    expect(politics).toContain('<a href="/politics/2025/10/14/library-hours-extended/">');
    expect(politics).toMatch(/library-hours-extended[\s\S]*?<time datetime="2025-10-14">Oct\. 14, 2025<\/time>/);
    expect(await site.read("archive/2025/10/index.html")).toContain("library-hours-extended");
    expect(await site.read("sitemap-1.xml")).toContain("<loc>https://fixture.example/politics/2025/10/14/library-hours-extended/</loc>\n<lastmod>2025-10-14</lastmod>");
    expect(await site.read("news-sitemap.xml")).toMatch(/library-hours-extended\/<\/loc>[\s\S]*?<news:publication_date>2025-10-14<\/news:publication_date>/);
    const atom = parser.parse(await site.read("feed.xml")).feed;
    const entry = atom.entry.find((item: { id: string }) => item.id.endsWith("/library-hours-extended/"));
    expect(entry.published).toBe("2025-10-14T00:00:00-05:00");
  });

  it("the same day's timed story still leads: a day sorts from its start", async () => {
    const lead = /<section class="front-lead"[\s\S]*?<\/section>/.exec(await site.read("index.html"))?.[0] ?? "";
    expect(lead).toContain("council-approves-2026-budget");
  });

  it("no page invents a midnight for a day: every datetime of a day-only date is the date", async () => {
    for (const file of files.filter((name) => name.endsWith(".html"))) {
      expect(await site.read(file), file).not.toMatch(/datetime="\d{4}-\d{2}-\d{2}T00:00:00/);
    }
  });

  it("a time without an offset is wall-clock time in the site's zone", async () => {
    const html = await site.read(NO_OFFSET);
    expect(html).toContain('<time datetime="2025-10-01T01:30:00-05:00" data-pagefind-sort="date[datetime]">1:30 a.m. CDT Oct. 1, 2025</time>');
    expect(jsonLd(html).datePublished).toBe("2025-10-01T01:30:00-05:00");
    expect(files.some((file) => file.includes("2025/09/30/water-main-break"))).toBe(false);
  });
});

describe("drafts and embargoed stories never leak", () => {
  const UNPUBLISHED = ["budget-memo-draft", "stadium-naming-rights-embargoed", "Unreleased Memo", "unreleased-memo", "Sponsorship Deal", "sponsorship-deal", "must never reach", "must wait for its day", "Naming-Rights"];

  it("no output file mentions them: pages, lists, related stories, feeds, sitemaps, speaker pages", async () => {
    expect(files.some((file) => /budget-memo|naming-rights|unreleased|sponsorship/.test(file))).toBe(false);
    for (const file of files.filter((name) => /\.(html|xml|json|txt)$/.test(name))) {
      const text = await site.read(file);
      for (const words of UNPUBLISHED) expect(text, `${file}: ${words}`).not.toContain(words);
    }
  });

  it("the embargoed 2099 story does not empty the news sitemap", async () => {
    expect(count(await site.read("news-sitemap.xml"), /<url>/g)).toBe(4);
  });
});
