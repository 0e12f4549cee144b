/**
 * A story's address is its file's name without the extension, whatever the extension's case:
 * Eleventy renders `a.MD` as Markdown but keeps `.MD` in its fileSlug.
 */
import { describe, expect, it } from "vitest";
import { buildFiles } from "../helpers/build.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Address Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Address Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
};
const story = (title: string) => `---\ntitle: "${title}"\ndek: "D"\ndate: 2025-10-14T18:30:00Z\nsection: news\nbyline: [ada-reyes]\n---\nThe council met.\n`;

describe("a story saved with an upper-case extension", () => {
  it("is published at its name without the extension", async () => {
    const pages = await buildFiles({ ...SITE, "articles/a.MD": story("Upper"), "articles/vote/index.Md": story("Folder") }, { theme: {} });
    const stories = [...pages.keys()].filter((url) => url.startsWith("/news/2025/"));
    expect(stories.sort()).toEqual(["/news/2025/10/14/a/", "/news/2025/10/14/vote/"]);
  });
});
