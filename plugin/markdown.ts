/**
 * Markdown for shortcode bodies. Raw HTML is off: a body is author text, and everything
 * user-supplied is escaped where it lands.
 */
import MarkdownIt from "markdown-it";
import { htmlToText } from "./escape.js";

/**
 * The plugin's own parser, made on first use (most quotations take the fast path below and never
 * need it). The library is the one Eleventy 3 loads (the dependency's range matches Eleventy's, so
 * npm installs one copy); the instance is not the site's: that one allows raw HTML and may carry
 * the site's plugins, so shortcode bodies would render differently from site to site.
 */
let parser: InstanceType<typeof MarkdownIt> | undefined;
const markdown = (): InstanceType<typeof MarkdownIt> => (parser ??= new MarkdownIt({ html: false, linkify: false, typographer: false }));

/**
 * Characters that can start inline syntax with this configuration (html, linkify and typographer
 * off), plus the ones markdown-it escapes or normalizes. Text with none of them renders as itself
 * with `"` escaped, so most quotations skip the parser (test/plugin/markdown-fast-path.test.ts).
 */
const INLINE_SYNTAX = /[\\`*_[\]!<>&~\0]/;

/** Inline markdown (emphasis, code, links) to HTML on one line. */
export function renderInlineMarkdown(source: string): string {
  const text = collapseWhitespace(source);
  if (!INLINE_SYNTAX.test(text)) return text.replace(/"/g, "&quot;");
  return markdown().renderInline(text);
}

/** The plain text of inline markdown, whitespace collapsed: for text without syntax, the text itself. */
export function inlineMarkdownText(source: string): string {
  const text = collapseWhitespace(source);
  if (!INLINE_SYNTAX.test(text)) return text;
  return htmlToText(markdown().renderInline(text)).replace(/\s+/g, " ").trim();
}

/** Block markdown (paragraphs) to HTML without newlines between blocks, so the result stays one HTML block. */
export function renderBlockMarkdown(source: string): string {
  return markdown()
    .render(dedent(source).trim())
    .trim()
    .replace(/>\n+</g, "><")
    .replace(/\n+/g, " ");
}

/** True when inline markdown would produce a link (focusable content). */
export function hasInlineLink(source: string): boolean {
  if (!INLINE_SYNTAX.test(source)) return false;
  return markdown().parseInline(source, {}).some((token) => token.children?.some((child) => child.type === "link_open"));
}

function collapseWhitespace(source: string): string {
  return source.trim().replace(/\s+/g, " ");
}

/** Paired-shortcode bodies arrive indented as they sit in the template; indentation would make code blocks. */
function dedent(source: string): string {
  const lines = source.split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}
