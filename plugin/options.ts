/**
 * Plugin options: types, documented defaults and validation at `addPlugin` time, so a typo in a
 * config fails the first build instead of quietly doing nothing.
 */
import { assertValidZone } from "./dates.js";
import { NewsroomError, rejectUnknownNames } from "./errors.js";
import type { EleventyPage } from "./eleventy-types.js";
import { isAbsoluteHttpUrl } from "./escape.js";
import type { QuotationRecord } from "./quotation-record.js";
import { validateRegistry, type Speaker, type SpeakerRegistry } from "./speakers.js";

export type PullquoteCheck = "warn" | "error" | "off";

/** The publication, for structured data. */
export interface PublisherOptions {
  name: string;
  /** Home page; defaults to `siteUrl`. */
  url?: string;
  /** Logo: a site path ("/assets/logo.png") or an absolute URL, with its size in pixels if known. */
  logo: string | { url: string; width?: number; height?: number };
  sameAs?: string[];
}

/** An author as the structured data sees one; the registry entry in `_data/authors.json`. */
export interface AuthorRegistryEntry {
  name: string;
  url?: string;
  sameAs?: string[];
  [field: string]: unknown;
}
/** An image file for structured data: a site path or absolute URL, with its size in pixels. */
export interface ImageReference {
  url: string;
  width: number;
  height: number;
}

/** What `fallbackImage` is told about the page that has no lead photo. */
export interface FallbackImageContext {
  page: EleventyPage;
  data: Record<string, unknown>;
  /** The page's quotations and pull quotes, in page order. */
  quotations: readonly QuotationRecord[];
}

/**
 * Every option, declared once: its type and meaning here, its default in DEFAULT_OPTIONS.
 * Users pass any subset (`NewsroomOptions`); `resolveOptions` gives back the whole set.
 */
export interface ResolvedNewsroomOptions {
  /** Speakers registry entries, merged over the global data registry (`speakersDataKey`). Default `{}`. */
  speakers: SpeakerRegistry;
  /** Global data key that holds the speakers registry (`_data/speakers.json`). Default `"speakers"`. */
  speakersDataKey: string;
  /** URL of a speaker's page on the site, for linking first references. Default: no links. */
  speakerUrl: ((speaker: Speaker) => string | undefined) | undefined;
  /** IANA time zone dates are shown in. Default: a string keeps its own offset, a JS Date shows in UTC. */
  timeZone: string | undefined;
  /** `apDate` omits the year for dates in this year. Default: the year is always shown. */
  referenceYear: number | undefined;
  /** Append the zone abbreviation to `apTime` and `apDateTime` ("9 a.m. EDT"). Default `true`. */
  showTimeZone: boolean;
  /** What to do when a pull quote's words are not in the article: warn, fail the build, or skip. Default `"warn"`. */
  pullquoteCheck: PullquoteCheck;
  /** Hide pull quotes from assistive technology unless a shortcode says `exposed`. Default `true`. */
  pullquoteHidden: boolean;
  /** Extra cities that may stand alone in a dateline, added to the AP list. Default `[]`. */
  standaloneCities: string[];
  /** Absolute URL of the site (origin; Eleventy's pathPrefix is added), for structured data. Default: none. */
  siteUrl: string | undefined;
  /** The publication, for structured data. Default: none (`newsArticleJsonLd` then asks for it). */
  publisher: PublisherOptions | undefined;
  /** Language of the articles, e.g. `en-US`, for structured data. Default: none. */
  language: string | undefined;
  /** Global data key of the authors registry. Default `"authors"`. */
  authorsDataKey: string;
  /** Global data key of the sections registry. Default `"sections"`. */
  sectionsDataKey: string;
  /** URL of an author's page on the site. Default: the entry's `url`, if any. */
  authorUrl: ((id: string, author: AuthorRegistryEntry) => string | undefined) | undefined;
  /** Widths in pixels the `figure` shortcode and lead photos are published at (never wider than the source). Default `[480, 800, 1200, 1600]`. */
  imageWidths: number[];
  /** The `sizes` attribute of photos: how wide they are drawn. Default `"100vw"` (the theme sets its column). */
  imageSizes: string;
  /** Site path processed photos are published under, inside Eleventy's output folder. Default `"/img/"`. */
  imageUrlPath: string;
  /** Folder that keeps processed photos between builds; git-ignore it, keep it in CI caches. Default `".cache/newsroom-images"`. */
  imageCacheDir: string;
  /** An image for `NewsArticle.image` when a page has no lead photo (the theme gives its share card). Default: none. */
  fallbackImage: ((context: FallbackImageContext) => Promise<ImageReference | undefined>) | undefined;
}

