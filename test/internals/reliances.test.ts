/**
 * Canaries for every internal of Eleventy (and of the engines it builds) that the package relies
 * on: against the installed Eleventy each reliance applies and prints nothing; against something
 * shaped otherwise it is left alone and its one line is printed, once. An Eleventy upgrade that
 * changes an internal fails here first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import nunjucks from "nunjucks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { indexEleventyLookups } from "../../plugin/internals/eleventy-lookups.js";
import { guardFrontMatterEngines } from "../../plugin/internals/front-matter-engines.js";
import { forgetSkipped, RELIANCES, skippedLine, type Reliance } from "../../plugin/internals/reliances.js";
import { addLastNunjucksExtension, addLiquidTagFallback, liquidOwnDelimiters, nunjucksOwnDelimiters } from "../../plugin/internals/template-engines.js";
import { storyFrontMatter, templateText } from "../../plugin/internals/template-source.js";
import { addedGlobalDataNames, checkJsonDataFiles, dataParsers, passthroughCopies } from "../../plugin/internals/user-config.js";
import { buildFiles } from "../helpers/build.js";

let warnings: string[] = [];
beforeEach(() => {
  forgetSkipped();
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((line: unknown) => {
    warnings.push(String(line));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const linesOf = (...names: Reliance[]) => names.map(skippedLine);

describe("each reliance is documented", () => {
  it("docs/architecture.md names every reliance with its internal and this canary", () => {
    const architecture = readFileSync("docs/architecture.md", "utf8");
    const rows = architecture.split("\n").filter((line) => line.startsWith("| `"));
    for (const name of Object.keys(RELIANCES)) {
      // Its row: name, internal, use, guard, what skipping costs.
      const row = rows.find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      expect(row?.split(" | ").length, name).toBe(5);
    }
    expect(architecture).toContain("test/internals/reliances.test.ts");
  });

  it("the skipped line says what is left alone, what it costs and what to do", () => {
    expect(skippedLine("tagIndex")).toBe(
      "[newsroom] This Eleventy's TemplateCollection#getFilteredByTag (every page sorted per tag) is not the one eleventy-plugin-newsroom expects, so it is left alone: each build is slower, more so the more topics the archive has. Please report it with your Eleventy version.",
    );
  });
});

describe("Eleventy's lookups (eleventy-lookups.ts)", () => {
  it("are all indexed in the installed Eleventy, with nothing printed", async () => {
    let applied: unknown;
    await buildFiles({ "index.md": "# Home" }, {
      configure(eleventyConfig) {
        eleventyConfig.on("eleventy.before", async () => {
          applied = await indexEleventyLookups(eleventyConfig);
        });
      },
    });
    expect(applied).toEqual({ templateMap: true, taggedCollections: true, dependencyGraph: true, pathNormalization: true });
    expect(warnings).toEqual([]);
  });

  it("left alone in something that is not Eleventy's, each said once", async () => {
    await indexEleventyLookups({});
    await indexEleventyLookups({});
    expect(warnings).toEqual(linesOf("templateMapIndex", "tagIndex", "dependencyGraphIndex", "pathNormalizationMemory"));
  });
});

describe("a story's front matter as Eleventy parsed it (template-source.ts)", () => {
  it("is read from the installed Eleventy's collection items", async () => {
    let read: unknown;
    await buildFiles({ "story.md": "---\ntitle: Budget\ncorection: typo\n---\nText." }, {
      configure(eleventyConfig) {
        eleventyConfig.addCollection("probe", async (api) => {
          const item = api.getAll().find((entry) => entry.inputPath.endsWith("story.md"));
          read = item && (await storyFrontMatter(item));
          return [];
        });
      },
    });
    expect(read).toEqual({ title: "Budget", corection: "typo" });
    expect(warnings).toEqual([]);
  });

  it("with the file's text as Eleventy read it", async () => {
    let text: unknown;
    await buildFiles({ "story.md": "---\ntitle: Budget\n---\nText ünïcode." }, {
      configure(eleventyConfig) {
        eleventyConfig.addCollection("probe", async (api) => {
          const item = api.getAll().find((entry) => entry.inputPath.endsWith("story.md"));
          text = item && (await templateText(item));
          return [];
        });
      },
    });
    expect(text).toBe("---\ntitle: Budget\n---\nText ünïcode.");
    expect(warnings).toEqual([]);
  });

  it("no text, said once, for an item that does not hold it", async () => {
    expect(await templateText({})).toBeUndefined();
    expect(await templateText({ template: { inputContent: Promise.resolve(42) } })).toBeUndefined();
    expect(warnings).toEqual(linesOf("templateSource"));
  });

  it("is undefined, said once, for an item without its template", async () => {
    expect(await storyFrontMatter({ inputPath: "x.md" })).toBeUndefined();
    expect(await storyFrontMatter({ template: {} })).toBeUndefined();
    expect(warnings).toEqual(linesOf("storyFrontMatter"));
  });
});

describe("the site's config as Eleventy holds it (user-config.ts)", () => {
  it("gives the installed Eleventy's passthrough copies and added global data", async () => {
    let copies: unknown;
    let names: unknown;
    await buildFiles({ "index.md": "# Home", "files/a.txt": "a" }, {
      configure(eleventyConfig) {
        eleventyConfig.addPassthroughCopy({ "files/a.txt": "copied/a.txt" });
        eleventyConfig.addGlobalData("edition", "morning");
        copies = passthroughCopies(eleventyConfig);
        names = addedGlobalDataNames(eleventyConfig);
      },
    });
    expect(copies).toEqual(expect.arrayContaining([["files/a.txt", expect.objectContaining({ outputPath: "copied/a.txt" })]]));
    expect(names).toContain("edition");
    expect(warnings).toEqual([]);
  });

  it("reads as empty, said once each, when the config holds them otherwise", () => {
    const other = { passthroughCopies: new Map(), globalData: [] } as unknown as EleventyConfig;
    expect(passthroughCopies(other)).toEqual([]);
    expect(addedGlobalDataNames(other)).toEqual([]);
    expect(passthroughCopies({})).toEqual([]);
    expect(warnings).toEqual(linesOf("passthroughCopies", "addedGlobalData"));
  });
});

describe("data parsers (user-config.ts)", () => {
  it("gives the installed Eleventy's added data formats, JSON's always among them", async () => {
    let parsers = new Map<string, (text: string, file: string) => unknown>();
    await buildFiles({ "index.md": "# Home" }, {
      configure(eleventyConfig) {
        (eleventyConfig as EleventyConfig & { addDataExtension(extensions: string, parser: (text: string) => unknown): void }).addDataExtension("yml,toml", (text) => ({ text }));
        parsers = dataParsers(eleventyConfig);
      },
    });
    expect([...parsers.keys()].sort()).toEqual(["json", "toml", "yml"]);
    expect(parsers.get("yml")?.("a: 1", "x.yml")).toEqual({ text: "a: 1" });
    expect(parsers.get("json")?.('{"a":1}', "x.json")).toEqual({ a: 1 });
    expect(warnings).toEqual([]);
  });

  it("the installed Eleventy reads every JSON data file through a JSON parser added to its config", async () => {
    const seen: string[] = [];
    const pages = await buildFiles({ "_data/desk.json": '{ "name": "Metro" }', "pages/pages.11tydata.json": '{ "kicker": "From the folder" }', "pages/about.njk": "{{ kicker }} / {{ desk.name }}" }, {
      configure(eleventyConfig) {
        checkJsonDataFiles(eleventyConfig, (_data, file) => seen.push(path.basename(file)));
      },
    });
    expect(seen.sort()).toEqual(["desk.json", "pages.11tydata.json"]);
    expect([...pages.values()].map((page) => page.content)).toContain("From the folder / Metro");
    expect(warnings).toEqual([]);
  });

  it("only JSON, said once, for a config that holds its formats otherwise", () => {
    expect([...dataParsers({ dataExtensions: {} }).keys()]).toEqual(["json"]);
    expect([...dataParsers({}).keys()]).toEqual(["json"]);
    checkJsonDataFiles({}, () => undefined);
    expect(warnings).toEqual(linesOf("dataExtensions", "jsonDataParser"));
  });
});

describe("the front-matter engines (front-matter-engines.ts)", () => {
  it("wraps the installed Eleventy's engines: each file's path is asked about, YAML and JSON untouched, nothing printed", async () => {
    const asked: [string, string][] = [];
    let applied: unknown;
    const pages = await buildFiles({ "index.md": "---\ntitle: Home\n---\n# Home", "js.njk": '---js\nconst title = "From JS";\n---\n{{ title }}', "legacy.njk": '---jsLegacy\n{ title: "Legacy" }\n---\n{{ title }}', "json.njk": '---json\n{ "title": "From JSON" }\n---\n{{ title }}' }, {
      configure(eleventyConfig) {
        applied = guardFrontMatterEngines(eleventyConfig, (filePath, language) => {
          asked.push([filePath.replace(/^.*\//, ""), language]);
        });
      },
    });
    expect(applied).toBe(true);
    expect(asked.sort()).toEqual([["js.njk", "js"], ["legacy.njk", "jsLegacy"]]);
    // Every other file keeps Eleventy's engines as they were.
    expect([...pages.values()].map((page) => page.content.trim()).sort()).toEqual(["<h1>Home</h1>", "From JS", "From JSON", "Legacy"]);
    expect(warnings).toEqual([]);
  });

  it("leaves engines shaped otherwise alone, said once", () => {
    expect(guardFrontMatterEngines({}, () => undefined)).toBe(false);
    expect(guardFrontMatterEngines({ frontMatterParsingOptions: { engines: new Map() } }, () => undefined)).toBe(false);
    expect(warnings).toEqual(linesOf("frontMatterEngines"));
  });
});

describe("the template engines' delimiters (template-engines.ts)", () => {
  it("reads the delimiters the installed Nunjucks and LiquidJS were given, and only those that are not standard", () => {
    expect(nunjucksOwnDelimiters(new nunjucks.Environment())).toEqual({});
    expect(nunjucksOwnDelimiters(new nunjucks.Environment([], { tags: { variableStart: "<$", variableEnd: "$>", blockStart: "{%" } }))).toEqual({ variableStart: "<$", variableEnd: "$>" });
    expect(liquidOwnDelimiters(new Liquid())).toEqual({});
    expect(liquidOwnDelimiters(new Liquid({ tagDelimiterLeft: "<%", tagDelimiterRight: "%>" }))).toEqual({ tagDelimiterLeft: "<%", tagDelimiterRight: "%>" });
    expect(warnings).toEqual([]);
  });

  it("nothing, said once, for engines shaped otherwise", () => {
    expect(nunjucksOwnDelimiters({})).toBeUndefined();
    expect(liquidOwnDelimiters({ options: "x" })).toBeUndefined();
    expect(warnings).toEqual(linesOf("templateDelimiters"));
  });
});

describe("the template engines (template-engines.ts)", () => {
  it("a Nunjucks extension stays last after others are added", () => {
    const environment = new nunjucks.Environment();
    const guard = { tags: ["guarded"], parse: () => "" };
    expect(addLastNunjucksExtension(environment as never, "guard", guard)).toBe(true);
    environment.addExtension("later", { tags: ["later"], parse: () => "" });
    const list = (environment as unknown as { extensionsList: unknown[] }).extensionsList;
    expect(list.at(-1)).toBe(guard);
    expect(list).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it("a Nunjucks environment shaped otherwise is left alone, said once", () => {
    const added: string[] = [];
    const environment = { extensionsList: undefined, addExtension: (name: string) => added.push(name) };
    expect(addLastNunjucksExtension(environment as never, "guard", {})).toBe(false);
    expect(added).toEqual([]);
    expect(warnings).toEqual(linesOf("nunjucksExtensionOrder"));
  });

  it("LiquidJS finds its own tags first and asks the fallback only for the others", async () => {
    const liquid = new Liquid();
    const asked: string[] = [];
    expect(addLiquidTagFallback(liquid as never, (name) => {
      asked.push(name);
      return undefined;
    })).toBe(true);
    expect(await liquid.parseAndRender("{% if true %}yes{% endif %}")).toBe("yes");
    await expect(liquid.parseAndRender("{% pulquote %}")).rejects.toThrow(/pulquote/);
    expect(asked).toContain("pulquote");
    expect(asked).not.toContain("if");
    expect(warnings).toEqual([]);
  });

  it("a LiquidJS tag table that is not a plain object is left alone, said once", () => {
    const table = new Map();
    expect(addLiquidTagFallback({ tags: table }, () => undefined)).toBe(false);
    expect(addLiquidTagFallback({ tags: Object.create({ inherited: true }) as object }, () => undefined)).toBe(false);
    expect(warnings).toEqual(linesOf("liquidTagTable"));
  });
});
