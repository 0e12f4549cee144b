import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { indexDependencyGraph, indexedEntry, indexedTagged, type CollectionItem, indexEleventyLookups, indexTaggedCollections, indexTemplateMapLookups, isLinearLookup, isSortingTagFilter, rememberPathNormalization, type TemplateMapLike } from "../../plugin/internals/eleventy-lookups.js";
import { buildFiles } from "../helpers/build.js";

/** Eleventy 3's lookup, as its TemplateMap writes it (absolute form resolved against the working folder). */
function linearLookup(this: TemplateMapLike, inputPath: unknown) {
  const absoluteInputPath = path.resolve(inputPath as string);
  return this.map.find((entry) => entry.inputPath === inputPath || entry.inputPath === absoluteInputPath);
}

const entry = (inputPath: unknown, n = 0) => ({ inputPath, n });

describe("indexedEntry", () => {
  it("finds the same entry as the linear walk, the first of several with one path", () => {
    const templateMap = { map: [entry("./src/a.md"), entry("./src/b.md"), entry("./src/a.md", 1)] };
    for (const inputPath of ["./src/a.md", "./src/b.md", "./src/c.md", "src/a.md", ""]) {
      expect(indexedEntry(templateMap, inputPath, linearLookup)).toBe(linearLookup.call(templateMap, inputPath));
    }
    expect(indexedEntry(templateMap, "./src/a.md", linearLookup)).toEqual(entry("./src/a.md", 0));
  });

  it("sees entries pushed after the first lookup, and a map replaced by another", () => {
    const templateMap: { map: { inputPath?: unknown }[] } = { map: [entry("./src/a.md")] };
    expect(indexedEntry(templateMap, "./src/b.md", linearLookup)).toBeUndefined();
    templateMap.map.push(entry("./src/b.md"));
    expect(indexedEntry(templateMap, "./src/b.md", linearLookup)).toBe(templateMap.map[1]);
    templateMap.map = [entry("./src/c.md")];
    expect(indexedEntry(templateMap, "./src/a.md", linearLookup)).toBeUndefined();
    expect(indexedEntry(templateMap, "./src/c.md", linearLookup)).toBe(templateMap.map[0]);
  });

  it("leaves the answer to the linear walk where a path is absolute or not text", () => {
    const absolute = path.resolve("src/a.md");
    const templateMap = { map: [entry("./src/b.md"), entry(absolute)] };
    // The linear walk matches "src/a.md" by its absolute form: so must the index.
    expect(indexedEntry(templateMap, "src/a.md", linearLookup)).toBe(templateMap.map[1]);
    let asked: unknown = "not asked";
    const recording = function (this: TemplateMapLike, inputPath: unknown) {
      asked = inputPath;
      return undefined;
    };
    indexedEntry({ map: [entry("./src/a.md")] }, undefined, recording);
    expect(asked).toBeUndefined();
  });
});

