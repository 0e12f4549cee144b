/**
 * eleventy-plugin-newsroom: newsroom shortcodes and filters for Eleventy 3.
 *
 *   import newsroom from "eleventy-plugin-newsroom";
 *   eleventyConfig.addPlugin(newsroom, { timeZone: "America/New_York" });
 *
 * This file only registers; each concept lives in its own module and is a pure function.
 */
import { existsSync } from "node:fs";
import { reportErrorsToGitHub } from "./annotations.js";
import { forgetReportedCauses, namingFile, reportCause } from "./arguments.js";
import { BuildState } from "./build-state.js";
import { AP_STANDALONE_CITIES } from "./data/standalone-cities.js";
import type { EleventyConfig } from "./eleventy-types.js";
import { newsroomFilters } from "./filters.js";
import { addMisquoteCheck } from "./misquote-check.js";
import { resolveOptions, type NewsroomOptions, type ResolvedNewsroomOptions } from "./options.js";
import { Photos } from "./photos.js";
import { guardLiquidShortcodeTypos, guardShortcodeTypos, pluginTags } from "./shortcode-typos.js";
import { newsroomShortcodes } from "./shortcodes.js";
import { resolveSpeakerId, validateRegistry, type SpeakerRegistry } from "./speakers.js";

/** The Eleventy versions the plugin and theme are tested with (package.json peerDependencies says the same). */
export const SUPPORTED_ELEVENTY = ">=3.1.0 <4";

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomOptions = {}): void {
  eleventyConfig.versionCheck?.(SUPPORTED_ELEVENTY);
  // In GitHub Actions, each newsroom error also as an annotation on the commit.
  reportErrorsToGitHub();
  const options = resolveOptions(userOptions);
  const state = new BuildState(options.speakers);
  const standaloneCities = [...AP_STANDALONE_CITIES, ...options.standaloneCities];

  const photos = new Photos(() => photoSettings(eleventyConfig, options));
  // Watch mode with --incremental renders only what changed: the other pages' quotations stay.
  eleventyConfig.on("eleventy.before", (event) => {
    state.reset({ keepPages: event?.incremental === true });
    photos.reset();
    forgetReportedCauses();
  });

  // Collections are built after the data cascade and before any page renders: the one moment a
  // plugin can read global data. The registry is checked here once, not on every call.
  eleventyConfig.addCollection("_newsroomRegistry", (api) => {
    const items = api.getAll();
    const globalRegistry = items[0]?.data[options.speakersDataKey];
    const fromData = validateRegistry(globalRegistry, `global data "${options.speakersDataKey}"`);
    state.registry = { ...fromData, ...options.speakers };
    for (const item of items) {
      checkFrontMatterPeople(item.inputPath, item.data.people, state.registry);
      state.rememberPageData({ inputPath: item.inputPath, url: item.url }, item.data, item);
    }
    state.forgetRemovedPages(new Set(items.map((item) => item.inputPath)), existsSync);
    return [];
  });

  const context = { eleventyConfig, options, state, photos, standaloneCities };
  const { shortcodes, paired: pairedShortcodes } = newsroomShortcodes(context);
  const filters = newsroomFilters(context);
  for (const [name, fn] of Object.entries(shortcodes)) eleventyConfig.addShortcode(name, fn);
  for (const [name, fn] of Object.entries(pairedShortcodes)) eleventyConfig.addPairedShortcode(name, fn);
  for (const [name, fn] of Object.entries(filters)) eleventyConfig.addFilter(name, fn);
  // A misspelt shortcode name gets a "did you mean" instead of the engine's "unknown tag".
  const tags = pluginTags(Object.keys(shortcodes), Object.keys(pairedShortcodes));
  eleventyConfig.amendLibrary("njk", (environment) => guardShortcodeTypos(environment, tags, reportCause));
  eleventyConfig.amendLibrary("liquid", (liquid) => guardLiquidShortcodeTypos(liquid, tags, reportCause));

  addMisquoteCheck(context);
}

