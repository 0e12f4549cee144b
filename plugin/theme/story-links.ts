/**
 * Links and images in a story's text that lead nowhere on the site: a relative `report.pdf`
 * resolves under the story's own address, and a site path to a file nobody put in the site is a
 * 404. The theme's own links are tested; a story's are the author's, so the build checks them
 * against the files it wrote.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { NewsroomError } from "../errors.js";

/** A link in a story that the build must publish a file for. */
export interface StoryLink {
  inputPath: string;
  /** As written in the page: `report.pdf`, `/files/budget.pdf`. */
  written: string;
  /** The site path it leads to, decoded, without query or fragment: `/news/2025/10/14/x/report.pdf`. */
  target: string;
}

const LINK_ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** A scheme (`https:`, `mailto:`) or `//` (browsers read `\\` as `/`): the link leaves the site. */
const LEAVES_SITE = /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

/** Every `href` and `src` in `html`, as written (entities decoded). */
function writtenLinks(html: string): string[] {
  return [...html.matchAll(LINK_ATTRIBUTE)].map((match) => decodeEntities((match[1] ?? match[2] ?? "").trim()));
}

/** The links in `html` (a story's text) that lead into the site, resolved against the page's URL. */
export function siteLinks(html: string, pageUrl: string, inputPath: string): StoryLink[] {
  // A fragment or query alone stays on this page.
  return writtenLinks(html)
    .filter((written) => written !== "" && !written.startsWith("#") && !written.startsWith("?") && !LEAVES_SITE.test(written))
    .map((written) => ({ inputPath, written, target: sitePath(written, pageUrl) }));
}

/**
 * Links in `html` (a story's text) to a place on the same page (`#notes`) that `page` (the whole
 * page) has no element for: Markdown gives headings no ids, so a table of contents pasted from a
 * word processor leads nowhere. `#` and `#top` are the top of the page by the HTML standard.
 */
export function missingFragments(html: string, page: string): string[] {
  return writtenLinks(html).filter((written) => {
    if (!written.startsWith("#") || written === "#" || written.toLowerCase() === "#top") return false;
    const id = escapeAttribute(decodedOrWritten(written.slice(1)));
    return !page.includes(`id="${id}"`) && !page.includes(`name="${id}"`);
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

function sitePath(written: string, pageUrl: string): string {
  try {
    return decodedOrWritten(new URL(written, new URL(pageUrl, "https://site.invalid")).pathname);
  } catch {
    // Not a URL a browser could follow: no file the build wrote has this name either.
    return written;
  }
}

/** Percent-decoded; a malformed escape ("%zz") is kept as written, which no file or id matches. */
function decodedOrWritten(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_entity, name: string) => ({ amp: "&", quot: '"', "#39": "'", apos: "'", lt: "<", gt: ">" })[name] ?? "");
}

/**
 * Whether the build wrote something a static host serves at `target`: the file itself, or an
 * `index.html` in that folder (GitHub Pages serves `/a/` and redirects `/a` to it), or `a.html`.
 */
export function isPublished(outputDir: string, target: string): boolean {
  const file = path.join(outputDir, target);
  if (target.endsWith("/")) return existsSync(path.join(file, "index.html"));
  return existsSync(file) || existsSync(path.join(file, "index.html")) || existsSync(`${file}.html`);
}

/** Throws one NewsroomError naming the links (one per target) the build did not publish a file for. */
export function refuseBrokenLinks(links: readonly StoryLink[], outputDir: string): void {
  const broken = links.filter((link) => !isPublished(outputDir, link.target));
  const [first, ...others] = broken;
  if (!first) return;
  const more = others.length === 0 ? "" : ` (and ${others.length} more: ${others.slice(0, 20).map((link) => `${JSON.stringify(link.written)} in ${link.inputPath}`).join(", ")}${others.length > 20 ? ", …" : ""})`;
  throw new NewsroomError({
    where: "story link",
    problem: `${JSON.stringify(first.written)} leads to ${first.target}, where this build publishes no page or file${more}`,
    fix: `${first.written.startsWith("/") ? "" : 'a link without a leading "/" starts from the story\'s own address. '}Link a page of the site by its address (/local/2025/10/14/story/), put a file in the site's assets/ folder and link /assets/…, or write the full https:// address of a page elsewhere`,
    inputPath: first.inputPath,
  });
}