describe("indexTemplateMapLookups", () => {
  it("replaces a linear lookup once, and keeps its answers", () => {
    class FakeTemplateMap {
      map = [entry("./src/a.md"), entry("./src/b.md")];
      getMapEntryForInputPath(inputPath: string) {
        return this.map.find((item) => item.inputPath === inputPath);
      }
    }
    const linear = FakeTemplateMap.prototype.getMapEntryForInputPath;
    expect(indexTemplateMapLookups(FakeTemplateMap)).toBe(true);
    expect(FakeTemplateMap.prototype.getMapEntryForInputPath).not.toBe(linear);
    const indexed = FakeTemplateMap.prototype.getMapEntryForInputPath;
    expect(indexTemplateMapLookups(FakeTemplateMap)).toBe(true);
    expect(FakeTemplateMap.prototype.getMapEntryForInputPath).toBe(indexed);
    const templateMap = new FakeTemplateMap();
    expect(templateMap.getMapEntryForInputPath("./src/b.md")).toBe(templateMap.map[1]);
    expect(templateMap.getMapEntryForInputPath("./src/c.md")).toBeUndefined();
  });

  it("indexes Eleventy 3.1.0's loop form of the walk too, with its answers", () => {
    class Eleventy310TemplateMap {
      map = [entry("./src/a.md"), entry("./src/b.md"), entry("./src/b.md")];
      getMapEntryForInputPath(inputPath: string) {
        for (let map of this.map) {
          if (map.inputPath === inputPath) {
            return map;
          }
        }
        return undefined;
      }
    }
    const linear = Eleventy310TemplateMap.prototype.getMapEntryForInputPath;
    expect(isLinearLookup(linear)).toBe(true);
    expect(indexTemplateMapLookups(Eleventy310TemplateMap)).toBe(true);
    const templateMap = new Eleventy310TemplateMap();
    for (const path of ["./src/a.md", "./src/b.md", "./src/c.md"]) expect(templateMap.getMapEntryForInputPath(path)).toBe(linear.call(templateMap, path));
    expect(templateMap.getMapEntryForInputPath("./src/b.md")).toBe(templateMap.map[1]);
  });

  it("leaves a lookup that is not the linear walk alone", () => {
    class IndexedAlready {
      byPath = new Map<string, unknown>();
      getMapEntryForInputPath(inputPath: string) {
        return this.byPath.get(inputPath);
      }
    }
    const own = IndexedAlready.prototype.getMapEntryForInputPath;
    expect(indexTemplateMapLookups(IndexedAlready)).toBe(false);
    expect(IndexedAlready.prototype.getMapEntryForInputPath).toBe(own);
    expect(indexTemplateMapLookups(class {})).toBe(false);
  });
});

/** Pages as Eleventy's collection holds them: a date, an input path, tags in their data. */
type Page = { date: Date; inputPath: string; data: { tags?: string[] | string; eleventyExcludeFromCollections?: string[] } };
const page = (day: number, inputPath: string, data: Page["data"]): Page => ({ date: new Date(Date.UTC(2025, 0, day)), inputPath, data });
const tagsOf = (data: unknown) => {
  const { tags = [], eleventyExcludeFromCollections: excluded = [] } = data as Page["data"];
  return (typeof tags === "string" ? tags.split(",") : tags).filter((tag) => !excluded.includes(tag));
};

/** Eleventy's order: date, then input path (its Sortable.sortFunctionDateInputPath, by that name). */
function sortFunctionDateInputPath(a: CollectionItem, b: CollectionItem): number {
  const [first, second] = [a as Page, b as Page];
  return first.date.getTime() - second.date.getTime() || (first.inputPath < second.inputPath ? -1 : first.inputPath > second.inputPath ? 1 : 0);
}

/** Eleventy 3's collection, as far as the tag filter reads it. */
class FakeCollection {
  items: Page[] = [];
  add(item: Page) {
    this.items.push(item);
  }
  getAllSorted() {
    return this.items.slice().sort(sortFunctionDateInputPath);
  }
  getFilteredByTag(tagName: string) {
    return this.getAllSorted().filter((item) => !tagName || tagsOf(item.data).includes(tagName));
  }
}

