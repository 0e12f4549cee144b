/**
 * eleventy-plugin-newsroom: newsroom shortcodes and filters for Eleventy 3.
 *
 *   import newsroom from "eleventy-plugin-newsroom";
 *   eleventyConfig.addPlugin(newsroom, { timeZone: "America/New_York" });
 *
 * This file only registers; each concept lives in its own module and is a pure function.
 */
import { existsSync } from "node:fs";
import { BuildState } from "./build-state.js";
import { lastModified } from "./corrections.js";
// Filter values are checked by toDateTime, which names the filter and the value when they are not dates.
import { formatApDate, formatApDateTime, formatApTime, formatIsoDate, type ApDateStyle, type DateInput } from "./dates.js";
import { dateOptions, forgetReportedCauses, namingFile, onPage, onPageAsync, reportCause, textArguments } from "./arguments.js";
import { renderDateline } from "./dateline.js";
import { AP_STANDALONE_CITIES } from "./data/standalone-cities.js";
import type { EleventyConfig, EleventyPage, TemplateFunction } from "./eleventy-types.js";
import { NewsroomError } from "./errors.js";
import { findMisquotes, type Misquote } from "./integrity.js";
import { holdsLink, liftFragments } from "./nesting.js";
import { photoAlt, renderFigure } from "./figure.js";
import { parseLeadPhoto } from "./photo-field.js";
import { Photos } from "./photos.js";
import { resolveOptions, type AuthorRegistryEntry, type NewsroomOptions, type ResolvedNewsroomOptions } from "./options.js";
import type { QuotationRecord } from "./quotation-record.js";
import { pageStructuredData } from "./page-structured-data.js";
import { renderJsonLdScript } from "./structured-data.js";
import { renderPullquote } from "./pullquote.js";
import { renderedQuotationText, renderInlineQuotation, renderQuotation } from "./quotation.js";
import { guardLiquidShortcodeTypos, guardShortcodeTypos, pluginTags } from "./shortcode-typos.js";
import { renderSpeakerReference } from "./speaker-reference.js";
import { assertSpeakerForm, resolveSpeaker, resolveSpeakerId, validateRegistry, type Speaker, type SpeakerRegistry } from "./speakers.js";

