import { describe, expect, it } from "vitest";
import { refuseStoryDataKeys, storyDataFiles } from "../../plugin/theme/story-data-files.js";

describe("which files of the stories folder Eleventy reads as data (storyDataFiles)", () => {
  const files = ["story.md", "story.json", "story.11tydata.json", "articles.json", "articles.11tydata.yml", "notes.json", "photos/lead.jpg", "2025/2025.json", "2025/vote.md", "2025/vote.11tydata.json", "2025/other.json"];
  it("names for a story beside them or for their folder, with or without .11tydata, in the formats given", () => {
    expect(storyDataFiles(files, ["json", "yml"], "articles").sort()).toEqual(["2025/2025.json", "2025/vote.11tydata.json", "articles.11tydata.yml", "articles.json", "story.11tydata.json", "story.json"]);
  });
  it("a format the site did not add is not data", () => {
    expect(storyDataFiles(files, ["json"], "articles")).not.toContain("articles.11tydata.yml");
  });
});

describe("a data file beside the stories (refuseStoryDataKeys)", () => {
  it.each([
    [{ permalink: "/news/x/" }, /data file key permalink in articles\/articles\.json/],
    [{ layout: "evil.njk" }, /data file key layout/],
    [{ eleventyComputed: { dek: "{{ 1 }}" } }, /data file key eleventyComputed/],
    [{ eleventyExcludeFromCollections: true }, /data file key eleventyExcludeFromCollections/],
    [JSON.parse('{ "tags": [{ "__proto__": { "x": 1 } }] }') as unknown, /data file key tags\.0\.__proto__/],
  ])("refuses %j", (data, expected) => {
    expect(() => refuseStoryDataKeys(data, "articles/articles.json")).toThrow(expected);
  });
  it("lets story fields through", () => {
    expect(() => refuseStoryDataKeys({ section: "news", tags: ["Budget"], byline: ["ada-reyes"] }, "articles/articles.json")).not.toThrow();
  });
});
