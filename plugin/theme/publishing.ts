/**
 * What a story's front matter means for publishing: its dates as the author wrote them (YAML
 * would turn `date: 2025-10-14` into midnight UTC, which is the evening before in the Americas),
 * and whether it may be published yet (`draft: true`, or dated after the build: embargoed).
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { namingFile } from "../arguments.js";
import { formatApDateTime, toDateTime, UNREADABLE_DATE, writtenDate } from "../dates.js";
import { NewsroomError } from "../errors.js";
import { missingDateError } from "./front-matter.js";

/** The front-matter fields whose dates are read as written. */
const DATE_FIELDS = ["date", "updated"] as const;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}/;

/**
 * A file's YAML front matter read with the core schema, which has no timestamps: every date
 * stays the text the author typed. Undefined when there is no YAML front matter to read.
 */
export function writtenFrontMatter(fileText: string): Record<string, unknown> | undefined {
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(fileText)?.[1];
  if (block === undefined) return undefined;
  try {
    const parsed = yaml.load(block, { schema: yaml.CORE_SCHEMA });
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Eleventy's own parse of the same text reports the YAML error.
    return undefined;
  }
}

/** The written text of a date, when it was written as one. */
function dateText(value: unknown): string | undefined {
  return typeof value === "string" && DATE_TEXT.test(value.trim()) ? value : undefined;
}

/**
 * `writtenDate`, or undefined when the text cannot be read as a date: validation reports it with
 * the file's own words. A date read and refused (a local time the zone skips or passes twice)
 * stops here, naming the file: Eleventy's own reading would publish it at another time.
 */
function readable(text: string | undefined, zone: string, field: string, inputPath: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return writtenDate(text, zone, `front matter ${field}`);
  } catch (error) {
    if (error instanceof NewsroomError && error.problem !== UNREADABLE_DATE) throw error.inFile(inputPath);
    return undefined;
  }
}

/** The story's publication date as written, or undefined when the front matter has none to read. */
export function writtenPublicationDate(written: Record<string, unknown> | undefined, zone: string, inputPath?: string): string | undefined {
  return readable(dateText(written?.date), zone, "date", inputPath);
}

/**
 * Replaces the page's `date`, `updated` and correction dates with what was written: a day as
 * "2025-10-14", a time with its offset (the site's zone when none was written). The plugin's
 * filters show a day without a time, so templates need no special case.
 */
export function normaliseDates(inputPath: string, data: Record<string, unknown>, written: Record<string, unknown> | undefined, zone: string): void {
  if (!written) return;
  for (const field of DATE_FIELDS) {
    const value = readable(dateText(written[field]), zone, field, inputPath);
    if (value !== undefined) data[field] = value;
  }
  const corrections = data.corrections;
  const writtenCorrections = written.corrections;
  if (!Array.isArray(corrections) || !Array.isArray(writtenCorrections) || corrections.length !== writtenCorrections.length) return;
  data.corrections = corrections.map((entry: unknown, index) => {
    const writtenEntry = writtenCorrections[index] as Record<string, unknown> | undefined;
    const text = dateText(writtenEntry?.date);
    const value = readable(text, zone, `corrections[${index}].date`, inputPath);
    if (text !== undefined && value === undefined) {
      // YAML would have turned "2025-02-30" into March 2: say so instead of publishing the wrong day.
      throw new NewsroomError({
        where: `front matter corrections[${index}].date`,
        problem: "this day or time does not exist (YAML would quietly turn it into another date)",
        value: text,
        fix: "correct the date, e.g. 2025-02-28",
        inputPath,
      });
    }
    return value !== undefined && entry && typeof entry === "object" && !Array.isArray(entry) ? { ...entry, date: value } : entry;
  });
}

/** Why a story is not public yet. `until` is the publication date as written. */
export type Unpublished = { status: "draft" } | { status: "embargoed"; until: unknown };

/**
 * Whether a story may be published at `buildTime`: a draft never, a story dated later not yet.
 * `draft` must be true or false, so `draft: "yes"` or `draft: no` cannot publish by accident.
 */
export function unpublishedReason(inputPath: string, data: Record<string, unknown>, publishedAt: Date | undefined, buildTime: Date, zone: string): Unpublished | undefined {
  if (data.draft !== undefined && typeof data.draft !== "boolean") {
    throw new NewsroomError({
      where: "front matter draft",
      problem: "must be true or false, got",
      value: data.draft,
      fix: "write draft: true while the story must not be published, and remove the line (or write draft: false) to publish it",
      inputPath,
    });
  }
  if (data.draft === true) return { status: "draft" };
  // Before the embargo: with no date, Eleventy's page date is the file's creation time, which
  // would decide whether the story is published.
  if (data.date === undefined) throw missingDateError(inputPath);
  if (publishedAt && publishedAt.getTime() > buildTime.getTime()) return { status: "embargoed", until: data.date ?? publishedAt };
  // Checked here too: a date that cannot be read must not slip past the embargo check.
  if (data.date !== undefined) namingFile(inputPath, () => toDateTime(data.date, { zone, where: "front matter date" }));
  return undefined;
}

