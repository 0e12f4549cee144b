/**
 * The same shortcodes and filters in Nunjucks, Liquid, Markdown (preprocessed by either) and
 * 11ty.js must give the same HTML: users' templates depend on it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { EleventyPageResult } from "@11ty/eleventy";
import { buildFixture, fragment } from "../helpers/build.js";
import { EXPECTED, LANGUAGES } from "../helpers/language-expectations.js";

describe("every template language gives the same HTML", () => {
  let pages: Map<string, EleventyPageResult>;
  beforeAll(async () => {
    pages = await buildFixture("languages", { plugin: { timeZone: "America/New_York" } });
  });

  it("built one page per language", () => {
    for (const url of LANGUAGES) expect(pages.has(url), url).toBe(true);
  });

  describe.each(LANGUAGES)("%s", (url) => {
    it.each(Object.keys(EXPECTED))("%s", (id) => {
      expect(fragment((pages.get(url) as EleventyPageResult).content, id)).toBe(EXPECTED[id]);
    });
  });

  it("starts every page with first references: state is per page", () => {
    for (const url of LANGUAGES) {
      expect(fragment((pages.get(url) as EleventyPageResult).content, "first")).toContain("nr-speaker--full");
    }
  });

  describe("markdown specifics", () => {
    it("keeps shortcode blocks as HTML, never as code blocks or split paragraphs", () => {
      const html = (pages.get("/markdown-nunjucks/") as EleventyPageResult).content;
      expect(html).not.toContain("<pre>");
      expect(html).not.toContain("<code>");
      expect(html).not.toMatch(/<p><aside|<p><figure|<\/aside><\/p>|<\/figure><\/p>/);
    });

    it("keeps a dateline inside the paragraph it opens", () => {
      const html = (pages.get("/markdown-nunjucks/") as EleventyPageResult).content;
      expect(html).toContain(
        '<p><span class="nr-dateline"><span class="nr-dateline__place">MOSCOW</span> —</span> Markdown keeps the dateline in the first paragraph.</p>',
      );
    });

    it("joins a multi-line pull quote body into one paragraph", () => {
      const html = (pages.get("/markdown-nunjucks/") as EleventyPageResult).content;
      expect(html).toContain('<aside class="nr-pullquote" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>He can come to Kyiv</p></blockquote>');
    });

    it("renders a multi-paragraph quotation by a plain-named speaker", () => {
      const html = (pages.get("/markdown-nunjucks/") as EleventyPageResult).content;
      expect(html).toContain(
        '<figure class="nr-quote" data-speaker-name="Jane Doe"><blockquote class="nr-quote__text"><p>First paragraph of the quotation.</p><p>Second paragraph.</p></blockquote><figcaption class="nr-quote__attribution"><span class="nr-quote__speaker">Jane Doe</span></figcaption></figure>',
      );
    });
  });
});
