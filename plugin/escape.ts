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

/** What is wrong with an absolute http(s) URL as the site's address, said without its secrets. */
export interface SiteUrlFault {
  problem: string;
  /** The URL as it may be shown: user, password, query and fragment masked. */
  shown: string;
  fix: string;
}

/**
 * Why an absolute http(s) URL cannot be the site's address, or undefined when it is an origin
 * (`https://news.example.org`, with or without a final /). A user or password would be published
 * in every page, feed and sitemap; a query or fragment cannot carry the site's addresses; a path
 * would be cut to the origin (the path belongs in Eleventy's path prefix). The value is never
 * shown whole: it may hold a password or a token.
 */
export function siteUrlFault(value: string): SiteUrlFault | undefined {
  const url = new URL(value);
  const shown = `${url.protocol}//${url.username || url.password ? "***:***@" : ""}${url.host}${url.pathname}${url.search ? "?…" : ""}${url.hash ? "#…" : ""}`;
  const origin = `"${url.protocol}//${url.host}"`;
  if (url.username || url.password) {
    return { problem: "holds a user name or password, which every page, feed and sitemap would publish", shown, fix: `write the address readers use, without the user and password: ${origin}; keep credentials out of the site's settings` };
  }
  if (url.search || url.hash || value.includes("?") || value.includes("#")) {
    return { problem: "has a query or fragment, which the site's addresses cannot carry", shown, fix: `write the origin alone: ${origin}` };
  }
  if (url.pathname !== "/") {
    return {
      problem: "has a path, which the site's addresses would lose (only the origin is used)",
      shown,
      fix: `write the origin alone (${origin}) and build with the path as Eleventy's path prefix: npx @11ty/eleventy --pathprefix=${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}`,
    };
  }
  return undefined;
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
