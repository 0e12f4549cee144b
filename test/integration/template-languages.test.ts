/**
 * The same shortcodes and filters in Nunjucks, Liquid, Markdown (preprocessed by either), 11ty.js
 * and WebC must give the same HTML: users' templates depend on it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { EleventyPageResult } from "@11ty/eleventy";
import pluginWebc from "@11ty/eleventy-plugin-webc";
import { buildFiles, buildFixture, fragment } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";
import { canonicalHtml } from "../helpers/html-structure.js";
import { EXPECTED, LANGUAGES, WEBC } from "../helpers/language-expectations.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";

describe("every template language gives the same HTML", () => {
  let pages: Map<string, EleventyPageResult>;
  beforeAll(async () => {
    pages = await buildFixture("languages", { plugin: { timeZone: "America/New_York" }, configure: (eleventyConfig) => eleventyConfig.addPlugin(pluginWebc) });
  });

  it("built one page per language", () => {
    for (const url of [...LANGUAGES, WEBC]) expect(pages.has(url), url).toBe(true);
  });

  describe.each(LANGUAGES)("%s", (url) => {
    it.each(Object.keys(EXPECTED))("%s", (id) => {
      expect(fragment((pages.get(url) as EleventyPageResult).content, id)).toBe(EXPECTED[id]);
    });
  });

  // WebC parses and re-serializes every page (attributes come out in another order), so its
  // fragments are compared as parsed HTML: the same elements, attributes and text.
  describe("/webc/", () => {
    it.each(Object.keys(EXPECTED))("%s", (id) => {
      const html = fragment((pages.get(WEBC) as EleventyPageResult).content, id);
      expect(canonicalHtml(html)).toBe(canonicalHtml(EXPECTED[id] as string));
    });
  });

  it("starts every page with first references: state is per page", () => {
    for (const url of [...LANGUAGES, WEBC]) {
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

  describe("WebC specifics", () => {
    const speakers = JSON.stringify({ zelenskyy: { name: "Volodymyr Zelenskyy", title: "President", affiliation: "Ukrainian", description: "president of Ukraine" } });
    const withWebc = { configure: (eleventyConfig: EleventyConfig) => eleventyConfig.addPlugin(pluginWebc) };

    it("an error names the .webc file, the shortcode, the value and the fix", async () => {
      const failure = await buildFiles({ "_data/speakers.json": speakers, "story.webc": `<p @html="speaker('zelensky')"></p>\n` }, withWebc).then(
        () => "built",
        messageChain,
      );
      expect(failure).toMatch(/\[newsroom\] speaker in \S*story\.webc: unknown speaker id: "zelensky"\. Fix: did you mean "zelenskyy"\?/);
    });

    it("first and later references are counted per page", async () => {
      const pages = await buildFiles(
        {
          "_data/speakers.json": speakers,
          "one.webc": `<p id="a" @html="speaker('zelenskyy')"></p>\n<p id="b" @html="speaker('zelenskyy')"></p>\n`,
          "two.webc": `<p id="a" @html="speaker('zelenskyy')"></p>\n`,
        },
        withWebc,
      );
      const one = (pages.get("/one/") as EleventyPageResult).content;
      const two = (pages.get("/two/") as EleventyPageResult).content;
      expect(one).toMatch(/<p id="a"><span[^>]*class="nr-speaker nr-speaker--full"[^>]*>Ukrainian President Volodymyr Zelenskyy<\/span><\/p>/);
      expect(one).toMatch(/<p id="b"><span[^>]*class="nr-speaker nr-speaker--short"[^>]*>Zelenskyy<\/span><\/p>/);
      expect(two).toContain("nr-speaker--full");
    });
  });
});
