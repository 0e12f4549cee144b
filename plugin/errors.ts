/**
 * One error type for everything the plugin rejects, so a newsroom sees the same shape every time:
 * where (shortcode, filter or option), which file, the value, and what to do about it.
 */

export interface NewsroomErrorDetails {
  /** The shortcode, filter, option or front-matter field that received the bad value. */
  where: string;
  /** What is wrong, as a sentence fragment: `unknown speaker id`. */
  problem: string;
  /** The offending value, quoted in the message. Omit when there is no single value. */
  value?: unknown;
  /** How to fix it, as an instruction. */
  fix: string;
  /** The page's input path; added by the Eleventy glue when the pure function could not know it. */
  inputPath?: string;
}

export class NewsroomError extends Error {
  readonly where: string;
  readonly problem: string;
  readonly value: unknown;
  readonly fix: string;
  readonly inputPath: string | undefined;
  /** Eleventy prints no stack trace for this error: it is about the user's input, not a bug. */
  readonly skipOriginalStack = true;

  constructor(details: NewsroomErrorDetails) {
    super(composeMessage(details));
    this.name = "NewsroomError";
    this.where = details.where;
    this.problem = details.problem;
    this.value = details.value;
    this.fix = details.fix;
    this.inputPath = details.inputPath;
  }

  /** The same error, now naming the page it happened on. */
  inFile(inputPath: string | undefined): NewsroomError {
    if (!inputPath || this.inputPath) return this;
    return new NewsroomError({
      where: this.where,
      problem: this.problem,
      value: this.value,
      fix: this.fix,
      inputPath,
    });
  }
}

function composeMessage({ where, problem, value, fix, inputPath }: NewsroomErrorDetails): string {
  const file = inputPath ? ` in ${inputPath}` : "";
  const shown = value === undefined ? "" : `: ${describeValue(value)}`;
  return `[newsroom] ${where}${file}: ${problem}${shown}. Fix: ${fix}`;
}

/** A short, printable form of any value, so messages never show `[object Object]`. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return describeText(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value === null || typeof value !== "object") return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    // Circular structures and BigInts cannot be serialised; name the kind of thing instead.
    const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "Object";
    return `${kind} (not serialisable)`;
  }
}

/** Throws for the first name not among `known`, suggesting the closest: typos in a config fail at once. */
export function rejectUnknownNames(given: readonly string[], known: readonly string[], where: string, kind = "option"): void {
  for (const name of given) {
    if (known.includes(name)) continue;
    const guess = closestMatch(name, known);
    throw new NewsroomError({ where, problem: `unknown ${kind}`, value: name, fix: guess ? `did you mean "${guess}"?` : `use only ${known.join(", ")}` });
  }
}

/** Closest candidate by edit distance, for "did you mean" hints on ids and option names. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  // Only suggest when the typo is small relative to the word, and never a word that shares nothing
  // with a short input ("wu" is not a typo of "li").
  const allowed = Math.min(Math.max(2, Math.floor(input.length / 3)), input.length - 1);
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Characters a reader cannot see: controls (but tab and line breaks, which JSON escapes), format characters (zero-width spaces and joiners,
 * the soft hyphen, bidi controls, the byte-order mark), line and paragraph separators, lone
 * surrogates and the Hangul fillers. An error quoting a value shows each as an escape.
 */
const INVISIBLE = /(?![\t\n\r])\p{Cc}|\p{Cf}|\p{Zl}|\p{Zp}|[\ud800-\udfff]|[\u115f\u1160\u3164\uffa0\u034f\u180e]/gu;

/** Names of the invisible characters most often pasted into text. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: "SOFT HYPHEN",
  0x034f: "COMBINING GRAPHEME JOINER",
  0x061c: "ARABIC LETTER MARK",
  0x115f: "HANGUL CHOSEONG FILLER",
  0x1160: "HANGUL JUNGSEONG FILLER",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0x3164: "HANGUL FILLER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
  0xffa0: "HALFWIDTH HANGUL FILLER",
};

/** `U+200B ZERO WIDTH SPACE`: a character by its code point, and its name when it has a usual one. */
export function characterName(character: string): string {
  const code = character.codePointAt(0) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = INVISIBLE_NAMES[code];
  if (name) return `${hex} ${name}`;
  const kind = /\p{Cc}/u.test(character) ? "a control character" : /[\ud800-\udfff]/u.test(character) ? "a lone surrogate" : /\p{Cf}/u.test(character) ? "a format character" : undefined;
  return kind ? `${hex} (${kind})` : hex;
}

/** The invisible characters of a text, each named, with its position (the Nth character, counted from 1). */
export function invisibleCharacters(text: string): { name: string; position: number }[] {
  const found: { name: string; position: number }[] = [];
  for (const match of text.matchAll(INVISIBLE)) found.push({ name: characterName(match[0]), position: [...text.slice(0, match.index)].length + 1 });
  return found;
}

/** A text quoted, each invisible character shown as an escape and named: `"\u200b" (invisible: U+200B ZERO WIDTH SPACE at character 1)`. */
function describeText(text: string): string {
  const found = invisibleCharacters(text);
  if (found.length === 0) return JSON.stringify(text);
  let quoted = "";
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    const invisible = character.match(INVISIBLE) !== null;
    quoted += !invisible ? JSON.stringify(character).slice(1, -1) : code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  }
  const named = found.slice(0, 3).map(({ name, position }) => `${name} at character ${position}`);
  if (found.length > 3) named.push(`${found.length - 3} more`);
  return `"${quoted}" (invisible: ${named.join(", ")})`;
}
