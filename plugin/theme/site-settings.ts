/**
 * `_data/site.json`: the publication's settings, the one file every newsroom site must have. Its
 * schema and its checks live here alone (the theme, the starter and the docs read them), so a
 * missing file, an unknown key or a wrong type stops the build naming the file and the key.
 */
import { readFileSync } from "node:fs";
import { refuseReservedKeys } from "./reserved-keys.js";
import path from "node:path";
import { assertValidZone } from "../dates.js";
import { closestMatch, NewsroomError } from "../errors.js";
import { isAbsoluteHttpUrl, isSafeUrl, siteUrlFault } from "../escape.js";
import { PUBLISHER_POLICIES, type PublisherPolicy } from "../structured-data.js";
import type { NewsroomOptions, PublisherOptions } from "../options.js";

/** The publication's logo: a site path (`/assets/logo.svg`) or an absolute URL, with its size if known. */
export type SiteLogo = string | { url: string; width?: number; height?: number };

/** The organisation that publishes the site: the byline of unsigned stories and the structured data's publisher. */
export interface SiteOrganisation {
  name: string;
  /** Home page of the organisation, if not the site. */
  url?: string;
  /** Required: Google shows it with the publisher of news articles. */
  logo: SiteLogo;
  /** Profiles of the organisation elsewhere (absolute URLs). */
  sameAs?: string[];
  /** The Trust Project's policies: site paths the build publishes, or absolute URLs. */
  policies?: Partial<Record<PublisherPolicy, string>>;
}

/**
 * The site's own share image: what social sites show for pages without a photo of their own, in
 * place of the card the theme draws with the site's name (which it cannot draw for every script).
 */
export interface SiteShareImage {
  /** A site path from the input folder, e.g. `/assets/share.png`; at least 1200 px wide is best. */
  src: string;
  /** What the image shows, for readers who cannot see it. */
  alt: string;
}

const SHARE_IMAGE_KEYS: readonly (keyof SiteShareImage)[] = ["src", "alt"];
const SHARE_IMAGE_EXAMPLE = '"shareImage": { "src": "/assets/share.png", "alt": "The Riverton Ledger\'s name on a blue ground" }';
const ORGANISATION_KEYS: readonly (keyof SiteOrganisation)[] = ["name", "url", "logo", "sameAs", "policies"];
const LOGO_KEYS = ["url", "width", "height"];

/** Site settings that the theme's options may give instead (`newsroom.siteUrl`, …). */
export interface SettingsFromOptions {
  url?: boolean;
  language?: boolean;
  timeZone?: boolean;
  organisation?: boolean;
}

type Check = (file: string, key: string, value: unknown) => void;

function settingError(file: string, key: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `site settings ${key}`, problem, value, fix, inputPath: file });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const text: (fix: string) => Check = (fix) => (file, key, value) => {
  if (typeof value !== "string" || value.trim() === "") throw settingError(file, key, value === undefined ? "is missing" : "must be non-empty text, got", value, fix);
};


const absoluteUrl: (example: string) => Check = (example) => (file, key, value) => {
  if (!isAbsoluteHttpUrl(value)) throw settingError(file, key, "must be an absolute http(s) URL, got", value, `write e.g. "${example}"`);
};

const urlList: Check = (file, key, value) => {
  if (!Array.isArray(value) || !value.every(isAbsoluteHttpUrl)) throw settingError(file, key, "must be a list of absolute http(s) URLs, got", value, 'write e.g. ["https://social.example/@paper"]');
};

function checkUnknownKeys(file: string, prefix: string, record: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const guess = closestMatch(key, known);
    throw settingError(file, `${prefix}${key}`, "unknown key", key, guess ? `did you mean "${guess}"? The keys are ${known.join(", ")}` : `use only ${known.join(", ")}`);
  }
}

function checkLogo(file: string, logo: unknown): void {
  const key = "organisation.logo";
  const fix = 'put your publication\'s own logo in the site (e.g. assets/logo.svg) and write "logo": "/assets/logo.svg", or { "url": "/assets/logo.png", "width": 600, "height": 60 }';
  if (logo === undefined) throw settingError(file, key, "is missing (news articles name their publisher with its logo)", undefined, fix);
  const url = isRecord(logo) ? logo.url : logo;
  if (isRecord(logo)) {
    checkUnknownKeys(file, `${key}.`, logo, LOGO_KEYS);
    for (const size of ["width", "height"]) {
      const value = logo[size];
      if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) throw settingError(file, `${key}.${size}`, "must be a whole number of pixels, got", value, "write e.g. 600");
    }
  }
  if (typeof url !== "string" || url.trim() === "" || !(url.startsWith("/") || isAbsoluteHttpUrl(url))) {
    throw settingError(file, isRecord(logo) ? `${key}.url` : key, "must be a site path starting with / or an absolute http(s) URL, got", url, fix);
  }
}

