/**
 * A story's text, below its front matter, checked before anything renders.
 *
 * It runs through a template language (Nunjucks, or Liquid) before Markdown, so the plugin's
 * shortcodes work in it. Both print a variable the page lacks as nothing: "{{ name }}" quoted in
 * prose or shown in a code span would vanish from the page without a word.
 */
import path from "node:path";
import { NewsroomError } from "../errors.js";

/** `{{ name }}` or `{{ name.field }}`: an output of a variable alone. Outputs with filters,
 * literals or calls are the author's own code and left to the template language. */
const VARIABLE_OUTPUT = /\{\{-?\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*-?\}\}/g;
/** Comments of the template languages and of HTML: text no reader sees. */
const COMMENTS = /\{#[\s\S]*?#\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|<!--[\s\S]*?-->/g;
/** Text the template language prints as written (raw blocks) or never (comments). */
const UNPRINTED = new RegExp(`\\{%-?\\s*raw\\s*-?%\\}[\\s\\S]*?\\{%-?\\s*endraw\\s*-?%\\}|${COMMENTS.source}`, "g");
const TAG = /\{%[\s\S]*?%\}/g;
/** Names the template languages define while rendering, which page data never holds. */
const RENDER_TIME_NAMES = new Set(["collections", "loop", "forloop", "caller", "varargs", "kwargs"]);
/** Only these file types are read by a template language (JavaScript templates have no braces). */
const TEMPLATE_EXTENSIONS = new Set([".md", ".html", ".njk", ".liquid"]);

/**
 * Throws a NewsroomError naming the line when the story's text prints a variable that `data`
 * (the page's data) does not hold, or holds as null.
 */
export function refuseVanishingVariables(fileText: string, data: Record<string, unknown>, inputPath: string): void {
  if (!fileText.includes("{{") || !readByTemplateLanguage(inputPath, data.templateEngineOverride)) return;
  const bodyStart = frontMatterEnd(fileText);
  // Keep offsets (and so line numbers): what is never printed becomes spaces.
  const body = fileText.slice(bodyStart).replace(UNPRINTED, (text) => text.replace(/[^\n]/g, " "));
  // A name set, looped over or passed to a macro in the story's own tags is defined there (read
  // only when a name is missing from the data, which a good story never has).
  let namedInTags: Set<string> | undefined;
  const definedInTags = (name: string): boolean => {
    namedInTags ??= new Set([...body.matchAll(TAG)].flatMap(([tag]) => [...tag.matchAll(/[A-Za-z_$][\w$]*/g)].map(([word]) => word)));
    return namedInTags.has(name);
  };
  for (const match of body.matchAll(VARIABLE_OUTPUT)) {
    const [written, variable] = match as unknown as [string, string];
    const [root, ...fields] = variable.split(".") as [string, ...string[]];
    if (RENDER_TIME_NAMES.has(root)) continue;
    const missing = missingPart(data, root, fields);
    if (missing === undefined || definedInTags(root)) continue;
    const line = fileText.slice(0, bodyStart + (match.index ?? 0)).split("\n").length;
    throw new NewsroomError({
      where: `article text, line ${line}`,
      problem: `${written} prints the template variable "${variable}"${absence(variable, missing)}, so it prints nothing and the words vanish from the page`,
      value: fileText.split("\n")[line - 1],
      fix: `to show the braces as written, wrap them: {% raw %}${written}{% endraw %}; to show a value, name one the story has, e.g. {{ title }}`,
      inputPath,
    });
  }
}

/** What the story lacks of `variable`: the variable itself, or the first missing part of its path. */
function absence(variable: string, missing: string): string {
  if (missing === variable && !missing.includes(".")) return ", which this story does not have";
  const dot = missing.lastIndexOf(".");
  if (dot === -1) return `; this story has no "${missing}"`;
  return `; the story's "${missing.slice(0, dot)}" has no "${missing.slice(dot + 1)}"`;
}

/**
 * Throws a NewsroomError when the story has no text: a page with a headline and nothing under it,
 * in every list and feed, is a story saved before it was written (or cut off by a stray `---`).
 */
export function refuseEmptyStory(fileText: string, inputPath: string): void {
  const body = fileText.slice(frontMatterEnd(fileText)).replace(COMMENTS, "");
  if (body.trim() !== "") return;
  throw new NewsroomError({
    where: "article text",
    problem: "is empty: the story would be published with its headline and no words",
    fix: "write the story below the closing --- of its front matter, or set draft: true until it is written",
    inputPath,
  });
}

/**
 * Throws a NewsroomError when the story's text holds a level-1 heading: the headline is the
 * page's one h1, and a "# Subhead" written as in a document would be a second, set as large.
 */
export function refuseSecondHeadline(fileText: string, inputPath: string, templateEngineOverride?: unknown): void {
  const bodyStart = frontMatterEnd(fileText);
  // Most stories have no line that could be one: skip the line-by-line reading.
  if (!/^ {0,3}[#=]|<h1/im.test(fileText.slice(bodyStart))) return;
  const firstLine = fileText.slice(0, bodyStart).split("\n").length;
  const markdown = path.extname(inputPath).toLowerCase() === ".md" && (overriddenEngines(templateEngineOverride)?.includes("md") ?? true);
  const lines = fileText.slice(bodyStart).split("\n").map((line) => line.replace(/\r$/, ""));
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (markdown) {
      // Code fences show their text as written.
      const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marks && (fence === undefined || (marks[0] === fence[0] && marks.length >= fence.length))) {
        fence = fence === undefined ? marks : undefined;
        continue;
      }
      if (fence !== undefined) continue;
    }
    const previous = lines[index - 1]?.trim() ?? "";
    // "Title" over a line of "=" is Markdown's other way to write a level-1 heading (not under a list item or quote).
    const underline = markdown && /^ {0,3}=+[ \t]*$/.test(line) && previous !== "" && !/^(?:[-*+>#]|\d+[.)])/.test(previous);
    const heading = underline || (markdown && /^ {0,3}#(?:[ \t]|$)/.test(line)) || /<h1[\s>]/i.test(line.replace(/`[^`]*`/g, ""));
    if (!heading) continue;
    const at = firstLine + index - (underline ? 1 : 0);
    throw new NewsroomError({
      where: `article text, line ${at}`,
      problem: "is a level-1 heading: the headline is the page's one h1, and this would be a second, set as large as the headline",
      value: fileText.split("\n")[at - 1]?.replace(/\r$/, ""),
      fix: "write a subheading with ## (and ### under it)",
      inputPath,
    });
  }
}

/** Where the front matter ends (0 without one): what follows is the text the template language reads. */
function frontMatterEnd(fileText: string): number {
  if (!/^---[ \t]*\r?\n/.test(fileText)) return 0;
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(fileText.slice(3));
  return closing ? 3 + closing.index + closing[0].length : 0;
}

/** Whether a template language reads the file: its type, unless front matter names only Markdown or HTML. */
function readByTemplateLanguage(inputPath: string, override: unknown): boolean {
  if (!TEMPLATE_EXTENSIONS.has(path.extname(inputPath).toLowerCase())) return false;
  return overriddenEngines(override)?.some((engine) => ["njk", "liquid"].includes(engine)) ?? true;
}

/** The engines front matter's `templateEngineOverride` names, or undefined when it names none. */
function overriddenEngines(override: unknown): string[] | undefined {
  if (typeof override !== "string" || override.trim() === "") return undefined;
  return override.split(",").map((engine) => engine.trim());
}

/** The first part of `root.fields…` that is undefined or null in `data`, or undefined when all resolve. */
function missingPart(data: Record<string, unknown>, root: string, fields: readonly string[]): string | undefined {
  let value: unknown = data[root];
  let reached = root;
  if (value === undefined || value === null) return reached;
  for (const field of fields) {
    // A value of another kind (a date, a function) may answer in ways data cannot show.
    if (typeof value !== "object" || value === null || value instanceof Date) return undefined;
    value = (value as Record<string, unknown>)[field];
    reached = `${reached}.${field}`;
    if (value === undefined || value === null) return reached;
  }
  return undefined;
}
