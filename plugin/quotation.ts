/**
 * Quotation: words someone said, with full attribution.
 *
 * Block form: figure > blockquote + figcaption (the HTML standard's pattern for a quote with its
 * source). Inline form: the quotation marks as text in a <span>, for quotations that run in the
 * story's own sentences. Not <q>: its marks exist only in CSS, so copied text, feeds and reader
 * modes lose them, and typed marks inside a <q> are doubled wherever a reader's own stylesheet
 * applies (the HTML standard allows quotation marks as text in place of <q>).
 */
import { formatApDate, laterDayThan, machineDate, type DateInput } from "./dates.js";
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
  /** When the story quoting them last changed (published, updated or corrected): the words
   * cannot have been said on a later day. */
  storyDate?: DateInput | undefined;
  /** URL of the source (becomes `blockquote cite`). */
  cite?: string | undefined;
  zone?: string | undefined;
  referenceYear?: number | undefined;
  /** Link for the speaker's name in the caption. */
  speakerUrl?: string | undefined;
  where?: string | undefined;
  /** Puts back the plugin's fragments lifted out of the body (see nesting.ts), at a depth. */
  restore?: ((html: string, depth: number) => string) | undefined;
}

export interface InlineQuotationOptions extends Pick<QuotationOptions, "cite" | "where" | "restore"> {
  /** 0 for a quotation in the story's own sentences, 1 inside another quotation, and so on. */
  depth?: number | undefined;
}

/** Double marks outside, single inside, double again inside those (AP and US usage). */
export function quotationMarks(depth: number): readonly [string, string] {
  return depth % 2 === 0 ? ["“", "”"] : ["‘", "’"];
}

/** Marks the speaker: the registry id, or the name for a speaker outside the registry. */
export function speakerAttributes(speaker: Speaker): string {
  return speaker.id ? ` data-speaker="${escapeHtml(speaker.id)}"` : ` data-speaker-name="${escapeHtml(speaker.name)}"`;
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

/**
 * The quoted words of an inline quotation as plain text, as a list of quotations shows them: the
 * comma that belongs to the attribution ("He can come to Kyiv," Zelenskyy said) is left out.
 */
export function inlineQuotationText(body: string): string {
  return withoutAttributionComma(inlineMarkdownText(body));
}

/** Plain text of rendered quotation HTML, without the attribution comma. */
export function renderedQuotationText(html: string): string {
  return withoutAttributionComma(htmlToText(html).replace(/\s+/g, " ").trim());
}

function withoutAttributionComma(text: string): string {
  return text.endsWith(",") ? text.slice(0, -1).trimEnd() : text;
}

function assertSaidByStoryDate(said: DateInput, storyDate: DateInput, options: { zone?: string | undefined; where: string }): void {
  const storyDay = laterDayThan(said, storyDate, options);
  if (storyDay === undefined) return;
  throw new NewsroomError({
    where: options.where,
    problem: `the quotation is dated after the story's last change (${storyDay}): a story cannot quote words said after it`,
    value: said,
    fix: "correct the quotation's date (when the words were said), or give the story an updated date on or after it",
  });
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
    if (options.storyDate !== undefined) assertSaidByStoryDate(options.date, options.storyDate, dateOptions);
    const shown = formatApDate(options.date, "date", dateOptions);
    const datetime = machineDate(options.date, dateOptions);
    caption.push(`<time class="nr-quote__date" datetime="${escapeHtml(datetime)}">${escapeHtml(shown)}</time>`);
  }
  const citeAttribute = cite ? ` cite="${escapeHtml(cite)}"` : "";
  const text = renderBlockMarkdown(words);
  // A block quotation has no marks of its own, so quotations inside it take double ones.
  const content = options.restore ? options.restore(text, 0) : text;
  return (
    `<figure class="nr-quote"${speakerAttributes(speaker)}>` +
    `<blockquote class="nr-quote__text"${citeAttribute}>${content}</blockquote>` +
    `<figcaption class="nr-quote__attribution">${caption.join(", ")}</figcaption>` +
    `</figure>`
  );
}

/**
 * A quotation inside the story's sentences: the words between real quotation marks, in a span
 * that names the speaker. The plugin types the marks, so marks typed around the words would
 * double them: those are an error with the fix spelled out.
 */
export function renderInlineQuotation(body: unknown, speaker: Speaker, options: InlineQuotationOptions = {}): string {
  const where = options.where ?? "inlineQuote";
  const words = requireBody(body, where, "endinlineQuote").trim();
  if (QUOTE_MARKS.test(words)) {
    throw new NewsroomError({
      where,
      problem: "the quoted words start or end with a quotation mark, which the plugin adds",
      value: words,
      fix: "remove the quotation marks around the words inside the shortcode",
    });
  }
  // Checked for its errors; the source URL itself goes into the structured data (Quotation citation).
  checkedUrl(options.cite, where, "source URL");
  const depth = options.depth ?? 0;
  const [open, close] = quotationMarks(depth);
  const text = renderInlineMarkdown(words);
  const content = options.restore ? options.restore(text, depth + 1) : text;
  return `<span class="nr-q"${speakerAttributes(speaker)}>${open}${content}${close}</span>`;
}
