/**
 * `eleventy-plugin-newsroom search`: the site's searchable pages shared out among as many Pagefind
 * indexes as the search page asks for, one index in memory at a time, with Pagefind stood in for.
 * test/browser/search-indexes.test.ts searches the real indexes in a browser.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleFolder, indexesAsked, indexShares, SearchIndexError, searchablePages, writeSearchIndexes, type PagefindApi } from "../../plugin/cli/search.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A built site: a search page asking for `indexes`, and these files (path → HTML). */
function siteWith(indexes: number | undefined, files: Record<string, string>): string {
  const site = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
  folders.push(site);
  const searchAttribute = indexes === undefined ? "" : ` data-search-indexes="${indexes}"`;
  const all = { "search/index.html": `<main><div id="search" class="search"${searchAttribute}></div></main>`, ...files };
  for (const [file, html] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), html);
  }
  return site;
}

const story = (title: string) => `<html><body><article data-pagefind-body><h1>${title}</h1></article></body></html>`;

/** Pagefind as the command drives it: what each index was given and where it was written. */
function fakePagefind(failOn?: string): { api: PagefindApi; indexes: { pages: string[]; outputPath?: string; deleted: boolean }[]; closed: () => boolean } {
  const indexes: { pages: string[]; outputPath?: string; deleted: boolean }[] = [];
  let closed = false;
  return {
    indexes,
    closed: () => closed,
    api: {
      async createIndex() {
        // One index in memory at a time: the one before must be gone.
        expect(indexes.every((index) => index.deleted)).toBe(true);
        const record: { pages: string[]; outputPath?: string; deleted: boolean } = { pages: [], deleted: false };
        indexes.push(record);
        return {
          errors: [],
          index: {
            async addHTMLFile({ sourcePath, content }) {
              expect(content).toContain("data-pagefind-body");
              record.pages.push(sourcePath);
              return { errors: sourcePath === failOn ? ["unreadable"] : [] };
            },
            async writeFiles({ outputPath }) {
              record.outputPath = outputPath;
              return { errors: [] };
            },
            async deleteIndex() {
              record.deleted = true;
              return null;
            },
          },
        };
      },
      async close() {
        closed = true;
        return null;
      },
    },
  };
}

describe("indexesAsked", () => {
  it("reads the search page's count, one at least", () => {
    expect(indexesAsked('<div id="search" class="search" data-search-indexes="4">')).toBe(4);
    expect(indexesAsked('<div id="search" class="search" data-search-indexes="0">')).toBe(1);
  });

  it("stops on a search page that is not the theme's, saying what to do", () => {
    expect(() => indexesAsked('<div id="search">')).toThrow(SearchIndexError);
    expect(() => indexesAsked('<div id="search">')).toThrow(/no data-search-indexes[\s\S]*Fix: build the site with the theme first/);
  });
});

describe("indexShares", () => {
  it("cuts the pages in order into runs as even as can be, every page once", () => {
    const pages = Array.from({ length: 10 }, (_, index) => `p${index}`);
    expect(indexShares(pages, 3).map((share) => share.length)).toEqual([4, 4, 2]);
    expect(indexShares(pages, 3).flat()).toEqual(pages);
    expect(indexShares(pages, 1)).toEqual([pages]);
    expect(indexShares(["a"], 2)).toEqual([["a"], []]);
  });

  it("names the first bundle as Pagefind does, and the others after it", () => {
    expect([1, 2, 10].map(bundleFolder)).toEqual(["pagefind", "pagefind-2", "pagefind-10"]);
  });
});

describe("searchablePages", () => {
  it("lists the pages Pagefind indexes, sorted, and not the bundles' own files", () => {
    const site = siteWith(1, {
      "b/index.html": story("B"),
      "a/2025/index.html": story("A"),
      "tags/index.html": "<html><body><h1>Topics</h1></body></html>",
      "pagefind-2/fragment/x.html": story("stale"),
      "pagefind/playground/index.html": story("playground"),
    });
    expect(searchablePages(site)).toEqual(["a/2025/index.html", "b/index.html"]);
  });
});

describe("writeSearchIndexes", () => {
  it("writes each share into its bundle, one index at a time, and removes bundles an earlier run left", async () => {
    const site = siteWith(2, { "a/index.html": story("A"), "b/index.html": story("B"), "c/index.html": story("C"), "pagefind-3/pagefind-entry.json": "{}" });
    const pagefind = fakePagefind();
    const lines: string[] = [];
    expect(await writeSearchIndexes({ site, pagefind: pagefind.api, log: (line) => lines.push(line) })).toEqual([2, 1]);
    expect(pagefind.indexes.map((index) => [index.pages, path.relative(site, index.outputPath ?? "")])).toEqual([
      [["a/index.html", "b/index.html"], "pagefind"],
      [["c/index.html"], "pagefind-2"],
    ]);
    expect(pagefind.indexes.every((index) => index.deleted)).toBe(true);
    expect(pagefind.closed()).toBe(true);
    expect(existsSync(path.join(site, "pagefind-3"))).toBe(false);
    expect(lines).toEqual(["[newsroom] Search index 1 of 2: 2 pages into pagefind/", "[newsroom] Search index 2 of 2: 1 page into pagefind-2/"]);
  });

  it("stops at a page Pagefind cannot index, naming it, and still shuts Pagefind down", async () => {
    const site = siteWith(1, { "a/index.html": story("A") });
    const pagefind = fakePagefind("a/index.html");
    await expect(writeSearchIndexes({ site, pagefind: pagefind.api, log: () => {} })).rejects.toThrow(/Pagefind could not index a\/index\.html: unreadable/);
    expect(pagefind.closed()).toBe(true);
  });

  it("stops before Pagefind starts when there is no built search page", async () => {
    const pagefind = fakePagefind();
    await expect(writeSearchIndexes({ site: path.join(tmpdir(), "no-such-site-here"), pagefind: pagefind.api })).rejects.toThrow(/no search page at[\s\S]*Fix: build the site first/);
    expect(pagefind.indexes).toEqual([]);
  });
});
