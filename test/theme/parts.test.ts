/**
 * The pieces of a build in parts (plugin/theme/parts.ts): which stories each part takes, the
 * patterns that leave the others out of Eleventy, and the records parts leave each other.
 * test/integration/build-in-parts.test.ts builds whole sites in parts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// The matcher Eleventy 3 finds its templates with (src/FileSystemSearch.js), ignore patterns included.
import { glob } from "tinyglobby";
import { afterEach, describe, expect, it } from "vitest";
import type { EleventyCollectionItem } from "../../plugin/eleventy-types.js";
import { NewsroomError } from "../../plugin/errors.js";
import { eleventyOrder, feedStories, ignorePatterns, listPagesPerPart, listShare, listsPartCount, pagesInShare, PartStore, quotingPageItem, readBuildPart, selectPart, storyFiles, storyParts, storyRecord, stubItem, type QuotingPage, type StoryRecord } from "../../plugin/theme/parts.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "newsroom-parts-"));
  folders.push(folder);
  return folder;
}

function record(inputPath: string, date: string, data: Record<string, unknown> = {}, url: string | false = `/${path.basename(inputPath, ".md")}/`): StoryRecord {
  return { inputPath, url, date: new Date(date), fileSlug: path.basename(inputPath, ".md"), filePathStem: inputPath.replace(/\.md$/, ""), outputPath: false, data, quoted: [] };
}

describe("readBuildPart", () => {
  const env = { NEWSROOM_STORIES_PER_PART: "500", NEWSROOM_BUILD_WORK: "/work" };

  it("is undefined for a whole build", () => {
    expect(readBuildPart({})).toBeUndefined();
  });

  it("reads the phase, the part and its size", () => {
    expect(readBuildPart({ ...env, NEWSROOM_BUILD_PART: "index 3" })).toEqual({ phase: "index", number: 3, storiesPerPart: 500, workDir: "/work" });
    expect(readBuildPart({ ...env, NEWSROOM_BUILD_PART: "stories 1" })).toMatchObject({ phase: "stories", number: 1 });
    expect(readBuildPart({ ...env, NEWSROOM_BUILD_PART: "lists 2" })).toMatchObject({ phase: "lists", number: 2 });
    // The first lists part, as an earlier version of the build command named it.
    expect(readBuildPart({ ...env, NEWSROOM_BUILD_PART: "lists" })).toMatchObject({ phase: "lists", number: 1 });
  });

  it("stops on a part the build command would not set, naming the variable and the fix", () => {
    for (const wrong of [{ ...env, NEWSROOM_BUILD_PART: "stories" }, { ...env, NEWSROOM_BUILD_PART: "lists 0" }, { ...env, NEWSROOM_BUILD_PART: "index 00" }, { ...env, NEWSROOM_BUILD_PART: "index 1", NEWSROOM_STORIES_PER_PART: "0" }, { NEWSROOM_BUILD_PART: "index 1", NEWSROOM_STORIES_PER_PART: "10" }]) {
      expect(() => readBuildPart(wrong)).toThrow(NewsroomError);
      expect(() => readBuildPart(wrong)).toThrow(/NEWSROOM_BUILD_PART[\s\S]*eleventy-plugin-newsroom build --stories-per-part/);
    }
  });
});

describe("storyFiles and storyParts", () => {
  it("lists the templates in the articles folder, subfolders too, and not its photos", () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder, "2025", "photos"), { recursive: true });
    for (const file of ["b.md", "a.njk", "2025/c.md", "2025/photos/c.jpg", "notes.txt", "2025/d.11ty.js"]) writeFileSync(path.join(folder, file), "");
    expect(storyFiles(folder)).toEqual(["2025/c.md", "2025/d.11ty.js", "a.njk", "b.md"]);
    expect(storyFiles(path.join(folder, "missing"))).toEqual([]);
  });

  it("cuts the sorted files into parts of the size, the last taking the rest", () => {
    const files = ["e.md", "a.md", "d.md", "b.md", "c.md"];
    expect(storyParts(files, 2)).toEqual([["a.md", "b.md"], ["c.md", "d.md"], ["e.md"]]);
    expect(storyParts(files, 5)).toEqual([files.slice().sort()]);
    expect(storyParts([], 5)).toEqual([]);
  });

  it("keeps names that differ only in case in one part (Eleventy ignores paths without regard to case)", () => {
    const parts = storyParts(["a.md", "B.md", "b.md", "c.md"], 2);
    expect(parts).toEqual([["a.md", "B.md", "b.md"], ["c.md"]]);
  });
});

describe("ignorePatterns", () => {
  it("leaves out exactly the files named, whatever characters their names hold", async () => {
    const site = tempFolder();
    const folder = path.join(site, "articles");
    const names = ["plain.md", "comma,name.md", "brace{x}.md", "bracket[1].md", "paren(2).md", "star*.md", "bang!.md", "plus+at@.md", "dollar$caret^.md", "pipe|.md", "sub/story.md", "kept.md", "sub/kept.md", "café.md"];
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    for (const name of names) writeFileSync(path.join(folder, name), "");
    const ignored = names.filter((name) => !name.includes("kept"));
    const patterns = ignorePatterns("articles", ignored);
    const found = await glob(["articles/**/*.md"], { cwd: site, ignore: patterns, caseSensitiveMatch: false, dot: true });
    expect(found.sort()).toEqual(["articles/kept.md", "articles/sub/kept.md"]);
  });

  it("writes a lone file as itself and many in brace lists short enough for the matcher", () => {
    expect(ignorePatterns("src/articles", ["one.md"])).toEqual(["src/articles/one.md"]);
    expect(ignorePatterns("src/articles", [])).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => `a-rather-long-story-name-for-the-archive-${i}.md`);
    const patterns = ignorePatterns("src/articles", many);
    expect(patterns.length).toBeGreaterThan(1);
    for (const pattern of patterns) expect(pattern.length).toBeLessThanOrEqual(60_000);
    expect(patterns.join(",").split(",").length).toBe(5000);
  });
});

