/**
 * Kinds and trust in a whole build: each kind's label on its page and its cards, its schema.org
 * type, paid content disclosed and kept out of the Google News sitemap, a fact check's
 * ClaimReviews, the backstory and sources, the publisher's policies on its structured data and in
 * the Standards list every page links to, a site's own kinds, and the errors.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { EleventyPageResult } from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDirectory, buildFiles, writeScratchSite } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";

const POLICIES = { ethicsPolicy: "/standards/ethics/", correctionsPolicy: "/standards/corrections/", masthead: "https://news.example.com/masthead/" };
const SITE = {
  "_data/site.json": JSON.stringify({ name: "Kind Courier", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Kind Courier", logo: "/assets/logo.svg", policies: POLICIES } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes", title: "City hall reporter", expertise: ["City budget", "Transit"], location: "Riverton", languages: ["English", "Spanish"] } }),
  "_data/speakers.json": JSON.stringify({}),
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  "standards/ethics.md": "---\npermalink: /standards/ethics/\n---\nOur ethics.\n",
  "standards/corrections.md": "---\npermalink: /standards/corrections/\n---\nOur corrections.\n",
};
// Within the Google News sitemap's two days.
const HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();

function story(fields: string): string {
  return `---\ntitle: "The story"\ndek: "What it says."\ndate: ${HOUR_AGO}\nsection: news\n${fields}\n---\nThe text, with [a link](https://elsewhere.example/page) and [one of ours](/about/).\n`;
}

const STORIES = {
  "articles/plain.md": story("byline: [ada-reyes]"),
  "articles/column.md": story('kind: opinion\nbyline: [ada-reyes]\nbackstory: "We asked readers what they wanted from the budget."\nsources: [{ title: "City budget 2026", url: "https://city.example/budget.pdf" }]'),
  "articles/deeper.md": story("kind: analysis\nbyline: [ada-reyes]"),
  "articles/board.md": story("kind: editorial"),
  "articles/paid.md": story('kind: sponsored\nsponsor: { name: "Acme Bank", url: "https://acme.example/" }'),
  "articles/book.md": story("kind: review\nbyline: [ada-reyes]\nitemReviewed: { type: Book, name: The Salt Road }\nrating: { value: 4 }"),
  "articles/check.md": story('kind: factcheck\nbyline: [ada-reyes]\nclaims: [{ claim: "Crime doubled", claimant: "Mayor Doe", verdict: "False" }]'),
};

let pages: Map<string, EleventyPageResult>;
const page = (url: string): string => {
  const result = pages.get(url);
  if (!result) throw new Error(`no page ${url}; pages: ${[...pages.keys()].join(", ")}`);
  return result.content;
};
const storyUrl = (slug: string) => [...pages.keys()].find((url) => url.endsWith(`/${slug}/`) && url.startsWith("/news/")) as string;
const jsonLd = (html: string): Record<string, unknown>[] => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1] as string) as Record<string, unknown>);

beforeAll(async () => {
  pages = await buildFiles({ ...SITE, ...STORIES }, { theme: {} });
}, 120_000);

describe("each kind on its page", () => {
  it.each([
    ["plain", "NewsArticle", "News"],
    ["column", "OpinionNewsArticle", "Opinion"],
    ["deeper", "AnalysisNewsArticle", "Analysis"],
    ["board", "OpinionNewsArticle", "Editorial"],
    ["paid", "AdvertiserContentArticle", "Sponsored"],
    ["book", "ReviewNewsArticle", "Review"],
    ["check", "NewsArticle", "Fact check"],
  ])("%s is a %s labelled %s before its headline, a search filter linking to its definition", (slug, type, label) => {
    const html = page(storyUrl(slug));
    expect(jsonLd(html)[0]?.["@type"]).toBe(type);
    const header = /<header class="article__header">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? "";
    const labelAt = header.indexOf(`>${label}</a>`);
    expect(labelAt).toBeGreaterThan(-1);
    expect(labelAt).toBeLessThan(header.indexOf("<h1"));
    expect(header).toMatch(new RegExp(`<a class="kind-label__kind" href="/about/#kind-[a-z]+" data-pagefind-filter="kind\\[data-pagefind-value\\]" data-pagefind-value="${label}" data-pagefind-meta="kind">${label}</a>`));
  });

  it("labels every card: the front page, the section and the related stories", () => {
    for (const html of [page("/"), page("/news/")]) {
      expect(html).toContain('<a class="kind-label__kind" href="/about/#kind-opinion">Opinion</a>');
      expect(html).toContain('<a class="kind-label__kind" href="/about/#kind-analysis">Analysis</a>');
      // A card is no search filter: only a story's own page says its kind to the search.
      expect(html).not.toContain("data-pagefind-filter=\"kind");
    }
  });

  it("the about page defines every label where the labels link", () => {
    const about = page("/about/");
    for (const [id, label] of [["news", "News"], ["opinion", "Opinion"], ["factcheck", "Fact check"], ["sponsored", "Sponsored"], ["satire", "Satire"]]) {
      expect(about).toContain(`<dt id="kind-${id}">${label}</dt>`);
    }
  });

  it("the Atom feed gives each entry its kind as a category, and its authors with their pages", () => {
    const feed = page("/feed.xml");
    expect(feed).toContain("<author><name>Ada Reyes</name><uri>https://news.example.com/authors/ada-reyes/</uri></author>");
    expect(feed).toContain('<category term="opinion" label="Opinion" scheme="https://news.example.com/about/#kinds"/>');
    expect(feed).toContain('<category term="factcheck" label="Fact check" scheme="https://news.example.com/about/#kinds"/>');
  });

  it("the JSON Feed gives each item its kind in its extension, and its authors (none for an unsigned story: the feed's publisher stands)", () => {
    interface Item { url: string; authors?: { name: string; url: string }[]; _newsroom: { about: string; kind: string; kind_label: string } }
    const feed = JSON.parse(page("/feed.json")) as { authors: { name: string }[]; items: Item[] };
    const item = (slug: string): Item => feed.items.find((candidate) => candidate.url.endsWith(`/${slug}/`)) as Item;
    expect(feed.items).toHaveLength(Object.keys(STORIES).length);
    expect(item("column")._newsroom).toEqual({ about: "https://news.example.com/about/#kinds", kind: "opinion", kind_label: "Opinion" });
    expect(item("check")._newsroom).toMatchObject({ kind: "factcheck", kind_label: "Fact check" });
    expect(item("plain")._newsroom).toMatchObject({ kind: "news", kind_label: "News" });
    expect(item("column").authors).toEqual([{ name: "Ada Reyes", url: "https://news.example.com/authors/ada-reyes/" }]);
    expect(item("board").authors).toBeUndefined();
    expect(feed.authors).toEqual([{ name: "Kind Courier" }]);
  });
});

describe("the kinds' rules on the page", () => {
  it("paid content says who paid, on its page and its cards; its outside links are sponsored; the news sitemap leaves it out", () => {
    const paid = page(storyUrl("paid"));
    expect(paid).toContain('<span class="kind-label__sponsor">Paid content from <a rel="sponsored" href="https://acme.example/">Acme Bank</a></span>');
    expect(paid).toContain('<a rel="sponsored" href="https://elsewhere.example/page">a link</a>');
    expect(paid).toContain('<a href="/about/">one of ours</a>');
    expect(page("/")).toContain("Paid content from <a rel=\"sponsored\" href=\"https://acme.example/\">Acme Bank</a>");
    // In the feeds too.
    expect(page("/feed.xml")).toContain("&lt;a rel=&quot;sponsored&quot; href=&quot;https://elsewhere.example/page&quot;&gt;a link&lt;/a&gt;");
    expect(page("/feed.json")).toContain('\\u003ca rel=\\"sponsored\\" href=\\"https://elsewhere.example/page\\"\\u003ea link');
    // Other stories' links are not sponsored.
    expect(page(storyUrl("plain"))).toContain('<a href="https://elsewhere.example/page">a link</a>');
    const sitemap = page("/news-sitemap.xml");
    expect(sitemap).toContain(storyUrl("plain"));
    expect(sitemap).toContain(storyUrl("column"));
    expect(sitemap).not.toContain(storyUrl("paid"));
    expect(jsonLd(paid)[0]?.sponsor).toEqual({ "@type": "Organization", name: "Acme Bank", url: "https://acme.example/" });
  });

  it("a review gives its item and rating; a fact check one ClaimReview per claim", () => {
    expect(jsonLd(page(storyUrl("book")))[0]).toMatchObject({ itemReviewed: { "@type": "Book", name: "The Salt Road" }, reviewRating: { "@type": "Rating", ratingValue: 4, bestRating: 5 } });
    const [checkArticle, claims] = jsonLd(page(storyUrl("check")));
    expect(checkArticle?.["@type"]).toBe("NewsArticle");
    expect(claims).toEqual([expect.objectContaining({ "@type": "ClaimReview", claimReviewed: "Crime doubled", reviewRating: { "@type": "Rating", alternateName: "False" } })]);
    expect(jsonLd(page(storyUrl("plain")))).toHaveLength(1);
  });

  it("a backstory and sources are shown as Behind the story, and in the JSON-LD", () => {
    const html = page(storyUrl("column"));
    expect(html).toContain('<h2 id="backstory-heading" class="backstory__heading">Behind the story</h2>');
    expect(html).toContain('<p class="backstory__text">We asked readers what they wanted from the budget.</p>');
    expect(html).toContain('<li><a href="https://city.example/budget.pdf">City budget 2026</a></li>');
    expect(jsonLd(html)[0]).toMatchObject({ backstory: "We asked readers what they wanted from the budget.", citation: [{ "@type": "CreativeWork", name: "City budget 2026", url: "https://city.example/budget.pdf" }] });
    expect(page(storyUrl("plain"))).not.toContain("Behind the story");
  });
});

describe("the newsroom's standards", () => {
  it("are on the publisher's structured data", () => {
    expect(jsonLd(page(storyUrl("plain")))[0]?.publisher).toMatchObject({ ethicsPolicy: "https://news.example.com/standards/ethics/", correctionsPolicy: "https://news.example.com/standards/corrections/", masthead: "https://news.example.com/masthead/" });
  });

  it("are a list on the about page, linked from every page's footer and from each byline", () => {
    const about = page("/about/");
    expect(about).toContain('<li><a href="/standards/ethics/">Ethics policy</a></li>');
    expect(about).toContain('<li><a href="/standards/corrections/">Corrections policy</a></li>');
    expect(about).toContain('<li><a href="https://news.example.com/masthead/">Masthead</a></li>');
    expect(about).toContain('id="standards"');
    for (const url of ["/", "/news/", "/about/", storyUrl("plain"), "/archive/"]) expect(page(url), url).toContain('<li><a href="/about/#standards">Standards</a></li>');
    expect(page(storyUrl("plain"))).toMatch(/<p class="article__byline">By [^\n]*<\/p>\n(?:<p class="article__byline-title">[^\n]*<\/p>\n)?<p class="article__standards"><a href="\/about\/#standards">Our standards<\/a><\/p>/);
  });
});

describe("authors' expertise", () => {
  it("is shown on the author page, a ProfilePage about the Person", () => {
    const html = page("/authors/ada-reyes/");
    expect(html).toContain("<dt>Expertise</dt><dd>City budget, Transit</dd>");
    expect(html).toContain("<dt>Based in</dt><dd>Riverton</dd>");
    expect(html).toContain("<dt>Languages</dt><dd>English, Spanish</dd>");
    expect(jsonLd(html)).toEqual([
      {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        url: "https://news.example.com/authors/ada-reyes/",
        mainEntity: { "@type": "Person", name: "Ada Reyes", url: "https://news.example.com/authors/ada-reyes/", jobTitle: "City hall reporter", knowsAbout: ["City budget", "Transit"], knowsLanguage: ["English", "Spanish"], workLocation: { "@type": "Place", name: "Riverton" } },
      },
    ]);
  });
});

describe("a site's own kinds (_data/kinds.json)", () => {
  it("relabel a kind, add one with its own URL segment, and define both on the about page", async () => {
    const kinds = { opinion: { label: "Comment" }, column: { label: "Column", definition: "A regular writer's view, every week.", schemaType: "OpinionNewsArticle", path: "columns" } };
    const built = await buildFiles({ ...SITE, "_data/kinds.json": JSON.stringify(kinds), "articles/plain.md": STORIES["articles/plain.md"], "articles/weekly.md": story("kind: column\nbyline: [ada-reyes]"), "articles/column.md": story("kind: opinion\nbyline: [ada-reyes]") }, { theme: {} });
    const weeklyUrl = [...built.keys()].find((url) => url.endsWith("/weekly/")) as string;
    expect(weeklyUrl).toMatch(/^\/news\/columns\/\d{4}\/\d{2}\/\d{2}\/weekly\/$/);
    const weekly = built.get(weeklyUrl)?.content ?? "";
    expect(weekly).toContain('href="/about/#kind-column" data-pagefind-filter="kind[data-pagefind-value]" data-pagefind-value="Column" data-pagefind-meta="kind">Column</a>');
    expect(jsonLd(weekly)[0]?.["@type"]).toBe("OpinionNewsArticle");
    expect(built.get("/")?.content).toContain(">Comment</a>");
    const about = built.get("/about/")?.content ?? "";
    expect(about).toContain('<dt id="kind-column">Column</dt>\n<dd>A regular writer&#39;s view, every week.</dd>');
    expect(about).toContain('<dt id="kind-opinion">Comment</dt>');
  }, 120_000);
});

describe("errors", () => {
  const buildError = async (files: Record<string, string>): Promise<string> => {
    try {
      await buildFiles({ ...SITE, ...files }, { theme: {} });
    } catch (error) {
      return messageChain(error);
    }
    throw new Error("expected the build to fail");
  };

  it("a misspelt kind stops with a did-you-mean", async () => {
    expect(await buildError({ "articles/story.md": story("kind: opnion\nbyline: [ada-reyes]") })).toMatch(/\[newsroom\] front matter kind in \S*story\.md: unknown kind: "opnion"\. Fix: did you mean "opinion"\?/);
  }, 60_000);

  it("paid content without a sponsor stops", async () => {
    expect(await buildError({ "articles/story.md": story("kind: sponsored") })).toMatch(/\[newsroom\] front matter sponsor in \S*story\.md: is missing: paid content must name who paid for it/);
  }, 60_000);

  it("a bad _data/kinds.json stops, naming the file", async () => {
    expect(await buildError({ "_data/kinds.json": JSON.stringify({ column: { label: "Column", definition: "A view.", schemaType: "Opinion" } }), "articles/story.md": story("") })).toMatch(/\[newsroom\] kinds column\.schemaType in \S*kinds\.json: is not one of the article types a kind may have, got: "Opinion"/);
  }, 60_000);

  it("a misspelt policy stops, with the one meant", async () => {
    const settings = JSON.parse(SITE["_data/site.json"]) as { organisation: Record<string, unknown> };
    settings.organisation.policies = { ethicPolicy: "/standards/ethics/" };
    expect(await buildError({ "_data/site.json": JSON.stringify(settings), "articles/story.md": story("") })).toMatch(/site settings organisation\.policies\.ethicPolicy in \S*site\.json: unknown key: "ethicPolicy"\. Fix: did you mean "ethicsPolicy"\?/);
  }, 60_000);

  it("a policy at a site path the build does not publish stops the build", async () => {
    const settings = JSON.parse(SITE["_data/site.json"]) as { organisation: Record<string, unknown> };
    settings.organisation.policies = { ...POLICIES, diversityPolicy: "/standards/diversity/" };
    const dir = await writeScratchSite({ ...SITE, "_data/site.json": JSON.stringify(settings), "articles/story.md": story("") });
    try {
      const message = await buildDirectory(dir, { theme: {}, write: true }).then(() => "built", messageChain);
      expect(message).toMatch(/\[newsroom\] site settings organisation\.policies\.diversityPolicy in \S*site\.json: the build published no page at this path: "\/standards\/diversity\/"/);
      // With the page written, the same site builds.
      const fixed = await writeScratchSite({ ...SITE, "articles/story.md": story("") });
      try {
        await buildDirectory(fixed, { theme: {}, write: true });
        expect(existsSync(path.join(fixed, "_site/standards/ethics/index.html"))).toBe(true);
      } finally {
        await rm(fixed, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