/** What `addPlugin(newsroom, options)` takes: any subset of the options, each as documented above. */
export type NewsroomOptions = Partial<ResolvedNewsroomOptions>;

export const DEFAULT_OPTIONS: Readonly<ResolvedNewsroomOptions> = Object.freeze({
  speakers: {},
  speakersDataKey: "speakers",
  speakerUrl: undefined,
  timeZone: undefined,
  referenceYear: undefined,
  showTimeZone: true,
  pullquoteCheck: "warn",
  pullquoteHidden: true,
  standaloneCities: [],
  siteUrl: undefined,
  publisher: undefined,
  language: undefined,
  authorsDataKey: "authors",
  sectionsDataKey: "sections",
  authorUrl: undefined,
  imageWidths: [480, 800, 1200, 1600],
  imageSizes: "100vw",
  imageUrlPath: "/img/",
  imageCacheDir: ".cache/newsroom-images",
  fallbackImage: undefined,
});

const OPTION_NAMES = Object.keys(DEFAULT_OPTIONS) as (keyof ResolvedNewsroomOptions)[];
const PULLQUOTE_CHECKS: readonly PullquoteCheck[] = ["warn", "error", "off"];


const PUBLISHER_KEYS: readonly (keyof PublisherOptions)[] = ["name", "url", "logo", "sameAs"];

function validatePublisher(publisher: unknown): void {
  const record = publisher as Record<string, unknown> | null;
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw optionError("publisher", "must be an object, got", publisher, 'pass { name: "The Daily Planet", logo: "/assets/logo.png" }');
  }
  if (typeof record.name !== "string" || record.name.trim() === "") {
    throw optionError("publisher", "needs a name, got", record.name, 'add name: "The Daily Planet"');
  }
  // A misspelt key (`sameas`) would be left out of every page's structured data without a word.
  rejectUnknownNames(Object.keys(record), PUBLISHER_KEYS, "option publisher", "key");
  if (record.url !== undefined && !isAbsoluteHttpUrl(record.url)) {
    throw optionError("publisher", "url must be an absolute http(s) URL, got", record.url, 'use e.g. "https://news.example.com/", or leave it out to use siteUrl');
  }
  if (record.sameAs !== undefined && (!Array.isArray(record.sameAs) || !record.sameAs.every(isAbsoluteHttpUrl))) {
    throw optionError("publisher", "sameAs must be a list of absolute http(s) URLs, got", record.sameAs, 'write e.g. sameAs: ["https://social.example/@paper"]');
  }
  const logo = typeof record.logo === "object" && record.logo !== null ? (record.logo as Record<string, unknown>).url : record.logo;
  if (typeof logo !== "string" || logo.trim() === "") {
    throw optionError("publisher", "needs a logo, got", record.logo, 'add logo: "/assets/logo.png" (Google requires one for news articles)');
  }
}

function optionError(name: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `option ${name}`, problem, value, fix });
}

/** Objects resolveOptions returned: passing one on (the theme does) is not resolved again. */
const resolvedObjects = new WeakSet<object>();

/**
 * Merges options over the defaults, rejecting unknown names and wrong types with the fix.
 * The result is frozen; giving it back returns it as it is.
 */
