/**
 * What a page quoted, kept while it renders: the source of its schema.org `Quotation`s and of
 * the site's speaker pages.
 */
import type { Speaker } from "./speakers.js";

export type QuotationKind = "quote" | "inline" | "pullquote";

export interface QuotationRecord {
  kind: QuotationKind;
  /** The quoted words as plain text. */
  text: string;
  speaker: Speaker;
  occasion?: string | undefined;
  place?: string | undefined;
  /** Machine form of the date the words were said. */
  date?: string | undefined;
  /** URL of the source the words were taken from. */
  cite?: string | undefined;
}
