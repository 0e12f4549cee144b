/**
 * renderInlineMarkdown and inlineMarkdownText skip markdown-it for text with no inline syntax (a
 * speed-up the benchmark asked for): the shortcut must give exactly what markdown-it gives, for any text.
 */
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../plugin/escape.js";
import { hasInlineLink, inlineMarkdownText, renderInlineMarkdown } from "../../plugin/markdown.js";

const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: false });
const reference = (source: string) => markdownIt.renderInline(source.trim().replace(/\s+/g, " "));
const hasLinkReference = (source: string) =>
  markdownIt.parseInline(source, {}).some((token) => token.children?.some((child) => child.type === "link_open"));

/** Words, punctuation that is and is not markdown, entities, quotes and odd whitespace. */
const text = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "He can come to Kyiv,", "’", "“", "”", '"', "'", " ", "\n", "\t", "\u00a0", "\r\n", ":", "-", "--", "+", "=", "#", "$", "%",
        "@", "^", "{", "}", "|", "/", "(", ")", ".", "?", "*", "_", "`", "~", "~~", "[", "]", "![", "](", "<", ">", "&", "&amp;",
        "&#39;", "\\", "\\*", "https://example.com", "www.example.com", "\u0000", "1.", "- ", "> ",
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("renderInlineMarkdown without markdown syntax", () => {
  it("gives markdown-it's output for any text", () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(renderInlineMarkdown(source)).toBe(reference(source));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the plain text of markdown-it's output for any text", () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(inlineMarkdownText(source)).toBe(htmlToText(reference(source)).replace(/\s+/g, " ").trim());
      }),
      { numRuns: 1000 },
    );
  });

  it("escapes double quotes in plain text, as markdown-it does", () => {
    expect(renderInlineMarkdown('the "coalition of the willing"')).toBe("the &quot;coalition of the willing&quot;");
  });

  it("finds links exactly when markdown-it does", () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(hasInlineLink(source)).toBe(hasLinkReference(source));
      }),
      { numRuns: 1000 },
    );
  });
});
