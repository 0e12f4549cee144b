/**
 * The theme's options, declared once (type here, default in DEFAULT_THEME_OPTIONS) and resolved
 * once when the theme is added.
 */
import { NewsroomError, rejectUnknownNames } from "../errors.js";
import type { NewsroomOptions } from "../options.js";

export type FontWeight = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

/**
 * A font the site adds to the share cards' own, for letters Source Serif 4 lacks (Armenian,
 * Georgian, Devanagari, Chinese, …): the theme option `cardFonts`. A card keeps its own font for
 * every letter that font has and takes the others from these.
 */
export interface CardFontOption {
  /** The font file, from the project folder: TrueType (`.ttf`), OpenType (`.otf`) or WOFF (`.woff`); not WOFF2. */
  file: string;
  /** The weight the file holds, 100–900. Default `400`. Give the bold (700) too for bold headlines. */
  weight?: FontWeight;
  /** Default `"normal"`. */
  style?: "normal" | "italic";
}

export interface ResolvedNewsroomThemeOptions {
  /** Options for the newsroom plugin the theme adds (see the plugin's options). Default `{}`. */
  newsroom: NewsroomOptions;
  /** Folder under the input directory that holds the articles. Default `"articles"`. */
  articlesDir: string;
  /** Related stories shown under an article. Default `3`. */
  relatedCount: number;
  /**
   * Build drafts and embargoed stories too, each with a banner and `noindex`, for the newsroom
   * to check before publication. Default: on under `eleventy --serve` (`npm start`), off otherwise.
   */
  preview: boolean | undefined;
  /**
   * Stories (or, on a speaker page, quoting stories) per list page: section, topic, author,
   * speaker, month and about pages show this many, then continue at `/page/2/`… Default `20`.
   */
  pageSize: number;
  /** Newest stories in each Atom and JSON feed (the site's and each section's). Default `20`. */
  feedSize: number;
  /** URLs per sitemap file under the sitemap index `/sitemap.xml`; Google takes 50,000 at most. Default `10000`. */
  sitemapSize: number;
  /**
   * Stories per search index. Unset, the site has one index (`pagefind --site _site`). Pagefind
   * needs about 0.2 MB of memory a story to index, so a large archive is indexed in several, each
   * of at most this many stories, by `eleventy-plugin-newsroom search` in place of `pagefind`; the
   * search page searches them all as one. Default `undefined`.
   */
  searchIndexSize: number | undefined;
  /**
   * Draw a share card for each story without a photo (its headline and first pull quote). With
   * `false` such stories are shared with the site's card: each story card costs some 50 ms of the
   * first build (later builds take it from the cache), which a big archive may not want. Default `true`.
   */
  storyCards: boolean;
  /**
   * Fonts for the share cards' letters that their own font (Source Serif 4: Latin, Cyrillic,
   * Greek, Vietnamese) lacks, e.g. `[{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }]`. A
   * card with a letter no font has stops the build: it would show an empty box. Default `[]`.
   */
  cardFonts: readonly CardFontOption[];
}

/** What `addPlugin(newsroomTheme, options)` takes: any subset of the options. */
export type NewsroomThemeOptions = Partial<ResolvedNewsroomThemeOptions>;

export const DEFAULT_THEME_OPTIONS: Readonly<ResolvedNewsroomThemeOptions> = Object.freeze({
  newsroom: {},
  articlesDir: "articles",
  relatedCount: 3,
  preview: undefined,
  pageSize: 20,
  feedSize: 20,
  sitemapSize: 10_000,
  searchIndexSize: undefined,
  storyCards: true,
  cardFonts: [],
});

