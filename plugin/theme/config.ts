/**
 * The theme's configuration, resolved once when the theme is added: the site's settings
 * (`_data/site.json`), the theme's options over them, and the environment (`SITE_URL`) over both,
 * into one typed object that every other room of the theme reads. Each value has one default,
 * applied here.
 */
import path from "node:path";
import { AP_STANDALONE_CITIES } from "../data/standalone-cities.js";
import type { EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { isAbsoluteHttpUrl, siteUrlFault } from "../escape.js";
import { resolveOptions, type FallbackImageContext, type ImageReference, type ResolvedNewsroomOptions } from "../options.js";
import { resolveThemeOptions, type ResolvedNewsroomThemeOptions } from "./options.js";
import type { RegistryName } from "./registry-fields.js";
import { newsroomOptionsFromSettings, readSiteSettings, textDirection, type SiteSettings } from "./site-settings.js";

/** The article column (`--measure` in site.css) inside main's 1rem padding: what photos are drawn at. */
export const COLUMN_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

export interface SiteDirectories {
  /** Input folder as Eleventy's input paths start, without "./": "src/" or "" for the project folder. */
  input: string;
  includes: string;
  data: string;
}

export interface ThemeConfig {
  /** The theme's options, defaults applied. */
  options: Readonly<ResolvedNewsroomThemeOptions>;
  /** The plugin's options as the theme gives them: settings, then the theme's `newsroom`, then SITE_URL. */
  newsroom: Readonly<ResolvedNewsroomOptions>;
  settings: SiteSettings;
  /** Each registry's global data key, its file's name in the data folder (`sections` → `sections.json`). */
  registryKeys: Readonly<Record<RegistryName, string>>;
  /** `_data/site.json`, for errors and the watch list. */
  settingsFile: string;
  directories: SiteDirectories;
  /** The newsroom's zone: dates are shown, filed and cut into months in it. */
  zone: string;
  /** The site's language tag and its writing direction. */
  language: string;
  direction: "ltr" | "rtl";
  /** The publisher's name, as structured data gives it. */
  publisherName: string;
  /** Cities that stand alone in a dateline: AP's and the site's own. */
  standaloneCities: readonly string[];
  /** Front-matter fields of the site's own (site.json `extraFields`). */
  extraFields: readonly string[];
  /** The stories' folder from the project (`src/articles`), as a file path. */
  articlesFolder: string;
  /** Whether a template is a story: any file rendered from the articles folder. */
  isArticle(inputPath: string): boolean;
  /** A story's path inside the articles folder (`2025/budget.md`). */
  storyName(inputPath: string): string;
  /** Eleventy's output folder, as it stands when asked (the CLI's `--output` is known later). */
  outputDir(): string;
}

/** What the theme gives the plugin beyond the settings: links to its own pages and a fallback image. */
export interface ThemeHooks {
  fallbackImage: (context: FallbackImageContext) => Promise<ImageReference | undefined>;
}

export function resolveThemeConfig(eleventyConfig: EleventyConfig, userOptions: unknown, hooks: ThemeHooks): ThemeConfig {
  const options = resolveThemeOptions(userOptions);
  const given = options.newsroom;
  // Eleventy runs plugins after the config function, so the site's folders are known here.
  const directories = siteDirectories(eleventyConfig);
  const siteUrlFromEnvironment = readSiteUrlEnvironment();
  const settings = readSiteSettings(directories.data, {
    url: given.siteUrl !== undefined || siteUrlFromEnvironment !== undefined,
    language: given.language !== undefined,
    timeZone: given.timeZone !== undefined,
    organisation: given.publisher !== undefined,
  });
  // site.json first, the theme's options over it, SITE_URL over both (the Pages workflow sets it
  // to the address it deploys to). The plugin takes this object as it is.
  const newsroom = resolveOptions({
    speakerUrl: (speaker: { id?: string | undefined }) => (speaker.id ? `/speakers/${speaker.id}/` : undefined),
    authorUrl: (id: string) => `/authors/${id}/`,
    imageSizes: COLUMN_SIZES,
    // A story without a photo is shown in search and on social sites by its share card.
    fallbackImage: hooks.fallbackImage,
    ...newsroomOptionsFromSettings(settings),
    ...given,
    ...(siteUrlFromEnvironment === undefined ? {} : { siteUrl: siteUrlFromEnvironment }),
  });
  const articlesPrefix = `${directories.input}${options.articlesDir}/`;
  // The templates read the language and publisher as the plugin resolved them, not site.json's:
  // a setting the theme's options give (newsroom.language, newsroom.publisher) may be missing
  // there, or say otherwise.
  const language = newsroom.language ?? "en";
  return {
    options,
    newsroom,
    settings,
    registryKeys: { sections: newsroom.sectionsDataKey, authors: newsroom.authorsDataKey, speakers: newsroom.speakersDataKey, kinds: "kinds" },
    settingsFile: path.join(directories.data, "site.json"),
    directories,
    zone: newsroom.timeZone ?? "utc",
    language,
    direction: textDirection(language),
    publisherName: newsroom.publisher?.name ?? settings.name,
    standaloneCities: [...AP_STANDALONE_CITIES, ...newsroom.standaloneCities],
    extraFields: settings.extraFields ?? [],
    articlesFolder: path.join(directories.input || ".", options.articlesDir),
    isArticle: (inputPath) => normalizeInputPath(inputPath).startsWith(articlesPrefix),
    storyName: (inputPath) => normalizeInputPath(inputPath).slice(articlesPrefix.length),
    outputDir: () => eleventyConfig.directories?.output ?? "_site",
  };
}

/** Input paths already normalised: a build asks for each template's many times (lists, checks, watch mode). */
const normalizedInputPaths = new Map<string, string>();

/** An input path as the theme compares them: "/" between folders, no leading "./". */
export function normalizeInputPath(inputPath: string): string {
  let normalized = normalizedInputPaths.get(inputPath);
  if (normalized === undefined) normalizedInputPaths.set(inputPath, (normalized = inputPath.split(path.sep).join("/").replace(/^\.\//, "")));
  return normalized;
}

function siteDirectories(eleventyConfig: EleventyConfig): SiteDirectories {
  const input = normalizeInputPath(eleventyConfig.directories?.input ?? "./").replace(/\/?$/, "/").replace(/^\.?\/$/, "");
  return {
    input,
    includes: eleventyConfig.directories?.includes ?? path.join(input, "_includes"),
    data: eleventyConfig.directories?.data ?? path.join(input, "_data"),
  };
}

/** `SITE_URL`, when set: the address the site is being built for (the Pages workflow sets it). */
function readSiteUrlEnvironment(): string | undefined {
  const value = process.env.SITE_URL;
  if (value === undefined || value.trim() === "") return undefined;
  if (!isAbsoluteHttpUrl(value)) {
    throw new NewsroomError({ where: "environment variable SITE_URL", problem: "must be an absolute http(s) URL, got", value, fix: "set it to the published address, e.g. SITE_URL=https://user.github.io, or unset it to use site.json's url" });
  }
  const fault = siteUrlFault(value);
  // The Pages workflow sets the origin (configure-pages' `origin`) and gives the path as --pathprefix.
  if (fault) throw new NewsroomError({ where: "environment variable SITE_URL", problem: fault.problem, value: fault.shown, fix: `${fault.fix} (in a GitHub Pages workflow: SITE_URL: \${{ steps.pages.outputs.origin }})` });
  return value;
}
