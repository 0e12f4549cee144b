/**
 * Lookups of Eleventy 3 that walk the whole site, which make a build, and every rebuild under
 * `npm start`, grow with the square of the archive:
 *
 * - `TemplateMap#getMapEntryForInputPath` finds a page's entry with an `Array#find`, once per page
 *   and once per item of every collection. At 10,000 stories it took about 3 s of a build and
 *   4.5 s of every rebuild under `npm start`. (Eleventy's next major looks entries up in a Map.)
 * - `TemplateCollection#getFilteredByTag` sorts every page and reads every page's tags for each
 *   tag, and Eleventy makes a collection of every tag: a story's topics are its tags, and an
 *   archive gathers thousands of topics. At 2,000 stories and 1,500 topics that took 3 s.
 * - Eleventy's dependency graph (the `dependency-graph` package) checks each new edge against
 *   every edge of the node with `indexOf`: a layout or a collection has one per story. A rebuild
 *   then asks, for every page, which files it depends on, walking the graph afresh each time, and
 *   makes each path relative to the project again (`PathNormalizer.fullNormalization`). At 10,000
 *   stories these took about 1.5 s of every rebuild under `npm start`.
 *
 * Until a site runs an Eleventy that does better, the theme gives them an index. Only the lookups
 * change, only where Eleventy's code is the walk replaced, and the answers are the same. Anything
 * unexpected leaves Eleventy untouched.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { skipped, type Reliance } from "./reliances.js";

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

/**
 * The linear walk of Eleventy 3's TemplateMap#getMapEntryForInputPath: `this.map.find(…)` in the
 * locked 3.1 release (which also matches an absolute path), a `for … of this.map` loop comparing
 * input paths in 3.1.0. The index answers both: the first entry with the path, or the walk itself where the
 * map holds an absolute path.
 */
