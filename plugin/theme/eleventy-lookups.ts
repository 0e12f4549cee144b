/**
 * Two lookups of Eleventy 3 that walk the whole site, which make a build grow with the square of
 * the archive:
 *
 * - `TemplateMap#getMapEntryForInputPath` finds a page's entry with an `Array#find`, once per page
 *   and once per item of every collection. At 10,000 stories it took about 3 s of a build and
 *   4.5 s of every rebuild under `npm start`. (Eleventy's next major looks entries up in a Map.)
 * - `TemplateCollection#getFilteredByTag` sorts every page and reads every page's tags for each
 *   tag, and Eleventy makes a collection of every tag: a story's topics are its tags, and an
 *   archive gathers thousands of topics. At 2,000 stories and 1,500 topics that took 3 s.
 *
 * Until a site runs an Eleventy that does better, the theme gives both an index. Only the lookups
 * change, only where Eleventy's code is the walk replaced, and the answers are the same. Anything
 * unexpected leaves Eleventy untouched.
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

const mapIndexes = new WeakMap<TemplateMapLike, MapIndex>();

function mapIndexFor(templateMap: TemplateMapLike): MapIndex {
  const entries = templateMap.map;
  let index = mapIndexes.get(templateMap);
  if (!index || index.entries !== entries || entries.length < index.length) {
    index = { entries, length: 0, positions: new Map(), hasAbsolutePath: false };
    mapIndexes.set(templateMap, index);
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
  const index = mapIndexFor(templateMap);
  if (index.hasAbsolutePath) return linearLookup.call(templateMap, inputPath);
  const at = index.positions.get(inputPath);
  return at === undefined ? undefined : templateMap.map[at];
}

/** The slice of Eleventy's TemplateCollection the tag index reads. */
export interface TemplateCollectionLike {
  items: readonly CollectionItem[];
  getAllSorted(): CollectionItem[];
}

/** A page in a collection, as far as the index reads it. */
export interface CollectionItem {
  date?: unknown;
  data?: unknown;
}

/** A page's tags as Eleventy counts them for its collections (TemplateData.getIncludedTagNames). */
export type TagsOf = (data: unknown) => readonly string[];

/** Eleventy's order of a collection (`Sortable.sortFunctionDateInputPath`: date, then input path). */
export type CollectionOrder = (a: CollectionItem, b: CollectionItem) => number;

interface TagIndex {
  items: readonly unknown[];
  length: number;
  sorted: CollectionItem[];
  byTag: Map<string, CollectionItem[]>;
  /** Every page has a real date, so the order is total and a page can be put in its place. */
  ordered: boolean;
}

const tagIndexes = new WeakMap<TemplateCollectionLike, TagIndex>();

const hasRealDate = (item: CollectionItem): boolean => item.date instanceof Date && !Number.isNaN(item.date.getTime());

/**
 * Puts `item` into `list` (in `order`) after every page that sorts before it or with it: where a
 * stable sort of the pages, this one added last, puts it.
 */
function insertInOrder(list: CollectionItem[], item: CollectionItem, order: CollectionOrder): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle] as CollectionItem, item) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, item);
}

function addTagged(byTag: Map<string, CollectionItem[]>, item: CollectionItem, tagsOf: TagsOf, order: CollectionOrder | undefined): void {
  for (const tag of tagsOf(item.data)) {
    let tagged = byTag.get(tag);
    if (!tagged) byTag.set(tag, (tagged = []));
    if (order) insertInOrder(tagged, item, order);
    else tagged.push(item);
  }
}

/**
 * The pages with this tag, sorted as `getAllSorted` sorts them (all of them for no tag): a new
 * array each call, as Eleventy's. The pages are sorted and their tags read once; Eleventy adds
 * pages between making one tag's collection and the next, and each added page is put in its
 * place. Eleventy's collections are made after every page's data is known; tags a collection
 * function changes on a page afterwards would not be seen (Eleventy's docs advise against
 * changing data there).
 */
export function indexedTagged(collection: TemplateCollectionLike, tagName: unknown, tagsOf: TagsOf, order: CollectionOrder): CollectionItem[] {
  const items = collection.items;
  let index = tagIndexes.get(collection);
  if (index && index.items === items && index.length < items.length && index.ordered && items.slice(index.length).every(hasRealDate)) {
    for (let at = index.length; at < items.length; at++) {
      const item = items[at] as CollectionItem;
      insertInOrder(index.sorted, item, order);
      addTagged(index.byTag, item, tagsOf, order);
    }
    index.length = items.length;
  } else if (!index || index.items !== items || index.length !== items.length) {
    const sorted = collection.getAllSorted();
    const byTag = new Map<string, CollectionItem[]>();
    for (const item of sorted) addTagged(byTag, item, tagsOf, undefined);
    index = { items, length: items.length, sorted, byTag, ordered: items.every(hasRealDate) };
    tagIndexes.set(collection, index);
  }
  if (!tagName) return index.sorted.slice();
  return typeof tagName === "string" ? (index.byTag.get(tagName)?.slice() ?? []) : [];
}

