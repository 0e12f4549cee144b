/**
 * Plugin options: types, documented defaults and validation at `addPlugin` time, so a typo in a
 * config fails the first build instead of quietly doing nothing.
 */
import { assertValidZone } from "./dates.js";
import { NewsroomError, rejectUnknownNames } from "./errors.js";
import { defaultsOf, option, resolveOptionSet, type OptionValues } from "./option-schema.js";
import type { EleventyPage } from "./eleventy-types.js";
import { isAbsoluteHttpUrl, isSafeUrl, siteUrlFault } from "./escape.js";
import { PUBLISHER_POLICIES, type PublisherPolicy } from "./structured-data.js";
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
  /** The publisher's policies (`ethicsPolicy`, `correctionsPolicy`, …): site paths or absolute URLs. */
  policies?: Partial<Record<PublisherPolicy, string>>;
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

/** A NewsroomError about one option, with the fix. */
function optionError(name: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `option ${name}`, problem, value, fix });
}

/** A check of a value that throws the option's error, and otherwise gives the value back as typed. */
const checked = <T>(ok: (value: unknown) => boolean, problem: string, fix: string) => (value: unknown, name: string): T => {
  if (!ok(value)) throw optionError(name, problem, value, fix);
  return value as T;
};
const dataKey = (example: string) => checked<string>((value) => typeof value === "string" && value.trim() !== "", "must be a non-empty string, got", `use the global data name, e.g. "${example}"`);
const optionalFunction = <F>(fix: string) => checked<F | undefined>((value) => value === undefined || typeof value === "function", "must be a function, got", fix);

/**
 * Every plugin option, declared once (option-schema.ts): its type, default, check and docs line.
 * Users pass any subset (`NewsroomOptions`); `resolveOptions` gives back the whole set.
 */
