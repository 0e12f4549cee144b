/**
 * A misspelt shortcode name. Nunjucks stops at `{% pulquote %}` with "unknown block tag: pulquote",
 * Liquid with `tag "pulquote" not found`; the plugin adds what the author meant. Each guard only
 * sees tags nothing else handles, so a site's own tag of any name keeps working.
 */
import { closestMatch, NewsroomError } from "./errors.js";
import type { LiquidEngine } from "./eleventy-types.js";
import { addLastNunjucksExtension, addLiquidTagFallback, type NunjucksExtensions } from "./internals/template-engines.js";

/** Every tag the plugin defines in Nunjucks and Liquid, closing tags included. */
export function pluginTags(shortcodes: readonly string[], paired: readonly string[]): string[] {
  return [...shortcodes, ...paired, ...paired.map((name) => `end${name}`)];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Names one deletion, insertion, substitution or transposition away, in any case, except the real ones. */
export function nearMisses(tags: readonly string[]): string[] {
  const misses = new Set<string>();
  for (const tag of tags) {
    for (const word of new Set([tag, tag.toLowerCase()])) {
      misses.add(word);
      for (let i = 0; i <= word.length; i++) {
        if (i < word.length) misses.add(word.slice(0, i) + word.slice(i + 1));
        if (i < word.length - 1) misses.add(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
        for (const letter of LETTERS) {
          if (i < word.length) misses.add(word.slice(0, i) + letter + word.slice(i + 1));
          misses.add(word.slice(0, i) + letter + word.slice(i));
        }
      }
    }
  }
  for (const tag of tags) misses.delete(tag);
  return [...misses];
}

/** Where a misspelt tag stands: the template language, and the line and file when the engine knows them. */
export interface TagSite {
  language: "Nunjucks" | "Liquid";
  line?: number;
  inputPath?: string;
}

/** The error for a tag that is not one of the plugin's, naming the closest and listing them all. */
export function unknownTagError(tag: string, tags: readonly string[], site: TagSite): NewsroomError {
  const suggestion = closestMatch(tag, tags);
  const opening = tags.filter((name) => !name.startsWith("end"));
  return new NewsroomError({
    where: site.line === undefined ? site.language : `${site.language}, line ${site.line}`,
    inputPath: site.inputPath,
    problem: "unknown tag",
    value: `{% ${tag} %}`,
    fix: `${suggestion ? `did you mean {% ${suggestion} %}? ` : ""}The newsroom plugin's shortcodes are ${opening.map((name) => `{% ${name} %}`).join(", ")}`,
  });
}

/**
 * Adds the guard to a Nunjucks environment, last, after the extensions (shortcodes) Eleventy and
 * other plugins add later, so it only ever sees tags nothing else handles.
 */
export function guardShortcodeTypos(environment: NunjucksExtensions, tags: readonly string[], report: (error: NewsroomError) => void): void {
  const guard = {
    tags: nearMisses(tags),
    parse(parser: { peekToken(): { value: string; lineno?: number } }): never {
      const token = parser.peekToken();
      const error = unknownTagError(token.value, tags, { language: "Nunjucks", line: token.lineno === undefined ? undefined : token.lineno + 1 });
      report(error);
      throw error;
    },
  };
  addLastNunjucksExtension(environment, "newsroomShortcodeTypos", guard);
}

/** The slice of a LiquidJS tag token the guard reads. */
interface LiquidTagToken {
  name: string;
  /** The template's path as Eleventy passed it to `parse`, or the partial's. */
  file?: string;
  getPosition(): [number, number];
}

/**
 * LiquidJS looks a tag up by name in the engine's table and fails when the lookup gives nothing.
 * The guard answers only the names the table lacks: one a single edit away from the plugin's own,
 * in any case, gets a tag that fails with a NewsroomError.
 */
export function guardLiquidShortcodeTypos(liquid: LiquidEngine, tags: readonly string[], report: (error: NewsroomError) => void): void {
  // Built at the first failed lookup, which only a broken template makes.
  let misses: Set<string> | undefined;
  const claims = (name: string): boolean => {
    misses ??= new Set([...nearMisses(tags), ...tags].map((tag) => tag.toLowerCase()));
    // The plugin's own name exactly, unregistered here (a stray closing tag), is not a typo.
    return misses.has(name.toLowerCase()) && !tags.includes(name);
  };
  class MisspeltTag {
    constructor(token: LiquidTagToken) {
      const error = unknownTagError(token.name, tags, { language: "Liquid", line: token.getPosition()[0], inputPath: token.file });
      report(error);
      throw error;
    }
  }
  addLiquidTagFallback(liquid, (name) => (claims(name) ? MisspeltTag : undefined));
}
