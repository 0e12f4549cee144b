/**
 * Escaping for each place a user-supplied string can land. Every renderer goes through these;
 * none builds markup from raw input.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * JSON for a `<script type="application/ld+json">` element. `JSON.stringify` alone would let
 * `</script>` or `<!--` end or confuse the element, so `<`, `>` and `&` become \u escapes, which
 * JSON parsers read back as the same characters. U+2028/2029 are escaped for old JS parsers.
 */
export function jsonForScript(value: unknown): string {
  // JSON.stringify gives undefined (not a string) for undefined and functions.
  return (JSON.stringify(value) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** An absolute http(s) URL, such as a site's address. */
export function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An `href`/`cite` value: only absolute http(s) URLs or site-relative paths pass. */
export function isSafeUrl(value: string): boolean {
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil.example" would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  if (/^\/(?!\/)/.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const ENTITY_DECODES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
};

/** Elements that separate words; every other tag sits inside a word's run of text. */
const BLOCK_TAG = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^>]*>/gi;

function decodeNumericReference(code: number): string {
  // The HTML standard turns NUL, surrogates and out-of-range code points into U+FFFD.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}

/** Plain text of an HTML fragment: tags dropped, common entities decoded. For comparisons, not output. */
export function htmlToText(html: string): string {
  return html
    .replace(BLOCK_TAG, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] === "#") {
        return decodeNumericReference(body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
      }
      return ENTITY_DECODES[body.toLowerCase()] ?? entity;
    });
}