/** Where this build's photos go: Eleventy's folders (resolved by the time anything renders) and the options. */
function photoSettings(eleventyConfig: EleventyConfig, options: ResolvedNewsroomOptions) {
  return {
    inputDir: eleventyConfig.directories?.input ?? ".",
    outputDir: eleventyConfig.directories?.output ?? "_site",
    cacheDir: options.imageCacheDir,
    urlPath: options.imageUrlPath,
    widths: options.imageWidths,
    modernFormats: options.imageFormats,
  };
}

/**
 * Front matter `people:` lists the registry ids of the people an article quotes (not `speakers`,
 * which would shadow the global registry on that page). A typo fails the build, naming the file.
 */
function checkFrontMatterPeople(inputPath: string, people: unknown, registry: SpeakerRegistry): void {
  if (people === undefined) return;
  const ids = Array.isArray(people) ? people : [people];
  for (const id of ids) namingFile(inputPath, () => resolveSpeakerId(id, registry, "front matter people"));
}

export { AUTHOR_PHOTO_WIDTH } from "./shortcodes.js";
export { NewsroomError } from "./errors.js";
export type { NewsroomErrorDetails } from "./errors.js";
export type { EleventyConfig } from "./eleventy-types.js";
export { DEFAULT_OPTIONS, resolveOptions } from "./options.js";
export type { NewsroomOptions, ResolvedNewsroomOptions, PullquoteCheck } from "./options.js";
export { formatApDate, formatApTime, formatApDateTime, formatIsoDate, machineDate, toDateTime, isCalendarDay, writtenDate, latestDate, AP_DATE_STYLES } from "./dates.js";
export { readCorrections, lastModified } from "./corrections.js";
export type { Correction } from "./corrections.js";
export type { ApDateStyle, DateInput, DateFormatOptions } from "./dates.js";
export { renderDateline, datelineText, parseDatelinePlace } from "./dateline.js";
export type { DatelineOptions, DatelinePlace } from "./dateline.js";
export { AP_STANDALONE_CITIES, AP_STANDALONE_US_CITIES, AP_STANDALONE_WORLD_CITIES } from "./data/standalone-cities.js";
export { renderPullquote, pullquoteText, parsePullquoteVariant, PULLQUOTE_PLACEMENTS } from "./pullquote.js";
export type { PullquoteOptions, PullquotePlacement, PullquoteVariant } from "./pullquote.js";
export { renderQuotation, renderInlineQuotation } from "./quotation.js";
export type { QuotationOptions } from "./quotation.js";
export type { QuotationRecord, QuotationKind } from "./quotation-record.js";
export { renderSpeakerReference } from "./speaker-reference.js";
export type { IntroducedSpeakers, SpeakerReferenceOptions } from "./speaker-reference.js";
export { resolveSpeaker, resolveSpeakerId, validateRegistry, firstReferenceName, speakerWords, SPEAKER_FORMS } from "./speakers.js";
export type { Speaker, SpeakerEntry, SpeakerRegistry, SpeakerForm } from "./speakers.js";
export { findMisquotes, normalizeForComparison } from "./integrity.js";
export { escapeHtml, jsonForScript } from "./escape.js";
export { renderFigure, renderPicture, renderFigcaption, photoAlt } from "./figure.js";
export type { FigureText, PictureOptions, PhotoFile, PhotoFormat, ProcessedPhoto } from "./figure.js";
export { parseLeadPhoto, parseFocus } from "./photo-field.js";
export type { LeadPhoto } from "./photo-field.js";
export { Photos } from "./photos.js";
export type { PhotoRequest } from "./photos.js";
export { cropRegion, CROP_RATIOS, LARGE_PREVIEW_WIDTH } from "./images.js";
export type { FocalPoint, PhotoSource, PhotoProcessing } from "./images.js";
export { newsArticleJsonLd, renderJsonLdScript } from "./structured-data.js";
export type { NewsArticleData, JsonLdPerson, JsonLdPublisher } from "./structured-data.js";
export type { SiteQuotation } from "./build-state.js";
export type { PublisherOptions, AuthorRegistryEntry, ImageReference, FallbackImageContext } from "./options.js";
