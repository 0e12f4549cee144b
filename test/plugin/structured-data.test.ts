import { describe, expect, it } from "vitest";
import type { QuotationRecord } from "../../plugin/quotation-record.js";
import { resolveSpeaker, type SpeakerRegistry } from "../../plugin/speakers.js";
import {
  newsArticleJsonLd,
  renderJsonLdScript,
  type NewsArticleData,
} from "../../plugin/structured-data.js";
import { thrownBy } from "../helpers/errors.js";

const REGISTRY: SpeakerRegistry = {
  zelenskyy: {
    name: "Volodymyr Zelenskyy",
    title: "President",
    affiliation: "Ukrainian",
    description: "president of Ukraine",
    sameAs: ["https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy"],
  },
  sybiha: {
    name: "Andrii Sybiha",
    description: "Ukraine’s foreign minister",
    url: "/speakers/sybiha/",
  },
};
const zelenskyy = resolveSpeaker("zelenskyy", REGISTRY, "test");
const sybiha = resolveSpeaker("sybiha", REGISTRY, "test");

const PUBLISHER = {
  name: "The Daily Planet",
  url: "https://news.example.com/",
  logo: { url: "https://news.example.com/logo.png", width: 600, height: 60 },
  sameAs: ["https://en.wikipedia.org/wiki/Daily_Planet"],
};
const ARTICLE_URL = "https://news.example.com/2025/09/kyiv-talks/";

function minimal(overrides: Partial<NewsArticleData> = {}): NewsArticleData {
  return {
    url: ARTICLE_URL,
    headline: "Kyiv talks resume",
    datePublished: "2025-09-05T19:00:00-04:00",
    publisher: PUBLISHER,
    ...overrides,
  };
}

/** Every path in `value` whose value is undefined, null, an empty string or an empty array. */
function emptyPaths(value: unknown, path = "$"): string[] {
  if (value === undefined || value === null || value === "") return [path];
  if (Array.isArray(value)) {
    if (value.length === 0) return [path];
    return value.flatMap((item, index) => emptyPaths(item, `${path}[${index}]`));
  }
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => emptyPaths(item, `${path}.${key}`));
  }
  return [];
}

