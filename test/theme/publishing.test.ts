/**
 * Publishing rules of the theme, on small sites: dates mean what was written, and a draft or an
 * embargoed story reaches no output outside the preview.
 */
import type { EleventyPageResult } from "@11ty/eleventy";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveThemeOptions } from "../../plugin/theme/options.js";
import { SourceFiles, unpublishedReason, writtenFrontMatter } from "../../plugin/theme/publishing.js";
import { buildFiles } from "../helpers/build.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Preview Post", url: "https://news.example.com", language: "en-US", timeZone: "America/Chicago", organisation: { name: "Preview Post", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({}),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh", description: "mayor" } }),
};
const THEME = { newsroom: { timeZone: "America/Chicago", siteUrl: "https://news.example.com", publisher: { name: "Preview Post", logo: "/assets/logo.svg" } } };

function story(date: string, extra = "", body = "The council met."): string {
  return `---\ntitle: "Story dated ${date}"\ndek: "A dek."\ndate: ${date}\nsection: news\ntags: [Budget]\n${extra}---\n${body}\n`;
}

const FILES = {
  ...SITE,
  "articles/published.md": story("2025-10-14T18:30:00-05:00"),
  "articles/unfinished.md": story("2025-10-13T08:00:00-05:00", "draft: true\n", '{% inlineQuote "marsh" %}Words only a draft has,{% endinlineQuote %} she said.'),
  "articles/held.md": story("2099-10-14T09:00:00-05:00", "", '{% inlineQuote "marsh" %}Words held until 2099,{% endinlineQuote %} she said.'),
  "articles/held-day.md": story("2099-10-14"),
};

function page(pages: Map<string, EleventyPageResult>, url: string): string {
  const found = pages.get(url);
  if (!found) throw new Error(`no page at ${url}; built: ${[...pages.keys()].join(", ")}`);
  return found.content;
}

describe("dates as written", () => {
  it("a day is filed and shown under that day, not the evening before in the site's zone", async () => {
    const pages = await buildFiles({ ...SITE, "articles/day.md": story("2025-10-14") }, { theme: THEME });
    const html = page(pages, "/news/2025/10/14/day/");
    expect(html).toContain('Published <time datetime="2025-10-14" data-pagefind-sort="date[datetime]">Oct. 14, 2025</time>');
    expect(html).not.toContain("p.m.");
    expect(page(pages, "/archive/2025/10/")).toContain("/news/2025/10/14/day/");
  });

  it.each([
    ["YAML's own form, read by YAML as UTC", "2025-10-14 09:30:00"],
    ["ISO without offset", "2025-10-14T09:30"],
    ["YAML form without seconds", "2025-10-14 09:30"],
  ])("a time without an offset is wall-clock time in the site's zone: %s", async (_name, date) => {
    const pages = await buildFiles({ ...SITE, "articles/timed.md": story(date) }, { theme: THEME });
    expect(page(pages, "/news/2025/10/14/timed/")).toContain('<time datetime="2025-10-14T09:30:00-05:00" data-pagefind-sort="date[datetime]">9:30 a.m. CDT Oct. 14, 2025</time>');
  });

  it("a day given as text outside YAML (JSON front matter) is that day too", async () => {
    const json = `---json\n${JSON.stringify({ title: "A JSON story", dek: "A dek.", date: "2025-10-14", section: "news" })}\n---\nThe council met.\n`;
    const pages = await buildFiles({ ...SITE, "articles/json-day.md": json }, { theme: THEME });
    expect(page(pages, "/news/2025/10/14/json-day/")).toContain('<time datetime="2025-10-14" data-pagefind-sort="date[datetime]">Oct. 14, 2025</time>');
  });

  it("reads the front matter as typed: timestamps stay text", () => {
    expect(writtenFrontMatter("---\ndate: 2025-10-14\nupdated: 2025-10-15 09:30:00\ncorrections:\n  - date: 2025-10-16\n    text: x\n---\nBody")).toEqual({
      date: "2025-10-14",
      updated: "2025-10-15 09:30:00",
      corrections: [{ date: "2025-10-16", text: "x" }],
    });
    expect(writtenFrontMatter("No front matter")).toBeUndefined();
  });
});

