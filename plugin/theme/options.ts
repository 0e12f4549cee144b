/**
 * The theme's options, declared once (THEME_OPTIONS: type, default, check and docs line) and
 * resolved once when the theme is added.
 */
import { NewsroomError, rejectUnknownNames } from "../errors.js";
import { defaultsOf, option, resolveOptionSet, type OptionValues } from "../option-schema.js";
import type { NewsroomOptions } from "../options.js";
import type { CmsOptions } from "./cms-config.js";

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

/** A NewsroomError about one theme option, with the fix. */
function themeOptionError(name: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `addPlugin(newsroomTheme, options) ${name}`, problem, value, fix });
}

const checked = <T>(ok: (value: unknown) => boolean, problem: string, fix: (name: string) => string) => (value: unknown, name: string): T => {
  if (!ok(value)) throw themeOptionError(name, problem, value, fix(name));
  return value as T;
};
const wholeNumber = (least: number, problem: string, fix: (name: string) => string) => checked<number>((value) => Number.isInteger(value) && (value as number) >= least, problem, fix);

/** Google's limit of URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * Every theme option, declared once (../option-schema.ts): its type, default, check and docs line,
 * in the order the docs list them.
 */
export const THEME_OPTIONS = {
  /** Options for the newsroom plugin the theme adds (see the plugin's options). Default `{}`. */
  newsroom: option<NewsroomOptions>({
    default: {},
    parse: checked((value) => typeof value === "object" && value !== null && !Array.isArray(value), "must be an object of plugin options, got", () => 'pass e.g. { timeZone: "America/Chicago" }'),
    doc: "options for the newsroom plugin the theme adds (see [Options](plugin.md#options))",
  }),
  /** Folder under the input directory that holds the articles. Default `"articles"`. */
  articlesDir: option<string>({
    default: "articles",
    parse: checked((value) => typeof value === "string" && value.trim() !== "" && !/^[/\\]|\.\./.test(value), "must be a folder name inside the input folder, got", () => 'use e.g. "articles" or "stories"'),
    doc: "folder under the input folder that holds the articles",
  }),
  /** Related stories shown under an article. Default `3`. */
  relatedCount: option<number>({ default: 3, parse: wholeNumber(0, "must be a whole number, 0 or more, got", () => "use e.g. 3, or 0 for none"), doc: "related stories shown under an article (`0` for none)" }),
  /**
   * Stories (or, on a speaker page, quoting stories) per list page: section, topic, author,
   * speaker, month and about pages show this many, then continue at `/page/2/`… Default `20`.
   */
  pageSize: option<number>({ default: 20, parse: wholeNumber(1, "must be a whole number, 1 or more, got", () => "use e.g. 20"), doc: "stories a list page shows (section, topic, author, speaker, month, about), then `page/2/`…" }),
  /** Newest stories in each Atom and JSON feed (the site's and each section's). Default `20`. */
  feedSize: option<number>({ default: 20, parse: wholeNumber(1, "must be a whole number, 1 or more, got", () => "use e.g. 20"), doc: "newest stories in each Atom and JSON feed (the site's and each section's)" }),
  /** URLs per sitemap file under the sitemap index `/sitemap.xml`; Google takes 50,000 at most. Default `10000`. */
  sitemapSize: option<number>({
    default: 10_000,
    parse: checked((value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= SITEMAP_URL_LIMIT, `must be a whole number from 1 to ${SITEMAP_URL_LIMIT} (Google's limit per sitemap file), got`, () => "use e.g. 10000"),
    doc: "URLs a sitemap file holds under the `sitemap.xml` index (at most 50,000, Google's limit)",
  }),
  /**
   * Stories per search index. Unset, the site has one index (`pagefind --site _site`). Pagefind
   * needs about 0.2 MB of memory a story to index, so a large archive is indexed in several, each
   * of at most this many stories, by `eleventy-plugin-newsroom search` in place of `pagefind`; the
   * search page searches them all as one. Default `undefined`.
   */
  searchIndexSize: option<number | undefined>({
    default: undefined,
    parse: checked((value) => value === undefined || (Number.isInteger(value) && (value as number) >= 1), "must be a whole number of stories, 1 or more, got", () => "use e.g. 20000, or leave it out for one index"),
    defaultText: "unset",
    doc: "stories a search index holds; unset, one index for the site. A large archive is indexed in several, searched as one ([Searching a large archive](#searching-a-large-archive))",
  }),
  /**
   * Draw a share card for each story without a photo (its headline and first pull quote). With
   * `false` such stories are shared with the site's card: each story card costs some 50 ms of the
   * first build (later builds take it from the cache), which a big archive may not want. Default `true`.
   */
  storyCards: option<boolean>({
    default: true,
    parse: checked((value) => typeof value === "boolean", "must be true or false, got", () => "use false to share stories without a photo with the site's card"),
    doc: "draw a share card for each story without a photo; `false` shares such stories with the site's card, or its `shareImage` ([Share cards](#photos))",
  }),
  /**
   * Fonts for the share cards' letters that their own font (Source Serif 4: Latin, Cyrillic,
   * Greek, Vietnamese) lacks, e.g. `[{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }]`. A
   * card with a letter no font has stops the build: it would show an empty box. Default `[]`.
   */
  cardFonts: option<readonly CardFontOption[]>({
    default: [],
    parse: (value) => {
      checkCardFonts(value);
      return value as readonly CardFontOption[];
    },
    doc: 'fonts for the letters the cards\' own font lacks, e.g. `[{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }]`: `file` (a `.ttf`, `.otf` or `.woff` from the project folder; not `.woff2`), `weight` (100–900, default 400), `style` (`"normal"` or `"italic"`) ([Share cards](#photos))',
  }),
  /**
   * Build drafts and embargoed stories too, each with a banner and `noindex`, for the newsroom
   * to check before publication. Default: on under `eleventy --serve` (`npm start`), off otherwise.
   */
  preview: option<boolean | undefined>({
    default: undefined,
    parse: checked((value) => value === undefined || typeof value === "boolean", "must be true or false, got", () => "use true to build drafts and embargoed stories with a banner, or leave it out"),
    defaultText: "on under `eleventy --serve`",
    doc: "build drafts and embargoed stories too, with a banner and `noindex` ([Drafts and embargoes](#drafts-and-embargoes))",
  }),
  /**
   * The editors' CMS (Sveltia CMS) at `/admin/`: `true`, or `{ backend, config }` — the Git backend
   * it saves to (default GitHub, the repository of the Actions run) and configuration of the site's
   * own merged over the generated one (docs/cms.md). Default `false`.
   */
  cms: option<boolean | CmsOptions>({
    default: false,
    parse: (value, name) => {
      checkCmsOption(value, name);
      return value as boolean | CmsOptions;
    },
    doc: "the editors' CMS at `/admin/`: `true`, or `{ backend, config }` (the Git backend it saves to; configuration of your own merged over the generated one) ([CMS](cms.md))",
  }),
  /**
   * Stories are trusted code: their text may use any template code (variables, filters, tags), and
   * their front matter Eleventy's keys that change how a page is built (`layout`, `permalink`,
   * `eleventyComputed`, …) and JavaScript. Off, a story may use Markdown and the newsroom's
   * shortcodes with literal arguments only (docs/security.md). Default `false`.
   */
  trustedStories: option<boolean>({
    default: false,
    parse: checked((value) => typeof value === "boolean", "must be true or false, got", () => "leave it out (stories are data); true only if everyone who can write a story may run code on the build machine"),
    doc: "stories are trusted code: template code in their text, Eleventy's page-building keys and JavaScript in their front matter run at build time. Only for a site where everyone who can write a story may run code on the build machine ([Security](security.md))",
  }),
  /**
   * What the build does about The Trust Project's disclosures the site lacks (its policies in
   * site.json `organisation.policies`): `"warn"` names them in the build log, `"error"` stops the
   * build, `"off"` says nothing. Default `"warn"`.
   */
  trustDisclosures: option<"warn" | "error" | "off">({
    default: "warn",
    parse: checked((value) => value === "warn" || value === "error" || value === "off", "must be one of warn, error, off, got", () => 'use "warn", "error" or "off"'),
    doc: 'the Trust Project disclosures the site lacks (site.json `organisation.policies`): `"warn"` names them in the build log, `"error"` stops the build, `"off"` ([Kinds and trust](#kinds-and-trust))',
  }),
};

/** Every theme option, resolved: the type of what `resolveThemeOptions` gives back. */
export type ResolvedNewsroomThemeOptions = OptionValues<typeof THEME_OPTIONS>;

/** What `addPlugin(newsroomTheme, options)` takes: any subset of the options. */
export type NewsroomThemeOptions = Partial<ResolvedNewsroomThemeOptions>;

export const DEFAULT_THEME_OPTIONS: Readonly<ResolvedNewsroomThemeOptions> = Object.freeze(defaultsOf(THEME_OPTIONS));

export function resolveThemeOptions(given: unknown = {}): Readonly<ResolvedNewsroomThemeOptions> {
  return Object.freeze(resolveOptionSet(THEME_OPTIONS, given, "addPlugin(newsroomTheme, options)", "{ relatedCount: 4 }"));
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

const CMS_KEYS = ["backend", "config"];

function checkCmsOption(value: unknown, name: string): void {
  if (typeof value === "boolean") return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw themeOptionError(name, "must be true, false or { backend, config }, got", value, 'use true, or e.g. { backend: { name: "github", repo: "owner/newsroom", branch: "main" } }');
  const entry = value as Record<string, unknown>;
  rejectUnknownNames(Object.keys(entry), CMS_KEYS, `addPlugin(newsroomTheme, options) ${name}`, "key");
  for (const key of CMS_KEYS) {
    const given = entry[key];
    if (given !== undefined && (typeof given !== "object" || given === null || Array.isArray(given))) throw themeOptionError(`${name}.${key}`, "must be an object, got", given, key === "backend" ? 'write e.g. { name: "github", repo: "owner/newsroom", branch: "main" }' : "write the CMS configuration as an object, e.g. { collections: [{ name: \"stories\", fields: [...] }] }");
  }
}
