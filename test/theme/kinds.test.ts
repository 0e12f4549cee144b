import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { resolveKinds } from "../../plugin/kinds.js";
import { validateArticle } from "../../plugin/theme/front-matter.js";
import { checkStoryKind, kindSegment, sponsoredLinks } from "../../plugin/theme/kinds.js";

const KINDS = resolveKinds(undefined);
const BASE = { title: "T", dek: "D", date: "2025-10-14T18:30:00-05:00", section: "news", byline: ["ada-reyes"] };
const REGISTRIES = { sections: { news: { name: "News" } }, authors: { "ada-reyes": { name: "Ada Reyes" } } };

function problem(data: Record<string, unknown>): string {
  try {
    checkStoryKind("articles/story.md", data, KINDS);
  } catch (error) {
    if (error instanceof NewsroomError) return error.message;
    throw error;
  }
  return "no error";
}

describe("a story's kind and what it asks for", () => {
  it("a story with no kind is news; a known kind passes with what it needs", () => {
    expect(checkStoryKind("a.md", {}, KINDS).schemaType).toBe("NewsArticle");
    expect(checkStoryKind("a.md", { kind: "opinion", byline: ["ada-reyes"] }, KINDS).schemaType).toBe("OpinionNewsArticle");
    expect(checkStoryKind("a.md", { kind: "editorial" }, KINDS).label).toBe("Editorial");
    expect(checkStoryKind("a.md", { kind: "review", itemReviewed: { type: "Book", name: "The Salt Road" }, rating: { value: 4, best: 5 } }, KINDS).id).toBe("review");
    expect(checkStoryKind("a.md", { kind: "factcheck", claims: [{ claim: "Crime doubled", claimant: "Mayor Doe", verdict: "False" }] }, KINDS).id).toBe("factcheck");
    expect(checkStoryKind("a.md", { kind: "sponsored", sponsor: { name: "Acme Bank", url: "https://acme.example/" } }, KINDS).schemaType).toBe("AdvertiserContentArticle");
  });

  it("an unknown kind stops the build with a did-you-mean", () => {
    expect(problem({ kind: "opnion" })).toMatch(/front matter kind in articles\/story\.md: unknown kind: "opnion"\. Fix: did you mean "opinion"\?/);
    expect(problem({ kind: ["opinion"] })).toMatch(/front matter kind .*must be one kind's name/);
  });

  it("opinion and analysis carry a person's byline; an editorial may be the organisation's", () => {
    expect(problem({ kind: "opinion" })).toMatch(/front matter byline in articles\/story\.md: opinion carries a person's byline \(only an editorial may be the organisation's\), got: "organisation"/);
    expect(problem({ kind: "analysis", byline: "organisation" })).toMatch(/analysis carries a person's byline/);
    expect(problem({ kind: "editorial", byline: "organisation" })).toBe("no error");
  });

  it("a review names what it reviews, and its rating lies on its scale", () => {
    expect(problem({ kind: "review" })).toMatch(/front matter itemReviewed .*is missing: a review names what it reviews/);
    expect(problem({ kind: "review", itemReviewed: { type: "book", name: "X" } })).toMatch(/itemReviewed\.type .*must be a schema\.org type name, got: "book"/);
    expect(problem({ kind: "review", itemReviewed: { type: "Book" } })).toMatch(/itemReviewed\.name .*is missing/);
    expect(problem({ kind: "review", itemReviewed: { type: "Book", name: "X" }, rating: { value: 6, best: 5 } })).toMatch(/front matter rating .*the value must lie between worst \(1\) and best \(5\)/);
    expect(problem({ kind: "review", itemReviewed: { type: "Book", name: "X" }, rating: { value: "four" } })).toMatch(/rating\.value .*must be a number/);
    expect(problem({ kind: "review", itemReviewed: { type: "Book", name: "X", auhtor: "Y" } })).toMatch(/itemReviewed\.auhtor .*unknown field/);
  });

  it("a fact check lists its claims, each with its claimant and verdict", () => {
    expect(problem({ kind: "factcheck" })).toMatch(/front matter claims .*is missing: a fact check lists the claims it checks/);
    expect(problem({ kind: "factcheck", claims: [{ claim: "Crime doubled", claimant: "Mayor Doe" }] })).toMatch(/claims\[0\]\.verdict .*is missing/);
    expect(problem({ kind: "factcheck", claims: [{ claim: "C", claimant: "D", verdict: "False", url: "javascript:alert(1)" }] })).toMatch(/claims\[0\]\.url .*must be an http\(s\) URL or a site path/);
  });

  it("paid content names its sponsor; a sponsor's address carries no password", () => {
    expect(problem({ kind: "sponsored" })).toMatch(/front matter sponsor in articles\/story\.md: is missing: paid content must name who paid for it\. Fix: write sponsor: \{ name: "Acme Bank"/);
    expect(problem({ kind: "sponsored", sponsor: "Acme" })).toMatch(/sponsor .*must be the sponsor's name and optional url, got: "Acme"/);
    expect(problem({ kind: "sponsored", sponsor: { name: "Acme", url: "https://user:secret@acme.example/" } })).toMatch(/sponsor\.url .*holds a user name or password/);
    expect(problem({ kind: "sponsored", sponsor: { name: "Acme", url: "https://user:secret@acme.example/" } })).not.toContain("secret");
  });

  it("a field only another kind reads is refused, not ignored", () => {
    expect(problem({ sponsor: { name: "Acme" } })).toMatch(/front matter sponsor .*is only read for kind sponsored, and this story is news \(it would be ignored\).*Fix: give kind: sponsored, or remove sponsor/);
    expect(problem({ kind: "opinion", byline: ["a"], rating: { value: 3 } })).toMatch(/front matter rating .*is only read for kind review/);
    expect(problem({ claims: [] })).toMatch(/front matter claims .*is only read for kind factcheck/);
  });

  it("a backstory of at most 600 characters, and sources each with a title and URL", () => {
    expect(problem({ backstory: "We read the council's minutes." })).toBe("no error");
    expect(problem({ backstory: "x".repeat(600) })).toBe("no error");
    expect(problem({ backstory: "x".repeat(601) })).toMatch(/front matter backstory .*is 601 characters, more than the 600 it may have/);
    expect(problem({ backstory: "" })).toMatch(/backstory .*must be non-empty text/);
    expect(problem({ sources: [{ title: "City budget", url: "https://city.example/budget.pdf" }, { title: "Minutes", url: "/documents/minutes/" }] })).toBe("no error");
    expect(problem({ sources: [{ title: "City budget" }] })).toMatch(/sources\[0\]\.url .*must be an http\(s\) URL or a site path/);
    expect(problem({ sources: "https://city.example/" })).toMatch(/front matter sources .*must be a list of sources/);
  });

  it("validateArticle checks the kind, and knows its fields", () => {
    const check = (data: Record<string, unknown>) => () => validateArticle("articles/story.md", { ...BASE, ...data }, { ...REGISTRIES, frontMatter: { ...BASE, ...data } });
    expect(check({ kind: "opnion" })).toThrow(/did you mean "opinion"\?/);
    expect(check({ kind: "sponsored" })).toThrow(/paid content must name who paid for it/);
    expect(check({ kind: "opinion", backstory: "Why we wrote it.", sources: [{ title: "A", url: "https://a.example/" }] })).not.toThrow();
    expect(check({ knd: "opinion" })).toThrow(/unknown field \(it would be ignored\): "knd"\. Fix: did you mean "kind"\?/);
    // A site's own kind, from _data/kinds.json.
    const kinds = resolveKinds({ column: { label: "Column", definition: "A view.", schemaType: "OpinionNewsArticle" } });
    expect(() => validateArticle("a.md", { ...BASE, kind: "column" }, { ...REGISTRIES, kinds })).not.toThrow();
    expect(() => validateArticle("a.md", { ...BASE, kind: "column", byline: "organisation" }, { ...REGISTRIES, kinds })).toThrow(/column carries a person's byline/);
  });
});

describe("paid content's outside links", () => {
  const site = "https://news.example.com";
  it("get rel=sponsored; the site's own links and anchors do not", () => {
    const html = '<p><a href="https://acme.example/offer">offer</a>, <a href="/about/">about</a>, <a href="#top">top</a>, <a href="https://news.example.com/x/">ours</a>, <a href="//cdn.example/x">cdn</a></p>';
    expect(sponsoredLinks(html, site)).toBe('<p><a rel="sponsored" href="https://acme.example/offer">offer</a>, <a href="/about/">about</a>, <a href="#top">top</a>, <a href="https://news.example.com/x/">ours</a>, <a rel="sponsored" href="//cdn.example/x">cdn</a></p>');
  });
  it("adds to a rel the link has, once", () => {
    expect(sponsoredLinks('<a href="https://a.example/" rel="noopener">a</a>', site)).toBe('<a href="https://a.example/" rel="noopener sponsored">a</a>');
    expect(sponsoredLinks('<a href="https://a.example/" rel="sponsored">a</a>', site)).toBe('<a href="https://a.example/" rel="sponsored">a</a>');
  });
  it("leaves text that looks like a link alone", () => {
    const html = "<pre>&lt;a href=\"https://a.example/\"&gt;</pre>";
    expect(sponsoredLinks(html, site)).toBe(html);
  });
});

describe("a kind's URL segment", () => {
  it("goes after the section when the kind has one", () => {
    const siteKinds = { opinion: { path: "opinion" } };
    expect(kindSegment(siteKinds, "opinion", "_data/kinds.json")).toBe("opinion/");
    expect(kindSegment(siteKinds, undefined, "_data/kinds.json")).toBe("");
    expect(kindSegment(undefined, "opinion", "_data/kinds.json")).toBe("");
    // Unknown here: the story's check names it.
    expect(kindSegment(siteKinds, "opnion", "_data/kinds.json")).toBe("");
  });
});
