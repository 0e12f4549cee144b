import { describe, expect, it } from "vitest";
import { ARTICLE_FIELDS, checkStoryAddress, forbiddenCharacter, impossibleWrittenDate, isSlug, storySlug, topicSlug, validateArticle } from "../../plugin/theme/front-matter.js";

const registries = { sections: { world: { name: "World" } }, authors: { ada: { name: "Ada Reyes" } } };
const good = { title: "Headline", dek: "Standfirst", date: new Date("2025-09-05T23:00:00Z"), section: "world", byline: ["ada"], tags: ["Ukraine"] };

describe("impossibleWrittenDate", () => {
  it.each([
    ["---\ndate: 2025-02-30\n---\n", "date", "2025-02-30"],
    ["---\ntitle: x\ndate: 2025-13-01T10:00:00Z\n---\n", "date", "2025-13-01T10:00"],
    ["---\nupdated: 2025-09-05 24:30\n---\n", "updated", "2025-09-05 24:30"],
  ])("finds %j", (text, field, value) => {
    expect(impossibleWrittenDate(text, field)).toBe(value);
  });

  it.each([
    ["---\ndate: 2024-02-29T23:59:00-05:00\n---\n", "date"],
    ["---\ndate: \"2025-09-05\"\n---\n", "date"],
    ["---\ntitle: x\n---\ndate: 2025-02-30 in the body is not front matter\n", "date"],
    ["---\nupdated: 2025-02-30\n---\n", "date"],
  ])("accepts %j", (text, field) => {
    expect(impossibleWrittenDate(text, field)).toBeUndefined();
  });
});

describe("validateArticle", () => {
  it("accepts a sound article", () => {
    expect(() => validateArticle("./a.md", good, registries)).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, byline: "organisation" }, registries)).not.toThrow();
  });

  it("accepts an update on the day of publication, even a day-only one that reads as midnight", () => {
    expect(() => validateArticle("./a.md", { ...good, updated: new Date("2025-09-05T04:00:00Z") }, { ...registries, timeZone: "America/New_York" })).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, updated: new Date("2025-09-04T12:00:00Z") }, { ...registries, timeZone: "America/New_York" })).toThrow("front matter updated in ./a.md: is before the story was published");
  });

  it("rejects an update or correction on a day after the build, by day in the zone, unless the story itself is dated later", () => {
    const zoned = { ...registries, timeZone: "America/New_York", buildTime: new Date("2025-09-10T02:00:00Z") };
    // 10 p.m. on Sept. 9 in New York: the 9th is today, the 10th is still to come.
    expect(() => validateArticle("./a.md", { ...good, updated: "2025-09-09" }, zoned)).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, updated: "2025-09-10" }, zoned)).toThrow(
      '[newsroom] front matter updated in ./a.md: is a day still to come (this build runs on 2025-09-09): the page would say the story changed on a day that has not come: "2025-09-10". Fix: give the day (or time) the change was made; to publish a story later, give its date instead (a story dated after the build waits for the first build after that time)',
    );
    expect(() => validateArticle("./a.md", { ...good, corrections: [{ date: "2025-09-06", text: "Fixed." }, { date: "2026-09-06", text: "Fixed again." }] }, zoned)).toThrow(
      'front matter corrections[1].date in ./a.md: is a day still to come (this build runs on 2025-09-09)',
    );
    // An embargoed story, built by the preview: its dates are all to come.
    expect(() => validateArticle("./a.md", { ...good, date: "2025-09-12T09:00:00-04:00", updated: "2025-09-13" }, zoned)).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, updated: "2099-01-01" }, registries)).not.toThrow();
  });

  it("rejects an impossible date as written in the file", () => {
    expect(() => validateArticle("./a.md", good, registries, "---\ndate: 2025-02-30\n---\n")).toThrow(
      '[newsroom] front matter date in ./a.md: this day or time does not exist (YAML would quietly turn it into another date): "2025-02-30". Fix: correct the date, e.g. 2025-02-28',
    );
  });

  it.each([
    [{ title: undefined }, "front matter title in ./a.md: is missing"],
    [{ dek: "  " }, 'front matter dek in ./a.md: must be non-empty text, got: "  "'],
    [{ title: "\u200b" }, 'front matter title in ./a.md: holds only characters that show nothing, so readers would see it empty, got: "\\u200b" (invisible: U+200B ZERO WIDTH SPACE at character 1)'],
    [{ dek: "\u2060\u00a0" }, "front matter dek in ./a.md: holds only characters that show nothing"],
    [{ section: "wrld" }, 'front matter section in ./a.md: unknown section id: "wrld". Fix: did you mean "world"?'],
    [{ byline: [] }, 'front matter byline in ./a.md: must be a list of author ids or "organisation", got: []'],
    [{ byline: ["ada", "ada"] }, 'front matter byline in ./a.md: names the same author twice: "ada". Fix: list each author once'],
    [{ tags: "Ukraine" }, 'front matter tags in ./a.md: must be a list of topic names, got: "Ukraine"'],
    [{ tags: ["Budget", " Transit"] }, 'front matter tags in ./a.md: topic name begins or ends with a space (Eleventy splits a text of topics at its commas and keeps the spaces), got: " Transit". Fix: write the topics as a list: tags: [Budget, Transit]'],
    [{ dateline: "Kyiv" }, 'front matter dateline in ./a.md: AP style needs a state or country after this city: "Kyiv"'],
    [{ tags: ["\u200b"] }, 'front matter tags in ./a.md: topic name has no letter or digit to name its page, got: "\\u200b" (invisible: U+200B ZERO WIDTH SPACE at character 1)'],
    [{ datelineAgency: "AP" }, 'front matter datelineAgency in ./a.md: is shown only in the dateline, and this story has no dateline (the agency would be dropped), got: "AP". Fix: add the place it was filed from, e.g. dateline: "Kyiv, Ukraine", or remove datelineAgency'],
    [{ dateline: "Kyiv, Ukraine", datelineAgency: 7 }, 'front matter datelineAgency in ./a.md: must be the agency\'s name as text, got: 7. Fix: write e.g. datelineAgency: "AP"'],
    [{ correctionDate: "soon" }, 'front matter correctionDate in ./a.md: is no longer read (a story can now have several corrections, each with its date): "soon"'],
    [{ corrections: [{ date: "soon", text: "Fixed." }] }, 'front matter corrections[0].date in ./a.md: cannot read this date: "soon"'],
  ])("rejects %j", (fields, message) => {
    expect(() => validateArticle("./a.md", { ...good, ...fields }, registries)).toThrow(`[newsroom] ${message}`);
  });
});

