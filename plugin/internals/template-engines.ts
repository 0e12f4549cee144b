/**
 * What the plugin does inside the template engines Eleventy builds, beyond their documented
 * methods, so a misspelt shortcode gets a did-you-mean (shortcode-typos.ts):
 *
 * - Nunjucks: an extension is kept last in `Environment#extensionsList`, after those Eleventy and
 *   other plugins add later, so it only sees tags nothing else handles.
 * - LiquidJS: a lookup sits under the engine's tag table (`Liquid#tags`), as its prototype, so a
 *   name the table lacks falls through to it.
 *
 * And the theme reads the delimiters each engine was given (Nunjucks `Environment#opts.tags`,
 * LiquidJS `Liquid#options`): the check that a story holds no template code knows the standard ones.
 *
 * Each is guarded: an environment or engine shaped otherwise is left alone, and that is said once.
 */
import { skipped } from "./reliances.js";

/** The slice of a Nunjucks environment touched here. */
export interface NunjucksExtensions {
  extensionsList: unknown[];
  addExtension(name: string, extension: unknown): unknown;
}

/** Adds `extension` and keeps it last among the environment's extensions; false when the environment is not shaped as expected. */
export function addLastNunjucksExtension(environment: NunjucksExtensions, name: string, extension: object): boolean {
  if (!Array.isArray(environment.extensionsList) || typeof environment.addExtension !== "function") {
    skipped("nunjucksExtensionOrder");
    return false;
  }
  environment.addExtension(name, extension);
  if (environment.extensionsList.at(-1) !== extension) {
    skipped("nunjucksExtensionOrder");
    return false;
  }
  const addExtension = environment.addExtension.bind(environment);
  environment.addExtension = (added, value) => {
    const result = addExtension(added, value);
    const list = environment.extensionsList;
    const at = list.indexOf(extension);
    if (at !== -1 && at !== list.length - 1) list.push(...list.splice(at, 1));
    return result;
  };
  return true;
}

/** Tag tables already given a fallback: Eleventy may amend the same engine twice. */
const withFallback = new WeakSet<object>();

/**
 * Puts `fallback` under a LiquidJS tag table: a name the table holds is found first at full speed;
 * only a name it lacks reaches `fallback`. Only code reading `tags[name]` to test for a tag would
 * see it; LiquidJS and Eleventy register and look up, never test. False when the table is not a
 * plain object.
 */
export function addLiquidTagFallback(liquid: { tags?: unknown }, fallback: (name: string) => unknown): boolean {
  const table = liquid.tags;
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    skipped("liquidTagTable");
    return false;
  }
  if (withFallback.has(table)) return true;
  const prototype = Object.getPrototypeOf(table) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    skipped("liquidTagTable");
    return false;
  }
  withFallback.add(table);
  Object.setPrototypeOf(table, new Proxy(Object.create(null) as object, { get: (_target, name) => (typeof name === "string" ? fallback(name) : undefined) }));
  return true;
}

/** The standard delimiters of both engines, which the stories-are-data check reads. */
const STANDARD_DELIMITERS: Record<string, string> = {
  blockStart: "{%", blockEnd: "%}", variableStart: "{{", variableEnd: "}}", commentStart: "{#", commentEnd: "#}",
  tagDelimiterLeft: "{%", tagDelimiterRight: "%}", outputDelimiterLeft: "{{", outputDelimiterRight: "}}",
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The delimiters a Nunjucks environment was given other than the standard ones (`{ variableStart: "<$" }`); undefined when it cannot be read. */
export function nunjucksOwnDelimiters(environment: object): Record<string, string> | undefined {
  const opts = (environment as { opts?: unknown }).opts;
  if (!isObject(opts)) {
    skipped("templateDelimiters");
    return undefined;
  }
  return ownDelimiters(isObject(opts.tags) ? opts.tags : {});
}

/** The same for a LiquidJS engine (`{ outputDelimiterLeft: "<%=" }`). */
export function liquidOwnDelimiters(liquid: object): Record<string, string> | undefined {
  const options = (liquid as { options?: unknown }).options;
  if (!isObject(options)) {
    skipped("templateDelimiters");
    return undefined;
  }
  const delimiters = Object.fromEntries(["tagDelimiterLeft", "tagDelimiterRight", "outputDelimiterLeft", "outputDelimiterRight"].filter((key) => key in options).map((key) => [key, options[key]]));
  return ownDelimiters(delimiters);
}

function ownDelimiters(given: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(given).filter(([key, value]) => typeof value === "string" && STANDARD_DELIMITERS[key] !== undefined && value !== STANDARD_DELIMITERS[key])) as Record<string, string>;
}
