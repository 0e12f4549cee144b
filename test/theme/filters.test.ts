/**
 * The theme's filters that place or encode user text: the front-matter dateline and the values
 * Pagefind reads.
 */
import { describe, expect, it } from "vitest";
import { AP_STANDALONE_CITIES } from "../../plugin/data/standalone-cities.js";
import { themeFilters } from "../../plugin/theme/filters.js";

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
