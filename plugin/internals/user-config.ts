/**
 * What the theme reads of Eleventy's UserConfig beyond its documented methods: the passthrough
 * copies the site's config made, and the global data it added. Both are plain properties in
 * Eleventy 3; anything else is reported once and read as empty.
 */
import { skipped } from "./reliances.js";

type PassthroughCopies = Record<string, { outputPath: string | boolean }>;

/** A plain object, as Eleventy 3 keeps both. */
const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** The site's passthrough copies so far, as [source, target] pairs. */
export function passthroughCopies(eleventyConfig: object): [string, { outputPath: string | boolean }][] {
  const copies = (eleventyConfig as { passthroughCopies?: unknown }).passthroughCopies;
  if (!isRecord(copies)) {
    skipped("passthroughCopies");
    return [];
  }
  return Object.entries(copies as PassthroughCopies);
}

/** The names of the global data the site's config added with `addGlobalData`. */
export function addedGlobalDataNames(eleventyConfig: object): string[] {
  const data = (eleventyConfig as { globalData?: unknown }).globalData;
  if (!isRecord(data)) {
    skipped("addedGlobalData");
    return [];
  }
  return Object.keys(data);
}
