/**
 * Quotation: words someone said, with full attribution.
 *
 * Block form: figure > blockquote + figcaption (the HTML standard's pattern for a quote with its
 * source). Inline form: <q>, for quotations that run in the story's own sentences.
 */
import { formatApDate, machineDate, type DateInput } from "./dates.js";
import { escapeHtml, htmlToText, isSafeUrl } from "./escape.js";
import { NewsroomError } from "./errors.js";
import { inlineMarkdownText, renderBlockMarkdown, renderInlineMarkdown } from "./markdown.js";
import type { Speaker } from "./speakers.js";

export interface QuotationOptions {
  /** Medium or occasion: `in an interview with ABC News`. */
  occasion?: string | undefined;
  /** Where the words were said: `Kyiv`. */
  place?: string | undefined;
  /** When they were said; shown AP style in a <time datetime>. */
  date?: DateInput | undefined;
  /** URL of the source (becomes `blockquote cite`). */
  cite?: string | undefined;
  zone?: string | undefined;
  referenceYear?: number | undefined;
  /** Link for the speaker's name in the caption. */
  speakerUrl?: string | undefined;
  where?: string | undefined;
}

const QUOTE_MARKS = /^["“”„«»‘’'‹›]|["“”„«»‘’'‹›]$/;

function requireBody(body: unknown, where: string, closing: string): string {
  if (typeof body !== "string" || body.trim() === "") {
    throw new NewsroomError({
      where,
      problem: "has no words to quote",
      value: body,
      fix: `put the quoted words between {% ${where} %} and {% ${closing} %}`,
    });
  }
  return body;
}

function checkedUrl(url: string | undefined, where: string, what: string): string | undefined {
  if (url === undefined || url.trim() === "") return undefined;
  if (!isSafeUrl(url.trim())) {
    throw new NewsroomError({
      where,
      problem: `the ${what} is not an http(s) URL or site path`,
      value: url,
      fix: 'use a full URL such as "https://abcnews.go.com/…" or a path starting with "/"',
    });
  }
  return url.trim();
}

/** The quoted words of a block quotation as plain text. */
export function quotationText(body: string): string {
  return htmlToText(renderBlockMarkdown(body)).replace(/\s+/g, " ").trim();
}

/** The quoted words of an inline quotation as plain text. */
export function inlineQuotationText(body: string): string {
  return inlineMarkdownText(body);
}

export function renderQuotation(body: unknown, speaker: Speaker, options: QuotationOptions = {}): string {
  const where = options.where ?? "quote";
  const words = requireBody(body, where, "endquote");
  const cite = checkedUrl(options.cite, where, "source URL");
  const dateOptions = { zone: options.zone, referenceYear: options.referenceYear, where };
  const speakerUrl = checkedUrl(options.speakerUrl, where, "speaker page URL");

  const name = speakerUrl
    ? `<a class="nr-quote__speaker" href="${escapeHtml(speakerUrl)}">${escapeHtml(speaker.name)}</a>`
    : `<span class="nr-quote__speaker">${escapeHtml(speaker.name)}</span>`;
  const caption = [name];
  if (speaker.description) caption.push(`<span class="nr-quote__role">${escapeHtml(speaker.description)}</span>`);
  if (options.occasion?.trim()) caption.push(`<span class="nr-quote__occasion">${escapeHtml(options.occasion.trim())}</span>`);
  if (options.place?.trim()) caption.push(`<span class="nr-quote__place">${escapeHtml(options.place.trim())}</span>`);
  if (options.date !== undefined && options.date !== "") {
    const shown = formatApDate(options.date, "date", dateOptions);
    const datetime = machineDate(options.date, dateOptions);
    caption.push(`<time class="nr-quote__date" datetime="${escapeHtml(datetime)}">${escapeHtml(shown)}</time>`);
  }
  const citeAttribute = cite ? ` cite="${escapeHtml(cite)}"` : "";
  const speakerData = speaker.id ? ` data-speaker="${escapeHtml(speaker.id)}"` : "";
  return (
    `<figure class="nr-quote"${speakerData}>` +
    `<blockquote class="nr-quote__text"${citeAttribute}>${renderBlockMarkdown(words)}</blockquote>` +
    `<figcaption class="nr-quote__attribution">${caption.join(", ")}</figcaption>` +
    `</figure>`
  );
}

/**
 * `<q>` for a quotation inside the story's sentences. The browser draws the quote marks, so typed
 * marks around the words would double them: those are an error with the fix spelled out.
 */
export function renderInlineQuotation(body: unknown, speaker: Speaker, options: Pick<QuotationOptions, "cite" | "where"> = {}): string {
  const where = options.where ?? "inlineQuote";
  const words = requireBody(body, where, "endinlineQuote").trim();
  if (QUOTE_MARKS.test(words)) {
    throw new NewsroomError({
      where,
      problem: "the quoted words start or end with a quotation mark, which <q> already draws",
      value: words,
      fix: "remove the quotation marks around the words inside the shortcode",
    });
  }
  const cite = checkedUrl(options.cite, where, "source URL");
  const citeAttribute = cite ? ` cite="${escapeHtml(cite)}"` : "";
  const speakerData = speaker.id ? ` data-speaker="${escapeHtml(speaker.id)}"` : "";
  return `<q class="nr-q"${speakerData}${citeAttribute}>${renderInlineMarkdown(words)}</q>`;
}