describe("unknown fields", () => {
  it("a misspelt field fails with a suggestion and the way to declare a field of one's own", () => {
    const frontMatter = { ...good, corection: "An earlier version …" };
    expect(() => validateArticle("./a.md", { ...good, ...frontMatter }, { ...registries, frontMatter })).toThrow(
      '[newsroom] front matter corection in ./a.md: unknown field (it would be ignored): "corection". Fix: did you mean "corrections"?',
    );
  });

  it("fields from global or directory data are not the article's; a site's extraFields and Eleventy's keys are allowed", () => {
    const data = { ...good, site: { name: "x" }, collections: {}, pkg: {} };
    expect(() => validateArticle("./a.md", data, { ...registries, frontMatter: { ...good } })).not.toThrow();
    const frontMatter = { ...good, podcast: "https://audio.example/1.mp3", layout: "layouts/mine.njk", permalink: "/x/" };
    expect(() => validateArticle("./a.md", frontMatter, { ...registries, frontMatter, extraFields: ["podcast"] })).not.toThrow();
  });

  it("checks the names eleventyComputed gives too", () => {
    const frontMatter = { ...good, eleventyComputed: { titel: "x" } };
    expect(() => validateArticle("./a.md", frontMatter, { ...registries, frontMatter })).toThrow('unknown field (it would be ignored): "titel". Fix: did you mean "title"?');
  });

  it("every field in ARTICLE_FIELDS is documented in the front-matter example", async () => {
    const { readFile } = await import("node:fs/promises");
    // The README, or the theme guide when the theme's documentation lives there.
    const docs = await Promise.all(["../../README.md", "../../docs/theme.md"].map((file) => readFile(new URL(file, import.meta.url), "utf8").catch(() => "")));
    for (const field of ARTICLE_FIELDS) expect(docs.join("\n"), field).toMatch(new RegExp(`^\\s*${field}:[ \\n]`, "m"));
  });
});

describe("text integrity", () => {
  it.each([
    ["a vertical tab", "a\u000bb", "U+000B"],
    ["a NUL", "a\u0000b", "U+0000"],
    ["a lone carriage return", "a\rb", "U+000D"],
    ["a C1 control", "a\u0085b", "U+0085"],
    ["a lone high surrogate", "a\ud800b", "U+D800"],
    ["a lone low surrogate", "a\udc00", "U+DC00"],
    ["a non-character", "a\ufdd0", "U+FDD0"],
    ["a non-character outside the BMP", "a\u{1fffe}", "U+1FFFE"],
  ])("finds %s", (_name, text, codePoint) => {
    expect(forbiddenCharacter(text)?.codePoint).toBe(codePoint);
  });

  it("allows tab, line feed, CRLF line ends and every real character", () => {
    expect(forbiddenCharacter("Kyiv\tKiev\r\nЗеленський 🇺🇦 “quoted” \u00a0 \u200d")).toBeUndefined();
  });

  it("names the field path inside lists and objects", () => {
    const frontMatter = { ...good, inferred: { date: "from the \u0007text" } };
    expect(() => validateArticle("./a.md", frontMatter, { ...registries, frontMatter })).toThrow("[newsroom] front matter inferred.date in ./a.md: contains the invisible character U+0007");
  });
});

