import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { indexedEntry, indexEleventyTemplateLookups, indexTemplateMapLookups, isLinearLookup, type TemplateMapLike } from "../../plugin/theme/template-lookup.js";
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

describe("indexEleventyTemplateLookups", () => {
  const eleventySource = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const templateMapClass = async () =>
    ((await import(pathToFileURL(path.join(eleventySource, "TemplateMap.js")).href)) as { default: { prototype: { getMapEntryForInputPath: unknown } } }).default;

  // A site whose pages read each other through collections: the lookups Eleventy makes.
  const site = {
    "index.njk": "---\ntitle: Home\n---\n{% for item in collections.story %}[{{ item.url }}: {{ item.templateContent | safe }}]{% endfor %}",
    "one.md": "---\ntags: story\n---\nFirst *story*.",
    "two.md": "---\ntags: [story, extra]\n---\nSecond story.",
  };

  it("indexes the installed Eleventy's template map, with the same pages", async () => {
    // The installed Eleventy 3 walks its map; a newer one that does not needs no index, and this
    // test says so by failing here.
    expect(isLinearLookup((await templateMapClass()).prototype.getMapEntryForInputPath)).toBe(true);
    const before = await buildFiles(site);
    let applied: boolean | undefined;
    const after = await buildFiles(site, {
      configure(eleventyConfig) {
        eleventyConfig.on("eleventy.before", async () => {
          applied = await indexEleventyTemplateLookups(eleventyConfig);
        });
      },
    });
    expect(applied).toBe(true);
    expect(isLinearLookup((await templateMapClass()).prototype.getMapEntryForInputPath)).toBe(false);
    expect(after.get("/")?.content).toContain("<em>story</em>");
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [url, page] of before) expect(after.get(url)?.content, url).toBe(page.content);
  });

  it("touches nothing for a configuration that is not Eleventy's", async () => {
    expect(await indexEleventyTemplateLookups({})).toBe(false);
  });
});
