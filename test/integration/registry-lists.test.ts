/**
 * A registry saved as a list of entries with their ids (as the editors' CMS saves it) builds the
 * same site as the map keyed by id: every reader — section and author pages, bylines, the
 * speakers' shortcodes, kinds' labels — sees the same map. A repeated id stops the build naming the
 * file, the entry, the id and the fix.
 */
import { describe, expect, it } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";

const SETTINGS = { name: "List Echo", url: "https://news.example.com", language: "en-US", timeZone: "America/Chicago", organisation: { name: "List Echo", logo: "/assets/logo.svg" } };
const MAPS = {
  "_data/sections.json": { news: { name: "News", description: "The news." }, sports: { name: "Sports" } },
  "_data/authors.json": { "ada-reyes": { name: "Ada Reyes", title: "Reporter" } },
  "_data/speakers.json": { quill: { name: "Rosa Quill", title: "Mayor" } },
  "_data/kinds.json": { column: { label: "Column", definition: "A regular writer's view.", schemaType: "OpinionNewsArticle" } },
};
const asList = (map: Record<string, object>) => Object.entries(map).map(([id, entry]) => ({ id, ...entry }));
const STORY = `---\ntitle: "Council meets"\ndek: "The council met."\ndate: 2025-10-14T18:30:00-05:00\nsection: news\nbyline: [ada-reyes]\nkind: column\n---\n{% speaker "quill" %} spoke.\n`;

function site(registries: Record<string, unknown>): Record<string, string> {
  return { "_data/site.json": JSON.stringify(SETTINGS), ...Object.fromEntries(Object.entries(registries).map(([file, data]) => [file, JSON.stringify(data)])), "articles/council.md": STORY };
}

async function pages(registries: Record<string, unknown>): Promise<Record<string, string>> {
  const built = await buildFiles(site(registries), { theme: {} });
  return Object.fromEntries([...built].map(([url, page]) => [url, page.content]));
}

describe("registries saved as lists", () => {
  it("build the same pages as the same registries saved as maps", async () => {
    const fromMaps = await pages(MAPS);
    const fromLists = await pages(Object.fromEntries(Object.entries(MAPS).map(([file, map]) => [file, asList(map)])));
    expect(Object.keys(fromLists).sort()).toEqual(Object.keys(fromMaps).sort());
    for (const url of ["/news/", "/authors/ada-reyes/", "/speakers/quill/"]) expect(Object.keys(fromLists)).toContain(url);
    const story = Object.keys(fromLists).find((url) => url.includes("council")) as string;
    expect(fromLists[story]).toContain("Ada Reyes");
    expect(fromLists[story]).toContain("Rosa Quill");
    expect(fromLists[story]).toContain("Column");
    for (const url of Object.keys(fromMaps)) expect(fromLists[url], url).toBe(fromMaps[url]);
  }, 120_000);

  it("stop the build on an id given twice, naming the file, the entry, the id and the fix", async () => {
    const sections = [{ id: "news", name: "News" }, { id: "sports", name: "Sports" }, { id: "news", name: "More news" }];
    let message = "";
    try {
      await buildFiles(site({ ...MAPS, "_data/sections.json": sections }), { theme: {} });
    } catch (error) {
      message = messageChain(error);
    }
    expect(message).toMatch(/sections registry entry 3\.id in \S*_data[\\/]sections\.json: is the id of another section earlier in the list; ids must differ, got: "news"\. Fix: rename one of them/);
  }, 60_000);

  it("stop the build on an entry without its id", async () => {
    let message = "";
    try {
      await buildFiles(site({ ...MAPS, "_data/authors.json": [{ name: "Ada Reyes" }] }), { theme: {} });
    } catch (error) {
      message = messageChain(error);
    }
    expect(message).toMatch(/authors registry entry 1\.id in \S*_data[\\/]authors\.json: is missing: in a list, each entry names its id.*Fix: add "id": "…"/);
  }, 60_000);
});