describe("drafts and embargoes", () => {
  it("a published build leaves a draft and a story dated after the build out of everything", async () => {
    const pages = await buildFiles(FILES, { theme: { ...THEME, preview: false } });
    const urls = [...pages.keys()];
    expect(urls).toContain("/news/2025/10/14/published/");
    expect(urls.filter((url) => /unfinished|held/.test(String(url)))).toEqual([]);
    for (const [url, result] of pages) {
      expect(result.content, String(url)).not.toMatch(/unfinished|held|Words only a draft has|Words held until 2099|2099/);
    }
    expect(page(pages, "/speakers/marsh/")).toContain("No quotations from Delia Marsh yet.");
  });

  it("the preview builds them with a visible banner and noindex, and keeps them out of the sitemap", async () => {
    const pages = await buildFiles(FILES, { theme: { ...THEME, preview: true } });
    const draft = page(pages, "/news/2025/10/13/unfinished/");
    expect(draft).toContain('<p class="publishing-banner" role="note"><strong>Draft: not published</strong>. This preview page is not part of the published site.</p>');
    expect(draft).toContain('<meta name="robots" content="noindex">');
    const held = page(pages, "/news/2099/10/14/held/");
    expect(held).toContain("<strong>Embargoed until 9 a.m. CDT Oct. 14, 2099</strong>");
    expect(held).toContain('<meta name="robots" content="noindex">');
    expect(page(pages, "/news/2099/10/14/held-day/")).toContain("<strong>Embargoed until Oct. 14, 2099</strong>");
    const published = page(pages, "/news/2025/10/14/published/");
    expect(published).not.toContain("publishing-banner");
    expect(published).not.toContain("noindex");
    const sitemap = page(pages, "/sitemap-1.xml");
    expect(sitemap).toContain("/news/2025/10/14/published/");
    expect(sitemap).not.toMatch(/unfinished|held/);
  });

  it("draft must be true or false", async () => {
    const error = await buildFiles({ ...SITE, "articles/maybe.md": story("2025-10-14", "draft: no\n") }, { theme: THEME }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    let messages = "";
    for (let current = error as { message?: string; originalError?: unknown } | undefined; current; current = current.originalError as typeof current) messages += `${current.message}\n`;
    expect(messages).toContain('[newsroom] front matter draft in ./test/scratch/');
    expect(messages).toContain('maybe.md: must be true or false, got: "no". Fix: write draft: true while the story must not be published');
  });

  it("a story with no date stops as missing its date before the embargo decision (not left out by its file's creation time)", () => {
    const created = new Date("2026-01-02T00:00:00Z");
    const buildTime = new Date("2025-01-01T00:00:00Z"); // SOURCE_DATE_EPOCH of an older commit
    expect(() => unpublishedReason("./articles/undated.md", { title: "T" }, created, buildTime, "UTC")).toThrow(
      "[newsroom] front matter date in ./articles/undated.md: is missing. Fix: add date: 2025-09-05T19:00:00-04:00",
    );
    expect(() => unpublishedReason("./articles/undated.md", { title: "T" }, new Date("2024-01-01T00:00:00Z"), buildTime, "UTC")).toThrow(/front matter date .*is missing/);
    // A draft may wait for its date.
    expect(unpublishedReason("./articles/undated.md", { draft: true }, created, buildTime, "UTC")).toEqual({ status: "draft" });
  });

  it("preview defaults to Eleventy's serve mode and is checked as an option", () => {
    expect(resolveThemeOptions({}).preview).toBeUndefined();
    expect(() => resolveThemeOptions({ preview: "yes" as never })).toThrow("[newsroom] addPlugin(newsroomTheme, options) preview: must be true or false");
  });
});

describe("SourceFiles", () => {
  const withFile = (test: (file: string) => void) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-sources-"));
    try {
      test(path.join(dir, "story.md"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const dateOf = (sources: SourceFiles, file: string) => sources.frontMatter(file)?.date;
  const writeStory = (file: string, day: string) => writeFileSync(file, `---\ndate: ${day}\n---\nText\n`);
  const same = (inputPath: string) => inputPath;

  it("reads a file again once its page is settled, in a build", () => {
    withFile((file) => {
      const sources = new SourceFiles();
      writeStory(file, "2025-10-14");
      sources.startBuild({ keep: false, changedFiles: undefined }, same);
      expect(dateOf(sources, file)).toBe("2025-10-14");
      writeStory(file, "2025-10-15");
      expect(dateOf(sources, file)).toBe("2025-10-14");
      sources.forget(file);
      expect(dateOf(sources, file)).toBe("2025-10-15");
    });
  });

  it("under --incremental keeps what it read for the next build, and reads again the files that changed", () => {
    withFile((file) => {
      const sources = new SourceFiles();
      writeStory(file, "2025-10-14");
      sources.startBuild({ keep: true, changedFiles: undefined }, same);
      expect(dateOf(sources, file)).toBe("2025-10-14");
      sources.forget(file);
      // Another file changed: this one's parse is kept, not read again.
      writeStory(file, "2025-10-16");
      sources.startBuild({ keep: true, changedFiles: new Set(["other.md"]) }, same);
      expect(dateOf(sources, file)).toBe("2025-10-14");
      // This one changed: read again.
      sources.startBuild({ keep: true, changedFiles: new Set([file]) }, same);
      expect(dateOf(sources, file)).toBe("2025-10-16");
    });
  });

  it("starts from nothing when it does not know what changed", () => {
    withFile((file) => {
      const sources = new SourceFiles();
      writeStory(file, "2025-10-14");
      sources.startBuild({ keep: true, changedFiles: undefined }, same);
      expect(dateOf(sources, file)).toBe("2025-10-14");
      writeStory(file, "2025-10-17");
      sources.startBuild({ keep: true, changedFiles: undefined }, same);
      expect(dateOf(sources, file)).toBe("2025-10-17");
    });
  });
});