function checkShareImage(file: string, image: unknown): void {
  if (!isRecord(image)) throw settingError(file, "shareImage", "must be an object with src and alt, got", image, `write ${SHARE_IMAGE_EXAMPLE}`);
  checkUnknownKeys(file, "shareImage.", image, SHARE_IMAGE_KEYS);
  if (typeof image.src !== "string" || !image.src.startsWith("/")) {
    throw settingError(file, "shareImage.src", image.src === undefined ? "is missing" : "must be a site path starting with / (from the input folder), got", image.src, `write ${SHARE_IMAGE_EXAMPLE}`);
  }
  text(`describe what the image shows, e.g. ${SHARE_IMAGE_EXAMPLE}`)(file, "shareImage.alt", image.alt);
}

/** One key of `site.json`, declared once: its type, whether it is required, its check and its docs line. */
interface Setting<T> {
  /** Required unless the theme's options give it instead (`fromOption`). */
  required: boolean;
  fromOption?: keyof SettingsFromOptions;
  /** The fix when a required key is missing. */
  missingFix?: string;
  check: Check;
  doc: string;
  /** Rows the docs table adds under this key's, for keys inside it. */
  rows?: readonly [key: string, required: boolean, doc: string][];
  /** Only for the type: the key's value. */
  type?: T;
}

const setting = <T>(declared: Setting<T>): Setting<T> => declared;

/**
 * What `_data/site.json` may hold, in the order the docs list it: anything else is a typo to
 * report. The one declaration of the settings' types, checks and docs table.
 */
export const SITE_SETTINGS = {
  /** The publication's name, in every page title and feed. */
  name: setting<string>({
    required: true,
    check: text('write the publication\'s name, e.g. "name": "Riverton Ledger"'),
    doc: "the publication's name, in every page title, feed and the Google News sitemap",
  }),
  /** Absolute URL where the site is published (origin and, on GitHub Pages, nothing else: the path prefix is added). */
  url: setting<string>({
    required: true,
    fromOption: "url",
    missingFix: 'add the address the site is published at, e.g. "url": "https://news.example.org" (the SITE_URL environment variable overrides it when building)',
    check: (file, key, value) => {
      absoluteUrl("https://news.example.org")(file, key, value);
      const fault = siteUrlFault(value as string);
      if (fault) throw settingError(file, key, fault.problem, fault.shown, fault.fix);
    },
    doc: "the absolute address the site is published at, e.g. `https://news.example.org`: its origin alone (a user, password, query or path stops the build; Eleventy's path prefix is added). The `SITE_URL` environment variable overrides it when set, as the Pages workflow does",
  }),
  /** Language tag of the site, e.g. `en-US`. */
  language: setting<string>({
    required: true,
    fromOption: "language",
    missingFix: 'add the language of the stories, e.g. "language": "en-US"',
    check: languageTag,
    doc: "language tag of the stories, e.g. `en-US` (`<html lang>`, feeds, structured data). A language written right to left (`ar`, `he`, `fa`, `ur`…) gives every page `dir=\"rtl\"`, and the stylesheet follows it; the theme's own words (By, Published, Share…) stay English",
  }),
  /** IANA time zone of the newsroom, e.g. `America/New_York`: dates are shown and filed in it. */
  timeZone: setting<string>({
    required: true,
    fromOption: "timeZone",
    missingFix: 'add the newsroom\'s IANA time zone, e.g. "timeZone": "America/Chicago": dates are shown and filed in it',
    check: zone,
    doc: "the newsroom's IANA time zone, e.g. `America/Chicago`: times are shown and stories filed under the day in it",
  }),
  /** The organisation that publishes the site. */
  organisation: setting<SiteOrganisation>({
    required: true,
    fromOption: "organisation",
    missingFix: 'add "organisation": { "name": "Riverton Ledger", "logo": "/assets/logo.svg" } (the byline of unsigned stories and the publisher in structured data)',
    check: () => undefined,
    doc: "the publisher: `name` (required; the byline of unsigned stories), `logo` (required), `url`, `sameAs` (list of profile URLs), `policies`",
    rows: [["organisation.logo", true, "your publication's own logo, a site path (`\"/assets/logo.svg\"`) or absolute URL, or `{ \"url\": …, \"width\": 600, \"height\": 60 }`. The theme ships no logo: a site path must be a file the build publishes (put it in your `assets/` folder), or the build stops"], ["organisation.policies", false, "the newsroom's standards, each a site path the build publishes or an absolute URL, by schema.org name: `publishingPrinciples`, `ethicsPolicy`, `correctionsPolicy`, `verificationFactCheckingPolicy`, `unnamedSourcesPolicy`, `noBylinesPolicy`, `diversityPolicy`, `missionCoveragePrioritiesPolicy`, `ownershipFundingInfo`, `actionableFeedbackPolicy`, `masthead`. On the publisher's structured data and in the Standards list every page's footer and each byline link to ([Kinds and trust](#kinds-and-trust))"]],
  }),
  /** One line under the name in the masthead and the feeds' subtitle. */
  tagline: setting<string | undefined>({ required: false, check: text('write text, or leave "tagline" out'), doc: "a line under the name in the masthead; the feeds' subtitle" }),
  /** A paragraph on the about page. */
  about: setting<string | undefined>({ required: false, check: text('write text, or leave "about" out'), doc: "a paragraph on the about page" }),
  /** Shared for pages without a photo, instead of the site's drawn card. */
  shareImage: setting<SiteShareImage | undefined>({
    required: false,
    check: (file, _key, value) => checkShareImage(file, value),
    doc: "the site's own share image, `{ \"src\": \"/assets/share.png\", \"alt\": \"What it shows\" }`: shared by the front page, list pages and, with `storyCards: false`, stories without a photo, instead of the card the theme draws with the site's name. Published whole (not cropped) as a JPEG 1200 px wide; 1200x630 is the shape social sites show, and a picture narrower than 1200 px stops the build. A site whose name is written right to left needs it ([Share cards](#photos))",
  }),
  /** Front-matter fields of this site's own, allowed in articles beside the theme's. */
  extraFields: setting<string[] | undefined>({
    required: false,
    check: (file, key, fields) => {
      if (!Array.isArray(fields) || !fields.every((field) => typeof field === "string" && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(field))) {
        throw settingError(file, key, "must be a list of front-matter field names, got", fields, 'write e.g. "extraFields": ["podcast", "audioUrl"]');
      }
    },
    doc: "front-matter fields of your own that articles may carry, e.g. `[\"podcast\"]` (see below)",
  }),
};

