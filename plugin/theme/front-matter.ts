/**
 * An article's front matter, checked once per build: a missing headline or an unknown section
 * fails the build naming the file, the field and the fix, instead of printing a broken page.
 */
import path from "node:path";
import { namingFile } from "../arguments.js";
import { parseDatelinePlace } from "../dateline.js";
import { DateTime } from "luxon";
import { readCorrections } from "../corrections.js";
import { laterDayThan, toDateTime, type DateInput } from "../dates.js";
import { NewsroomError, characterName, closestMatch } from "../errors.js";
import { isAbsoluteHttpUrl, isSafeUrl } from "../escape.js";
import { parseLeadPhoto } from "../photo-field.js";
import { resolveKinds, type StoryKind } from "../kinds.js";
import { checkStoryKind } from "./kinds.js";
import { registryFieldNames } from "./registry-fields.js";
import { storyFieldNames } from "./story-fields.js";
import { refuseEmptyStory, refuseSecondHeadline, refuseVanishingVariables } from "./story-text.js";

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
  /** Portrait: a site path from the input folder, e.g. `/images/staff/ada-reyes.jpg`. */
  photo?: string;
  /** What the author covers and knows: shown on the author page, `knowsAbout`. */
  expertise?: string[];
  /** Where the author works from: shown, `workLocation`. */
  location?: string;
  /** Languages the author reports in: shown, `knowsLanguage`. */
  languages?: string[];
}

// Described once, with the CMS's forms (registry-fields.ts).
const SECTION_FIELDS = registryFieldNames("sections");
const AUTHOR_FIELDS = registryFieldNames("authors");
/** Author fields that are lists of text. */
const AUTHOR_TEXT_LISTS = ["expertise", "languages"];

/**
 * Entries of `sections.json` and `authors.json`, checked as the speakers registry is: a misspelt
 * `name` would otherwise publish empty section links and titles, or fail far away in an article's
 * structured data.
 */
export function checkRegistryEntries(kind: "sections" | "authors", registry: Record<string, unknown>, file: string): void {
  const fields = kind === "sections" ? SECTION_FIELDS : AUTHOR_FIELDS;
  for (const [id, entry] of Object.entries(registry)) {
    const where = `${kind} registry ${id}`;
    const fail = (at: string, problem: string, value: unknown, fix: string): never => {
      throw new NewsroomError({ where: at, problem, value, fix, inputPath: file });
    };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) fail(where, "must be an object, got", entry, `write it as { "name": "…" }`);
    const record = entry as Record<string, unknown>;
    for (const [field, value] of Object.entries(record)) {
      if (!fields.includes(field)) {
        const guess = closestMatch(field, fields);
        fail(`${where}.${field}`, "unknown field (it would be ignored)", field, guess ? `did you mean "${guess}"?` : `use only ${fields.join(", ")}`);
      }
      if (AUTHOR_TEXT_LISTS.includes(field)) {
        if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === "string" && item.trim() !== "")) fail(`${where}.${field}`, "must be a list of text, got", value, field === "languages" ? 'write e.g. ["English", "Spanish"]' : 'write e.g. ["City budget", "Transit"]');
      } else if (field === "sameAs") {
        if (!Array.isArray(value) || !value.every((link) => typeof link === "string" && isAbsoluteHttpUrl(link))) fail(`${where}.sameAs`, "must be a list of absolute http(s) URLs, got", value, 'write e.g. ["https://social.example/@name"]');
      } else if (typeof value !== "string") {
        fail(`${where}.${field}`, "must be text, got", value, `write ${field} as a quoted string`);
      } else if (field === "url" && !isSafeUrl(value)) {
        fail(`${where}.url`, "must be an http(s) URL or a site path, got", value, 'write e.g. "https://news.example.com/staff/name/"');
      }
    }
    if (typeof record.name !== "string" || record.name.trim() === "") fail(`${where}.name`, "is missing", record.name, `add "name" to the "${id}" entry`);
  }
}

