/**
 * The plugin's shortcodes as Eleventy calls them: each reads its arguments, asks the page's state,
 * and hands the work to the pure function of its concept (speaker-reference.ts, dateline.ts,
 * pullquote.ts, quotation.ts, figure.ts, structured-data.ts).
 */
import { lastModified } from "./corrections.js";
import { formatIsoDate, type DateInput } from "./dates.js";
import { onPage, onPageAsync, textArguments } from "./arguments.js";
import { renderDateline } from "./dateline.js";
import type { EleventyPage, TemplateFunction } from "./eleventy-types.js";
import { holdsLink, liftFragments } from "./nesting.js";
import { photoAlt, renderFigure } from "./figure.js";
import { parseLeadPhoto } from "./photo-field.js";
import type { AuthorRegistryEntry } from "./options.js";
import type { PluginContext } from "./plugin-context.js";
import type { QuotationRecord } from "./quotation-record.js";
import { pageClaims, pageStructuredData } from "./page-structured-data.js";
import { claimReviewsJsonLd, renderJsonLdScript } from "./structured-data.js";
import { renderPullquote } from "./pullquote.js";
import { renderedQuotationText, renderInlineQuotation, renderQuotation } from "./quotation.js";
import { renderSpeakerReference } from "./speaker-reference.js";
import { assertSpeakerForm, resolveSpeaker, resolveSpeakerId, type Speaker } from "./speakers.js";

/** Author photos in structured data and on author pages: small, square enough for a byline. */
export const AUTHOR_PHOTO_WIDTH = 400;

/** The inside of the first element of this name in trusted plugin HTML. */
function innerOf(html: string, element: string): string {
  const start = html.indexOf(">", html.indexOf(`<${element}`)) + 1;
  return html.slice(start, html.lastIndexOf(`</${element}>`));
}

/** The shortcodes (`shortcodes`) and paired shortcodes (`paired`), by name. */
export function newsroomShortcodes({ eleventyConfig, options, state, photos, standaloneCities }: PluginContext): { shortcodes: Record<string, TemplateFunction>; paired: Record<string, TemplateFunction> } {
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
      const html = renderFigure(await photos.responsive(source), text, { sizes: options.imageSizes, priority: "inline", where: "figure" });
      // A block, like every shortcode whose HTML is one: a quotation around it stops the build
      // instead of showing the photo's markup escaped.
      state.rememberFragment(this.page, html, { shortcode: "figure", inline: false });
      return html;
    });
  };

  shortcodes.newsArticleJsonLd = async function (...args) {
    return onPageAsync(this, async () => {
      textArguments("newsArticleJsonLd", args, []);
      const data = state.dataOf(this.page);
      const quotations = state.forPage(this.page).quotations;
      const article = pageStructuredData({
        page: this.page,
        data,
        quotations,
        options,
        pathPrefix: eleventyConfig.pathPrefix,
        speakerLink,
        standaloneCities,
        images: await articleImages({ options, photos }, this.page, data, quotations),
        authorImages: await authorImages({ options, photos }, data),
      });
      // A fact check's ClaimReviews stand beside the article, where fact-check tools look for them.
      const claims = pageClaims(data, options.siteUrl, eleventyConfig.pathPrefix);
      return renderJsonLdScript(article) + (claims.length === 0 ? "" : renderJsonLdScript(claimReviewsJsonLd(article, claims)));
    });
  };

  return { shortcodes, paired: pairedShortcodes };
}

/** The lead photo in Google's three aspect ratios, or the fallback (the theme's share card). */
async function articleImages({ options, photos }: Pick<PluginContext, "options" | "photos">, page: EleventyPage | undefined, data: Record<string, unknown> | undefined, quotations: QuotationRecord[]) {
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
async function authorImages({ options, photos }: Pick<PluginContext, "options" | "photos">, data: Record<string, unknown> | undefined): Promise<Record<string, string>> {
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
