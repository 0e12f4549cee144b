/**
 * Stories are data, not code. Whoever writes a story — a reporter, an editor in the CMS, a pull
 * request from a fork — is not trusted with code that runs on the editor's machine or in CI. Unless
 * the site sets the theme option `trustedStories`, a story's text may use Markdown and the
 * newsroom's shortcodes with literal arguments, and nothing else a template language would run; its
 * front matter may not set Eleventy's keys that change how a page is built; its file may not be of
 * a kind that is code; and, trusted or not, its page is written inside the output folder and never
 * where the theme or the site publishes its own files. docs/security.md states the model.
 *
 * Pure functions, tested alone (test/theme/story-code.test.ts), but for the listing of the stories
 * folder; the theme's preprocessor, its front-matter engines, its check of the stories folder and
 * its output check call them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NewsroomError } from "../errors.js";
import { isInsideFolder, realPath } from "../images.js";
import type { WrittenSource } from "./publishing.js";

/** The newsroom's shortcodes a story may call, with literal arguments (see docs/plugin.md). */
export const STORY_SHORTCODES = ["speaker", "dateline", "pullquote", "quote", "inlineQuote", "figure"] as const;
const PAIRED_SHORTCODES = ["pullquote", "quote", "inlineQuote"];
const STORY_TAGS = new Set<string>([...STORY_SHORTCODES, ...PAIRED_SHORTCODES.map((name) => `end${name}`)]);

export const TRUSTED_FIX = "a site whose stories are trusted code sets the theme option trustedStories: true (docs/security.md)";
const SHOW_AS_WRITTEN = "to show it as written, wrap it: {% raw %}…{% endraw %}";

/** Where a story's text holds template code, and what to say about it. */
export interface StoryCode {
  /** Offset in the text. */
  index: number;
  /** The code as written (cut short when long). */
  written: string;
  problem: string;
  fix: string;
}