export function isLinearLookup(method: unknown): method is Lookup {
  return methodReads(method, /this\.map\.find\(/) || methodReads(method, /for \(let (\w+) of this\.map\)/, /\.inputPath === inputPath\)/);
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

/** The slice of `dependency-graph`'s DepGraph (Eleventy's dependency map) the edge index reads. */
export interface DependencyGraphLike {
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  circular?: boolean;
  hasNode(node: string): boolean;
}

type GraphMethod = (this: DependencyGraphLike, ...args: unknown[]) => unknown;

/** Each edge list's members, for lists the index has seen; a list changed elsewhere is read again. */
const edgeMembers = new WeakMap<string[], Set<string>>();

/** Adds `node` to an edge list unless it is there (the list's order kept); true when added. */
function addEdge(list: string[], node: string): boolean {
  let members = edgeMembers.get(list);
  // The graph's own methods only ever push (through addEdge) or take away: a length that differs
  // from the set's means the list changed elsewhere since.
  if (!members || members.size !== list.length) {
    members = new Set(list);
    if (members.size !== list.length) {
      // A list holding a node twice is not the graph's own: answer as its indexOf would.
      if (list.includes(node)) return false;
      list.push(node);
      return true;
    }
    edgeMembers.set(list, members);
  }
  if (members.has(node)) return false;
  list.push(node);
  members.add(node);
  return true;
}

/** A graph's changes so far: its dependencies are remembered until the next change. */
const graphVersions = new WeakMap<object, number>();
const dependencyAnswers = new WeakMap<object, { version: number; answers: Map<string, string[]> }>();
const changed = (graph: object): void => {
  graphVersions.set(graph, (graphVersions.get(graph) ?? 0) + 1);
};

/** An answer about the graph as it is now: the one given since its last change, or a new one. */
function rememberedAnswer(graph: object, key: string, answer: () => string[]): string[] {
  const version = graphVersions.get(graph) ?? 0;
  let remembered = dependencyAnswers.get(graph);
  if (remembered?.version !== version) dependencyAnswers.set(graph, (remembered = { version, answers: new Map() }));
  let found = remembered.answers.get(key);
  if (!found) remembered.answers.set(key, (found = answer()));
  // A new array each call, as the package's: callers may change theirs.
  return found.slice();
}

/**
 * Gives `dependency-graph`'s DepGraph class an index of each node's edges, and remembers each
 * node's dependencies and the graph's order until the graph changes; false when its methods are
 * not the ones replaced.
 */
export function indexDependencyGraph(depGraphClass: { prototype: object }): boolean {
  const prototype = depGraphClass.prototype as Record<PropertyKey, unknown>;
  if (Object.prototype.hasOwnProperty.call(prototype, INDEXED)) return true;
  const { addNode, removeNode, removeDependency, dependenciesOf, overallOrder } = prototype;
  if (
    !methodReads(prototype.addDependency, /\.indexOf\(to\) === -1/, /\.push\(to\)/) ||
    !methodReads(dependenciesOf, /createDFS\(/) ||
    !methodReads(overallOrder, /createDFS\(/) ||
    typeof addNode !== "function" ||
    !methodReads(removeNode, /splice\(/) ||
    !methodReads(removeDependency, /splice\(/)
  ) {
    return false;
  }
  // Every change to a graph's nodes or edges goes through these four (Eleventy touches the edge
  // lists through them only).
  for (const [name, method] of [["addNode", addNode], ["removeNode", removeNode], ["removeDependency", removeDependency]] as const) {
    prototype[name] = function (this: DependencyGraphLike, ...args: unknown[]) {
      changed(this);
      return (method as GraphMethod).apply(this, args);
    };
  }
  prototype.addDependency = function (this: DependencyGraphLike, from: string, to: string) {
    if (!this.hasNode(from)) throw new Error("Node does not exist: " + from);
    if (!this.hasNode(to)) throw new Error("Node does not exist: " + to);
    const addedOut = addEdge(this.outgoingEdges.get(from) as string[], to);
    const addedIn = addEdge(this.incomingEdges.get(to) as string[], from);
    if (addedOut || addedIn) changed(this);
    return true;
  };
  prototype.dependenciesOf = function (this: DependencyGraphLike, node: string, leavesOnly?: boolean) {
    return rememberedAnswer(this, `d${leavesOnly ? 1 : 0}${this.circular ? 1 : 0}${node}`, () => (dependenciesOf as GraphMethod).call(this, node, leavesOnly) as string[]);
  };
  prototype.overallOrder = function (this: DependencyGraphLike, leavesOnly?: boolean) {
    return rememberedAnswer(this, `o${leavesOnly ? 1 : 0}${this.circular ? 1 : 0}`, () => (overallOrder as GraphMethod).call(this, leavesOnly) as string[]);
  };
  prototype[INDEXED] = true;
  return true;
}

/** A path normalizer: Eleventy's `PathNormalizer.fullNormalization`. */
type Normalize = (this: unknown, inputPath: unknown) => unknown;

/**
 * Remembers the answers of Eleventy's PathNormalizer.fullNormalization, which depend only on the
 * path and the working folder; false when its code is not the one replaced.
 */
export function rememberPathNormalization(pathNormalizerClass: object, workingFolder: () => string = () => process.cwd()): boolean {
  const normalizer = pathNormalizerClass as Record<PropertyKey, unknown>;
  if (normalizer[INDEXED]) return true;
  const normalize = normalizer.fullNormalization;
  if (!methodReads(normalize, /TemplatePath\.relativePath\(/, /stripLeadingDotSlash\(/)) return false;
  const answers = new Map<string, unknown>();
  normalizer.fullNormalization = function (this: unknown, inputPath: unknown) {
    if (typeof inputPath !== "string") return (normalize as Normalize).call(this, inputPath);
    const key = `${workingFolder()}\0${inputPath}`;
    if (answers.has(key)) return answers.get(key);
    const answer = (normalize as Normalize).call(this, inputPath);
    // Paths a site has: a bound keeps a long `npm start` from growing it without end.
    if (answers.size >= 200_000) answers.clear();
    answers.set(key, answer);
    return answer;
  };
  normalizer[INDEXED] = true;
  return true;
}

/** Which of Eleventy's lookups got an index. */
export interface IndexedLookups {
  templateMap: boolean;
  taggedCollections: boolean;
  dependencyGraph: boolean;
  pathNormalization: boolean;
}

/**
 * Finds the Eleventy running this build (the one whose UserConfig `eleventyConfig` is) among the
 * copies the site and the theme resolve, and indexes its lookups. Any surprise (another layout of
 * Eleventy's files, a newer Eleventy) leaves them alone, and says so once (reliances.ts).
 */
export async function indexEleventyLookups(eleventyConfig: object): Promise<IndexedLookups> {
  const indexed = await indexLookups(eleventyConfig);
  for (const [lookup, reliance] of Object.entries(LOOKUP_RELIANCES) as [keyof IndexedLookups, Reliance][]) if (!indexed[lookup]) skipped(reliance);
  return indexed;
}

/** Each lookup's entry in reliances.ts, whose line is printed when it is left alone. */
const LOOKUP_RELIANCES: Record<keyof IndexedLookups, Reliance> = {
  templateMap: "templateMapIndex",
  taggedCollections: "tagIndex",
  dependencyGraph: "dependencyGraphIndex",
  pathNormalization: "pathNormalizationMemory",
};

async function indexLookups(eleventyConfig: object): Promise<IndexedLookups> {
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
  // The package Eleventy's own files import, found from where they are.
  const dependencyGraphOf = (source: string): unknown =>
    (createRequire(path.join(source, "Eleventy.js"))("dependency-graph") as { DepGraph?: unknown }).DepGraph;
  for (const source of candidates) {
    try {
      const UserConfig = await load(source, "UserConfig.js");
      if (typeof UserConfig !== "function" || !(eleventyConfig instanceof UserConfig)) continue;
      const [TemplateMap, TemplateCollection, TemplateData, PathNormalizer] = await Promise.all(
        ["TemplateMap.js", "TemplateCollection.js", path.join("Data", "TemplateData.js"), path.join("Util", "PathNormalizer.js")].map((file) => load(source, file)),
      );
      const DepGraph = dependencyGraphOf(source);
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
        dependencyGraph: typeof DepGraph === "function" && indexDependencyGraph(DepGraph),
        pathNormalization: typeof PathNormalizer === "function" && rememberPathNormalization(PathNormalizer),
      };
    } catch {
      // Eleventy's files laid out otherwise: its own lookups stay.
    }
  }
  return { templateMap: false, taggedCollections: false, dependencyGraph: false, pathNormalization: false };
}