export const PLUGIN_OPTIONS = {
  /** Speakers registry entries, merged over the global data registry (`speakersDataKey`). Default `{}`. */
  speakers: option<SpeakerRegistry>({ default: {}, parse: (value) => validateRegistry(value, "option speakers"), doc: "registry entries, merged over the global data registry" }),
  /** Global data key that holds the speakers registry (`_data/speakers.json`). Default `"speakers"`. */
  speakersDataKey: option<string>({ default: "speakers", parse: dataKey("speakers"), doc: "global data name of the registry" }),
  /** URL of a speaker's page on the site, for linking first references. Default: no links. */
  speakerUrl: option<((speaker: Speaker) => string | undefined) | undefined>({
    default: undefined,
    parse: optionalFunction("pass (speaker) => `/speakers/${speaker.id}/`"),
    defaultText: "none",
    doc: "`(speaker) => url` of a person's page, for linking first references",
  }),
  /** IANA time zone dates are shown in. Default: a string keeps its own offset, a JS Date shows in UTC. */
  timeZone: option<string | undefined>({
    default: undefined,
    parse: (value, name) => {
      if (value === undefined) return undefined;
      if (typeof value !== "string") throw optionError(name, "must be a string, got", value, 'use an IANA zone such as "America/New_York"');
      assertValidZone(value, "option timeZone");
      return value;
    },
    defaultText: "none",
    doc: "IANA zone dates are shown in; without it a string keeps its own offset and a JS Date shows in UTC",
  }),
  /** `apDate` omits the year for dates in this year. Default: the year is always shown. */
  referenceYear: option<number | undefined>({
    default: undefined,
    parse: checked((value) => value === undefined || (Number.isInteger(value) && (value as number) > 0), "must be a whole year, got", "use a number such as 2025, or leave it out to always show the year"),
    defaultText: "none",
    doc: "`apDate` leaves out this year",
  }),
  /** Append the zone abbreviation to `apTime` and `apDateTime` ("9 a.m. EDT"). Default `true`. */
  showTimeZone: option<boolean>({ default: true, parse: (value, name) => booleanOption(value, name), doc: "zone abbreviation after times (`9 a.m. EDT`)" }),
  /** What to do when a pull quote's words are not in the article: warn, fail the build, or skip. Default `"warn"`. */
  pullquoteCheck: option<PullquoteCheck>({
    default: "warn",
    parse: checked((value) => PULLQUOTE_CHECKS.includes(value as PullquoteCheck), "must be one of warn, error, off, got", 'use "warn", "error" or "off"'),
    doc: 'misquote guard: `"warn"`, `"error"` or `"off"`',
  }),
  /** Hide pull quotes from assistive technology unless a shortcode says `exposed`. Default `true`. */
  pullquoteHidden: option<boolean>({ default: true, parse: (value, name) => booleanOption(value, name), doc: "pull quotes hidden from assistive technology unless `exposed`" }),
  /** Extra cities that may stand alone in a dateline, added to the AP list. Default `[]`. */
  standaloneCities: option<string[]>({
    default: [],
    parse: checked((value) => Array.isArray(value) && value.every((city) => typeof city === "string"), "must be a list of city names, got", 'use e.g. ["Springfield"]'),
    doc: "cities added to the AP list that may stand alone in a dateline",
  }),
  /** Absolute URL of the site (origin; Eleventy's pathPrefix is added), for structured data. Default: none. */
  siteUrl: option<string | undefined>({
    default: undefined,
    parse: (value, name) => {
      const url = checked<string | undefined>((given) => given === undefined || isAbsoluteHttpUrl(given), "must be an absolute http(s) URL, got", 'use e.g. "https://news.example.com"')(value, name);
      const fault = url === undefined ? undefined : siteUrlFault(url);
      if (fault) throw optionError(name, fault.problem, fault.shown, fault.fix);
      return url;
    },
    defaultText: "none",
    doc: "absolute URL of the site: its origin alone (a user, password, query or path stops the build; Eleventy's path prefix is added), for structured data",
  }),
  /** The publication, for structured data. Default: none (`newsArticleJsonLd` then asks for it). */
  publisher: option<PublisherOptions | undefined>({
    default: undefined,
    parse: (value) => {
      if (value !== undefined) validatePublisher(value);
      return value as PublisherOptions | undefined;
    },
    defaultText: "none",
    doc: "`{ name, logo, url?, sameAs?, policies? }`, the publication in structured data; `logo` is a site path or URL; `policies` its standards by schema.org name (`ethicsPolicy`, `correctionsPolicy`, …), site paths or URLs",
  }),
  /** Language of the articles, e.g. `en-US`, for structured data. Default: none. */
  language: option<string | undefined>({
    default: undefined,
    parse: checked((value) => value === undefined || (typeof value === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)), "must be a language tag, got", 'use e.g. "en-US"'),
    defaultText: "none",
    doc: "language tag of the articles (`en-US`) for structured data",
  }),
  /** Global data key of the authors registry. Default `"authors"`. */
  authorsDataKey: option<string>({ default: "authors", parse: dataKey("authors"), doc: "global data name of the authors registry" }),
  /** Global data key of the sections registry. Default `"sections"`. */
  sectionsDataKey: option<string>({ default: "sections", parse: dataKey("sections"), doc: "global data name of the sections registry" }),
  /** URL of an author's page on the site. Default: the entry's `url`, if any. */
  authorUrl: option<((id: string, author: AuthorRegistryEntry) => string | undefined) | undefined>({
    default: undefined,
    parse: optionalFunction("pass (id) => `/authors/${id}/`"),
    defaultText: "none",
    doc: "`(id, author) => url` of an author's page",
  }),
  /** Widths in pixels the `figure` shortcode and lead photos are published at (never wider than the source). Default `[480, 800, 1200, 1600]`. */
  imageWidths: option<number[]>({
    default: [480, 800, 1200, 1600],
    parse: checked(
      (widths) => Array.isArray(widths) && widths.length > 0 && widths.every((width) => Number.isInteger(width) && width >= 16 && width <= 8192),
      "must be a list of widths in pixels (16 to 8192), got",
      "use e.g. [480, 800, 1200, 1600]; keep one at least 1200 for large previews",
    ),
    doc: "widths photos are published at (never wider than the source; keep one of at least 1200 for large previews)",
  }),
  /** Formats published beside the JPEG every browser reads, best first. Default `["avif", "webp"]`; `[]` for JPEG alone (the fewest bytes on the host). */
  imageFormats: option<("avif" | "webp")[]>({
    default: ["avif", "webp"],
    parse: checked(
      (formats) => Array.isArray(formats) && formats.every((format) => format === "avif" || format === "webp") && new Set(formats).size === formats.length,
      "must be a list of \"avif\" and \"webp\" (the JPEG is always published), got",
      'use e.g. ["avif", "webp"], ["webp"] or []',
    ),
    doc: "formats published beside the JPEG (`[]` for JPEG alone: fewer bytes on the host)",
  }),
  /** The `sizes` attribute of photos: how wide they are drawn. Default `"100vw"` (the theme sets its column). */
  imageSizes: option<string>({
    default: "100vw",
    parse: checked((value) => typeof value === "string" && value.trim() !== "", "must be a sizes attribute, got", 'use e.g. "(min-width: 42rem) 40rem, 100vw"'),
    doc: "the `sizes` attribute of photos: how wide your layout draws them",
  }),
  /** Site path processed photos are published under, inside Eleventy's output folder. Default `"/img/"`. */
  imageUrlPath: option<string>({
    default: "/img/",
    parse: checked((value) => typeof value === "string" && /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(value) && !value.includes("/../"), "must be a site path starting and ending with /, got", 'use e.g. "/img/" or "/media/photos/"'),
    doc: "site path processed photos are published under, in Eleventy's output folder",
  }),
  /** Folder that keeps processed photos between builds; git-ignore it, keep it in CI caches. Default `".cache/newsroom-images"`. */
  imageCacheDir: option<string>({
    default: ".cache/newsroom-images",
    parse: checked((value) => typeof value === "string" && value.trim() !== "", "must be a folder path, got", 'use e.g. ".cache/newsroom-images"'),
    doc: "folder that keeps processed photos between builds (git-ignore it; cache it in CI)",
  }),
  /** An image for `NewsArticle.image` when a page has no lead photo (the theme gives its share card). Default: none. */
  fallbackImage: option<((context: FallbackImageContext) => Promise<ImageReference | undefined>) | undefined>({
    default: undefined,
    parse: optionalFunction("pass async ({ page, data, quotations }) => ({ url, width, height })"),
    defaultText: "none",
    doc: "`async ({ page, data, quotations }) => ({ url, width, height })`: `NewsArticle.image` for a page without a lead photo",
  }),
};

