/**
 * An article's front matter, checked once per build: a missing headline or an unknown section
 * fails the build naming the file, the field and the fix, instead of printing a broken page.
 */
import { namingFile } from "../arguments.js";
import { parseDatelinePlace } from "../dateline.js";
import { DateTime } from "luxon";
import { readCorrections } from "../corrections.js";
import { toDateTime } from "../dates.js";
import { NewsroomError, closestMatch } from "../errors.js";

/** A section registry entry (`_data/sections.json`). */
export interface SectionEntry {
  name: string;
  description?: string;
}

/** An author registry entry (`_data/authors.json`). */
export interface AuthorEntry {
  name: string;
  title?: string;
  bio?: string;
  email?: string;
  url?: string;
  sameAs?: string[];
}

export interface ArticleRegistries {
  sections: Record<string, SectionEntry>;
  authors: Record<string, AuthorEntry>;
  standaloneCities?: readonly string[] | undefined;
  /** The site's zone, where offset-less times are read. */
  timeZone?: string | undefined;
}

function fieldError(inputPath: string, field: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `front matter ${field}`, problem, value, fix, inputPath });
}

function requireText(data: Record<string, unknown>, field: string, inputPath: string, fix: string): void {
  const value = data[field];
  if (typeof value !== "string" || value.trim() === "") {
    throw fieldError(inputPath, field, value === undefined ? "is missing" : "must be non-empty text, got", value, fix);
  }
}

function checkId(inputPath: string, field: string, id: unknown, registry: Record<string, unknown>, registryFile: string): void {
  if (typeof id === "string" && Object.hasOwn(registry, id)) return;
  const known = Object.keys(registry);
  const guess = typeof id === "string" ? closestMatch(id, known) : undefined;
  throw fieldError(
    inputPath,
    field,
    `unknown ${field === "section" ? "section" : "author"} id`,
    id,
    guess ? `did you mean "${guess}"? Ids are defined in ${registryFile}` : `use one of ${known.map((k) => `"${k}"`).join(", ") || "(none yet)"}, or add it to ${registryFile}`,
  );
}

/**
 * A YAML date like `2025-02-30` is not an error to the YAML parser: it silently becomes March 2.
 * So the date as written in the file is checked too. Returns the impossible value, if any.
 */
export function impossibleWrittenDate(fileText: string, field: string): string | undefined {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fileText)?.[1] ?? "";
  const written = new RegExp(`^${field}:[ \\t]*(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2}))?`, "m").exec(frontMatter);
  if (!written) return undefined;
  const [value, year, month, day, hour = "0", minute = "0"] = written as unknown as string[];
  const moment = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute) }, { zone: "utc" });
  return moment.isValid ? undefined : (value as string).slice(field.length + 1).trim();
}

/** Throws the first problem found in an article's data; returns nothing when it is sound. */
export function validateArticle(inputPath: string, data: Record<string, unknown>, registries: ArticleRegistries, fileText?: string): void {
  requireText(data, "title", inputPath, 'add a headline: title: "…"');
  requireText(data, "dek", inputPath, 'add a one-sentence standfirst: dek: "…" (it is also the meta description)');

  // Eleventy falls back to the file's creation time when front matter has no date; a news
  // article must say when it was published.
  if (data.date === undefined) throw fieldError(inputPath, "date", "is missing", undefined, "add date: 2025-09-05T19:00:00-04:00 (a time, with or without its offset), or date: 2025-09-05 (the day alone)");
  for (const field of ["date", "updated"]) {
    if (data[field] === undefined) continue;
    const impossible = fileText === undefined ? undefined : impossibleWrittenDate(fileText, field);
    if (impossible !== undefined) {
      throw fieldError(inputPath, field, "this day or time does not exist (YAML would quietly turn it into another date)", impossible, "correct the date, e.g. 2025-02-28");
    }
    namingFile(inputPath, () => toDateTime(data[field], { where: `front matter ${field}` }));
  }

  checkId(inputPath, "section", data.section, registries.sections, "_data/sections.json");

  // `byline` (not `authors`, which would hide the global authors registry on the page): a list
  // of author ids, or "organisation"/absent for the publication's own byline.
  if (data.byline !== undefined && data.byline !== "organisation") {
    const byline = data.byline;
    if (!Array.isArray(byline) || byline.length === 0) {
      throw fieldError(inputPath, "byline", 'must be a list of author ids or "organisation", got', byline, "write byline: [ada-reyes], or byline: organisation");
    }
    for (const id of byline) checkId(inputPath, "byline", id, registries.authors, "_data/authors.json");
  }

  if (data.tags !== undefined && (!Array.isArray(data.tags) || data.tags.some((tag) => typeof tag !== "string" || tag.trim() === ""))) {
    throw fieldError(inputPath, "tags", "must be a list of topic names, got", data.tags, "write tags: [Budget, Transit]");
  }

  // Several corrections, each with text and date; the 0.1 `correction` field is refused with the new form.
  const corrections = readCorrections(data, inputPath, registries.timeZone);
  const published = toDateTime(data.date, { zone: registries.timeZone, where: "front matter date" });
  corrections.forEach((correction, index) => {
    if (toDateTime(correction.date, { zone: registries.timeZone }).endOf("day") < published.startOf("day")) {
      throw fieldError(inputPath, `corrections[${index}].date`, "is before the story was published", correction.date, "give the day (or time) the story was corrected, on or after its date");
    }
  });

  if (data.dateline !== undefined) {
    namingFile(inputPath, () => parseDatelinePlace(data.dateline, { where: "front matter dateline", standaloneCities: registries.standaloneCities }));
  }
}