describe("newsArticleJsonLd: full example", () => {
  const quotations: QuotationRecord[] = [
    {
      kind: "inline",
      text: "We are ready for a meeting at the level of leaders.",
      speaker: zelenskyy,
      date: "2025-09-04",
      cite: "https://www.president.gov.ua/en/news/statement",
    },
    { kind: "quote", text: "Diplomacy needs strength behind it.", speaker: sybiha },
    // The pull quote repeats the inline quotation: it must appear once.
    { kind: "pullquote", text: "We are ready for a meeting at the level of leaders.", speaker: zelenskyy },
  ];

  it("builds the NewsArticle for a story credited to the organisation", () => {
    const result = newsArticleJsonLd({
      url: ARTICLE_URL,
      headline: "Zelenskyy says Ukraine is ready for leaders’ meeting",
      description: "Ukraine’s president said talks could resume within weeks.",
      datePublished: "2025-09-05T19:00:00-04:00",
      dateModified: "2025-09-06T08:30:00-04:00",
      zone: "America/New_York",
      publisher: PUBLISHER,
      section: "World",
      keywords: ["Ukraine", "Russia", "diplomacy"],
      dateline: { place: "Kyiv, Ukraine", agency: "AP" },
      corrections: [
        { text: "An earlier version misstated the date of the meeting.", date: "2025-09-06T08:30:00-04:00" },
        { text: "An earlier version misspelled a minister's name.", date: "2025-09-07" },
      ],
      quotations,
      image: ["https://news.example.com/photos/kyiv-1x1.jpg"],
      inLanguage: "en-US",
      speakerUrl: (speaker) => (speaker.id === "zelenskyy" ? "https://news.example.com/speakers/zelenskyy/" : undefined),
    });

    expect(result).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Zelenskyy says Ukraine is ready for leaders’ meeting",
      description: "Ukraine’s president said talks could resume within weeks.",
      url: ARTICLE_URL,
      mainEntityOfPage: { "@type": "WebPage", "@id": ARTICLE_URL },
      datePublished: "2025-09-05T19:00:00-04:00",
      dateModified: "2025-09-06T08:30:00-04:00",
      author: [{ "@type": "NewsMediaOrganization", name: "The Daily Planet", url: "https://news.example.com/" }],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "The Daily Planet",
        url: "https://news.example.com/",
        logo: { "@type": "ImageObject", url: "https://news.example.com/logo.png", width: 600, height: 60 },
        sameAs: ["https://en.wikipedia.org/wiki/Daily_Planet"],
      },
      articleSection: "World",
      keywords: ["Ukraine", "Russia", "diplomacy"],
      inLanguage: "en-US",
      image: ["https://news.example.com/photos/kyiv-1x1.jpg"],
      dateline: "KYIV, Ukraine (AP)",
      locationCreated: { "@type": "Place", name: "Kyiv, Ukraine" },
      correction: [
        { "@type": "CorrectionComment", text: "An earlier version misstated the date of the meeting.", datePublished: "2025-09-06T08:30:00-04:00" },
        // A correction dated by its day alone stays a day: no time is invented for it.
        { "@type": "CorrectionComment", text: "An earlier version misspelled a minister's name.", datePublished: "2025-09-07" },
      ],
      hasPart: [
        {
          "@type": "Quotation",
          text: "We are ready for a meeting at the level of leaders.",
          creator: {
            "@type": "Person",
            name: "Volodymyr Zelenskyy",
            description: "president of Ukraine",
            sameAs: ["https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy"],
            url: "https://news.example.com/speakers/zelenskyy/",
          },
          dateCreated: "2025-09-04",
          citation: "https://www.president.gov.ua/en/news/statement",
        },
        {
          "@type": "Quotation",
          text: "Diplomacy needs strength behind it.",
          creator: {
            "@type": "Person",
            name: "Andrii Sybiha",
            description: "Ukraine’s foreign minister",
            // speakerUrl returned undefined: the entry's site-relative url, made absolute.
            url: "https://news.example.com/speakers/sybiha/",
          },
        },
      ],
    });
  });

  it("keeps a quotation with the same words by a different speaker", () => {
    const result = newsArticleJsonLd(
      minimal({
        quotations: [
          { kind: "inline", text: "No comment.", speaker: zelenskyy },
          { kind: "inline", text: "No comment.", speaker: sybiha },
          { kind: "pullquote", text: "  No   comment. ", speaker: sybiha },
        ],
      }),
    );
    const parts = result.hasPart as Array<{ text: string; creator: { name: string } }>;
    expect(parts.map((part) => [part.text, part.creator.name])).toEqual([
      ["No comment.", "Volodymyr Zelenskyy"],
      ["No comment.", "Andrii Sybiha"],
    ]);
  });

  it("includes the filing date in the dateline text when given", () => {
    const result = newsArticleJsonLd(
      minimal({ zone: "Europe/Kyiv", dateline: { place: "Kyiv, Ukraine", agency: "AP", date: "2025-09-05T23:30:00-04:00" } }),
    );
    // 23:30 in New York is already Sept. 6 in Kyiv.
    expect(result.dateline).toBe("KYIV, Ukraine, Sept. 6 (AP)");
  });

  it("accepts standalone cities from the option", () => {
    const result = newsArticleJsonLd(minimal({ dateline: { place: "Springfield", standaloneCities: ["Springfield"] } }));
    expect(result.dateline).toBe("SPRINGFIELD");
    expect(result.locationCreated).toEqual({ "@type": "Place", name: "Springfield" });
  });
});

describe("newsArticleJsonLd: authors", () => {
  it("writes Person authors with url and sameAs, and organisations as Organization", () => {
    const result = newsArticleJsonLd(
      minimal({
        authors: [
          {
            name: "Jane Reporter",
            url: "https://news.example.com/staff/jane-reporter/",
            sameAs: ["https://twitter.com/janereporter", "https://www.linkedin.com/in/janereporter"],
          },
          { name: "Sam Stringer", url: "/staff/sam-stringer/", description: "Kyiv correspondent" },
          { name: "Associated Press", kind: "organization", url: "https://apnews.com/" },
        ],
      }),
    );
    expect(result.author).toEqual([
      {
        "@type": "Person",
        name: "Jane Reporter",
        url: "https://news.example.com/staff/jane-reporter/",
        sameAs: ["https://twitter.com/janereporter", "https://www.linkedin.com/in/janereporter"],
      },
      {
        "@type": "Person",
        name: "Sam Stringer",
        url: "https://news.example.com/staff/sam-stringer/",
        description: "Kyiv correspondent",
      },
      { "@type": "Organization", name: "Associated Press", url: "https://apnews.com/" },
    ]);
  });

  it("credits the publisher when authors is empty", () => {
    expect(newsArticleJsonLd(minimal({ authors: [] })).author).toEqual([
      { "@type": "NewsMediaOrganization", name: "The Daily Planet", url: "https://news.example.com/" },
    ]);
  });
});

