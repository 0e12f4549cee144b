import { describe, expect, it } from "vitest";
import { hasInlineLink, renderBlockMarkdown, renderInlineMarkdown } from "../../plugin/markdown.js";

describe("renderInlineMarkdown", () => {
  it.each([
    ["plain text", "He can come to Kyiv", "He can come to Kyiv"],
    ["emphasis", "He can *come* to _Kyiv_", "He can <em>come</em> to <em>Kyiv</em>"],
    ["strong emphasis", "**Kyiv**", "<strong>Kyiv</strong>"],
    ["code", "run `npm test`", "run <code>npm test</code>"],
    ["a link", "[Kyiv](https://example.com/kyiv)", '<a href="https://example.com/kyiv">Kyiv</a>'],
  ])("renders %s", (_label, source, expected) => {
    expect(renderInlineMarkdown(source)).toBe(expected);
  });

  it("escapes raw HTML instead of passing it through", () => {
    expect(renderInlineMarkdown('<script>alert(1)</script> <img src=x onerror="y"> & more')).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;y&quot;&gt; &amp; more",
    );
  });

  it("does not link a javascript: URL", () => {
    expect(renderInlineMarkdown("[Kyiv](javascript:alert(1))")).not.toContain("<a");
  });

  it("collapses newlines and indentation to single spaces on one line", () => {
    expect(renderInlineMarkdown("\n    He can come\n\n    to   Kyiv\n  ")).toBe("He can come to Kyiv");
  });

  it("leaves quote marks as typed (no typographer)", () => {
    expect(renderInlineMarkdown("it's -- fine")).toBe("it's -- fine");
  });
});

describe("renderBlockMarkdown", () => {
  it("wraps a single paragraph", () => {
    expect(renderBlockMarkdown("He can come to Kyiv.")).toBe("<p>He can come to Kyiv.</p>");
  });

  it("renders paragraphs with no newlines between them", () => {
    expect(renderBlockMarkdown("He can come to Kyiv.\n\n\nWe are ready.")).toBe("<p>He can come to Kyiv.</p><p>We are ready.</p>");
  });

  it("turns a soft line break inside a paragraph into a space", () => {
    expect(renderBlockMarkdown("He can come\nto Kyiv.")).toBe("<p>He can come to Kyiv.</p>");
  });

  it("dedents an indented body so it does not become a code block", () => {
    expect(renderBlockMarkdown("\n        He can *come* to Kyiv.\n\n        We are ready.\n      ")).toBe(
      "<p>He can <em>come</em> to Kyiv.</p><p>We are ready.</p>",
    );
  });

  it("keeps relative indentation after dedenting", () => {
    expect(renderBlockMarkdown("\n  - one\n  - two\n")).toBe("<ul><li>one</li><li>two</li></ul>");
  });

  it("escapes raw HTML blocks", () => {
    expect(renderBlockMarkdown("<div onclick=\"x\">hi</div>\n\nnext")).toBe(
      "<p>&lt;div onclick=&quot;x&quot;&gt;hi&lt;/div&gt;</p><p>next</p>",
    );
  });

  it("returns one line", () => {
    expect(renderBlockMarkdown("a\n\nb\nc\n\n> d")).not.toContain("\n");
  });
});

describe("hasInlineLink", () => {
  it.each([
    ["an inline link", "He can come to [Kyiv](https://example.com)"],
    ["a site-path link", "[Kyiv](/kyiv/)"],
    ["an autolink", "see <https://example.com>"],
    ["a link split over lines", "He can come to\n[Kyiv](/kyiv/)"],
  ])("is true for %s", (_label, source) => {
    expect(hasInlineLink(source)).toBe(true);
  });

  it.each([
    ["plain text", "He can come to Kyiv"],
    ["emphasis", "He can *come*"],
    ["brackets without a URL", "He said [sic] nothing"],
    ["a bare URL (linkify is off)", "https://example.com"],
    ["a javascript: link markdown refuses to render", "[Kyiv](javascript:alert(1))"],
    ["an image", "![Kyiv](/kyiv.jpg)"],
  ])("is false for %s", (_label, source) => {
    expect(hasInlineLink(source)).toBe(false);
  });
});