describe("indexedTagged", () => {
  it("gives each tag's pages in Eleventy's order, a new array each time, and sees pages added later", () => {
    const collection = new FakeCollection();
    collection.add(page(3, "./c.md", { tags: ["Ukraine", "Oil"] }));
    collection.add(page(1, "./b.md", { tags: "Oil" }));
    collection.add(page(1, "./a.md", { tags: ["Oil"], eleventyExcludeFromCollections: ["Oil"] }));
    collection.add(page(2, "./d.md", { tags: [] }));
    for (const tag of ["Oil", "Ukraine", "Russia", "", undefined, 2025]) {
      expect(indexedTagged(collection, tag, tagsOf, sortFunctionDateInputPath), String(tag)).toEqual(collection.getFilteredByTag(tag as string));
    }
    const first = indexedTagged(collection, "Oil", tagsOf, sortFunctionDateInputPath);
    first.reverse();
    expect(indexedTagged(collection, "Oil", tagsOf, sortFunctionDateInputPath).map((item) => (item as Page).inputPath)).toEqual(["./b.md", "./c.md"]);
    collection.add(page(0, "./e.md", { tags: ["Oil"] }));
    expect(indexedTagged(collection, "Oil", tagsOf, sortFunctionDateInputPath)).toEqual(collection.getFilteredByTag("Oil"));
  });

  it("puts pages added between lookups where a fresh sort puts them: ties by the order they came", () => {
    const collection = new FakeCollection();
    const tags = ["Oil", "Ukraine", "Russia"];
    // Few days and paths, so dates and whole keys tie often; a fixed sequence, so a failure repeats.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 200; i++) {
      collection.add(page(next(5), `./${next(8)}.md`, { tags: tags.filter(() => next(2) === 0) }));
      if (i % 7 === 0) {
        for (const tag of [...tags, ""]) expect(indexedTagged(collection, tag, tagsOf, sortFunctionDateInputPath), `${tag} after ${i + 1}`).toEqual(collection.getFilteredByTag(tag));
      }
    }
    // A page without a real date has no place in the order: the index is made again by a sort.
    collection.add({ date: new Date(Number.NaN), inputPath: "./undated.md", data: { tags: ["Oil"] } });
    for (const tag of [...tags, ""]) expect(indexedTagged(collection, tag, tagsOf, sortFunctionDateInputPath)).toEqual(collection.getFilteredByTag(tag));
    collection.add(page(2, "./late.md", { tags: ["Oil"] }));
    expect(indexedTagged(collection, "Oil", tagsOf, sortFunctionDateInputPath)).toEqual(collection.getFilteredByTag("Oil"));
  });

  it("replaces a sorting tag filter once, and leaves any other alone", () => {
    class Collection extends FakeCollection {}
    Collection.prototype.getFilteredByTag = function (this: FakeCollection, tagName: string) {
      // The shape of Eleventy 3's method, calling what it calls.
      return this.getAllSorted().filter((item) => !tagName || getIncludedTagNames(item.data).includes(tagName));
    };
    const getIncludedTagNames = tagsOf;
    expect(isSortingTagFilter(Collection.prototype.getFilteredByTag)).toBe(true);
    expect(indexTaggedCollections(Collection, tagsOf, sortFunctionDateInputPath)).toBe(true);
    const indexed = Collection.prototype.getFilteredByTag;
    expect(isSortingTagFilter(indexed)).toBe(false);
    expect(indexTaggedCollections(Collection, tagsOf, sortFunctionDateInputPath)).toBe(true);
    expect(Collection.prototype.getFilteredByTag).toBe(indexed);
    const collection = new Collection();
    collection.add(page(2, "./b.md", { tags: ["Oil"] }));
    collection.add(page(1, "./a.md", { tags: ["Oil"] }));
    expect(collection.getFilteredByTag("Oil").map((item) => item.inputPath)).toEqual(["./a.md", "./b.md"]);

    class Other {
      getFilteredByTag(tagName: string) {
        return [tagName];
      }
    }
    const own = Other.prototype.getFilteredByTag;
    expect(indexTaggedCollections(Other, tagsOf, sortFunctionDateInputPath)).toBe(false);
    expect(Other.prototype.getFilteredByTag).toBe(own);

    // The filter Eleventy's, but the collection sorted another way: the index's order would differ.
    class SortedByTitle extends FakeCollection {
      override getAllSorted() {
        return this.items.slice().sort((a, b) => a.inputPath.localeCompare(b.inputPath));
      }
    }
    Object.defineProperty(SortedByTitle.prototype, "getFilteredByTag", { value: function (this: FakeCollection, tagName: string) {
      return this.getAllSorted().filter((item) => !tagName || getIncludedTagNames(item.data).includes(tagName));
    } });
    expect(indexTaggedCollections(SortedByTitle, tagsOf, sortFunctionDateInputPath)).toBe(false);
  });
});