/** The build log's lines for embargoed stories left out: the file, when, and what happens next. */
export function embargoNotes(embargoed: ReadonlyMap<string, string>): string[] {
  return [...embargoed].sort(([a], [b]) => a.localeCompare(b)).map(([inputPath, label]) => `[newsroom] ${inputPath}: ${label}; left out of this build, the first build after that time publishes it`);
}

/** The preview banner's words: "Draft" or "Embargoed until 9 a.m. CDT Oct. 14, 2099". */
export function unpublishedLabel(reason: Unpublished, zone: string): string {
  if (reason.status === "draft") return "Draft: not published";
  return `Embargoed until ${formatApDateTime(reason.until as string | Date, { zone, showZone: true, where: "embargo banner" })}`;
}

/**
 * Front matter as written, read once per build and let go once the page's dates are settled:
 * Eleventy asks for the date first, the publishing check after it. Only the parse is kept, not the
 * file's text, and `forget` drops it, so an archive's sources do not stay in memory through the build.
 *
 * Under `--incremental` (npm start) the parses are kept from build to build instead, and a build
 * drops only those of the files changed since the last one: Eleventy reads every template's data
 * again on each rebuild, and reading every story's file again was most of the theme's own time
 * after a one-word edit.
 */
export class SourceFiles {
  private readonly written = new Map<string, WrittenSource | undefined>();
  private keep = false;

  /**
   * A build starts. `keep`: under `--incremental`, where parses stay for the next build.
   * `changedFiles`: the files changed since the last build (normalised as `normalize` gives them);
   * undefined starts from nothing.
   */
  startBuild({ keep, changedFiles }: { keep: boolean; changedFiles: ReadonlySet<string> | undefined }, normalize: (inputPath: string) => string): void {
    this.keep = keep;
    if (!keep || changedFiles === undefined) {
      this.written.clear();
      return;
    }
    for (const inputPath of this.written.keys()) if (changedFiles.has(normalize(inputPath))) this.written.delete(inputPath);
  }

  frontMatter(inputPath: string): Record<string, unknown> | undefined {
    return this.source(inputPath)?.frontMatter;
  }

  /** The file as written: its front matter (dates as typed), its language and fields as Eleventy reads them. */
  source(inputPath: string): WrittenSource | undefined {
    if (!this.written.has(inputPath)) {
      const text = readFileIfPresent(inputPath)?.toString("utf8");
      this.written.set(inputPath, text === undefined ? undefined : writtenSource(text));
    }
    return this.written.get(inputPath);
  }

  /** The page's dates are settled: a later question about it reads the file again (unless kept for the next build). */
  forget(inputPath: string): void {
    if (!this.keep) this.written.delete(inputPath);
  }
}

/** What the theme reads of a file as written, once per build. */
export interface WrittenSource {
  /** YAML front matter with the core schema: dates as typed. */
  frontMatter: Record<string, unknown> | undefined;
  /** What follows the first `---` ("" for YAML), or undefined without front matter. */
  language: string | undefined;
  /** The front matter's fields as Eleventy reads them (YAML or JSON), for the keys a story gives. */
  fields: Record<string, unknown> | undefined;
  /** The file's line the text below the front matter starts on. */
  bodyLine: number;
}

function writtenSource(text: string): WrittenSource {
  const frontMatter = writtenFrontMatter(text);
  const first = /^\uFEFF?---([^\r\n]*)\r?\n/.exec(text);
  const language = first ? (first[1] as string).trim() : undefined;
  const bodyStart = frontMatterBlockEnd(text);
  return { frontMatter, language, fields: fieldsAsEleventyReads(text, language, frontMatter), bodyLine: text.slice(0, bodyStart).split("\n").length };
}

/**
 * The fields as Eleventy's YAML (default schema) or JSON reads them. The core schema's parse
 * serves unless it fails or holds a merge key (`<<`), which only the default schema merges: a
 * key hidden in a merged anchor is a key the story gives.
 */
function fieldsAsEleventyReads(text: string, language: string | undefined, core: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (language === undefined) return undefined;
  const block = /^\uFEFF?---[^\r\n]*\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (block === undefined) return undefined;
  const lower = language.toLowerCase();
  try {
    const parsed: unknown = lower === "json" ? JSON.parse(block) : ["", "yaml", "yml"].includes(lower) ? (core !== undefined && !("<<" in core) ? core : yaml.load(block)) : undefined;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Eleventy's own parse of the same text reports the error.
    return undefined;
  }
}

/** Where the front matter block ends, with the line break after its closing ---; 0 without one. */
function frontMatterBlockEnd(text: string): number {
  const opening = /^\uFEFF?---[^\r\n]*\r?\n/.exec(text);
  if (!opening) return 0;
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(opening[0].length - 1));
  return closing ? opening[0].length - 1 + closing.index + closing[0].length : 0;
}

/**
 * The file's bytes, or undefined when there is no such file (a template Eleventy made up, such as
 * a paginated page's). One system call: asking first whether it exists doubled the cost per story.
 */
export function readFileIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EISDIR") return undefined;
    throw error;
  }
}
