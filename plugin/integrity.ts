/**
 * Misquote guard: a pull quote must repeat words the article really holds.
 */
import { htmlToText } from "./escape.js";

/** Lowercase, no quote marks, no whitespace: the comparison ignores exactly what typesetting changes. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/["“”„«»‘’'‹›`]/g, "")
    .replace(/\s+/g, "");
}

/**
 * The page's readable text without its pull quotes (or they would always find themselves) and
 * without <head>, scripts and styles.
 */
export function articleTextForComparison(pageHtml: string): string {
  const visible = pageHtml
    .replace(/<head[\s>][\s\S]*?<\/head>/i, "")
    .replace(/<(script|style|template)[\s>][\s\S]*?<\/\1>/gi, "")
    .replace(/<aside class="nr-pullquote[^"]*"[\s\S]*?<\/aside>/g, "")
    .replace(/<[^>]*>/g, "");
  return normalizeForComparison(htmlToText(visible));
}

/** Pull quotes whose words do not occur in the page's text, in the order given. */
export function findMisquotes(pageHtml: string, pullquotes: readonly string[]): string[] {
  if (pullquotes.length === 0) return [];
  const article = articleTextForComparison(pageHtml);
  return pullquotes.filter((quote) => !article.includes(normalizeForComparison(quote)));
}
