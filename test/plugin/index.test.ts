/**
 * The Eleventy glue, driven by a stand-in config: what gets registered, options checked on
 * addPlugin, page state kept per page and reset on every build (watch mode).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import newsroom, { NewsroomError, SUPPORTED_ELEVENTY } from "../../plugin/index.js";
import type { EleventyCallContext, EleventyCollectionApi, EleventyConfig, TemplateFunction } from "../../plugin/eleventy-types.js";

class FakeEleventyConfig implements EleventyConfig {
  versionRange: string | undefined;
  shortcodes = new Map<string, TemplateFunction>();
  paired = new Map<string, TemplateFunction>();
  filters = new Map<string, TemplateFunction>();
  linters = new Map<string, (this: EleventyCallContext, content: string) => void>();
  collections = new Map<string, (api: EleventyCollectionApi) => unknown>();
  listeners: (() => void)[] = [];

  versionCheck(range: string) { this.versionRange = range; }
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => unknown, options?: O) { plugin(this, options as O); }
  addPassthroughCopy() {}
  addTemplate() {}
  addGlobalData() {}
  amendLibrary() {}
  addShortcode(name: string, fn: TemplateFunction) { this.shortcodes.set(name, fn); }
  addPairedShortcode(name: string, fn: TemplateFunction) { this.paired.set(name, fn); }
  addFilter(name: string, fn: TemplateFunction) { this.filters.set(name, fn); }
  addLinter(name: string, fn: (this: EleventyCallContext, content: string) => void) { this.linters.set(name, fn); }
  addCollection(name: string, fn: (api: EleventyCollectionApi) => unknown) { this.collections.set(name, fn); }
  on(_event: string, fn: (...args: never[]) => void) { this.listeners.push(fn as () => void); }

  /** What Eleventy does at the start of a build: events, then collections over the given pages. */
  startBuild(globalData: Record<string, unknown>, pages: { inputPath: string; data?: Record<string, unknown> }[] = [{ inputPath: "./src/a.md" }]) {
    for (const listener of this.listeners) listener();
    const items = pages.map((page) => ({ inputPath: page.inputPath, url: "/", data: { ...globalData, ...page.data } }));
    for (const collection of this.collections.values()) collection({ getAll: () => items, getFilteredByGlob: () => items });
  }

  call(name: string, page: string, ...args: unknown[]): unknown {
    const fn = this.shortcodes.get(name) ?? this.filters.get(name);
    if (!fn) throw new Error(`no ${name}`);
    return fn.call({ page: { inputPath: page, url: `/${page}/` } }, ...args);
  }

  callPaired(name: string, page: string, body: string, ...args: unknown[]): unknown {
    const fn = this.paired.get(name);
    if (!fn) throw new Error(`no ${name}`);
    return fn.call({ page: { inputPath: page, url: `/${page}/` } }, body, ...args);
  }
}

const SPEAKERS = {
  zelenskyy: { name: "Volodymyr Zelenskyy", title: "President", affiliation: "Ukrainian", description: "president of Ukraine" },
};

function setUp(options = {}) {
  const config = new FakeEleventyConfig();
  newsroom(config, options);
  config.startBuild({ speakers: SPEAKERS });
  return config;
}

describe("newsroom plugin registration", () => {
  it("declares the Eleventy versions it supports", () => {
    expect(setUp().versionRange).toBe(SUPPORTED_ELEVENTY);
    // Bounded: a major release of Eleventy is tested before it is declared supported.
    expect(SUPPORTED_ELEVENTY).toBe(">=3.1.0 <4");
    expect(JSON.parse(readFileSync("package.json", "utf8")).peerDependencies["@11ty/eleventy"]).toBe(SUPPORTED_ELEVENTY);
  });

  it("registers the public names of every template language", () => {
    const config = setUp();
    expect([...config.shortcodes.keys()].sort()).toEqual(["dateline", "figure", "newsArticleJsonLd", "speaker"]);
    expect([...config.paired.keys()].sort()).toEqual(["inlineQuote", "pullquote", "quote"]);
    expect([...config.filters.keys()].sort()).toEqual(["apDate", "apDateTime", "apTime", "isoDate", "pageQuotations", "quotationsBy"]);
  });

  it("rejects bad options when the plugin is added, before any build", () => {
    expect(() => newsroom(new FakeEleventyConfig(), { pullquoteCheck: "loud" } as never)).toThrow(NewsroomError);
    expect(() => newsroom(new FakeEleventyConfig(), { speakerz: {} } as never)).toThrow('unknown option: "speakerz". Fix: did you mean "speakers"?');
  });
});