export interface ArticleRegistries {
  sections: Record<string, SectionEntry>;
  authors: Record<string, AuthorEntry>;
  standaloneCities?: readonly string[] | undefined;
  /** The site's zone, where offset-less times are read. */
  timeZone?: string | undefined;
  /** Fields of the site's own (site.json `extraFields`), allowed beside ARTICLE_FIELDS. */
  extraFields?: readonly string[] | undefined;
  /** The fields the article itself gives (its front matter), apart from global and directory data. */
  frontMatter?: Record<string, unknown> | undefined;
  /** When this build runs: a story cannot have been updated or corrected on a later day. */
  buildTime?: Date | undefined;
  /** The site's kinds (built-in and `_data/kinds.json`); the built-in ones when not given. */
  kinds?: Readonly<Record<string, StoryKind>> | undefined;
}

/**
 * Every front-matter field an article may have, in one list: a field not here (nor in the site's
 * `extraFields`) is a typo such as `corection`, and stops the build with a suggestion.
 */
export const ARTICLE_FIELDS: readonly string[] = [
  // Described once, with what the editors' CMS needs of each (story-fields.ts).
  ...storyFieldNames(),
];

/** 0.1's single-correction fields: let through here so the corrections check can say what to write now. */
const RETIRED_FIELDS: readonly string[] = ["correction", "correctionDate"];

/** Eleventy's own keys that an article may set to change how it is built. */
export const ELEVENTY_FIELDS: readonly string[] = ["layout", "permalink", "eleventyComputed", "templateEngineOverride"];

/** A registry id or URL segment: lowercase letters and digits joined by single hyphens or underscores (`ada-reyes`). */
export function isSlug(id: string): boolean {
  return /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(id);
}

/** A slug close to what was written, for the fix in an error message. */
export function suggestSlug(id: string): string {
  return (
    id
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "my-id"
  );
}

/**
 * Characters a story's address cannot hold, and why: Eleventy writes the file under any name, but
 * the link to it would lead elsewhere ("?", "#", "%", "\\"), or break wherever the address is
 * written out as text (white space).
 */
