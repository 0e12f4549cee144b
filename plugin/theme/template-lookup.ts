/**
 * Eleventy 3 finds a page's entry in its template map by walking the whole map
 * (`TemplateMap#getMapEntryForInputPath`, an `Array#find`), once per template and once per item
 * of every collection. That is quadratic: at 10,000 stories, with a collection per topic, it took
 * about 3 s of a build and 4.5 s of every rebuild under `npm start`. Eleventy's next major looks
 * entries up in a Map; until a site runs it, the theme gives Eleventy 3's map the same index.
 *
 * Only the lookup changes, and only where Eleventy's code is the linear walk this replaces; the
 * result is the same entry (see `indexedEntry`). Anything unexpected leaves Eleventy untouched.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The slice of Eleventy's TemplateMap the index reads. */
export interface TemplateMapLike {
  map: readonly { inputPath?: unknown }[];
}

type Lookup = (this: TemplateMapLike, inputPath: unknown) => unknown;

interface MapIndex {
  /** The array indexed: Eleventy only pushes to it, so a longer array is indexed from `length` on. */
  entries: readonly { inputPath?: unknown }[];
  length: number;
  /** Position of the first entry with each input path. */
  positions: Map<string, number>;
  /** An entry with an absolute input path: the original also matches the lookup's absolute form. */
  hasAbsolutePath: boolean;
}

const indexes = new WeakMap<TemplateMapLike, MapIndex>();

function indexFor(templateMap: TemplateMapLike): MapIndex {
  const entries = templateMap.map;
  let index = indexes.get(templateMap);
  if (!index || index.entries !== entries || entries.length < index.length) {
    index = { entries, length: 0, positions: new Map(), hasAbsolutePath: false };
    indexes.set(templateMap, index);
  }
  for (let at = index.length; at < entries.length; at++) {
    const inputPath = entries[at]?.inputPath;
    if (typeof inputPath !== "string") continue;
    if (!index.positions.has(inputPath)) index.positions.set(inputPath, at);
    if (path.isAbsolute(inputPath)) index.hasAbsolutePath = true;
  }
  index.length = entries.length;
  return index;
}

/**
 * The entry `linearLookup` would return, found through an index. Where the map holds an absolute
 * input path (Eleventy's entries are relative, "./src/…"), or the path is not text, the linear
 * walk itself answers, so the result is always its own.
 */
export function indexedEntry(templateMap: TemplateMapLike, inputPath: unknown, linearLookup: Lookup): unknown {
  if (typeof inputPath !== "string") return linearLookup.call(templateMap, inputPath);
  const index = indexFor(templateMap);
  if (index.hasAbsolutePath) return linearLookup.call(templateMap, inputPath);
  const at = index.positions.get(inputPath);
  return at === undefined ? undefined : templateMap.map[at];
}

/** Marks a prototype already given the index, so a second build (watch mode) does not wrap it twice. */
const INDEXED = Symbol.for("eleventy-plugin-newsroom.indexedTemplateLookup");

/** The linear walk this replaces: the method as Eleventy 3.0 and 3.1 write it. */
export function isLinearLookup(method: unknown): method is Lookup {
  return typeof method === "function" && /this\.map\.find\(/.test(Function.prototype.toString.call(method));
}

/** Gives a TemplateMap class the indexed lookup; false when its lookup is not the linear walk. */
export function indexTemplateMapLookups(templateMapClass: { prototype: object }): boolean {
  const prototype = templateMapClass.prototype as Record<PropertyKey, unknown>;
  if (prototype[INDEXED]) return true;
  const linear = prototype.getMapEntryForInputPath;
  if (!isLinearLookup(linear)) return false;
  prototype.getMapEntryForInputPath = function (this: TemplateMapLike, inputPath: unknown) {
    return indexedEntry(this, inputPath, linear);
  };
  prototype[INDEXED] = true;
  return true;
}

/**
 * Finds the Eleventy running this build (the one whose UserConfig `eleventyConfig` is) among the
 * copies the site and the theme resolve, and indexes its template map's lookups. Returns whether it
 * did; any surprise (another layout of Eleventy's files, a newer Eleventy) leaves it alone.
 */
export async function indexEleventyTemplateLookups(eleventyConfig: object): Promise<boolean> {
  const candidates = new Set<string>();
  for (const from of [path.join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      candidates.add(path.dirname(createRequire(from).resolve("@11ty/eleventy")));
    } catch {
      // Not resolvable from there: the other place may still find it.
    }
  }
  for (const source of candidates) {
    try {
      const { default: UserConfig } = (await import(pathToFileURL(path.join(source, "UserConfig.js")).href)) as { default: unknown };
      if (typeof UserConfig !== "function" || !(eleventyConfig instanceof UserConfig)) continue;
      const { default: TemplateMap } = (await import(pathToFileURL(path.join(source, "TemplateMap.js")).href)) as { default: unknown };
      return typeof TemplateMap === "function" && indexTemplateMapLookups(TemplateMap as { prototype: object });
    } catch {
      // Eleventy's files laid out otherwise: its own lookup stays.
    }
  }
  return false;
}
