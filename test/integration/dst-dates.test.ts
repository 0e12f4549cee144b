/**
 * A story's time without an offset is wall-clock time in the site's zone: one the clocks skip or
 * pass twice stops the build, naming the file, the value, the zone and the offsets.
 */
import { describe, expect, it } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Zone Echo", url: "https://news.example.com", language: "en-US", timeZone: "America/New_York", organisation: { name: "Zone Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
};
const story = (date: string, extra = "") => `---\ntitle: "T"\ndek: "D"\ndate: ${date}\n${extra}section: news\nbyline: [ada-reyes]\n---\nThe council met.\n`;

async function buildError(file: string): Promise<string> {
  try {
    await buildFiles({ ...SITE, "articles/story.md": file }, { theme: {} });
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

describe("local times the site's zone skips or passes twice", () => {
  it.each([
    ["the spring gap, unquoted", "2025-03-09T02:30", /front matter date in \S*story\.md: this time does not exist in America\/New_York \(the clocks skip it that day\), so it cannot be read: "2025-03-09T02:30(:00)?"/],
    ["the spring gap, quoted", '"2025-03-09 02:30"', /front matter date in \S*story\.md: this time does not exist in America\/New_York/],
    ["the autumn fold", "2025-11-02T01:30:00", /front matter date in \S*story\.md: this time happens twice in America\/New_York \(the clocks go back that day\), at -04:00 or -05:00: "2025-11-02T01:30:00"\. Fix: write it with its offset: 2025-11-02T01:30:00-04:00/],
    ["a leap second", "2016-12-31T23:59:60", /front matter date in \S*story\.md: .*(leap second|does not exist)/],
  ])("%s stops the build", async (_name, date, expected) => {
    expect(await buildError(story(date))).toMatch(expected);
  });

  it("an updated time in the fold stops too", async () => {
    expect(await buildError(story("2025-11-01T09:00:00-04:00", "updated: 2025-11-02T01:30\n"))).toMatch(/front matter updated in \S*story\.md: this time happens twice/);
  });

  it("a time with its offset is published as written", async () => {
    const pages = await buildFiles({ ...SITE, "articles/story.md": story("2025-11-02T01:30:00-05:00") }, { theme: {} });
    expect([...pages.keys()]).toContain("/news/2025/11/02/story/");
  });
});
