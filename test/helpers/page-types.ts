/**
 * The theme's page types, one list for the browser tests (test/browser/pages.test.ts), the
 * screenshots script (scripts/screenshots.ts) and the bench's page weights (bench/weight.ts):
 * a new page type added here is checked in Chromium, photographed and weighed.
 */

export interface PageType {
  /** Short name, used in test names, screenshot files and the bench's table. */
  name: string;
  /**
   * An example in the fixture newsroom (test/fixtures/newsroom-site) built with
   * FIXTURE_PAGE_SIZE stories a list page, relative to the site's root.
   */
  fixturePath: string;
  /** The HTTP status a server answers the example with. */
  status?: number;
  /** Whether an output file (relative to the site's root, "/" separated) is of this type. */
  matches(file: string, sections: readonly string[]): boolean;
}

/** Stories a list page in the fixture builds the browser tests use: the small newsroom gets page 2s. */
export const FIXTURE_PAGE_SIZE = 2;

const laterPage = /\/page\/\d+\/index\.html$/;
const firstPage = (file: string, pattern: RegExp) => pattern.test(file) && !laterPage.test(file);
const anyLaterPage = (file: string, pattern: RegExp) => laterPage.test(file) && pattern.test(file.replace(laterPage, "/index.html"));
const section = (file: string, sections: readonly string[]) => sections.includes(file.split("/")[0] as string);

const SECTION = /^[a-z0-9-]+\/index\.html$/;
const TOPIC = /^tags\/[^/]+\/index\.html$/;
const SPEAKER = /^speakers\/[^/]+\/index\.html$/;
const AUTHOR = /^authors\/[^/]+\/index\.html$/;
const MONTH = /^archive\/\d{4}\/\d{2}\/index\.html$/;

export const PAGE_TYPES: readonly PageType[] = [
  { name: "front", fixturePath: "", matches: (file) => file === "index.html" },
  { name: "article", fixturePath: "politics/2025/10/14/council-approves-2026-budget/", matches: (file) => /^[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file) },
  { name: "section", fixturePath: "sports/", matches: (file, sections) => firstPage(file, SECTION) && section(file, sections) },
  { name: "section-page-2", fixturePath: "sports/page/2/", matches: (file, sections) => anyLaterPage(file, SECTION) && section(file, sections) },
  { name: "tag", fixturePath: "tags/transit/", matches: (file) => firstPage(file, TOPIC) },
  { name: "tag-page-2", fixturePath: "tags/transit/page/2/", matches: (file) => anyLaterPage(file, TOPIC) },
  { name: "topics", fixturePath: "tags/", matches: (file) => file === "tags/index.html" || /^tags\/page\/\d+\/index\.html$/.test(file) },
  { name: "speaker", fixturePath: "speakers/delia-marsh/", matches: (file) => firstPage(file, SPEAKER) },
  { name: "speaker-page-2", fixturePath: "speakers/delia-marsh/page/2/", matches: (file) => anyLaterPage(file, SPEAKER) },
  { name: "author", fixturePath: "authors/ada-reyes/", matches: (file) => firstPage(file, AUTHOR) },
  { name: "author-page-2", fixturePath: "authors/ada-reyes/page/2/", matches: (file) => anyLaterPage(file, AUTHOR) },
  { name: "archive", fixturePath: "archive/", matches: (file) => file === "archive/index.html" },
  { name: "archive-month", fixturePath: "archive/2025/09/", matches: (file) => firstPage(file, MONTH) },
  { name: "archive-month-page-2", fixturePath: "archive/2025/09/page/2/", matches: (file) => anyLaterPage(file, MONTH) },
  { name: "about", fixturePath: "about/", matches: (file) => file === "about/index.html" || /^about\/page\/\d+\/index\.html$/.test(file) },
  { name: "search", fixturePath: "search/", matches: (file) => file === "search/index.html" },
  { name: "style-guide", fixturePath: "style-guide/", matches: (file) => file === "style-guide/index.html" },
  { name: "404", fixturePath: "no-such-page/", status: 404, matches: (file) => file === "404.html" },
];

/** The page type of a built file, or undefined for files that are not pages of the theme. */
export function pageTypeOf(file: string, sections: readonly string[]): string | undefined {
  return PAGE_TYPES.find((type) => type.matches(file, sections))?.name;
}
