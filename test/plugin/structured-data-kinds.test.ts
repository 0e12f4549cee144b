/** The kinds and trust fields in a story's structured data: its type, review, fact check, sponsor, backstory, sources, and the publisher's policies. */
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { pageClaims, pageStructuredData } from "../../plugin/page-structured-data.js";
import { claimReviewsJsonLd, newsArticleJsonLd, type NewsArticleData } from "../../plugin/structured-data.js";

const PUBLISHER = { name: "The Daily Planet", url: "https://news.example.com/", logo: { url: "https://news.example.com/logo.png" } };
const URL_ = "https://news.example.com/opinion/2025/09/05/a/";
const article = (overrides: Partial<NewsArticleData> = {}) => newsArticleJsonLd({ url: URL_, headline: "H", datePublished: "2025-09-05T19:00:00-04:00", publisher: PUBLISHER, ...overrides });

describe("a kind's type and fields in the NewsArticle", () => {
  it("uses the kind's schema type, NewsArticle by default", () => {
    expect(article()["@type"]).toBe("NewsArticle");
    expect(article({ type: "OpinionNewsArticle" })["@type"]).toBe("OpinionNewsArticle");
    expect(article({ type: "AnalysisNewsArticle" })["@type"]).toBe("AnalysisNewsArticle");
  });

  it("a review's item and rating, paid content's sponsor, the backstory and the sources", () => {
    const review = article({ type: "ReviewNewsArticle", itemReviewed: { type: "Book", name: "The Salt Road" }, rating: { value: 4 } });
    expect(review.itemReviewed).toEqual({ "@type": "Book", name: "The Salt Road" });
    expect(review.reviewRating).toEqual({ "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1 });
    const sponsored = article({ type: "AdvertiserContentArticle", sponsor: { name: "Acme Bank", url: "https://acme.example/" } });
    expect(sponsored.sponsor).toEqual({ "@type": "Organization", name: "Acme Bank", url: "https://acme.example/" });
    const traced = article({ backstory: "We read 400 pages of minutes.", sources: [{ title: "Minutes", url: "/docs/minutes.pdf" }] });
    expect(traced.backstory).toBe("We read 400 pages of minutes.");
    expect(traced.citation).toEqual([{ "@type": "CreativeWork", name: "Minutes", url: "https://news.example.com/docs/minutes.pdf" }]);
    expect(article()).not.toHaveProperty("backstory");
    expect(article()).not.toHaveProperty("citation");
  });

  it("one ClaimReview per claim of a fact check, by the publisher, pointing at the story", () => {
    const checked = article();
    const reviews = claimReviewsJsonLd(checked, [
      { claim: "Crime doubled last year", claimant: "Mayor Jane Doe", verdict: "False", url: "https://social.example/@mayor/1" },
      { claim: "Taxes fell", claimant: "Council", verdict: "Mostly true" },
    ]);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: URL_,
      claimReviewed: "Crime doubled last year",
      datePublished: "2025-09-05T19:00:00-04:00",
      author: { "@type": "NewsMediaOrganization", name: "The Daily Planet", url: "https://news.example.com/" },
      itemReviewed: { "@type": "Claim", author: { name: "Mayor Jane Doe" }, appearance: { "@type": "CreativeWork", url: "https://social.example/@mayor/1" } },
      reviewRating: { "@type": "Rating", alternateName: "False" },
    });
    expect(reviews[1]?.itemReviewed).toEqual({ "@type": "Claim", author: { name: "Council" } });
  });

  it("the publisher's policies, site paths made absolute", () => {
    const withPolicies = article({ publisher: { ...PUBLISHER, policies: { ethicsPolicy: "/standards/ethics/", masthead: "https://news.example.com/masthead/" } } });
    expect(withPolicies.publisher).toMatchObject({ ethicsPolicy: "https://news.example.com/standards/ethics/", masthead: "https://news.example.com/masthead/" });
  });
});

describe("from a page's data", () => {
  const options = resolveOptions({ siteUrl: "https://news.example.com", publisher: { name: "The Planet", logo: "/logo.png", policies: { correctionsPolicy: "/standards/corrections/" } } });
  const build = (data: Record<string, unknown>, pathPrefix = "/") =>
    pageStructuredData({ page: { url: "/news/2025/09/05/a/", inputPath: "./articles/a.md", date: new Date("2025-09-05T12:00:00Z") } as never, data: { title: "H", date: "2025-09-05T19:00:00-04:00", ...data }, quotations: [], options, pathPrefix, speakerLink: () => undefined, standaloneCities: [] });

  it("reads the kind, a site's own kinds and the kind's fields", () => {
    expect(build({})["@type"]).toBe("NewsArticle");
    expect(build({ kind: "opinion" })["@type"]).toBe("OpinionNewsArticle");
    expect(build({ kind: "column", kinds: { column: { label: "Column", definition: "A view.", schemaType: "OpinionNewsArticle" } } })["@type"]).toBe("OpinionNewsArticle");
    expect(build({ kind: "satire" })["@type"]).toBe("SatiricalArticle");
    const sponsored = build({ kind: "sponsored", sponsor: { name: "Acme", url: "/partners/acme/" }, sources: [{ title: "Report", url: "/r/" }] }, "/gazette/");
    expect(sponsored["@type"]).toBe("AdvertiserContentArticle");
    expect(sponsored.sponsor).toEqual({ "@type": "Organization", name: "Acme", url: "https://news.example.com/gazette/partners/acme/" });
    expect(sponsored.citation).toEqual([{ "@type": "CreativeWork", name: "Report", url: "https://news.example.com/gazette/r/" }]);
    expect((sponsored.publisher as Record<string, unknown>).correctionsPolicy).toBe("https://news.example.com/gazette/standards/corrections/");
  });

  it("a review's item and a claim's appearance at a site path carry the path prefix", () => {
    expect(build({ kind: "review", itemReviewed: { type: "Book", name: "B", url: "/books/b/" } }, "/gazette/").itemReviewed).toEqual({ "@type": "Book", name: "B", url: "https://news.example.com/gazette/books/b/" });
    expect(pageClaims({ claims: [{ claim: "C", claimant: "D", verdict: "False", url: "/transcripts/1/" }] }, "https://news.example.com", "/gazette/")).toEqual([{ claim: "C", claimant: "D", verdict: "False", url: "https://news.example.com/gazette/transcripts/1/" }]);
    expect(pageClaims({}, "https://news.example.com", "/")).toEqual([]);
  });

  it("an unknown kind stops, naming the file", () => {
    expect(() => build({ kind: "opnion" })).toThrow(/front matter kind in \.\/articles\/a\.md: unknown kind: "opnion"\. Fix: did you mean "opinion"\?/);
  });
});

describe("the publisher option's policies", () => {
  it("knows each policy's name and takes links only", () => {
    const publisher = { name: "P", logo: "/logo.png" };
    expect(() => resolveOptions({ publisher: { ...publisher, policies: { ethicsPolicy: "/ethics/" } } })).not.toThrow();
    expect(() => resolveOptions({ publisher: { ...publisher, policies: { ethicPolicy: "/ethics/" } } })).toThrow(/unknown policy: "ethicPolicy"\. Fix: did you mean "ethicsPolicy"\?/);
    expect(() => resolveOptions({ publisher: { ...publisher, policies: { ethicsPolicy: "javascript:alert(1)" } } })).toThrow(/policies\.ethicsPolicy must be an absolute http\(s\) URL or a site path/);
    expect(() => resolveOptions({ publisher: { ...publisher, policies: { masthead: "https://u:p@news.example.com/" } } })).toThrow(/holds a user name or password/);
  });
});