/** The `dependency-graph` Eleventy itself loads. */
interface Graph {
  addNode(node: string): void;
  removeNode(node: string): void;
  addDependency(from: string, to: string): void;
  removeDependency(from: string, to: string): void;
  dependenciesOf(node: string, leavesOnly?: boolean): string[];
  overallOrder(leavesOnly?: boolean): string[];
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
}
const { DepGraph } = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("dependency-graph") as {
  DepGraph: new (options?: { circular?: boolean }) => Graph;
};

describe("indexDependencyGraph", () => {
  const indexed = () => {
    // A subclass of its own: the package's class stays as it is for the other tests.
    class IndexedGraph extends DepGraph {}
    expect(indexDependencyGraph(IndexedGraph)).toBe(true);
    return IndexedGraph;
  };
  const nodes = ["a", "b", "c", "d", "e"];
  const node = fc.constantFrom(...nodes);
  const step = (kind: string, weight: number) => ({ arbitrary: fc.record({ kind: fc.constant(kind), from: node, to: node }), weight });
  const operation = fc.oneof(step("addNode", 2), step("removeNode", 1), step("addDependency", 8), step("removeDependency", 3), step("dependenciesOf", 6), step("overallOrder", 3));
  const run = (graph: Graph, { kind, from, to }: { kind: string; from: string; to: string }): unknown => {
    try {
      if (kind === "addNode") graph.addNode(from);
      else if (kind === "removeNode") graph.removeNode(from);
      else if (kind === "addDependency") graph.addDependency(from, to);
      else if (kind === "removeDependency") graph.removeDependency(from, to);
      else if (kind === "overallOrder") return [graph.overallOrder(), graph.overallOrder(true)];
      else return [graph.dependenciesOf(from), graph.dependenciesOf(from, true)];
      return [[...graph.outgoingEdges], [...graph.incomingEdges]];
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("answers every change and question as the package does, in the same order", () => {
    const IndexedGraph = indexed();
    fc.assert(
      fc.property(fc.boolean(), fc.array(operation, { maxLength: 80 }), (circular, operations) => {
        const plain = new DepGraph({ circular });
        const graph = new IndexedGraph({ circular });
        for (const name of nodes) {
          plain.addNode(name);
          graph.addNode(name);
        }
        for (const operation of operations) expect(run(graph, operation)).toEqual(run(plain, operation));
      }),
      { numRuns: 300 },
    );
  });

  it("hands each caller an array of its own, and sees a change made after a question", () => {
    const graph = new (indexed())();
    for (const name of nodes) graph.addNode(name);
    graph.addDependency("a", "b");
    graph.dependenciesOf("a").push("changed by a caller");
    expect(graph.dependenciesOf("a")).toEqual(["b"]);
    graph.addDependency("b", "c");
    expect(graph.dependenciesOf("a")).toEqual(["c", "b"]);
    graph.removeDependency("a", "b");
    expect(graph.dependenciesOf("a")).toEqual([]);
    const order = graph.overallOrder();
    order.reverse();
    expect(graph.overallOrder()).toEqual(["a", "c", "b", "d", "e"]);
    graph.addDependency("c", "e");
    expect(graph.overallOrder()).toEqual(["a", "e", "c", "b", "d"]);
  });

  it("finds an edge list changed outside its methods, and leaves another graph class alone", () => {
    const graph = new (indexed())();
    for (const name of nodes) graph.addNode(name);
    graph.addDependency("a", "b");
    graph.outgoingEdges.get("a")?.splice(0, 1);
    graph.addDependency("a", "b");
    expect(graph.outgoingEdges.get("a")).toEqual(["b"]);
    class OtherGraph {
      addDependency() {}
    }
    expect(indexDependencyGraph(OtherGraph)).toBe(false);
  });
});

describe("rememberPathNormalization", () => {
  it("answers as the normalizer does, once per path and working folder", () => {
    let calls = 0;
    let folder = "/site";
    const normalizer = {
      fullNormalization(inputPath: unknown) {
        calls++;
        // The shape of Eleventy's: TemplatePath.stripLeadingDotSlash(TemplatePath.relativePath(…)).
        const TemplatePath = { relativePath: (p: string) => p.replace(`${folder}/`, ""), stripLeadingDotSlash: (p: string) => p.replace(/^\.\//, "") };
        return typeof inputPath === "string" ? TemplatePath.stripLeadingDotSlash(TemplatePath.relativePath(inputPath)) : inputPath;
      },
    };
    expect(rememberPathNormalization(normalizer, () => folder)).toBe(true);
    expect(normalizer.fullNormalization("/site/src/a.md")).toBe("src/a.md");
    expect(normalizer.fullNormalization("/site/src/a.md")).toBe("src/a.md");
    expect(calls).toBe(1);
    folder = "/other";
    expect(normalizer.fullNormalization("/site/src/a.md")).toBe("/site/src/a.md");
    expect(calls).toBe(2);
    expect(normalizer.fullNormalization(undefined)).toBeUndefined();
    expect(calls).toBe(3);
    expect(rememberPathNormalization({ fullNormalization: (p: string) => p })).toBe(false);
  });
});

describe("indexEleventyLookups", () => {
  const eleventySource = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const loadDefault = async (file: string) =>
    ((await import(pathToFileURL(path.join(eleventySource, file)).href)) as { default: { prototype: Record<string, unknown> } }).default;

  // A site whose pages read each other through collections and tags: the lookups Eleventy makes.
  const site = {
    "index.njk": "---\ntitle: Home\n---\n{% for item in collections.story %}[{{ item.url }}: {{ item.templateContent | safe }}]{% endfor %}|{% for item in collections.extra %}{{ item.url }}{% endfor %}|{% for item in collections.all %}{{ item.url }} {% endfor %}",
    "one.md": "---\ntags: story\ndate: 2025-01-02\n---\nFirst *story*.",
    "two.md": "---\ntags: [story, extra]\ndate: 2025-01-01\n---\nSecond story.",
    "three.md": "---\ntags: [story, extra]\ndate: 2025-01-01\neleventyExcludeFromCollections: [extra]\n---\nThird story.",
  };

  it("indexes the installed Eleventy's lookups, with the same pages", async () => {
    // The installed Eleventy 3 walks its pages; a newer one that does not needs no index, and this
    // test says so by failing here.
    expect(isLinearLookup((await loadDefault("TemplateMap.js")).prototype.getMapEntryForInputPath)).toBe(true);
    expect(isSortingTagFilter((await loadDefault("TemplateCollection.js")).prototype.getFilteredByTag)).toBe(true);
    const before = await buildFiles(site);
    let applied: unknown;
    const after = await buildFiles(site, {
      configure(eleventyConfig) {
        eleventyConfig.on("eleventy.before", async () => {
          applied = await indexEleventyLookups(eleventyConfig);
        });
      },
    });
    expect(applied).toEqual({ templateMap: true, taggedCollections: true, dependencyGraph: true, pathNormalization: true });
    expect(isLinearLookup((await loadDefault("TemplateMap.js")).prototype.getMapEntryForInputPath)).toBe(false);
    expect(isSortingTagFilter((await loadDefault("TemplateCollection.js")).prototype.getFilteredByTag)).toBe(false);
    expect(after.get("/")?.content).toContain("<em>story</em>");
    expect(after.get("/")?.content).toContain("|/two/|");
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [url, built] of before) expect(after.get(url)?.content, url).toBe(built.content);
  });

  it("touches nothing for a configuration that is not Eleventy's", async () => {
    // Each lookup left alone says so (test/internals/reliances.test.ts); here it is only kept quiet.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await indexEleventyLookups({})).toEqual({ templateMap: false, taggedCollections: false, dependencyGraph: false, pathNormalization: false });
    warn.mockRestore();
  });
});
