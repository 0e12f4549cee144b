/**
 * What the theme reads of Eleventy's UserConfig beyond its documented methods: the passthrough
 * copies the site's config made, the global data and the data formats it added. All are plain
 * properties in Eleventy 3; anything else is reported once and read as empty. And one reliance on
 * the order in which Eleventy asks data parsers (a JSON parser of the site's before its own).
 */
import type { EleventyConfig } from "../eleventy-types.js";
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

/** A data format's parser, as `addDataExtension` takes it. */
export type DataParser = (text: string, file: string) => unknown;

/**
 * The site's data formats that Eleventy reads as text, by extension, JSON's always among them
 * (Eleventy's own unless the site or the theme added another). A format read another way
 * (`read: false`) is left out: its parser wants a path, not text.
 */
export function dataParsers(eleventyConfig: object): Map<string, DataParser> {
  const parsers = new Map<string, DataParser>([["json", (text) => JSON.parse(text) as unknown]]);
  const added = (eleventyConfig as { dataExtensions?: unknown }).dataExtensions;
  if (!(added instanceof Map)) {
    skipped("dataExtensions");
    return parsers;
  }
  for (const [extension, entry] of added as Map<unknown, unknown>) {
    const { parser, options } = (entry ?? {}) as { parser?: unknown; options?: { read?: unknown } };
    if (typeof extension !== "string" || typeof parser !== "function" || options?.read === false) continue;
    parsers.set(extension, parser as DataParser);
  }
  return parsers;
}

/**
 * Adds a check to every JSON data file Eleventy reads (the data folder's, and template and folder
 * data files anywhere): Eleventy asks a JSON parser added with `addDataExtension` before its own.
 * A site that adds its own JSON parser after the theme replaces this one.
 */
export function checkJsonDataFiles(eleventyConfig: Pick<EleventyConfig, "addDataExtension">, check: (data: unknown, file: string) => void): void {
  readJsonDataFiles(eleventyConfig, (data, file) => {
    check(data, file);
    return data;
  });
}

/**
 * Like checkJsonDataFiles, and Eleventy takes what `read` returns as the file's data (a registry
 * written as a list becomes the map every reader expects, registry-lists.ts).
 */
export function readJsonDataFiles(eleventyConfig: Pick<EleventyConfig, "addDataExtension">, read: (data: unknown, file: string) => unknown): void {
  if (typeof eleventyConfig.addDataExtension !== "function") {
    skipped("jsonDataParser");
    return;
  }
  eleventyConfig.addDataExtension("json", {
    parser(text, file) {
      return read(JSON.parse(text) as unknown, file);
    },
  });
}