/** Marks a prototype already given an index, so a second build (watch mode) does not wrap it twice. */
const INDEXED = Symbol.for("eleventy-plugin-newsroom.indexedLookups");

/** Whether a method's code is the walk this module replaces (as Eleventy 3.0 and 3.1 write it). */
function methodReads(method: unknown, ...marks: RegExp[]): boolean {
  if (typeof method !== "function") return false;
  const source = Function.prototype.toString.call(method);
  return marks.every((mark) => mark.test(source));
}

/** The linear walk of Eleventy 3's TemplateMap#getMapEntryForInputPath. */
export function isLinearLookup(method: unknown): method is Lookup {
  return methodReads(method, /this\.map\.find\(/);
}

/** Eleventy 3's TemplateCollection#getFilteredByTag: every page sorted, then filtered by its tags. */
export function isSortingTagFilter(method: unknown): boolean {
  return methodReads(method, /this\.getAllSorted\(\)\.filter\(/, /getIncludedTagNames\(/);
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
 * Gives a TemplateCollection class the tag index; false when its filter is not the sorting walk
 * or its order is not the one given.
 */
export function indexTaggedCollections(templateCollectionClass: { prototype: object }, tagsOf: TagsOf, order: CollectionOrder): boolean {
  const prototype = templateCollectionClass.prototype as Record<PropertyKey, unknown>;
  if (prototype[INDEXED]) return true;
  // getAllSorted must sort by `order` itself (named in its code), or the index's order would differ.
  if (!isSortingTagFilter(prototype.getFilteredByTag) || order.name === "" || !methodReads(prototype.getAllSorted, new RegExp(`\\b${order.name}\\b`))) return false;
  prototype.getFilteredByTag = function (this: TemplateCollectionLike, tagName: unknown) {
    return indexedTagged(this, tagName, tagsOf, order);
  };
  prototype[INDEXED] = true;
  return true;
}

/** Which of Eleventy's lookups got an index. */
export interface IndexedLookups {
  templateMap: boolean;
  taggedCollections: boolean;
}

/**
 * Finds the Eleventy running this build (the one whose UserConfig `eleventyConfig` is) among the
 * copies the site and the theme resolve, and indexes its lookups. Any surprise (another layout of
 * Eleventy's files, a newer Eleventy) leaves them alone.
 */
export async function indexEleventyLookups(eleventyConfig: object): Promise<IndexedLookups> {
  const candidates = new Set<string>();
  for (const from of [path.join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      candidates.add(path.dirname(createRequire(from).resolve("@11ty/eleventy")));
    } catch {
      // Not resolvable from there: the other place may still find it.
    }
  }
  const load = async (source: string, file: string): Promise<unknown> =>
    ((await import(pathToFileURL(path.join(source, file)).href)) as { default: unknown }).default;
  for (const source of candidates) {
    try {
      const UserConfig = await load(source, "UserConfig.js");
      if (typeof UserConfig !== "function" || !(eleventyConfig instanceof UserConfig)) continue;
      const [TemplateMap, TemplateCollection, TemplateData] = await Promise.all(
        ["TemplateMap.js", "TemplateCollection.js", path.join("Data", "TemplateData.js")].map((file) => load(source, file)),
      );
      const tagsOf = (TemplateData as { getIncludedTagNames?: unknown } | undefined)?.getIncludedTagNames;
      // A static method of Sortable, which TemplateCollection extends.
      const order = (TemplateCollection as { sortFunctionDateInputPath?: unknown } | undefined)?.sortFunctionDateInputPath;
      return {
        templateMap: typeof TemplateMap === "function" && indexTemplateMapLookups(TemplateMap),
        taggedCollections:
          typeof TemplateCollection === "function" &&
          typeof tagsOf === "function" &&
          typeof order === "function" &&
          indexTaggedCollections(TemplateCollection, (data) => tagsOf.call(TemplateData, data) as string[], order as CollectionOrder),
      };
    } catch {
      // Eleventy's files laid out otherwise: its own lookups stay.
    }
  }
  return { templateMap: false, taggedCollections: false };
}
