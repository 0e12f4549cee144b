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
  if (typeof value === "string") return JSON.stringify(value);
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