describe("records", () => {
  it("keep a story's own data and leave out the site's, functions and the page's source", () => {
    const item = {
      inputPath: "./src/articles/a.md",
      url: "/local/2025/10/14/a/",
      date: new Date("2025-10-14T13:00:00Z"),
      fileSlug: "a",
      data: { title: "A", section: "local", tags: ["Budget"], site: { name: "Gazette" }, collections: {}, permalink: () => "/x/", layout: "layouts/article.njk", page: { url: "/local/2025/10/14/a/", rawInput: "long source", date: new Date("2025-10-14T13:00:00Z") } },
    } as unknown as EleventyCollectionItem;
    const saved = storyRecord(item, new Set(["site"]), ["quill"]);
    expect(saved.data).toEqual({ title: "A", section: "local", tags: ["Budget"], page: { url: "/local/2025/10/14/a/", date: new Date("2025-10-14T13:00:00Z") } });
    expect(saved.quoted).toEqual(["quill"]);
  });

  it("come back from the work folder with their dates as dates", () => {
    const store = new PartStore(tempFolder());
    store.writePlan({ parts: 2, stories: 2 });
    store.writeRecords(1, [record("./a.md", "2025-10-14T13:00:00Z", { date: new Date("2025-10-14T13:00:00Z"), updated: "2025-10-15" })]);
    store.writeRecords(2, [record("./b.md", "2025-10-16T13:00:00Z")]);
    const [a, b] = store.readRecords();
    expect(a?.date).toEqual(new Date("2025-10-14T13:00:00Z"));
    expect(a?.data.date).toBeInstanceOf(Date);
    expect(a?.data.updated).toBe("2025-10-15");
    expect(b?.inputPath).toBe("./b.md");
  });

  it("stop the build when two parts' stories take one address, naming both files", () => {
    const store = new PartStore(tempFolder());
    store.writePlan({ parts: 2, stories: 2 });
    store.writeRecords(1, [record("./a.md", "2025-10-14T13:00:00Z", {}, "/same/")]);
    store.writeRecords(2, [record("./b.md", "2025-10-15T13:00:00Z", {}, "/same/")]);
    expect(() => store.readRecords()).toThrow(/two stories would be written to one page, \/same\/ \(the other is \.\/a\.md\)/);
  });

  it("say plainly when a part has not run", () => {
    const store = new PartStore(tempFolder());
    store.writePlan({ parts: 2, stories: 2 });
    store.writeRecords(1, []);
    expect(() => store.readRecords()).toThrow(/an earlier part left no record here[\s\S]*index-2\.json/);
  });

  it("merge the parts' quotations in quotationsBy's order: newest page first, a page's own in order", () => {
    const store = new PartStore(tempFolder());
    store.writePlan({ parts: 2, stories: 3 });
    const q = (pageUrl: string, day: string, text: string) => ({ pageUrl, pageDate: new Date(day), text });
    store.writeQuotations(1, { quill: [q("/a/", "2025-10-14", "first on a"), q("/a/", "2025-10-14", "second on a")] });
    store.writeQuotations(2, { quill: [q("/c/", "2025-10-16", "on c"), q("/b/", "2025-10-14", "on b")], marsh: [] });
    const merged = store.readQuotations<{ pageUrl: string; pageDate: Date; text: string }>();
    expect(merged.get("quill")?.map((quotation) => quotation.text)).toEqual(["on c", "first on a", "second on a", "on b"]);
    expect(merged.get("quill")?.[0]?.pageDate).toBeInstanceOf(Date);
    expect(merged.get("marsh")).toEqual([]);
    expect(Object.isFrozen(merged.get("quill"))).toBe(true);
  });

  it("keep the pages other than stories that quote, and add their quotations when asked", () => {
    const store = new PartStore(tempFolder());
    store.writePlan({ parts: 1, stories: 1 });
    const q = (pageUrl: string, day: string, text: string) => ({ pageUrl, pageDate: new Date(day), text });
    store.writeQuotations(1, { quill: [q("/a/", "2025-10-14", "on a")] });
    store.writeQuotingPages([{ inputPath: "./src/style.njk", url: "/style/", date: new Date("2025-10-15T00:00:00Z"), quoted: ["quill"] }], { quill: [q("/style/", "2025-10-15", "on the style page")] });
    expect(store.readQuotations<{ pageUrl: string; text: string }>().get("quill")?.map((quotation) => quotation.text)).toEqual(["on a"]);
    expect(store.readQuotations<{ pageUrl: string; text: string }>(true).get("quill")?.map((quotation) => quotation.text)).toEqual(["on the style page", "on a"]);
    const [page] = store.readQuotingPages();
    expect(page?.date).toEqual(new Date("2025-10-15T00:00:00Z"));
    expect(quotingPageItem(page as QuotingPage)).toMatchObject({ inputPath: "./src/style.njk", url: "/style/", data: {}, quoted: ["quill"] });
  });
});