/** Google's limit of URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

const THEME_OPTION_NAMES = Object.keys(DEFAULT_THEME_OPTIONS);

function themeOptionError(name: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `addPlugin(newsroomTheme, options) ${name}`, problem, value, fix });
}

export function resolveThemeOptions(given: unknown = {}): Readonly<ResolvedNewsroomThemeOptions> {
  const input = given ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new NewsroomError({ where: "addPlugin(newsroomTheme, options)", problem: "options must be an object, got", value: input, fix: "pass an object such as { relatedCount: 4 }, or nothing" });
  }
  rejectUnknownNames(Object.keys(input), THEME_OPTION_NAMES, "addPlugin(newsroomTheme, options)");
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const resolved: ResolvedNewsroomThemeOptions = { ...DEFAULT_THEME_OPTIONS, ...defined };
  if (typeof resolved.newsroom !== "object" || resolved.newsroom === null || Array.isArray(resolved.newsroom)) {
    throw themeOptionError("newsroom", "must be an object of plugin options, got", resolved.newsroom, 'pass e.g. { timeZone: "America/Chicago" }');
  }
  if (typeof resolved.articlesDir !== "string" || resolved.articlesDir.trim() === "" || /^[/\\]|\.\./.test(resolved.articlesDir)) {
    throw themeOptionError("articlesDir", "must be a folder name inside the input folder, got", resolved.articlesDir, 'use e.g. "articles" or "stories"');
  }
  if (resolved.preview !== undefined && typeof resolved.preview !== "boolean") {
    throw themeOptionError("preview", "must be true or false, got", resolved.preview, "use true to build drafts and embargoed stories with a banner, or leave it out");
  }
  if (typeof resolved.storyCards !== "boolean") {
    throw themeOptionError("storyCards", "must be true or false, got", resolved.storyCards, "use false to share stories without a photo with the site's card");
  }
  checkCardFonts(resolved.cardFonts);
  if (!Number.isInteger(resolved.relatedCount) || resolved.relatedCount < 0) {
    throw themeOptionError("relatedCount", "must be a whole number, 0 or more, got", resolved.relatedCount, "use e.g. 3, or 0 for none");
  }
  for (const name of ["pageSize", "feedSize"] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < 1) {
      throw themeOptionError(name, "must be a whole number, 1 or more, got", resolved[name], `use e.g. ${DEFAULT_THEME_OPTIONS[name]}`);
    }
  }
  if (!Number.isInteger(resolved.sitemapSize) || resolved.sitemapSize < 1 || resolved.sitemapSize > SITEMAP_URL_LIMIT) {
    throw themeOptionError("sitemapSize", `must be a whole number from 1 to ${SITEMAP_URL_LIMIT} (Google's limit per sitemap file), got`, resolved.sitemapSize, "use e.g. 10000");
  }
  if (resolved.searchIndexSize !== undefined && (!Number.isInteger(resolved.searchIndexSize) || resolved.searchIndexSize < 1)) {
    throw themeOptionError("searchIndexSize", "must be a whole number of stories, 1 or more, got", resolved.searchIndexSize, "use e.g. 20000, or leave it out for one index");
  }
  return Object.freeze(resolved);
}

const CARD_FONT_KEYS = ["file", "weight", "style"];
const CARD_FONT_EXAMPLE = '[{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }]';

function checkCardFonts(fonts: unknown): void {
  if (!Array.isArray(fonts)) throw themeOptionError("cardFonts", "must be a list of fonts, got", fonts, `write e.g. ${CARD_FONT_EXAMPLE}`);
  fonts.forEach((font: unknown, index) => {
    const name = `cardFonts[${index}]`;
    if (typeof font !== "object" || font === null || Array.isArray(font)) throw themeOptionError(name, "must be an object, got", font, `write e.g. ${CARD_FONT_EXAMPLE}`);
    const entry = font as Record<string, unknown>;
    rejectUnknownNames(Object.keys(entry), CARD_FONT_KEYS, `addPlugin(newsroomTheme, options) ${name}`, "key");
    if (typeof entry.file !== "string" || entry.file.trim() === "") throw themeOptionError(`${name}.file`, "must be the path of a font file, got", entry.file, 'write e.g. "fonts/NotoSansArmenian-Bold.ttf"');
    if (entry.weight !== undefined && !(Number.isInteger(entry.weight) && (entry.weight as number) >= 100 && (entry.weight as number) <= 900 && (entry.weight as number) % 100 === 0)) {
      throw themeOptionError(`${name}.weight`, "must be a font weight from 100 to 900 in hundreds, got", entry.weight, "use 400 for a regular file, 700 for a bold one");
    }
    if (entry.style !== undefined && entry.style !== "normal" && entry.style !== "italic") throw themeOptionError(`${name}.style`, 'must be "normal" or "italic", got', entry.style, 'use "italic" for an italic file, or leave it out');
  });
}