export function resolveOptions(input: unknown = {}): Readonly<ResolvedNewsroomOptions> {
  if (typeof input === "object" && input !== null && resolvedObjects.has(input)) return input as ResolvedNewsroomOptions;
  if (input === undefined || input === null) input = {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new NewsroomError({
      where: "addPlugin(newsroom, options)",
      problem: "options must be an object, got",
      value: input,
      fix: "pass an object such as { timeZone: \"America/New_York\" }, or nothing",
    });
  }
  const options = input as Record<string, unknown>;
  rejectUnknownNames(Object.keys(options), OPTION_NAMES, "addPlugin(newsroom, options)");
  // An explicit `undefined` means "use the default", as users expect from spread configs; fresh
  // containers per call keep callers from changing the shared defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: ResolvedNewsroomOptions = { ...DEFAULT_OPTIONS, speakers: {}, standaloneCities: [], imageWidths: [...DEFAULT_OPTIONS.imageWidths], ...given };

  resolved.speakers = validateRegistry(resolved.speakers, "option speakers");
  for (const name of ["speakersDataKey", "authorsDataKey", "sectionsDataKey"] as const) {
    if (typeof resolved[name] !== "string" || resolved[name].trim() === "") {
      throw optionError(name, "must be a non-empty string, got", resolved[name], `use the global data name, e.g. "${DEFAULT_OPTIONS[name]}"`);
    }
  }
  if (resolved.speakerUrl !== undefined && typeof resolved.speakerUrl !== "function") {
    throw optionError("speakerUrl", "must be a function, got", resolved.speakerUrl, "pass (speaker) => `/speakers/${speaker.id}/`");
  }
  if (resolved.authorUrl !== undefined && typeof resolved.authorUrl !== "function") {
    throw optionError("authorUrl", "must be a function, got", resolved.authorUrl, "pass (id) => `/authors/${id}/`");
  }
  if (resolved.siteUrl !== undefined && !isAbsoluteHttpUrl(resolved.siteUrl)) {
    throw optionError("siteUrl", "must be an absolute http(s) URL, got", resolved.siteUrl, 'use e.g. "https://news.example.com"');
  }
  if (resolved.language !== undefined && (typeof resolved.language !== "string" || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(resolved.language))) {
    throw optionError("language", "must be a language tag, got", resolved.language, 'use e.g. "en-US"');
  }
  if (resolved.publisher !== undefined) validatePublisher(resolved.publisher);
  if (resolved.timeZone !== undefined) {
    if (typeof resolved.timeZone !== "string") {
      throw optionError("timeZone", "must be a string, got", resolved.timeZone, 'use an IANA zone such as "America/New_York"');
    }
    assertValidZone(resolved.timeZone, "option timeZone");
  }
  if (resolved.referenceYear !== undefined && !(Number.isInteger(resolved.referenceYear) && resolved.referenceYear > 0)) {
    throw optionError("referenceYear", "must be a whole year, got", resolved.referenceYear, "use a number such as 2025, or leave it out to always show the year");
  }
  for (const name of ["showTimeZone", "pullquoteHidden"] as const) {
    if (typeof resolved[name] !== "boolean") {
      throw optionError(name, "must be true or false, got", resolved[name], `set ${name}: true or ${name}: false`);
    }
  }
  if (!PULLQUOTE_CHECKS.includes(resolved.pullquoteCheck)) {
    throw optionError("pullquoteCheck", "must be one of warn, error, off, got", resolved.pullquoteCheck, 'use "warn", "error" or "off"');
  }
  if (!Array.isArray(resolved.standaloneCities) || resolved.standaloneCities.some((city) => typeof city !== "string")) {
    throw optionError("standaloneCities", "must be a list of city names, got", resolved.standaloneCities, 'use e.g. ["Springfield"]');
  }
  validateImageOptions(resolved);
  const frozen = Object.freeze(resolved);
  resolvedObjects.add(frozen);
  return frozen;
}

function validateImageOptions(resolved: ResolvedNewsroomOptions): void {
  const widths = resolved.imageWidths;
  if (!Array.isArray(widths) || widths.length === 0 || widths.some((width) => !Number.isInteger(width) || width < 16 || width > 8192)) {
    throw optionError("imageWidths", "must be a list of widths in pixels (16 to 8192), got", widths, "use e.g. [480, 800, 1200, 1600]; keep one at least 1200 for large previews");
  }
  if (typeof resolved.imageSizes !== "string" || resolved.imageSizes.trim() === "") {
    throw optionError("imageSizes", "must be a sizes attribute, got", resolved.imageSizes, 'use e.g. "(min-width: 42rem) 40rem, 100vw"');
  }
  if (typeof resolved.imageUrlPath !== "string" || !/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(resolved.imageUrlPath) || resolved.imageUrlPath.includes("/../")) {
    throw optionError("imageUrlPath", "must be a site path starting and ending with /, got", resolved.imageUrlPath, 'use e.g. "/img/" or "/media/photos/"');
  }
  if (typeof resolved.imageCacheDir !== "string" || resolved.imageCacheDir.trim() === "") {
    throw optionError("imageCacheDir", "must be a folder path, got", resolved.imageCacheDir, 'use e.g. ".cache/newsroom-images"');
  }
  if (resolved.fallbackImage !== undefined && typeof resolved.fallbackImage !== "function") {
    throw optionError("fallbackImage", "must be a function, got", resolved.fallbackImage, "pass async ({ page, data, quotations }) => ({ url, width, height })");
  }
}