describe("newsArticleJsonLd: dates", () => {
  it("shows a JS Date in the given zone with its offset", () => {
    const result = newsArticleJsonLd(
      minimal({ datePublished: new Date("2025-09-05T23:00:00Z"), zone: "America/New_York" }),
    );
    expect(result.datePublished).toBe("2025-09-05T19:00:00-04:00");
    // dateModified defaults to datePublished.
    expect(result.dateModified).toBe("2025-09-05T19:00:00-04:00");
  });

  it("uses the winter offset in winter", () => {
    const result = newsArticleJsonLd(minimal({ datePublished: new Date("2025-01-15T17:00:00Z"), zone: "America/New_York" }));
    expect(result.datePublished).toBe("2025-01-15T12:00:00-05:00");
  });

  it("reads an offset-less string as wall-clock time in the zone", () => {
    const result = newsArticleJsonLd(
      minimal({ datePublished: "2025-09-05T09:00", dateModified: "2025-09-05T11:15", zone: "Europe/Kyiv" }),
    );
    expect(result.datePublished).toBe("2025-09-05T09:00:00+03:00");
    expect(result.dateModified).toBe("2025-09-05T11:15:00+03:00");
  });

  it("keeps a string's own offset when no zone is given", () => {
    expect(newsArticleJsonLd(minimal()).datePublished).toBe("2025-09-05T19:00:00-04:00");
  });
});

describe("newsArticleJsonLd: omitted keys", () => {
  it("leaves out every optional key that has no value", () => {
    const result = newsArticleJsonLd(
      minimal({
        description: "",
        section: "   ",
        keywords: [],
        image: [],
        inLanguage: undefined,
        authors: [{ name: "Jane Reporter", url: "", sameAs: [] }],
        quotations: [{ kind: "inline", text: "Words.", speaker: resolveSpeaker("Jane Doe", REGISTRY, "test"), cite: "" }],
        publisher: { name: "The Daily Planet", url: "https://news.example.com/", logo: { url: "https://news.example.com/logo.png" } },
      }),
    );
    expect(emptyPaths(result)).toEqual([]);
    expect(Object.keys(result).sort()).toEqual(
      [
        "@context", "@type", "headline", "url", "mainEntityOfPage", "datePublished", "dateModified",
        "author", "publisher", "hasPart",
      ].sort(),
    );
    expect(result.publisher).toEqual({
      "@type": "NewsMediaOrganization",
      name: "The Daily Planet",
      url: "https://news.example.com/",
      logo: { "@type": "ImageObject", url: "https://news.example.com/logo.png" },
    });
    expect(result.author).toEqual([{ "@type": "Person", name: "Jane Reporter" }]);
    expect(result.hasPart).toEqual([{ "@type": "Quotation", text: "Words.", creator: { "@type": "Person", name: "Jane Doe" } }]);
  });

  it("has no empty values in the full example either", () => {
    const result = newsArticleJsonLd(
      minimal({
        dateline: { place: "Kyiv, Ukraine" },
        corrections: [{ text: "Fixed a name." }],
        quotations: [{ kind: "quote", text: "Yes.", speaker: sybiha }],
      }),
    );
    expect(emptyPaths(result)).toEqual([]);
    expect(result.correction).toEqual([{ "@type": "CorrectionComment", text: "Fixed a name." }]);
    expect(result.dateline).toBe("KYIV, Ukraine");
    expect(JSON.stringify(result)).not.toMatch(/null|""/);
  });

  it("drops blank keywords and quotations", () => {
    const result = newsArticleJsonLd(
      minimal({ keywords: ["", " Ukraine ", "  "], quotations: [{ kind: "inline", text: "  ", speaker: sybiha }] }),
    );
    expect(result.keywords).toEqual(["Ukraine"]);
    expect(result).not.toHaveProperty("hasPart");
  });
});