type SettingValue<S> = S extends Setting<infer T> ? T : never;
type RequiredSettings<S> = { [K in keyof S as S[K] extends Setting<infer T> ? (undefined extends T ? never : K) : never]: SettingValue<S[K]> };
type OptionalSettings<S> = { [K in keyof S as S[K] extends Setting<infer T> ? (undefined extends T ? K : never) : never]?: SettingValue<S[K]> };

/** `_data/site.json` as the theme reads it (SITE_SETTINGS declares each key). */
export type SiteSettings = RequiredSettings<typeof SITE_SETTINGS> & OptionalSettings<typeof SITE_SETTINGS>;

/** What `_data/site.json` may hold; anything else is a typo to report. */
export const SITE_SETTINGS_KEYS = Object.keys(SITE_SETTINGS) as (keyof SiteSettings)[];

/** The docs table of `site.json`'s keys. */
export function siteSettingsTable(): string {
  const row = (key: string, required: boolean, doc: string) => `| \`${key}\` | ${required ? "yes" : "no"} | ${doc} |`;
  const rows = Object.entries(SITE_SETTINGS).flatMap(([key, declared]: [string, Setting<unknown>]) => [row(key, declared.required, declared.doc), ...(declared.rows ?? []).map(([nested, required, doc]) => row(nested, required, doc))]);
  return ["| key | required | meaning |", "|---|---|---|", ...rows].join("\n");
}

/**
 * Checks parsed settings. `fromOptions` names the settings the theme's options give instead, which
 * the file may then leave out (a key the file does give is still checked).
 */
export function validateSiteSettings(value: unknown, file: string, fromOptions: SettingsFromOptions = {}): SiteSettings {
  if (!isRecord(value)) throw settingError(file, "(the whole file)", "must be a JSON object, got", value, 'write { "name": "…", "url": "…", … } as docs/theme.md shows (Site settings)');
  checkUnknownKeys(file, "", value, SITE_SETTINGS_KEYS);
  for (const [key, declared] of Object.entries(SITE_SETTINGS) as [keyof SiteSettings, Setting<unknown>][]) {
    if (value[key] !== undefined) declared.check(file, key, value[key]);
    else if (declared.required && !(declared.fromOption && fromOptions[declared.fromOption])) throw settingError(file, key, "is missing", undefined, declared.missingFix ?? `add "${key}"`);
  }
  const organisation = value.organisation;
  if (organisation !== undefined) {
    if (!isRecord(organisation)) throw settingError(file, "organisation", "must be an object, got", organisation, 'write { "name": "…", "logo": "/assets/logo.svg" }');
    checkUnknownKeys(file, "organisation.", organisation, ORGANISATION_KEYS);
    text('write the organisation\'s name, e.g. "name": "Riverton Ledger"')(file, "organisation.name", organisation.name);
    if (organisation.url !== undefined) absoluteUrl("https://news.example.org/")(file, "organisation.url", organisation.url);
    if (organisation.sameAs !== undefined) urlList(file, "organisation.sameAs", organisation.sameAs);
    if (!fromOptions.organisation || organisation.logo !== undefined) checkLogo(file, organisation.logo);
    if (organisation.policies !== undefined) checkPolicies(file, organisation.policies);
  }
  return value as unknown as SiteSettings;
}

