/**
 * Misquote guard: a pull quote must repeat words the story's body really holds, and where those
 * words are a marked quotation, the person the story quotes must be the person the pull quote
 * credits.
 */
import { htmlToText } from "./escape.js";
import { attributeOf, hasClass, walkHtml, type OpenElement } from "./html-walk.js";

/**
 * Lowercase, no quote marks, no whitespace, typed dashes as the typographer sets them: the
 * comparison ignores exactly what typesetting changes.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/---/g, "\u2014")
    .replace(/--/g, "\u2013")
    .replace(/["“”„«»‘’'‹›`「」『』]/g, "")
    .replace(/\s+/g, "");
}

/** A pull quote as the guard checks it: its words and whom it credits (registry id or plain name). */
export interface PullquoteClaim {
  text: string;
  speaker: string;
}

export interface Misquote {
  claim: PullquoteClaim;
  /** `absent`: the words are not in the body. `misattributed`: they are, but said by someone else. */
  problem: "absent" | "misattributed";
  /** For `misattributed`: who the story quotes saying these words (ids or names). */
  saidBy: string[];
}

/** A stretch of the body's normalised text inside marked quotations, and whose words they are. */
export interface QuotedRun {
  start: number;
  end: number;
  /** The speakers of the quotations around it, the innermost last. */
  speakers: readonly string[];
}

/**
 * The body's text, normalised as `normalizeForComparison` does, with the stretches that sit inside
 * marked quotations and their speakers. Pull quotes are left out, or they would always find
 * themselves.
 */
export function attributedText(bodyHtml: string): { text: string; quoted: QuotedRun[] } {
  let text = "";
  const quoted: QuotedRun[] = [];
  for (const token of walkHtml(bodyHtml)) {
    if (token.kind !== "text") continue;
    if (token.ancestors.some((element) => element.name === "aside" && hasClass(element.source, "nr-pullquote"))) continue;
    // A whole text run at once, as normalizeForComparison does (lowercase, then drop spaces and
    // quote marks): every page with a pull quote is read, so no per-character regex.
    const chunk = normalizeForComparison(htmlToText(token.text));
    if (chunk === "") continue;
    const around = quotationSpeakers(token.ancestors);
    // Runs, not a list per character: a story runs to thousands of characters, read on every page.
    if (around.length > 0) quoted.push({ start: text.length, end: text.length + chunk.length, speakers: around });
    text += chunk;
  }
  return { text, quoted };
}

/** Who is quoted at this character of attributedText's text (none: the story's own words). */
export function speakersAt(body: { quoted: readonly QuotedRun[] }, index: number): readonly string[] {
  return body.quoted.find((run) => run.start <= index && index < run.end)?.speakers ?? [];
}

/** Who is quoted at this point: inline quotations, and the words (not the caption) of block ones. */
function quotationSpeakers(ancestors: readonly OpenElement[]): readonly string[] {
  const found: string[] = [];
  let blockSpeaker: string | undefined;
  for (const element of ancestors) {
    if (element.name === "figure" && hasClass(element.source, "nr-quote")) blockSpeaker = speakerOf(element.source);
    else if (element.name === "blockquote" && hasClass(element.source, "nr-quote__text") && blockSpeaker !== undefined) found.push(blockSpeaker);
    else if (hasClass(element.source, "nr-q")) {
      const speaker = speakerOf(element.source);
      if (speaker !== undefined) found.push(speaker);
    }
  }
  return found;
}

function speakerOf(tag: string): string | undefined {
  const id = attributeOf(tag, "data-speaker");
  if (id !== undefined) return htmlToText(id);
  const name = attributeOf(tag, "data-speaker-name");
  return name === undefined ? undefined : htmlToText(name);
}

/**
 * Pull quotes that misquote the body, in the order given: words that are not there, or that are
 * there only inside quotations of other people. Words outside any marked quotation (the story's
 * own sentences) may be credited to the pull quote's speaker.
 */
export function findMisquotes(bodyHtml: string, claims: readonly PullquoteClaim[]): Misquote[] {
  if (claims.length === 0) return [];
  const body = attributedText(bodyHtml);
  const misquotes: Misquote[] = [];
  for (const claim of claims) {
    const words = normalizeForComparison(claim.text);
    if (words === "") continue;
    const saidBy = new Set<string>();
    let found = false;
    let credited = false;
    for (let at = body.text.indexOf(words); at !== -1 && !credited; at = body.text.indexOf(words, at + 1)) {
      found = true;
      const others = new Set<string>();
      for (const run of body.quoted) {
        if (run.end <= at || run.start >= at + words.length || run.speakers.includes(claim.speaker)) continue;
        for (const speaker of run.speakers) others.add(speaker);
      }
      if (others.size === 0) credited = true;
      else for (const speaker of others) saidBy.add(speaker);
    }
    if (!found) misquotes.push({ claim, problem: "absent", saidBy: [] });
    else if (!credited) misquotes.push({ claim, problem: "misattributed", saidBy: [...saidBy] });
  }
  return misquotes;
}
