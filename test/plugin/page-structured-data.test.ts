import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { absoluteSiteUrl, pageStructuredData } from "../../plugin/page-structured-data.js";
import { resolveSpeakerId } from "../../plugin/speakers.js";
import { registry } from "../helpers/registry.js";

describe("absoluteSiteUrl", () => {
  it.each([
    ["/world/story/", "https://news.example.com", "/", "https://news.example.com/world/story/"],
    ["/world/story/", "https://user.github.io", "/repo/", "https://user.github.io/repo/world/story/"],
    ["assets/logo.svg", "https://user.github.io/", "/repo", "https://user.github.io/repo/assets/logo.svg"],
    ["https://cdn.example.org/logo.png", "https://news.example.com", "/repo/", "https://cdn.example.org/logo.png"],
  ])("%s on %s under %s", (sitePath, siteUrl, prefix, expected) => {
    expect(absoluteSiteUrl(sitePath, siteUrl, prefix)).toBe(expected);
  });
});

describe("pageStructuredData maps a page's data onto NewsArticle", () => {
  const options = resolveOptions({
    siteUrl: "https://user.github.io",
    timeZone: "America/New_York",
    language: "en-US",
    publisher: { name: "The Newsroom", logo: { url: "/assets/logo.svg", width: 600, height: 60 } },
    authorUrl: (id: string) => `/authors/${id}/`,
  });
  const base = {
    page: { inputPath: "./src/articles/story.md", url: "/world/story/" },
    quotations: [{ kind: "inline" as const, text: "He can come to Kyiv,", speaker: resolveSpeakerId("zelenskyy", registry, "test") }],
    options,
    pathPrefix: "/repo/",
    speakerLink: () => "/speakers/zelenskyy/",
    standaloneCities: [],
  };
  const data = {
    title: "Headline",
    dek: "Standfirst",
    date: new Date("2025-09-05T23:00:00Z"),
    updated: "2025-09-06T08:00:00-04:00",
    section: "world",
    sections: { world: { name: "World" } },
    byline: ["ada"],
    authors: { ada: { name: "Ada Reyes", sameAs: ["https://example.org/ada"] } },
    tags: ["Ukraine"],
    dateline: "Kyiv, Ukraine",
    datelineAgency: "AP",
    corrections: [
      { date: "2025-09-07", text: "An earlier version misdated the meeting." },
      { date: "2025-09-06T09:00:00-04:00", text: "An earlier version misspelled a name." },
    ],
  };

  it("every field lands where the README says", () => {
    const ld = pageStructuredData({ ...base, data });
    expect(ld).toMatchObject({
      url: "https://user.github.io/repo/world/story/",
      headline: "Headline",
      description: "Standfirst",
      datePublished: "2025-09-05T19:00:00-04:00",
      // The latest correction moves the modified date past `updated`.
      dateModified: "2025-09-07",
      author: [{ "@type": "Person", name: "Ada Reyes", url: "https://user.github.io/repo/authors/ada/", sameAs: ["https://example.org/ada"] }],
      publisher: { name: "The Newsroom", url: "https://user.github.io/repo/", logo: { url: "https://user.github.io/repo/assets/logo.svg", width: 600, height: 60 } },
      articleSection: "World",
      keywords: ["Ukraine"],
      dateline: "KYIV, Ukraine (AP)",
      // In date order, whatever order they were written in.
      correction: [
        { "@type": "CorrectionComment", text: "An earlier version misspelled a name.", datePublished: "2025-09-06T09:00:00-04:00" },
        { "@type": "CorrectionComment", text: "An earlier version misdated the meeting.", datePublished: "2025-09-07" },
      ],
      inLanguage: "en-US",
    });
    expect((ld.hasPart as { creator: { url: string } }[])[0]?.creator.url).toBe("https://user.github.io/repo/speakers/zelenskyy/");
  });

  it("without corrections, the modified date is `updated`", () => {
    const { corrections: _ignored, ...uncorrected } = data;
    expect(pageStructuredData({ ...base, data: uncorrected }).dateModified).toBe("2025-09-06T08:00:00-04:00");
  });

  it("refuses the 0.1 correction fields, saying what to write now", () => {
    expect(() => pageStructuredData({ ...base, data: { ...data, corrections: undefined, correction: "Fixed." } })).toThrow(
      /front matter correction in \.\/src\/articles\/story\.md: is no longer read .* Fix: write corrections: \[\{ date: 2025-10-15, text: /,
    );
  });

  it("asks for siteUrl and publisher when they are missing", () => {
    expect(() => pageStructuredData({ ...base, data, options: resolveOptions({}) })).toThrow("[newsroom] newsArticleJsonLd: needs the siteUrl and publisher options");
  });

  it("names an unknown author id and the page", () => {
    expect(() => pageStructuredData({ ...base, data: { ...data, byline: ["bob"] } })).toThrow('[newsroom] newsArticleJsonLd in ./src/articles/story.md: unknown author id: "bob"');
  });

  it("refuses a page without a URL", () => {
    expect(() => pageStructuredData({ ...base, page: { inputPath: "./x.md", url: false }, data })).toThrow("found no data for this page");
  });
});