export const SUPPORTED_ELEVENTY = ">=3.0.0";

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomOptions = {}): void {
  eleventyConfig.versionCheck?.(SUPPORTED_ELEVENTY);
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

  /** When a page last changed, if it gives its own date: a file's creation time (Eleventy's
   * default) says nothing about when the story was written. */
  const storyChanged = (page: EleventyPage | undefined): DateInput | undefined => {
    const data = state.dataOf(page);
    if (data?.date === undefined || page?.date === undefined) return undefined;
    // page.date is data.date read ("Last Modified" and the like resolved, a day in the zone).
    return lastModified({ ...data, date: page.date }, page.inputPath, options.timeZone);
  };

  const speakerLink = (speaker: Speaker): string | undefined => speaker.url ?? options.speakerUrl?.(speaker);

  const shortcodes: Record<string, TemplateFunction> = {
    speaker(...args) {
      return onPage(this, () => {
        const [id, form] = textArguments("speaker", args, ["id", "form"]);
        const speaker = resolveSpeakerId(id, state.registry, "speaker");
        const html = renderSpeakerReference(speaker, assertSpeakerForm(form ?? "auto", "speaker"), state.forPage(this.page).introduced, {
          url: speakerLink(speaker),
        });
        state.rememberFragment(this.page, html, { shortcode: "speaker", inline: true });
        return html;
      });
    },
    dateline(...args) {
      return onPage(this, () => {
        const [place, agency, date] = textArguments("dateline", args, ["place", "agency", "date"]);
        const html = renderDateline(place as string, { agency, date, storyDate: storyChanged(this.page), zone: options.timeZone, standaloneCities });
        state.rememberFragment(this.page, html, { shortcode: "dateline", inline: false });
        return html;
      });
    },
  };

  // Paired shortcodes get their bodies with the shortcodes inside already rendered: the plugin's
  // own fragments are lifted out before Markdown and put back after (nesting.ts).
  const pairedShortcodes: Record<string, TemplateFunction> = {
    pullquote(body, ...args) {
      return onPage(this, () => {
        const [who, variant] = textArguments("pullquote", args, ["speaker", "variant"]);
        const speaker = resolveSpeaker(who, state.registry, "pullquote");
        const rendered = state.forPage(this.page).fragments;
        const lifted = liftFragments(String(body ?? ""), rendered, "pullquote");
        const html = renderPullquote(typeof body === "string" ? lifted.text : body, speaker, {
          variant,
          hidden: options.pullquoteHidden,
          restore: lifted.restore,
          nestedLink: holdsLink(lifted, rendered),
        });
        state.recordQuotation(this.page, { kind: "pullquote", text: renderedQuotationText(innerOf(html, "blockquote")), speaker });
        state.rememberFragment(this.page, html, { shortcode: "pullquote", inline: false });
        return html;
      });
    },
    quote(body, ...args) {
      return onPage(this, () => {
        const [who, occasion, place, date, cite] = textArguments("quote", args, ["speaker", "occasion", "place", "date", "cite"]);
        const speaker = resolveSpeaker(who, state.registry, "quote");
        const lifted = liftFragments(String(body ?? ""), state.forPage(this.page).fragments, "quote");
        const html = renderQuotation(typeof body === "string" ? lifted.text : body, speaker, {
          occasion, place, date, cite,
          storyDate: storyChanged(this.page),
          zone: options.timeZone,
          referenceYear: options.referenceYear,
          speakerUrl: speakerLink(speaker),
          restore: lifted.restore,
        });
        state.recordQuotation(this.page, {
          kind: "quote", text: renderedQuotationText(innerOf(html, "blockquote")), speaker, occasion, place, cite,
          date: date === undefined ? undefined : formatIsoDate(date, { zone: options.timeZone, where: "quote" }),
        });
        state.rememberFragment(this.page, html, { shortcode: "quote", inline: false });
        return html;
      });
    },
    inlineQuote(body, ...args) {
      return onPage(this, () => {
        const [who, cite] = textArguments("inlineQuote", args, ["speaker", "cite"]);
        const speaker = resolveSpeaker(who, state.registry, "inlineQuote");
        const lifted = liftFragments(String(body ?? ""), state.forPage(this.page).fragments, "inlineQuote");
        const words = typeof body === "string" ? lifted.text : body;
        const atDepth = (depth: number) => renderInlineQuotation(words, speaker, { cite, depth, restore: lifted.restore });
        const html = atDepth(0);
        // The words without the outer marks; quotations inside keep theirs.
        state.recordQuotation(this.page, { kind: "inline", text: renderedQuotationText(html.replace(/^<span[^>]*>“|”<\/span>$/g, "")), speaker, cite });
        state.rememberFragment(this.page, html, { shortcode: "inlineQuote", inline: true, atDepth });
        return html;
      });
    },
  };

  // Photos take time to process: this shortcode is asynchronous (every template language awaits it).
  shortcodes.figure = async function (...args) {
    return onPageAsync(this, async () => {
      const [src, alt, caption, credit] = textArguments("figure", args, ["src", "alt", "caption", "credit"]);
      const text = { alt, caption, credit };
      photoAlt(text, "figure");
      const source = await photos.source(src, { inputPath: this.page?.inputPath, where: "figure" });
      return renderFigure(await photos.responsive(source), text, { sizes: options.imageSizes, priority: "inline", where: "figure" });
    });
  };

  shortcodes.newsArticleJsonLd = async function (...args) {
    return onPageAsync(this, async () => {
      textArguments("newsArticleJsonLd", args, []);
      const data = state.dataOf(this.page);
      const quotations = state.forPage(this.page).quotations;
      return renderJsonLdScript(
        pageStructuredData({
          page: this.page,
          data,
          quotations,
          options,
          pathPrefix: eleventyConfig.pathPrefix,
          speakerLink,
          standaloneCities,
          images: await articleImages(this.page, data, quotations),
          authorImages: await authorImages(data),
        }),
      );
    });
  };

  /** The lead photo in Google's three aspect ratios, or the fallback (the theme's share card). */
  async function articleImages(page: EleventyPage | undefined, data: Record<string, unknown> | undefined, quotations: QuotationRecord[]) {
    if (!data || !page) return undefined;
    const lead = parseLeadPhoto(data.image, page.inputPath);
    if (lead) {
      const source = await photos.source(lead.src, { inputPath: page.inputPath, where: "front matter image.src", previews: true });
      return photos.crops(source, lead.focus);
    }
    const fallback = await options.fallbackImage?.({ page, data, quotations });
    return fallback ? [fallback] : undefined;
  }

  /** Each byline author's photo (`photo` in the authors registry), as a 400 px JPEG. */
  async function authorImages(data: Record<string, unknown> | undefined): Promise<Record<string, string>> {
    const registry = (data?.[options.authorsDataKey] ?? {}) as Record<string, AuthorRegistryEntry>;
    const result: Record<string, string> = {};
    for (const id of Array.isArray(data?.byline) ? (data.byline as string[]) : []) {
      const photo = registry[id]?.photo;
      if (photo === undefined) continue;
      const source = await photos.source(photo, { inputPath: undefined, where: `_data/${options.authorsDataKey}.json ${id}.photo` });
      const jpeg = (await photos.responsive(source, [AUTHOR_PHOTO_WIDTH])).files.jpeg?.at(-1);
      if (jpeg) result[id] = jpeg.url;
    }
    return result;
  }

  const filters: Record<string, TemplateFunction> = {
    /** The quotations recorded on this page so far (in a layout: all of them), optionally of one kind. */
    pageQuotations(_value, ...args) {
      return onPage(this, () => {
        const [kind] = textArguments("pageQuotations", args, ["kind"]);
        const all = state.forPage(this.page).quotations;
        return kind === undefined ? [...all] : all.filter((record) => record.kind === kind);
      });
    },
    quotationsBy(id) {
      return onPage(this, () => {
        resolveSpeakerId(id, state.registry, "quotationsBy");
        return state.quotationsBy(id as string);
      });
    },
    apDate(value, ...args) {
      return onPage(this, () => {
        const [style, zone] = textArguments("apDate", args, ["style", "zone"]);
        return formatApDate(value as DateInput, (style ?? "date") as ApDateStyle, dateOptions(options, zone, undefined, "apDate"));
      });
    },
    apTime(value, ...args) {
      return onPage(this, () => {
        const [zone, showZone] = textArguments("apTime", args, ["zone", "showZone"]);
        return formatApTime(value as DateInput, dateOptions(options, zone, showZone, "apTime"));
      });
    },
    apDateTime(value, ...args) {
      return onPage(this, () => {
        const [zone, showZone] = textArguments("apDateTime", args, ["zone", "showZone"]);
        return formatApDateTime(value as DateInput, dateOptions(options, zone, showZone, "apDateTime"));
      });
    },
    isoDate(value, ...args) {
      return onPage(this, () => {
        const [zone] = textArguments("isoDate", args, ["zone"]);
        return formatIsoDate(value as DateInput, dateOptions(options, zone, undefined, "isoDate"));
      });
    },
  };

  for (const [name, fn] of Object.entries(shortcodes)) eleventyConfig.addShortcode(name, fn);
  for (const [name, fn] of Object.entries(pairedShortcodes)) eleventyConfig.addPairedShortcode(name, fn);
  for (const [name, fn] of Object.entries(filters)) eleventyConfig.addFilter(name, fn);
  // A misspelt shortcode name gets a "did you mean" instead of the engine's "unknown tag".
  const tags = pluginTags(Object.keys(shortcodes), Object.keys(pairedShortcodes));
  eleventyConfig.amendLibrary("njk", (environment) => guardShortcodeTypos(environment, tags, reportCause));
  eleventyConfig.amendLibrary("liquid", (liquid) => guardLiquidShortcodeTypos(liquid, tags, reportCause));

  // The story's body is the page's own content without its layout: a headline, dek or page
  // furniture holding the words does not count. A page outside the collections has no such
  // content to read, so its whole output (without <head>) stands in.
  // The last the plugin sees of a page, so it also lets go of the page's records (finishPage).
  eleventyConfig.addLinter("newsroom-pullquote-integrity", function (content) {
    const quotations = state.finishPage(this.page);
    if (options.pullquoteCheck === "off") return;
    const claims = quotations.filter((q) => q.kind === "pullquote").map((q) => ({ text: q.text, speaker: q.speaker.id ?? q.speaker.name }));
    if (claims.length === 0) return;
    const body = state.contentOf(this.page) ?? content.replace(/<head[\s>][\s\S]*?<\/head>/i, "");
    for (const misquote of findMisquotes(body, claims)) {
      const error = misquoteError(misquote, this.page?.inputPath ?? this.inputPath);
      if (options.pullquoteCheck === "error") throw error;
      if (state.firstTime(error.message)) console.warn(error.message);
    }
  });

  const nameOf = (key: string): string => state.registry[key]?.name ?? key;
  function misquoteError(misquote: Misquote, inputPath: string | undefined): NewsroomError {
    if (misquote.problem === "absent") {
      return new NewsroomError({
        where: "pullquote",
        problem: "the pull quote's words do not occur in the story's text (its headline, dek and page furniture do not count)",
        value: misquote.claim.text,
        fix: "quote the story word for word (quote marks, case and spacing may differ), or set pullquoteCheck: \"off\"",
        inputPath,
      });
    }
    const said = misquote.saidBy.map(nameOf).join(" and ");
    return new NewsroomError({
      where: "pullquote",
      problem: `the pull quote credits ${nameOf(misquote.claim.speaker)} with words the story quotes from ${said}`,
      value: misquote.claim.text,
      fix: `credit the pull quote to the person the story quotes (${misquote.saidBy.map((key) => `"${key}"`).join(" or ")}), or lift words that ${nameOf(misquote.claim.speaker)} said`,
      inputPath,
    });
  }
}

/** The inside of the first element of this name in trusted plugin HTML. */
function innerOf(html: string, element: string): string {
  const start = html.indexOf(">", html.indexOf(`<${element}`)) + 1;
  return html.slice(start, html.lastIndexOf(`</${element}>`));
}

/** Author photos in structured data and on author pages: small, square enough for a byline. */
export const AUTHOR_PHOTO_WIDTH = 400;

/** Where this build's photos go: Eleventy's folders (resolved by the time anything renders) and the options. */
function photoSettings(eleventyConfig: EleventyConfig, options: ResolvedNewsroomOptions) {
  return {
    inputDir: eleventyConfig.directories?.input ?? ".",
    outputDir: eleventyConfig.directories?.output ?? "_site",
    cacheDir: options.imageCacheDir,
    urlPath: options.imageUrlPath,
    widths: options.imageWidths,
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