/** Each policy a link: a site path (checked against the output after the build) or an absolute URL. */
function checkPolicies(file: string, policies: unknown): void {
  const fix = 'write e.g. "policies": { "ethicsPolicy": "/standards/ethics/", "correctionsPolicy": "https://news.example.org/corrections/" }';
  if (!isRecord(policies)) throw settingError(file, "organisation.policies", "must be an object of links by policy, got", policies, fix);
  checkUnknownKeys(file, "organisation.policies.", policies, PUBLISHER_POLICIES);
  for (const [policy, url] of Object.entries(policies)) {
    const key = `organisation.policies.${policy}`;
    if (typeof url !== "string" || !isSafeUrl(url)) throw settingError(file, key, "must be a site path or an absolute http(s) URL, got", url, fix);
    if (/^https?:/i.test(url) && siteUrlCredentials(url)) throw settingError(file, key, "holds a user name or password, which every page would publish", "***", "write the address without the user and password");
  }
}

function siteUrlCredentials(url: string): boolean {
  const parsed = new URL(url);
  return parsed.username !== "" || parsed.password !== "";
}

function languageTag(file: string, key: string, value: unknown): void {
  if (typeof value !== "string" || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) throw settingError(file, key, "must be a language tag, got", value, 'write e.g. "en-US"');
}

function zone(file: string, key: string, value: unknown): void {
  if (typeof value !== "string") throw settingError(file, key, "must be text, got", value, 'write an IANA zone such as "America/New_York"');
  try {
    assertValidZone(value, `site settings ${key}`);
  } catch (error) {
    throw error instanceof NewsroomError ? error.inFile(file) : error;
  }
}

/** Reads and checks `site.json` in the data folder; a missing or unreadable file stops the build. */
export function readSiteSettings(dataDir: string, fromOptions: SettingsFromOptions = {}): SiteSettings {
  const file = path.join(dataDir, "site.json");
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    throw new NewsroomError({
      where: "site settings",
      problem: "the site has no settings file",
      value: file,
      fix: 'create it with at least { "name": "…", "url": "https://…", "language": "en-US", "timeZone": "America/New_York", "organisation": { "name": "…", "logo": "/assets/logo.svg" } }',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw settingError(file, "(the whole file)", "is not valid JSON", (error as Error).message, "fix the JSON syntax (quotes around keys and text, no trailing commas)");
  }
  refuseReservedKeys(parsed, "site settings", file);
  return validateSiteSettings(parsed, file, fromOptions);
}

// Scripts written right to left, and languages for runtimes whose Intl.Locale cannot say.
const RIGHT_TO_LEFT_SCRIPTS = new Set(["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Samr", "Mand"]);
const RIGHT_TO_LEFT_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "nqo", "ps", "sd", "syr", "ug", "ur", "yi"]);

/** What Intl.Locale says of a language's writing direction; named `getTextInfo()` in newer runtimes, `textInfo` before. */
interface LocaleTextInfo {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/** The direction a language is written in, for `<html dir>`: Arabic, Hebrew, Persian, Urdu… right to left. */
export function textDirection(language: string): "ltr" | "rtl" {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language);
  } catch {
    return "ltr";
  }
  // A script named in the tag decides (Intl answers "ltr" for ku-Arab: it goes by the language).
  if (locale.script) return RIGHT_TO_LEFT_SCRIPTS.has(locale.script) ? "rtl" : "ltr";
  const info = locale as unknown as LocaleTextInfo;
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  if (direction === "rtl" || direction === "ltr") return direction;
  return RIGHT_TO_LEFT_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}

/** The plugin options the settings stand for; options given to the theme override them. */
export function newsroomOptionsFromSettings(settings: SiteSettings): NewsroomOptions {
  const { organisation } = settings;
  const publisher: PublisherOptions | undefined = organisation
    ? {
        name: organisation.name,
        logo: organisation.logo,
        ...(organisation.url === undefined ? {} : { url: organisation.url }),
        ...(organisation.sameAs === undefined ? {} : { sameAs: organisation.sameAs }),
        ...(organisation.policies === undefined ? {} : { policies: organisation.policies }),
      }
    : undefined;
  return { siteUrl: settings.url, language: settings.language, timeZone: settings.timeZone, publisher };
}