const ADDRESS_BREAKERS: readonly [RegExp, string][] = [
  [/\?/u, '"?" starts a query string, so a link to it leads to another address'],
  [/#/u, '"#" starts a fragment, so a link to it leads to another address'],
  [/%/u, '"%" starts an escape, so the server would look for another file'],
  [/\\/u, 'browsers read "\\" as "/"'],
  [/\s/u, "white space breaks the address wherever it is written out as text, in an email or a post"],
];

/**
 * `permalink: false`, Eleventy's way to write no page: the theme would still list the story
 * (linking to nothing), and its layout cannot link to itself.
 */
export function storyWithoutPage(inputPath: string, written: boolean): NewsroomError {
  return new NewsroomError({
    where: written ? "front matter permalink" : "permalink",
    inputPath,
    problem: "a story must have a page: the front page, lists, feeds and sitemaps link to it",
    value: false,
    fix: "to keep a story off the site, write draft: true instead",
  });
}

/**
 * Stops a story whose address a browser cannot open as written. Most such addresses come from the
 * file's name, which the theme's permalink uses as it is; the fix then is a new name.
 */
/**
 * The last part of a story's address: Eleventy's `fileSlug`, without the file's extension. Eleventy
 * renders `a.MD` as Markdown (it reads extensions in any case) but strips only a lower-case
 * extension from the slug (`a.MD`, and `index.MD` for its folder's name).
 */
export function storySlug(page: { fileSlug: string; inputPath: string }): string {
  const extension = path.extname(page.inputPath);
  if (extension === "" || !page.fileSlug.endsWith(extension)) return page.fileSlug;
  const slug = page.fileSlug.slice(0, -extension.length);
  if (slug !== "index") return slug;
  const folder = path.basename(path.dirname(page.inputPath));
  return /\d{4}-\d{2}-\d{2}-(.*)/.exec(folder)?.[1] ?? folder;
}

export function checkStoryAddress(inputPath: string, url: unknown, story: { fileSlug?: string; permalinkWritten: boolean }): void {
  if (url === false) throw storyWithoutPage(inputPath, story.permalinkWritten);
  if (typeof url !== "string") return;
  const broken = ADDRESS_BREAKERS.find(([pattern]) => pattern.test(url));
  if (!broken) return;
  const problem = `gives the story an address a browser cannot open (${broken[1]})`;
  if (story.permalinkWritten || !story.fileSlug) {
    throw new NewsroomError({ where: "front matter permalink", inputPath, problem, value: url, fix: `use letters, digits and hyphens, e.g. "${url.split("/").map((part) => (part === "" ? "" : suggestSlug(part))).join("/")}"` });
  }
  const base = path.basename(inputPath, path.extname(inputPath));
  const renamed = `${suggestSlug(story.fileSlug)}${base === story.fileSlug ? path.extname(inputPath) : ""}`;
  throw new NewsroomError({
    where: base === story.fileSlug ? "story file name" : "story folder name",
    inputPath,
    problem,
    value: url,
    fix: `rename the ${base === story.fileSlug ? "file" : "folder"} "${base === story.fileSlug ? path.basename(inputPath) : story.fileSlug}" to "${renamed}" (letters, digits and hyphens); the story's address follows its name`,
  });
}

/**
 * Characters that must never reach a page or a feed: control characters other than tab, line feed
 * and a carriage return before a line feed (one vertical tab makes a feed invalid XML), lone
 * surrogates (not text at all) and Unicode non-characters.
 */
const FORBIDDEN_CHARACTER = /(?!\t|\n|\r\n)\p{Cc}|[\ud800-\udfff]|\p{Noncharacter_Code_Point}/u;

/** The first forbidden character in a text, as `U+000B`, with its position; undefined when clean. */
export function forbiddenCharacter(text: string): { codePoint: string; index: number; name: string; position: number } | undefined {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return undefined;
  const codePoint = `U+${(match[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
  // `name`: `U+000B (a control character)`; `position`: the Nth character of the text, from 1.
  return { codePoint, index: match.index, name: characterName(match[0]), position: [...text.slice(0, match.index)].length + 1 };
}

/** Checks every string inside a value (lists and objects too), naming the field path of the first bad one. */
export function assertCleanText(value: unknown, field: string, inputPath: string, where = "front matter"): void {
  if (typeof value === "string") {
    const found = forbiddenCharacter(value);
    if (found) {
      throw new NewsroomError({
        where: `${where} ${field}`,
        problem: `contains the invisible character ${found.name} at character ${found.position}, which would break feeds and pages`,
        value,
        fix: "delete the character (it often comes from copying out of a PDF or word processor) or retype the text",
        inputPath,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, position) => assertCleanText(item, `${field}[${position}]`, inputPath, where));
  } else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      assertCleanText(key, field ? `${field} (a key)` : "(a key)", inputPath, where);
      assertCleanText(item, field ? `${field}.${key}` : key, inputPath, where);
    }
  }
}

/** The article's body as written (after the front matter), checked like its fields; names the line. */
export function assertCleanBody(fileText: string, inputPath: string): void {
  const found = forbiddenCharacter(fileText);
  if (!found) return;
  const line = fileText.slice(0, found.index).split("\n").length;
  throw new NewsroomError({
    where: `article text, line ${line}`,
    problem: `contains the invisible character ${found.name}, which would break feeds and pages`,
    value: fileText.split("\n")[line - 1],
    fix: "delete the character (it often comes from copying out of a PDF or word processor) or retype the line",
    inputPath,
  });
}

function checkKnownFields(inputPath: string, frontMatter: Record<string, unknown>, extraFields: readonly string[]): void {
  const current = [...ARTICLE_FIELDS, ...ELEVENTY_FIELDS, ...extraFields];
  const computed = frontMatter.eleventyComputed;
  const fields = [...Object.keys(frontMatter), ...(computed && typeof computed === "object" ? Object.keys(computed) : [])];
  for (const field of fields) {
    if (current.includes(field) || RETIRED_FIELDS.includes(field)) continue;
    // Suggest only fields that are read now: `corection` is a typo of `corrections`, not of 0.1's `correction`.
    const guess = closestMatch(field, current);
    throw fieldError(
      inputPath,
      field,
      "unknown field (it would be ignored)",
      field,
      `${guess ? `did you mean "${guess}"? ` : ""}The fields are ${ARTICLE_FIELDS.join(", ")}; declare a field of your own site in _data/site.json: "extraFields": ["${field}"]`,
    );
  }
}

/** The agency is shown in the dateline only: without one, or as anything but text, it would be dropped. */
function checkDatelineAgency(inputPath: string, agency: unknown, dateline: unknown): void {
  if (typeof agency !== "string" || agency.trim() === "") {
    throw fieldError(inputPath, "datelineAgency", "must be the agency's name as text, got", agency, 'write e.g. datelineAgency: "AP"');
  }
  if (dateline === undefined) {
    throw fieldError(inputPath, "datelineAgency", "is shown only in the dateline, and this story has no dateline (the agency would be dropped), got", agency, `add the place it was filed from, e.g. dateline: "Kyiv, Ukraine", or remove datelineAgency`);
  }
}

/** A story with no `date`: Eleventy would date it by its file's creation, which is no publication time. */
export function missingDateError(inputPath: string): NewsroomError {
  return fieldError(inputPath, "date", "is missing", undefined, "add date: 2025-09-05T19:00:00-04:00 (a time, with or without its offset), or date: 2025-09-05 (the day alone)");
}

function fieldError(inputPath: string, field: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `front matter ${field}`, problem, value, fix, inputPath });
}

/** White space and characters that show nothing (zero-width space, word joiner, byte-order mark…). */
const INVISIBLE = /[\s\p{Cf}\p{Z}]/gu;

function requireText(data: Record<string, unknown>, field: string, inputPath: string, fix: string): void {
  const value = data[field];
  if (typeof value !== "string" || value.trim() === "") {
    throw fieldError(inputPath, field, value === undefined ? "is missing" : "must be non-empty text, got", value, fix);
  }
  // A headline of a zero-width space is an empty headline to every reader.
  if (value.replace(INVISIBLE, "") === "") {
    throw fieldError(inputPath, field, "holds only characters that show nothing, so readers would see it empty, got", value, fix);
  }
}

function checkId(inputPath: string, field: string, id: unknown, registry: Record<string, unknown>, registryFile: string): void {
  if (typeof id === "string" && Object.hasOwn(registry, id)) return;
  const known = Object.keys(registry);
  const guess = typeof id === "string" ? closestMatch(id, known) : undefined;
  const notSlug = typeof id === "string" && !isSlug(id) ? ` (ids are slugs: lowercase letters, digits and hyphens, e.g. "${suggestSlug(id)}")` : "";
  throw fieldError(
    inputPath,
    field,
    `unknown ${field === "section" ? "section" : "author"} id${notSlug}`,
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
  const frontMatter = registries.frontMatter;
  if (frontMatter) {
    checkKnownFields(inputPath, frontMatter, registries.extraFields ?? []);
    assertCleanText(frontMatter, "", inputPath);
  }
  if (fileText !== undefined) assertCleanBody(fileText, inputPath);
  requireText(data, "title", inputPath, 'add a headline: title: "…"');
  requireText(data, "dek", inputPath, 'add a one-sentence standfirst: dek: "…" (it is also the meta description)');

  // Eleventy falls back to the file's creation time when front matter has no date; a news
  // article must say when it was published.
  if (data.date === undefined) throw missingDateError(inputPath);
  for (const field of ["date", "updated"]) {
    if (data[field] === undefined) continue;
    const impossible = fileText === undefined ? undefined : impossibleWrittenDate(fileText, field);
    if (impossible !== undefined) {
      throw fieldError(inputPath, field, "this day or time does not exist (YAML would quietly turn it into another date)", impossible, "correct the date, e.g. 2025-02-28");
    }
    namingFile(inputPath, () => toDateTime(data[field], { where: `front matter ${field}` }));
  }

  checkId(inputPath, "section", data.section, registries.sections, "_data/sections.json");
  // `featured: "yes"` or `featured: 1` would silently not lead the front page.
  if (data.featured !== undefined && typeof data.featured !== "boolean") {
    throw fieldError(inputPath, "featured", "must be true or false, got", data.featured, "write featured: true to make this story the front page's lead, or remove the line");
  }

  // `byline` (not `authors`, which would hide the global authors registry on the page): a list
  // of author ids, or "organisation"/absent for the publication's own byline.
  if (data.byline !== undefined && data.byline !== "organisation") {
    const byline = data.byline;
    if (!Array.isArray(byline) || byline.length === 0) {
      throw fieldError(inputPath, "byline", 'must be a list of author ids or "organisation", got', byline, "write byline: [ada-reyes], or byline: organisation");
    }
    for (const id of byline) checkId(inputPath, "byline", id, registries.authors, "_data/authors.json");
    // "By Ada Reyes and Ada Reyes", and the author twice in the structured data.
    const repeated = byline.find((id, index) => byline.indexOf(id) !== index);
    if (repeated !== undefined) throw fieldError(inputPath, "byline", "names the same author twice", repeated, "list each author once");
  }

  checkStoryKind(inputPath, data, registries.kinds ?? resolveKinds(undefined));

  if (data.tags !== undefined && (!Array.isArray(data.tags) || data.tags.some((tag) => typeof tag !== "string" || tag.trim() === ""))) {
    throw fieldError(inputPath, "tags", "must be a list of topic names, got", data.tags, "write tags: [Budget, Transit]");
  }
  for (const tag of (data.tags ?? []) as string[]) checkTopicName(inputPath, tag);

  // Several corrections, each with text and date; the 0.1 `correction` field is refused with the new form.
  const corrections = readCorrections(data, inputPath, registries.timeZone);
  const published = toDateTime(data.date, { zone: registries.timeZone, where: "front matter date" });
  // Days, not instants: a day-only `updated` on the day of publication is midnight, before a timed date.
  if (data.updated !== undefined && toDateTime(data.updated, { zone: registries.timeZone }).endOf("day") < published.startOf("day")) {
    throw fieldError(inputPath, "updated", "is before the story was published (the page would say it was updated before it appeared)", data.updated, `give the day (or time) the story was updated, on or after its date (${published.toISODate()})`);
  }
  corrections.forEach((correction, index) => {
    if (toDateTime(correction.date, { zone: registries.timeZone }).endOf("day") < published.startOf("day")) {
      throw fieldError(inputPath, `corrections[${index}].date`, "is before the story was published", correction.date, "give the day (or time) the story was corrected, on or after its date");
    }
  });
  // A mistyped year or month would publish an update still to come. A story dated after the
  // build (an embargo, in the preview) may carry later dates of its own.
  const buildTime = registries.buildTime === undefined ? undefined : DateTime.fromJSDate(registries.buildTime);
  const dayOptions = { zone: registries.timeZone ?? "utc", where: "front matter date" };
  if (buildTime !== undefined && laterDayThan(published, buildTime, dayOptions) === undefined) {
    const later: [string, unknown][] = [["updated", data.updated], ...corrections.map((correction, index): [string, unknown] => [`corrections[${index}].date`, correction.date])];
    for (const [field, value] of later) {
      const today = value === undefined ? undefined : laterDayThan(value as DateInput, buildTime, dayOptions);
      if (today === undefined) continue;
      throw fieldError(inputPath, field, `is a day still to come (this build runs on ${today}): the page would say the story changed on a day that has not come`, value, "give the day (or time) the change was made; to publish a story later, give its date instead (a story dated after the build waits for the first build after that time)");
    }
  }

  // The photo's fields here; whether its file exists and is an image, when it is processed.
  parseLeadPhoto(data.image, inputPath);

  if (data.dateline !== undefined) {
    namingFile(inputPath, () => parseDatelinePlace(data.dateline, { where: "front matter dateline", standaloneCities: registries.standaloneCities }));
  }
  if (data.datelineAgency !== undefined) checkDatelineAgency(inputPath, data.datelineAgency, data.dateline);

  // The text after the fields: a story is read from the top.
  if (fileText !== undefined) {
    refuseEmptyStory(fileText, inputPath);
    refuseSecondHeadline(fileText, inputPath, data.templateEngineOverride);
    refuseVanishingVariables(fileText, data, inputPath);
  }
}

/**
 * Names every JavaScript object has (`__proto__`, `constructor`, `toString`…). Eleventy keeps
 * collections in a plain object and makes one of every tag: a tag of one of these names breaks
 * the build inside Eleventy ("configCollections[name] is not a function") or its collection.
 */
export const RESERVED_TAG_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Stops a page whose tags include a name Eleventy cannot make a collection of; any page, as every tag becomes a collection. */
export function refuseReservedTags(inputPath: string, tags: unknown): void {
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    if (typeof tag === "string" && RESERVED_TAG_NAMES.has(tag)) {
      throw fieldError(inputPath, "tags", "this name is one every JavaScript object already has, so Eleventy cannot make a collection of it, got", tag, `write the topic another way, e.g. "${tag.charAt(0).toUpperCase()}${tag.slice(1)}" or "${tag} (topic)"`);
    }
  }
}

/** Longest topic name: its page's folder name must fit the file system's 255 bytes. */
export const MAX_TOPIC_LENGTH = 100;

function checkTopicName(inputPath: string, tag: string): void {
  // Eleventy splits `tags: "Budget, Transit"` at the commas and keeps the spaces: " Transit"
  // would be shown, and listed, with its space.
  if (tag !== tag.trim()) {
    throw fieldError(inputPath, "tags", "topic name begins or ends with a space (Eleventy splits a text of topics at its commas and keeps the spaces), got", tag, "write the topics as a list: tags: [Budget, Transit]");
  }
  if ([...tag].length > MAX_TOPIC_LENGTH) {
    throw fieldError(inputPath, "tags", `topic name is longer than ${MAX_TOPIC_LENGTH} characters, got`, `${tag.slice(0, 60)}…`, "shorten the topic to a few words; put longer text in the story");
  }
  if (topicSlug(tag) === "") {
    throw fieldError(inputPath, "tags", "topic name has no letter or digit to name its page, got", tag, "write the topic in words, e.g. tags: [Budget]");
  }
}

/** Symbols that tell topics apart (`C++`, `C#`, `C`), spelled out in their page's address. */
const SPELLED_SYMBOLS: Record<string, string> = { "+": "-plus-", "#": "-sharp-" };

/**
 * A topic's page name: letters of any script kept as they are, lowercase (`Україна` → `україна`),
 * accents dropped from Latin letters only (`Café` → `cafe`), anything else a hyphen. Empty when
 * the name has no letter or digit.
 */
export function topicSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, (_match, letter: string) => letter)
    .normalize("NFC")
    .toLowerCase()
    .replace(/[+#]/g, (symbol) => SPELLED_SYMBOLS[symbol] ?? "-")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