describe("lists parts", () => {
  it("write four times the stories per part in list pages, one part at least", () => {
    expect(listPagesPerPart(2500)).toBe(10_000);
    expect(listsPartCount(0, 2500)).toBe(1);
    expect(listsPartCount(10_000, 2500)).toBe(1);
    expect(listsPartCount(10_001, 2500)).toBe(2);
    expect(listsPartCount(54_656, 2500)).toBe(6);
  });

  it("share the list pages out in order across the lists, each page in one part", () => {
    const lists = [["s1", "s2", "s3"], [], ["t1", "t2"], ["u1", "u2", "u3", "u4"]];
    // Two stories a part: shares of eight list pages.
    expect(pagesInShare(lists, listShare(1, 2))).toEqual([["s1", "s2", "s3"], [], ["t1", "t2"], ["u1", "u2", "u3"]]);
    expect(pagesInShare(lists, listShare(2, 2))).toEqual([[], [], [], ["u4"]]);
    expect(pagesInShare(lists, listShare(3, 2))).toEqual([[], [], [], []]);
    // One story a part: shares of four; every page exactly once.
    const shares = [1, 2, 3].map((part) => pagesInShare(lists, listShare(part, 1)).flat());
    expect(shares).toEqual([["s1", "s2", "s3", "t1"], ["t2", "u1", "u2", "u3"], ["u4"]]);
  });
});

describe("feedStories", () => {
  it("are the site's newest and each section's newest, as the feeds list them", () => {
    const records = [
      record("./a.md", "2025-10-10T00:00:00Z", { section: "local" }),
      record("./b.md", "2025-10-11T00:00:00Z", { section: "sports" }),
      record("./c.md", "2025-10-12T00:00:00Z", { section: "local" }),
      record("./d.md", "2025-10-13T00:00:00Z", { section: "local" }),
      record("./e.md", "2025-10-13T00:00:00Z", { section: "local" }),
    ];
    // Newest first, equal dates in Eleventy's order (./d.md before ./e.md): d, e overall; the two newest of local; b of sports.
    expect([...feedStories(records, 2)].sort()).toEqual(["./b.md", "./d.md", "./e.md"]);
    expect([...feedStories(records, 1)].sort()).toEqual(["./b.md", "./d.md"]);
  });
});

