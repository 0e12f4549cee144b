/**
 * Pull quote: a short passage lifted from the story and set large.
 *
 * It repeats words the story already holds, so by default it is hidden from assistive technology
 * (screen-reader users would hear them twice) and holds nothing focusable. The attribution sits
 * outside the blockquote and not in <cite>, which the HTML standard keeps for titles of works.
 */
import { escapeHtml } from "./escape.js";
import { NewsroomError } from "./errors.js";
import { hasInlineLink, inlineMarkdownText, renderInlineMarkdown } from "./markdown.js";
import type { Speaker } from "./speakers.js";

export type PullquotePlacement = "left" | "right" | "wide";
export const PULLQUOTE_PLACEMENTS: readonly PullquotePlacement[] = ["left", "right", "wide"];
const EXPOSURE_TOKENS = ["hidden", "exposed"] as const;

export interface PullquoteOptions {
  /** Space-separated variant tokens: a placement (`left`, `right`, `wide`) and/or `hidden`/`exposed`. */
  variant?: string | undefined;
  /** Default exposure when the variant does not say: true hides it from assistive technology. */
  hidden?: boolean | undefined;
  where?: string | undefined;
  /** Puts back the plugin's fragments lifted out of the body (see nesting.ts), at a depth. */
  restore?: ((html: string, depth: number) => string) | undefined;
  /** True when a fragment inside the body is a link. */
  nestedLink?: boolean | undefined;
}

export interface PullquoteVariant {
  placement: PullquotePlacement | undefined;
  hidden: boolean;
}

export function parsePullquoteVariant(variant: unknown, hiddenByDefault: boolean, where = "pullquote"): PullquoteVariant {
  const result: PullquoteVariant = { placement: undefined, hidden: hiddenByDefault };
  if (variant === undefined || variant === null || (typeof variant === "string" && variant.trim() === "")) return result;
  if (typeof variant !== "string") {
    throw new NewsroomError({
      where,
      problem: "the variant must be text, got",
      value: variant,
      fix: `pass a string such as "right" or "wide exposed"`,
    });
  }
  for (const token of variant.trim().split(/\s+/)) {
    if ((PULLQUOTE_PLACEMENTS as readonly string[]).includes(token)) {
      result.placement = token as PullquotePlacement;
    } else if ((EXPOSURE_TOKENS as readonly string[]).includes(token)) {
      result.hidden = token === "hidden";
    } else {
      throw new NewsroomError({
        where,
        problem: "unknown variant",
        value: token,
        fix: `use ${[...PULLQUOTE_PLACEMENTS, ...EXPOSURE_TOKENS].map((t) => `"${t}"`).join(", ")}, separated by spaces`,
      });
    }
  }
  return result;
}

/** The quoted words as plain text, for the integrity check and structured data. */
export function pullquoteText(body: string): string {
  return inlineMarkdownText(body);
}

export function renderPullquote(body: unknown, speaker: Speaker, options: PullquoteOptions = {}): string {
  const where = options.where ?? "pullquote";
  if (typeof body !== "string" || body.trim() === "") {
    throw new NewsroomError({
      where,
      problem: "has no words to quote",
      value: body,
      fix: "put the quoted words between {% pullquote %} and {% endpullquote %}",
    });
  }
  const variant = parsePullquoteVariant(options.variant, options.hidden ?? true, where);
  if (variant.hidden && (hasInlineLink(body) || options.nestedLink)) {
    throw new NewsroomError({
      where,
      problem: "a hidden pull quote cannot hold a link (nothing focusable may sit inside aria-hidden)",
      value: body.trim(),
      fix: 'remove the link, or add the "exposed" variant so assistive technology can reach it',
    });
  }
  const classes = ["nr-pullquote", variant.placement ? `nr-pullquote--${variant.placement}` : ""].filter(Boolean).join(" ");
  const hidden = variant.hidden ? ' aria-hidden="true"' : "";
  const text = renderInlineMarkdown(body);
  // The pull quote's own (decorative) marks are double, so quotations inside it take single ones.
  const content = options.restore ? options.restore(text, 1) : text;
  const role = speaker.description ? `, <span class="nr-pullquote__role">${escapeHtml(speaker.description)}</span>` : "";
  return (
    `<aside class="${classes}"${hidden}>` +
    `<blockquote class="nr-pullquote__quote"><p>${content}</p></blockquote>` +
    `<p class="nr-pullquote__attribution"><span class="nr-pullquote__name">${escapeHtml(speaker.name)}</span>${role}</p>` +
    `</aside>`
  );
}