/** Every option, resolved: the type of what `resolveOptions` gives back. */
export type ResolvedNewsroomOptions = OptionValues<typeof PLUGIN_OPTIONS>;

/** What `addPlugin(newsroom, options)` takes: any subset of the options, each as documented above. */
export type NewsroomOptions = Partial<ResolvedNewsroomOptions>;

export const DEFAULT_OPTIONS: Readonly<ResolvedNewsroomOptions> = Object.freeze(defaultsOf(PLUGIN_OPTIONS));

const PULLQUOTE_CHECKS: readonly PullquoteCheck[] = ["warn", "error", "off"];

function booleanOption(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw optionError(name, "must be true or false, got", value, `set ${name}: true or ${name}: false`);
  return value;
}

const PUBLISHER_KEYS: readonly (keyof PublisherOptions)[] = ["name", "url", "logo", "sameAs", "policies"];

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
  if (record.policies !== undefined) validatePolicies(record.policies);
}

/** The publisher's policies: known names (a misspelt one would vanish from the structured data), each a link. */
function validatePolicies(policies: unknown): void {
  if (typeof policies !== "object" || policies === null || Array.isArray(policies)) {
    throw optionError("publisher", "policies must be an object of links by policy, got", policies, 'write e.g. policies: { ethicsPolicy: "/about/ethics/" }');
  }
  rejectUnknownNames(Object.keys(policies), PUBLISHER_POLICIES, "option publisher.policies", "policy");
  for (const [policy, url] of Object.entries(policies)) {
    if (typeof url !== "string" || !isSafeUrl(url)) throw optionError("publisher", `policies.${policy} must be an absolute http(s) URL or a site path, got`, url, 'write e.g. "/about/ethics/" or "https://news.example.com/ethics/"');
    if (/^https?:/i.test(url) && (new URL(url).username || new URL(url).password)) throw optionError("publisher", `policies.${policy} holds a user name or password, which every page would publish, got`, "***", "write the address without the user and password");
  }
}

/** Objects resolveOptions returned: passing one on (the theme does) is not resolved again. */
const resolvedObjects = new WeakSet<object>();

/**
 * Merges options over the defaults, rejecting unknown names and wrong types with the fix.
 * The result is frozen; giving it back returns it as it is.
 */
export function resolveOptions(input: unknown = {}): Readonly<ResolvedNewsroomOptions> {
  if (typeof input === "object" && input !== null && resolvedObjects.has(input)) return input as ResolvedNewsroomOptions;
  const resolved = resolveOptionSet(PLUGIN_OPTIONS, input, "addPlugin(newsroom, options)", '{ timeZone: "America/New_York" }');
  const frozen = Object.freeze(resolved);
  resolvedObjects.add(frozen);
  return frozen;
}