/** Opens a template language's output `{{`, tag `{%` or comment `{#`. */
const OPENER = /\{[{%#]/g;
/**
 * An argument the shortcodes take as written — a quoted text (no backslash: the languages read
 * escapes differently), a number, true or false — and its separator: a comma (Nunjucks, Liquid)
 * or spaces (Liquid).
 */
const ARGUMENT = /^\s*("[^"\\]*"|'[^'\\]*'|-?\d+(?:\.\d+)?|true|false)(?=[\s,]|$)\s*,?/;
/** Text that would open or close template syntax: never inside a literal argument. */
const DELIMITER = /\{[{%#]|[}%#]\}/;

/**
 * The first template code in a story's text, or undefined when it has none: anything but the
 * newsroom's shortcodes with literal arguments, their end tags, `{% raw %}…{% endraw %}` (printed
 * as written) and `{# comments #}` (printed by neither language: Nunjucks drops them, Liquid
 * prints them as text). The reading is the stricter of Nunjucks' and Liquid's: text either would
 * run is refused.
 */
export function findStoryCode(text: string): StoryCode | undefined {
  let at = 0;
  for (;;) {
    OPENER.lastIndex = at;
    const opener = OPENER.exec(text);
    if (!opener) return undefined;
    const start = opener.index;
    const kind = opener[0][1];
    if (kind === "{") {
      const end = text.indexOf("}}", start + 2);
      return { index: start, written: shown(text, start, end === -1 ? -1 : end + 2), problem: "prints a template expression, and a story runs no template code", fix: `remove it; ${SHOW_AS_WRITTEN}; ${TRUSTED_FIX}` };
    }
    if (kind === "#") {
      const end = text.indexOf("#}", start + 2);
      // Not a comment to Nunjucks (which stops at it) nor to Liquid (which prints it): text.
      if (end === -1) {
        at = start + 2;
        continue;
      }
      const inner = text.slice(start + 2, end).search(/\{[{%]/);
      if (inner !== -1) {
        return { index: start, written: shown(text, start, end + 2), problem: "holds template code inside a comment {# … #}, which Liquid does not read as a comment and would run", fix: `take the code out of the comment; ${TRUSTED_FIX}` };
      }
      at = end + 2;
      continue;
    }
    const end = text.indexOf("%}", start + 2);
    if (end === -1) return { index: start, written: shown(text, start, -1), problem: "opens a template tag {% that never closes", fix: `close it with %}, or ${SHOW_AS_WRITTEN}` };
    const tag = readTag(text.slice(start + 2, end));
    const written = shown(text, start, end + 2);
    if (tag?.name === "raw" && tag.literals.length === 0) {
      const close = rawEnd(text, end + 2);
      if (close === undefined) return { index: start, written, problem: "opens a raw block that no {% endraw %} closes", fix: "close it with {% endraw %}" };
      at = close;
      continue;
    }
    if (tag === undefined || !STORY_TAGS.has(tag.name)) {
      return { index: start, written, problem: `is template code; a story may use only the newsroom's shortcodes (${STORY_SHORTCODES.join(", ")}) with literal arguments`, fix: `remove it; ${SHOW_AS_WRITTEN}; ${TRUSTED_FIX}` };
    }
    if (tag.rest !== "" || (tag.name.startsWith("end") && tag.literals.length > 0)) {
      return {
        index: start,
        written,
        problem: `passes the shortcode "${tag.name}" an argument that is not written out (a variable, filter or expression), which a story may not run`,
        fix: `write each argument as quoted text ("zelenskyy"), a number or true/false; ${TRUSTED_FIX}`,
      };
    }
    at = end + 2;
  }
}

/**
 * A tag's name and its literal arguments; `rest` is what follows the last literal that is not one
 * (empty when every argument is). Undefined when the tag has no name.
 */
function readTag(inner: string): { name: string; literals: string[]; rest: string } | undefined {
  // Whitespace control, `{%-` and `-%}`, in both languages.
  const body = inner.replace(/^-/, "").replace(/-$/, "").trim();
  const name = /^[A-Za-z_]\w*/.exec(body)?.[0];
  if (name === undefined) return undefined;
  let rest = body.slice(name.length);
  const literals: string[] = [];
  if (rest !== "" && !/^\s/.test(rest)) return { name, literals, rest };
  for (;;) {
    const argument = ARGUMENT.exec(rest);
    if (!argument || DELIMITER.test(argument[1] as string)) break;
    literals.push(argument[1] as string);
    rest = rest.slice(argument[0].length);
  }
  return { name, literals, rest: rest.trim() };
}

/**
 * Where a raw block ends: after the first `{% endraw %}`. Both languages end it there at the
 * latest (Nunjucks counts nested raw blocks, and so may end it later: text it prints as written is
 * then read as a story's text here, never the other way round). A mention of endraw that is not
 * such a tag leaves undefined: the block is refused rather than guessed.
 */
function rawEnd(text: string, from: number): number | undefined {
  const mention = /endraw/i.exec(text.slice(from));
  if (!mention) return undefined;
  const at = from + mention.index;
  const before = /\{%-?[ \t\r\n]*$/.test(text.slice(Math.max(from, at - 20), at));
  const after = /^endraw[ \t\r\n]*-?%\}/.exec(text.slice(at));
  return before && after ? at + after[0].length : undefined;
}

function shown(text: string, start: number, end: number): string {
  const lineEnd = text.indexOf("\n", start);
  const stop = end === -1 ? (lineEnd === -1 ? text.length : lineEnd) : end;
  const written = text.slice(start, stop);
  return written.length > 120 ? `${written.slice(0, 117)}...` : written;
}

/**
 * Throws a NewsroomError naming the line when a story's text holds template code (see
 * findStoryCode). `text` is the story's text below its front matter; `firstLine` gives the file's
 * line it starts on, asked only when there is something to say.
 */
export function refuseStoryCode(text: string, inputPath: string, firstLine: () => number = () => 1): void {
  if (!/\{[{%#]/.test(text)) return;
  const code = findStoryCode(text);
  if (!code) return;
  const line = firstLine() + text.slice(0, code.index).split("\n").length - 1;
  throw new NewsroomError({ where: `article text, line ${line}`, problem: code.problem, value: code.written, fix: code.fix, inputPath });
}

/**
 * Every check of a story as data, before Eleventy computes its data or renders it (the theme's
 * preprocessor): front matter in a language that is data, none of Eleventy's page-building keys,
 * and text without template code. `content` is the text below the front matter, as Eleventy
 * hands it to preprocessors; `written` the file as written (publishing.ts, SourceFiles).
 */
export function refuseStoryAsCode(inputPath: string, content: unknown, written: WrittenSource | undefined, section: unknown): void {
  if (written?.language !== undefined && !isDataFrontMatter(written.language)) throw codeFrontMatterError(written.language, inputPath);
  refuseBuildKeys(written?.fields, inputPath, section);
  // A JavaScript template's content is code, not text: such files are refused in the stories folder.
  if (typeof content === "string") refuseStoryCode(content, inputPath, () => written?.bodyLine ?? 1);
}

/**
 * Eleventy's keys that change how a page is built, which a story may not set unless trusted. Any
 * other key beginning with "eleventy" is Eleventy's too, and refused alike.
 */
export const BUILD_KEYS: readonly string[] = [
  "permalink",
  "layout",
  "templateEngineOverride",
  "eleventyComputed",
  "pagination",
  "eleventyExcludeFromCollections",
  "eleventyImport",
  "eleventyImports",
  "eleventyNavigation",
  "eleventyDataSchema",
  "dynamicPermalink",
  "permalinkBypassOutputDir",
  "pkg",
  "page",
  "collections",
  "content",
];

/** Why each key is refused, for the message. */
const BUILD_KEY_PROBLEMS: Record<string, string> = {
  layout: "chooses the template the story is built with, which the theme gives",
  templateEngineOverride: "chooses the template language that runs the story",
  eleventyComputed: "is data Eleventy computes by running templates or code",
  pagination: "makes the story write pages of other data",
  permalinkBypassOutputDir: "lets the story write outside the output folder",
  dynamicPermalink: "changes how Eleventy reads the story's address",
};

/** Why Eleventy's `key` may not be set by a story, or undefined for a key that is not Eleventy's (`permalink` aside). */
export function buildKeyProblem(key: string): string | undefined {
  if (!BUILD_KEYS.includes(key) && !/^eleventy/i.test(key)) return undefined;
  return BUILD_KEY_PROBLEMS[key] ?? "changes how the page is built";
}

/**
 * Throws a NewsroomError for a key of Eleventy's in a story's own front matter (`written`, as the
 * story gives it; not directory or global data, which are the site's). `permalink` may be a plain
 * address inside the story's section: `/{section}/…/`, of letters, digits and hyphens.
 */
export function refuseBuildKeys(written: Record<string, unknown> | undefined, inputPath: string, section: unknown): void {
  if (!written) return;
  for (const [key, value] of Object.entries(written)) {
    if (key === "permalink") {
      refuseUnsafePermalink(value, inputPath, section);
      continue;
    }
    const problem = buildKeyProblem(key);
    if (problem === undefined) continue;
    throw new NewsroomError({
      where: `front matter ${key}`,
      inputPath,
      problem: `is Eleventy's key that ${problem}, which a story may not set`,
      value,
      fix: `remove it: the theme gives every story its layout and address; ${TRUSTED_FIX}`,
    });
  }
}

/** `/{section}/` and segments of letters, digits and hyphens, ending in `/` (or a last `name.html`). */
const SAFE_PERMALINK = /^\/(?:[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\/)+(?:[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\.html)?$/u;

function refuseUnsafePermalink(value: unknown, inputPath: string, section: unknown): void {
  // `permalink: false` has its own error (a story must have a page).
  if (value === false) return;
  const prefix = typeof section === "string" && section !== "" ? `/${section}/` : undefined;
  if (typeof value === "string" && SAFE_PERMALINK.test(value) && prefix !== undefined && value.startsWith(prefix) && value.length > prefix.length) return;
  throw new NewsroomError({
    where: "front matter permalink",
    inputPath,
    problem: "may only be a plain address inside the story's section (no template code, no .., nothing but letters, digits and hyphens between the slashes)",
    value,
    fix: `write e.g. permalink: ${prefix ?? "/{section}/"}council-budget-vote/, or remove it for the theme's address; ${TRUSTED_FIX}`,
  });
}

/**
 * Front-matter languages a story may use: YAML (the default) and JSON. JavaScript front matter
 * (`---js`, `---javascript`) runs when Eleventy reads the file.
 */
export function isDataFrontMatter(language: string): boolean {
  return ["", "yaml", "yml", "json"].includes(language.trim().toLowerCase());
}

/** The NewsroomError for front matter in a language that runs code. */
export function codeFrontMatterError(language: string, inputPath: string): NewsroomError {
  return new NewsroomError({
    where: "front matter",
    inputPath,
    problem: `is written in ${JSON.stringify(language.trim())}, which runs as code when Eleventy reads the file; a story's front matter is data`,
    value: `---${language.trim()}`,
    fix: `write the front matter in YAML, between two lines of ---; ${TRUSTED_FIX}`,
  });
}

/**
 * Files that are code by nature: Eleventy runs them to read them (JavaScript templates and data
 * files, WebC, and template languages whose plugins run code).
 */
const CODE_FILE = /\.(?:11ty|11tydata)\.[cm]?[jt]sx?$|\.(?:webc|vto|ejs|pug|haml|hbs|handlebars|mustache|jsx|tsx|mdx)$/i;

/** Throws a NewsroomError for the first file in the stories folder that is code by nature. */
export function refuseCodeFiles(files: readonly string[], articlesFolder: string): void {
  const code = files.find((file) => CODE_FILE.test(file));
  if (code === undefined) return;
  throw new NewsroomError({
    where: "articles folder",
    inputPath: path.join(articlesFolder, code),
    problem: "holds a file that is code, which Eleventy would run; a story is data",
    value: path.posix.basename(code),
    fix: `write the story in Markdown (.md), and keep code in the site's config, _data or _includes; ${TRUSTED_FIX}`,
  });
}

/**
 * Every file of the stories folder (relative to it, with "/"), links followed: a story or a code
 * file behind a link to a folder is one Eleventy reads too. A link that leads outside the site's
 * folder (and outside the stories folder itself) stops the build before anything behind it is read:
 * through git, a pull request can add a link as easily as a story.
 */
export function storyFolderFiles(folder: string, siteFolder: string): string[] {
  if (!existsSync(folder)) return [];
  const realFolder = realPath(folder) ?? path.resolve(folder);
  const realSite = realPath(siteFolder) ?? path.resolve(siteFolder);
  const files: string[] = [];
  const seen = new Set<string>([realFolder]);
  const pending: [string, string][] = [[folder, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [dir, prefix] = next;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = prefix + entry.name;
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const real = realPath(full);
        if (real === undefined) continue; // A link to nothing: nothing to read.
        if (!isInsideFolder(real, realSite) && !isInsideFolder(real, realFolder)) {
          throw new NewsroomError({
            where: "articles folder",
            inputPath: full,
            problem: "holds a link to a file or folder outside the site's folder, and the build reads no file outside it",
            value: relative,
            fix: "put the file itself in the stories folder instead of a link to it",
          });
        }
        isDirectory = statSync(real).isDirectory();
        if (isDirectory && seen.has(real)) continue;
        if (isDirectory) seen.add(real);
      }
      if (isDirectory) pending.push([full, `${relative}/`]);
      else files.push(relative);
    }
  }
  return files;
}

/**
 * Stops the build when the site gave a template engine delimiters of its own (`<$ … $>`): the
 * check of a story's text reads the standard ones, so a story could run code in the site's.
 */
export function refuseOwnDelimiters(engine: "Nunjucks" | "Liquid", delimiters: Record<string, string> | undefined): void {
  if (delimiters === undefined || Object.keys(delimiters).length === 0) return;
  throw new NewsroomError({
    where: `the site's config, ${engine} delimiters`,
    problem: `are the site's own, and the check that a story holds no template code reads only the standard ones ({% %}, {{ }}, {# #}): a story could run ${engine} code written with them`,
    value: delimiters,
    fix: `give ${engine} its standard delimiters; ${TRUSTED_FIX}`,
  });
}

/**
 * Top-level folders of the theme's own pages and files (and a CMS's admin/): a section of the same
 * id would share its address, and a story's page is never written into one.
 */
export const THEME_FOLDERS: readonly string[] = ["about", "admin", "archive", "assets", "authors", "pagefind", "search", "speakers", "style-guide", "tags"];

/** The top-level folders the theme and the site publish besides stories: the theme's, and the photos' (the plugin's imageUrlPath). */
export function publishedFolders(imageUrlPath: string): string[] {
  const photos = imageUrlPath.split("/").find((part) => part !== "");
  return [...new Set([...THEME_FOLDERS, ...(photos ? [photos] : [])])];
}

/**
 * Throws a NewsroomError when a story's page would be written outside the output folder, or where
 * the theme or the site publishes its own files (a folder of theirs, or anything but an .html
 * page: stylesheets, feeds, sitemaps, robots.txt). `outputPath` is Eleventy's, from the project.
 */
export function refuseStoryOutputPath(outputPath: unknown, outputDir: string, folders: readonly string[], inputPath: string): void {
  if (outputPath === false || typeof outputPath !== "string") return;
  const output = path.resolve(outputDir);
  const target = path.resolve(outputPath);
  const inside = path.relative(output, target);
  const fail = (problem: string, fix: string): never => {
    throw new NewsroomError({ where: "story page", inputPath, problem, value: outputPath, fix });
  };
  if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
    fail(`would be written outside the output folder (${outputDir})`, "remove the story's permalink (or the data that gives it), so the theme gives its address");
  }
  const parts = inside.split(path.sep);
  const top = parts.length > 1 ? parts[0] : undefined;
  if (top !== undefined && folders.includes(top)) {
    fail(`would be written into ${top}/, where the theme or the site publishes its own files`, "give the story an address inside its section, or remove its permalink");
  }
  if (!inside.endsWith(".html") || (parts.length === 1 && ["index.html", "404.html"].includes(inside))) {
    fail("would take a path the theme or the site publishes (a story's page is an .html page of its own)", "give the story an address inside its section ending in /, or remove its permalink");
  }
}
