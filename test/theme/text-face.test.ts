/**
 * The text face's preload: every page of a site written in Latin letters asks for the regular
 * Latin file before its stylesheet (so the first paint has it and the swap moves nothing), that
 * file is one the stylesheet draws prose in, and a site in another script asks for nothing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { preloadsTextFace, TEXT_FACE_FILES, TEXT_FACE_FOLDER, TEXT_FACE_PRELOAD } from "../../plugin/theme/text-face.js";
import { buildFiles } from "../helpers/build.js";
import { repoRoot } from "../helpers/site-build.js";

const files = (language: string): Record<string, string> => ({
  "_data/site.json": JSON.stringify({ name: "Riverton Ledger", url: "https://news.example.org", language, timeZone: "America/Chicago", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ local: { name: "Local" } }),
  "_data/authors.json": "{}",
  "_data/speakers.json": "{}",
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text y="40">Riverton Ledger</text></svg>',
  "articles/budget.md": '---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: local\n---\nThe council met on Tuesday.\n',
});

const PRELOAD = /<link rel="preload"[^>]*>/g;

describe("preloadsTextFace", () => {
  it.each([
    ["en-US", true],
    ["es-419", true],
    ["pl", true],
    ["sr-Latn", true],
    ["el", false],
    ["ru", false],
    ["sr", false],
    ["ar-EG", false],
    ["ja", false],
  ])("%s: %s", (language, preloads) => {
    expect(preloadsTextFace(language)).toBe(preloads);
  });
});

describe("the preloaded file", () => {
  it("is one the theme copies, declared in the stylesheet as the regular upright face for Latin letters", async () => {
    expect(TEXT_FACE_FILES).toContain(TEXT_FACE_PRELOAD);
    const css = await readFile(path.join(repoRoot, "_includes/assets/site.css"), "utf8");
    const face = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((match) => match[1] as string).find((rule) => rule.includes(`url(fonts/${TEXT_FACE_PRELOAD})`));
    expect(face).toBeDefined();
    expect(face).toContain('font-family: "Source Serif 4"');
    expect(face).toContain("font-weight: 400");
    expect(face).toContain("font-style: normal");
    expect(face).toMatch(/unicode-range: U\+0000-00FF,/);
    // Story prose is drawn in that family first.
    expect(css).toMatch(/--serif: "Source Serif 4",/);
  });
});

describe("a site's pages", () => {
  it("in a language written in Latin letters preload the file, before the stylesheet, as a font fetched the way the stylesheet fetches it", async () => {
    const pages = await buildFiles(files("en-US"), { theme: { storyCards: false } });
    const html = [...pages.values()].filter((page) => page.outputPath.endsWith(".html") && !page.url.startsWith("/admin/"));
    expect(html.length).toBeGreaterThan(5);
    for (const page of html) {
      const preloads = page.content.match(PRELOAD) ?? [];
      // `crossorigin`: fonts are fetched in CORS mode; without it the browser would fetch the file twice.
      expect(preloads, page.url).toEqual([`<link rel="preload" href="/${TEXT_FACE_FOLDER}/${TEXT_FACE_PRELOAD}" as="font" type="font/woff2" crossorigin>`]);
      expect(page.content.indexOf(preloads[0] as string), page.url).toBeLessThan(page.content.indexOf('<link rel="stylesheet" href="/assets/site.css">'));
      // After the policy, which must govern every request the page makes.
      expect(page.content.indexOf("Content-Security-Policy"), page.url).toBeLessThan(page.content.indexOf(preloads[0] as string));
    }
  });

  it("in a language written in another script preload nothing", async () => {
    const pages = await buildFiles(files("el-GR"), { theme: { storyCards: false } });
    for (const url of ["/", "/local/2025/10/14/budget/"]) {
      expect(pages.get(url)?.content, url).toContain('<html lang="el-GR">');
      expect(pages.get(url)?.content, url).not.toMatch(PRELOAD);
    }
  });
});
