/**
 * A misspelt shortcode name. Nunjucks stops at `{% pulquote %}` with "unknown block tag: pulquote";
 * the plugin adds what the author meant. Nunjucks asks each extension in turn whether it handles a
 * tag, and fails when none does: this extension, kept last, claims the names one edit away from
 * the plugin's own (and their other spellings of case) and answers with a NewsroomError.
 */
import { closestMatch, NewsroomError } from "./errors.js";

/** Every tag the plugin defines in Nunjucks, closing tags included. */
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

/** The error for a tag that is not one of the plugin's, naming the closest and listing them all. */
export function unknownTagError(tag: string, tags: readonly string[], line?: number): NewsroomError {
  const suggestion = closestMatch(tag, tags);
  const opening = tags.filter((name) => !name.startsWith("end"));
  return new NewsroomError({
    where: line === undefined ? "Nunjucks" : `Nunjucks, line ${line}`,
    problem: "unknown tag",
    value: `{% ${tag} %}`,
    fix: `${suggestion ? `did you mean {% ${suggestion} %}? ` : ""}The newsroom plugin's shortcodes are ${opening.map((name) => `{% ${name} %}`).join(", ")}`,
  });
}

/** The slice of a Nunjucks environment this guard touches. */
export interface NunjucksExtensions {
  extensionsList: unknown[];
  addExtension(name: string, extension: unknown): unknown;
}

/**
 * Adds the guard to a Nunjucks environment and keeps it last, after the extensions (shortcodes)
 * Eleventy and other plugins add later, so it only ever sees tags nothing else handles.
 */
export function guardShortcodeTypos(environment: NunjucksExtensions, tags: readonly string[], report: (error: NewsroomError) => void): void {
  const guard = {
    tags: nearMisses(tags),
    parse(parser: { peekToken(): { value: string; lineno?: number } }): never {
      const token = parser.peekToken();
      const error = unknownTagError(token.value, tags, token.lineno === undefined ? undefined : token.lineno + 1);
      report(error);
      throw error;
    },
  };
  environment.addExtension("newsroomShortcodeTypos", guard);
  const addExtension = environment.addExtension.bind(environment);
  environment.addExtension = (name, extension) => {
    const result = addExtension(name, extension);
    const list = environment.extensionsList;
    const at = list.indexOf(guard);
    if (at !== -1 && at !== list.length - 1) list.push(...list.splice(at, 1));
    return result;
  };
}