describe("ids and topics", () => {
  it.each([["world", true], ["ada-reyes", true], ["vladimir_putin", true], ["r&d", false], ["R-D", false], ["a--b", false], ["-a", false], ["", false], ["світ", false]])("isSlug(%j) is %s", (id, expected) => {
    expect(isSlug(id)).toBe(expected);
  });

  it.each([
    ["Україна", "україна"],
    ["Россия", "россия"],
    ["C++", "c-plus-plus"],
    ["C#", "c-sharp"],
    ["C", "c"],
    ["Café Society", "cafe-society"],
    ["R&D <b>", "r-d-b"],
    ["日本", "日本"],
    ["ईरान", "ईरान"],
    ["!!!", ""],
  ])("topicSlug(%j) is %j", (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });

  it("distinct scripts give distinct slugs", () => {
    const names = ["Україна", "Россия", "C++", "C", "C#", "Ελλάδα", "Israel", "ישראל"];
    expect(new Set(names.map(topicSlug)).size).toBe(names.length);
  });
});

describe("checkStoryAddress", () => {
  it("names the folder of an index file, and stays quiet about a working address", () => {
    expect(() => checkStoryAddress("./articles/Budget Vote/index.md", "/news/2025/10/14/Budget Vote/", { fileSlug: "Budget Vote", permalinkWritten: false })).toThrow(
      '[newsroom] story folder name in ./articles/Budget Vote/index.md: gives the story an address a browser cannot open (white space breaks the address wherever it is written out as text, in an email or a post): "/news/2025/10/14/Budget Vote/". Fix: rename the folder "Budget Vote" to "budget-vote"',
    );
    expect(() => checkStoryAddress("./articles/a.md", "/news/2025/10/14/Ça_va-2/", { fileSlug: "Ça_va-2", permalinkWritten: false })).not.toThrow();
    // No page at all (permalink: false) would leave lists and feeds linking to nothing.
    expect(() => checkStoryAddress("./articles/a.md", false, { fileSlug: "a", permalinkWritten: true })).toThrow(
      "[newsroom] front matter permalink in ./articles/a.md: a story must have a page: the front page, lists, feeds and sitemaps link to it: false. Fix: to keep a story off the site, write draft: true instead",
    );
  });

  it("a backslash, which browsers read as a slash", () => {
    expect(() => checkStoryAddress("./articles/a.md", "/news/a\\b/", { fileSlug: "a", permalinkWritten: true })).toThrow('browsers read "\\" as "/"');
  });
});

describe("invisible characters in a field", () => {
  it("are named by code point and position", () => {
    const frontMatter = { ...good, title: "Vote\u0007 count" };
    expect(() => validateArticle("./a.md", frontMatter, { ...registries, frontMatter })).toThrow(
      '[newsroom] front matter title in ./a.md: contains the invisible character U+0007 (a control character) at character 5, which would break feeds and pages: "Vote\\u0007 count" (invisible: U+0007 (a control character) at character 5)',
    );
  });
});

describe("storySlug", () => {
  it("is Eleventy's fileSlug without the file's extension, whatever its case", () => {
    expect(storySlug({ fileSlug: "budget", inputPath: "./articles/budget.md" })).toBe("budget");
    expect(storySlug({ fileSlug: "a.MD", inputPath: "./articles/a.MD" })).toBe("a");
    expect(storySlug({ fileSlug: "a.Md", inputPath: "./articles/2025-10-14-a.Md" })).toBe("a");
    expect(storySlug({ fileSlug: "index.MD", inputPath: "./articles/vote/index.MD" })).toBe("vote");
    expect(storySlug({ fileSlug: "index.MD", inputPath: "./articles/2025-10-14-vote/index.MD" })).toBe("vote");
    expect(storySlug({ fileSlug: "vote", inputPath: "./articles/vote/index.md" })).toBe("vote");
    expect(storySlug({ fileSlug: "v1.2", inputPath: "./articles/v1.2.md" })).toBe("v1.2");
  });
});