describe("speaker references per page and per build", () => {
  it("gives the full form first and the short form later on one page", () => {
    const config = setUp();
    expect(config.call("speaker", "one", "zelenskyy")).toContain(">Ukrainian President Volodymyr Zelenskyy<");
    expect(config.call("speaker", "one", "zelenskyy")).toContain(">Zelenskyy<");
  });

  it("starts over on another page", () => {
    const config = setUp();
    config.call("speaker", "one", "zelenskyy");
    expect(config.call("speaker", "two", "zelenskyy")).toContain(">Ukrainian President Volodymyr Zelenskyy<");
  });

  it("starts over on a rebuild (watch mode)", () => {
    const config = setUp();
    config.call("speaker", "one", "zelenskyy");
    config.startBuild({ speakers: SPEAKERS });
    expect(config.call("speaker", "one", "zelenskyy")).toContain(">Ukrainian President Volodymyr Zelenskyy<");
  });

  it("reads a changed registry on a rebuild", () => {
    const config = setUp();
    config.startBuild({ speakers: { zelenskyy: { ...SPEAKERS.zelenskyy, name: "V. Zelenskyy" } } });
    expect(config.call("speaker", "one", "zelenskyy")).toContain(">Ukrainian President V. Zelenskyy<");
  });

  it("lets option entries override global data entries", () => {
    const config = setUp({ speakers: { zelenskyy: { name: "Volodymyr Zelensky", shortName: "Zelensky" } } });
    expect(config.call("speaker", "one", "zelenskyy")).toContain(">Volodymyr Zelensky<");
  });

  it("links introducing references through speakerUrl", () => {
    const config = setUp({ speakerUrl: (speaker: { id?: string }) => `/speakers/${speaker.id}/` });
    expect(config.call("speaker", "one", "zelenskyy")).toBe(
      '<a class="nr-speaker nr-speaker--full" data-speaker="zelenskyy" href="/speakers/zelenskyy/">Ukrainian President Volodymyr Zelenskyy</a>',
    );
    expect(config.call("speaker", "one", "zelenskyy")).toBe('<span class="nr-speaker nr-speaker--short" data-speaker="zelenskyy">Zelenskyy</span>');
  });

  it("names the page in errors", () => {
    const config = setUp();
    expect(() => config.call("speaker", "./src/story.md", "nobody")).toThrow('[newsroom] speaker in ./src/story.md: unknown speaker id: "nobody"');
  });

  it("checks front matter people against the registry", () => {
    const config = new FakeEleventyConfig();
    newsroom(config, {});
    expect(() => config.startBuild({ speakers: SPEAKERS }, [{ inputPath: "./src/story.md", data: { people: ["zelenskyy", "putin"] } }])).toThrow(
      '[newsroom] front matter people in ./src/story.md: unknown speaker id: "putin"',
    );
  });
});

describe("filters use the plugin's options", () => {
  it("timeZone, referenceYear and showTimeZone apply unless a filter argument overrides them", () => {
    const config = setUp({ timeZone: "America/New_York", referenceYear: 2025, showTimeZone: false });
    expect(config.call("apDate", "p", "2025-09-05T23:30:00Z")).toBe("Sept. 5");
    expect(config.call("apDate", "p", "2024-09-05T23:30:00Z")).toBe("Sept. 5, 2024");
    expect(config.call("apTime", "p", "2025-09-05T23:30:00Z")).toBe("7:30 p.m.");
    expect(config.call("apTime", "p", "2025-09-05T23:30:00Z", "Europe/Kyiv", "true")).toBe("2:30 a.m. GMT+3");
    expect(config.call("isoDate", "p", new Date("2025-09-05T23:30:00Z"))).toBe("2025-09-05T19:30:00-04:00");
    expect(config.call("apDate", "p", "2025-09-05", "month")).toBe("September");
  });

  it("rejects a showZone that is not true or false", () => {
    const config = setUp();
    expect(() => config.call("apTime", "./p.njk", "2025-09-05T12:00:00Z", "UTC", "yes")).toThrow("[newsroom] apTime in ./p.njk: showZone must be true or false");
  });

  it("accepts a JS Date as the date of a dateline", () => {
    const config = setUp({ timeZone: "Europe/Kyiv" });
    expect(config.call("dateline", "p", "Kyiv, Ukraine", "", new Date("2025-09-04T22:30:00Z"))).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span>, <time class="nr-dateline__date" datetime="2025-09-05T01:30:00+03:00">Sept. 5</time> —</span>',
    );
  });
});

describe("pull quote integrity linter", () => {
  it("fails the build in error mode when the words are not in the page", () => {
    const config = setUp({ pullquoteCheck: "error" });
    const pullquote = config.callPaired("pullquote", "./src/story.md", "Come to Moscow", "zelenskyy") as string;
    const lint = config.linters.get("newsroom-pullquote-integrity");
    const page = { page: { inputPath: "./src/story.md", url: "/./src/story.md/" } };
    expect(() => lint?.call(page, `<p>He can come to Kyiv.</p>${pullquote}`)).toThrow("the pull quote's words do not occur in the story's text");
    expect(() => lint?.call(page, `<p>“Come to Moscow,” he said.</p>${pullquote}`)).not.toThrow();
  });
});