describe("stub items", () => {
  it("look like the story's collection item, and refuse to hand out content they do not have", () => {
    const saved = record("./src/articles/a.md", "2025-10-14T13:00:00Z", { title: "A" });
    const item = stubItem(saved);
    expect(item).toMatchObject({ inputPath: "./src/articles/a.md", url: "/a/", fileSlug: "a", data: { title: "A" } });
    expect(item.date).toEqual(new Date("2025-10-14T13:00:00Z"));
    expect(() => item.templateContent).toThrow(/read the content of a story rendered in another part[\s\S]*\.\/src\/articles\/a\.md/);
  });

  it("sort with the rendered ones in Eleventy's order: date, then input path", () => {
    const items = [record("./b.md", "2025-10-14T00:00:00Z"), record("./a.md", "2025-10-14T00:00:00Z"), record("./c.md", "2025-10-13T00:00:00Z")];
    expect(items.sort(eleventyOrder).map((item) => item.inputPath)).toEqual(["./c.md", "./a.md", "./b.md"]);
  });
});

describe("selectPart", () => {
  function site(): { folder: string; workDir: string } {
    const root = tempFolder();
    const folder = path.join(root, "articles");
    mkdirSync(folder);
    for (const name of ["a.md", "b.md", "c.md", "d.md", "e.md"]) writeFileSync(path.join(folder, name), "");
    return { folder, workDir: path.join(root, "work") };
  }
  const name = (inputPath: string) => inputPath.replace(/^\.\/articles\//, "");

  it("leaves the other parts' stories out, and the first index part writes the plan", () => {
    const { folder, workDir } = site();
    const selection = selectPart({ phase: "index", number: 1, storiesPerPart: 2, workDir }, folder, name, 20, "build");
    expect(selection.otherStories).toEqual([]);
    expect(selection.ignores.join(" ")).toContain("{c.md,d.md,e.md}");
    expect(new PartStore(workDir).readPlan()).toEqual({ parts: 3, stories: 5 });
  });

  it("gives a stories part the records of every other part's stories", () => {
    const { folder, workDir } = site();
    const store = new PartStore(workDir);
    store.writePlan({ parts: 3, stories: 5 });
    store.writeRecords(1, [record("./articles/a.md", "2025-10-01T00:00:00Z"), record("./articles/b.md", "2025-10-02T00:00:00Z")]);
    store.writeRecords(2, [record("./articles/c.md", "2025-10-03T00:00:00Z"), record("./articles/d.md", "2025-10-04T00:00:00Z")]);
    store.writeRecords(3, [record("./articles/e.md", "2025-10-05T00:00:00Z")]);
    const selection = selectPart({ phase: "stories", number: 2, storiesPerPart: 2, workDir }, folder, name, 20, "build");
    expect(selection.otherStories.map((story) => story.inputPath)).toEqual(["./articles/a.md", "./articles/b.md", "./articles/e.md"]);
    expect(selection.ignores.join(" ")).not.toMatch(/c\.md|d\.md/);
    // The first lists part renders the feed's stories (the newest, here one a feed) and records the rest.
    const lists = selectPart({ phase: "lists", number: 1, storiesPerPart: 2, workDir }, folder, name, 1, "build");
    expect(lists.otherStories.map((story) => story.inputPath)).toEqual(["./articles/a.md", "./articles/b.md", "./articles/c.md", "./articles/d.md"]);
    expect(lists.ignores.join(" ")).not.toMatch(/e\.md/);
    // The others render no story: every one is a record, every file left out.
    const later = selectPart({ phase: "lists", number: 2, storiesPerPart: 2, workDir }, folder, name, 1, "build");
    expect(later.otherStories).toHaveLength(5);
    expect(later.ignores.join(" ")).toContain("{a.md,b.md,c.md,d.md,e.md}");
  });

  it("refuses the preview and watch mode", () => {
    const { folder, workDir } = site();
    expect(() => selectPart({ phase: "index", number: 1, storiesPerPart: 2, workDir }, folder, name, 20, "serve")).toThrow(/build in parts[\s\S]*the preview and watch mode build it whole[\s\S]*serve/);
  });
});