describe("newsArticleJsonLd: errors", () => {
  it("rejects a relative article URL, naming the field and value", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ url: "/2025/09/kyiv-talks/" })));
    expect(error.where).toBe("newsArticleJsonLd");
    expect(error.message).toContain("url must be an absolute http(s) URL");
    expect(error.message).toContain('"/2025/09/kyiv-talks/"');
    expect(error.fix).toMatch(/https:\/\//);
  });

  it("rejects a non-http article URL", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ url: "javascript:alert(1)" })));
    expect(error.message).toContain('"javascript:alert(1)"');
  });

  it("rejects a relative publisher URL and logo URL", () => {
    const publisherError = thrownBy(() => newsArticleJsonLd(minimal({ publisher: { ...PUBLISHER, url: "news.example.com" } })));
    expect(publisherError.where).toBe("newsArticleJsonLd");
    expect(publisherError.message).toContain("publisher.url");
    expect(publisherError.message).toContain('"news.example.com"');

    const logoError = thrownBy(() =>
      newsArticleJsonLd(minimal({ publisher: { ...PUBLISHER, logo: { url: "/logo.png" } } })),
    );
    expect(logoError.where).toBe("newsArticleJsonLd");
    expect(logoError.message).toContain("publisher.logo.url");
    expect(logoError.message).toContain('"/logo.png"');
  });

  it("rejects a relative image URL", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ image: ["photo.jpg"] })));
    expect(error.message).toContain("image[0]");
  });

  it("rejects an empty or blank headline", () => {
    for (const headline of ["", "   "]) {
      const error = thrownBy(() => newsArticleJsonLd(minimal({ headline })));
      expect(error.where).toBe("newsArticleJsonLd");
      expect(error.message).toContain("headline");
    }
  });

  it("keeps a long headline whole", () => {
    const headline = "A".repeat(150);
    expect(newsArticleJsonLd(minimal({ headline })).headline).toBe(headline);
  });

  it("names an unreadable date in the message", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ datePublished: "Sept. 5th" })));
    expect(error.message).toContain('"Sept. 5th"');
    expect(error.message).toContain("datePublished");
    const modified = thrownBy(() => newsArticleJsonLd(minimal({ dateModified: "2025-02-30" })));
    expect(modified.message).toContain('"2025-02-30"');
  });

  it("rejects an unknown zone", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ zone: "Eastern" })));
    expect(error.message).toContain('"Eastern"');
  });

  it("passes dateline errors through", () => {
    const error = thrownBy(() => newsArticleJsonLd(minimal({ dateline: { place: "Kharkiv" } })));
    expect(error.message).toContain("Kharkiv");
  });

  it("rejects a speaker URL with an unsafe scheme", () => {
    const error = thrownBy(() =>
      newsArticleJsonLd(
        minimal({
          quotations: [{ kind: "quote", text: "Yes.", speaker: sybiha }],
          speakerUrl: () => "javascript:alert(1)",
        }),
      ),
    );
    expect(error.message).toContain("javascript:alert(1)");
  });
});

describe("renderJsonLdScript", () => {
  const HOSTILE = "Breaking </script><script>alert(1)</script> <!-- --> line\u2028separator & more";

  it("wraps the JSON in one script element, on one line", () => {
    const html = renderJsonLdScript(newsArticleJsonLd(minimal()));
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(html.endsWith("</script>")).toBe(true);
    expect(html).not.toContain("\n");
  });

  it("cannot be broken out of, and round-trips the hostile headline", () => {
    const html = renderJsonLdScript(newsArticleJsonLd(minimal({ headline: HOSTILE })));
    const open = '<script type="application/ld+json">';
    const inner = html.slice(open.length, -"</script>".length);
    expect(html.toLowerCase().indexOf("</script")).toBe(html.length - "</script>".length);
    expect(html).not.toContain("<!--");
    expect(inner).not.toContain("<");
    expect(inner).not.toContain("\u2028");
    const parsed = JSON.parse(inner) as { headline: string };
    expect(parsed.headline).toBe(HOSTILE);
  });

  it("rejects a value that is not JSON", () => {
    const error = thrownBy(() => renderJsonLdScript(undefined));
    expect(error.where).toBe("renderJsonLdScript");
  });
});

describe("Google Article structured data fields", () => {
  // https://developers.google.com/search/docs/appearance/structured-data/article
  function checkGoogleArticle(result: Record<string, unknown>): void {
    expect(["NewsArticle", "Article", "BlogPosting"]).toContain(result["@type"]);
    expect(typeof result.headline).toBe("string");
    expect((result.headline as string).length).toBeGreaterThan(0);
    for (const field of ["datePublished", "dateModified"]) {
      // ISO 8601 with a time zone designator.
      expect(result[field]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    }
    if ("image" in result) {
      for (const image of result.image as string[]) expect(new URL(image).protocol).toBe("https:");
    }
    const authors = result.author as Array<Record<string, unknown>>;
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) {
      expect(["Person", "Organization", "NewsMediaOrganization"]).toContain(author["@type"]);
      expect(typeof author.name).toBe("string");
      expect((author.name as string).length).toBeGreaterThan(0);
    }
    const publisher = result.publisher as Record<string, unknown>;
    expect(typeof publisher.name).toBe("string");
    expect((publisher.logo as { url: string }).url).toMatch(/^https?:\/\//);
  }

  it("holds for a minimal article without images", () => {
    const result = newsArticleJsonLd(minimal());
    expect(result).not.toHaveProperty("image");
    checkGoogleArticle(result);
  });

  it("holds for an article with images and bylines", () => {
    checkGoogleArticle(
      newsArticleJsonLd(
        minimal({
          image: ["https://news.example.com/a-16x9.jpg", "https://news.example.com/a-4x3.jpg"],
          authors: [{ name: "Jane Reporter" }],
          datePublished: new Date("2025-09-05T12:00:00Z"),
        }),
      ),
    );
  });
});
