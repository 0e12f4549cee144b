/**
 * Photo mistakes stop the build naming the article (or page) and the field or shortcode: missing
 * alt text, a missing file, a file that is not an image, a remote URL. A photo too narrow for
 * large previews builds, with a warning that says so.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { buildFiles, writeScratchSite } from "../helpers/build.js";
import { repoRoot, runNode } from "../helpers/site-build.js";
import { makeGiantPngHeader, makeJpeg } from "../helpers/photos.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Photo Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Photo Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh" } }),
};
const THEME = { newsroom: { siteUrl: "https://news.example.com", publisher: { name: "Photo Echo", logo: "/assets/logo.svg" } } };

function story(image: string | undefined, body = "The council met."): string {
  return `---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: news\n${image ? `image:\n${image}\n` : ""}---\n${body}\n`;
}

function messageChain(error: unknown): string {
  const messages: string[] = [];
  for (let current = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 10; depth++) {
    if (current.message) messages.push(current.message);
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return messages.join("\n");
}

async function failure(build: Promise<unknown>): Promise<string> {
  try {
    await build;
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

afterEach(() => vi.restoreAllMocks());

describe("lead photo errors name the article and the field", () => {
  it("a photo without alt text", async () => {
    const message = await failure(buildFiles({ ...SITE, "articles/story.md": story('  src: "fire.jpg"\n  caption: "Smoke"') }, { theme: THEME }));
    expect(message).toMatch(/\[newsroom\] front matter image\.alt in \S*articles\/story\.md: is missing: a photo needs alt text .* Fix: add alt: "What the photo shows", or decorative: true/);
  });

  it("a missing file", async () => {
    const message = await failure(buildFiles({ ...SITE, "articles/story.md": story('  src: "fire.jpg"\n  alt: "Smoke over the mill"') }, { theme: THEME }));
    expect(message).toMatch(/\[newsroom\] front matter image\.src in \S*articles\/story\.md: the photo file does not exist: "fire\.jpg"\. Fix: put the photo at \S*articles\/fire\.jpg/);
  });

  it("a file that is not an image", async () => {
    const message = await failure(
      buildFiles({ ...SITE, "articles/fire.jpg": "this is text, not a JPEG", "articles/story.md": story('  src: "fire.jpg"\n  alt: "Smoke over the mill"') }, { theme: THEME }),
    );
    expect(message).toMatch(/\[newsroom\] front matter image\.src in \S*articles\/story\.md: the file is not an image \(JPEG, PNG, WebP, AVIF, GIF or TIFF\): "fire\.jpg"/);
  });

  it("a photo too large to process is named by its size, not as \"not an image\"", async () => {
    const message = await failure(buildFiles({ ...SITE, "articles/huge.png": makeGiantPngHeader(30000, 30000), "articles/story.md": story('  src: "huge.png"\n  alt: "Smoke over the mill"') }, { theme: THEME }));
    expect(message).toMatch(/\[newsroom\] front matter image\.src in \S*articles\/story\.md: the photo is 30000 x 30000 pixels \(900 megapixels\), more than the 268 megapixels the image library processes: "huge\.png"\. Fix: save a smaller copy/);
  });

  it("a photo cut short (an interrupted upload) stops the build instead of publishing it half grey", async () => {
    const whole = await makeJpeg(1400, 900, { quality: 91 });
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const message = await failure(buildFiles({ ...SITE, "articles/cut.jpg": cut, "articles/story.md": story('  src: "cut.jpg"\n  alt: "Smoke over the mill"') }, { theme: THEME }));
    expect(message).toMatch(/\[newsroom\] photo in \S*articles\/story\.md: the file could not be read to the end as an image \(.+\): it is damaged or cut short.*"\S*cut\.jpg"\. Fix: export or download the photo again/);
  });

  it("an author photo that is missing names the registry entry", async () => {
    const authors = JSON.stringify({ "ada-reyes": { name: "Ada Reyes", photo: "/staff/ada.jpg" } });
    const message = await failure(
      buildFiles({ ...SITE, "_data/authors.json": authors, "articles/story.md": story(undefined).replace("section: news", "section: news\nbyline: [ada-reyes]") }, { theme: THEME }),
    );
    expect(message).toMatch(/\[newsroom\] _data\/authors\.json ada-reyes\.photo: the photo file does not exist: "\/staff\/ada\.jpg"/);
  });

  it("a narrow photo builds, with a warning that it will not get large previews", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const pages = await buildFiles(
      { ...SITE, "articles/narrow.jpg": await makeJpeg(800, 600), "articles/story.md": story('  src: "narrow.jpg"\n  alt: "Smoke over the mill"') },
      { theme: THEME },
    );
    expect(pages.get("/news/2025/10/14/story/")?.content).toContain('fetchpriority="high"');
    const warnings = warn.mock.calls.map((call) => String(call[0])).filter((text) => text.includes("large previews"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\[newsroom\] front matter image\.src in \S*articles\/story\.md: the photo "narrow\.jpg" is 800 px wide; .* at least 1200 px wide/);
  });

  it("a decorative photo builds with empty alt and no og:image:alt", async () => {
    const pages = await buildFiles(
      { ...SITE, "articles/rule.jpg": await makeJpeg(1400, 900), "articles/story.md": story('  src: "rule.jpg"\n  decorative: true') },
      { theme: THEME },
    );
    const html = pages.get("/news/2025/10/14/story/")?.content ?? "";
    expect(html).toMatch(/<img [^>]*alt=""[^>]*fetchpriority="high"/);
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).not.toContain("og:image:alt");
  });
});

describe("figure shortcode errors name the page and the shortcode", () => {
  it("no alt text", async () => {
    const message = await failure(buildFiles({ "page.njk": '{% figure "fire.jpg" %}' }));
    expect(message).toMatch(/\[newsroom\] figure in \S*page\.njk: a photo needs alt text .* Fix: pass the alt text as the second argument/);
  });

  it("a missing file", async () => {
    const message = await failure(buildFiles({ "page.njk": '{% figure "photos/fire.jpg", "Smoke" %}' }));
    expect(message).toMatch(/\[newsroom\] figure in \S*page\.njk: the photo file does not exist: "photos\/fire\.jpg"/);
  });

  it("a file that is not an image", async () => {
    const message = await failure(buildFiles({ "fire.jpg": "<html>not a photo</html>", "page.md": '{% figure "fire.jpg", "Smoke" %}' }));
    expect(message).toMatch(/\[newsroom\] figure in \S*page\.md: the file is not an image/);
  });

  it("a remote URL (the build reads no network)", async () => {
    const message = await failure(buildFiles({ "page.njk": '{% figure "https://example.com/fire.jpg", "Smoke" %}' }));
    expect(message).toMatch(/\[newsroom\] figure in \S*page\.njk: photos must be files in the site \(the build reads no network\), got: "https:\/\/example\.com\/fire\.jpg"/);
  });

  it("too many arguments", async () => {
    const message = await failure(buildFiles({ "page.njk": '{% figure "a.jpg", "alt", "caption", "credit", "extra" %}' }));
    expect(message).toMatch(/\[newsroom\] figure in \S*page\.njk: takes at most 4 arguments \(src, alt, caption, credit\) but got 5/);
  });
});

describe("on the command line, a photo's error is the first line", () => {
  it("before Eleventy's account of the feed that asked for the photo first", async () => {
    const dir = await writeScratchSite({ ...SITE, "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "articles/story.md": story('  src: "fire.jpg"\n  alt: "Smoke over the mill"') });
    try {
      const input = path.relative(repoRoot, dir).split(path.sep).join("/");
      const theme = path.relative(dir, path.join(repoRoot, "plugin/theme/index.js")).split(path.sep).join("/");
      writeFileSync(path.join(dir, "eleventy.config.ts"), `import newsroomTheme from "${theme}";\nexport default function (eleventyConfig) {\n  eleventyConfig.setUseGitIgnore(false);\n  eleventyConfig.addPlugin(newsroomTheme);\n  return { dir: { input: "${input}", output: "${input}/_site" } };\n}\n`);
      const result = await runNode([path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", `--config=${input}/eleventy.config.ts`], { ...process.env, NODE_OPTIONS: "" });
      expect(result.code).not.toBe(0);
      const [first] = result.stderr.split("\n").filter((line) => line.trim() !== "");
      expect(first).toMatch(/^\[newsroom\] front matter image\.src in \S*articles\/story\.md: the photo file does not exist: "fire\.jpg"/);
      expect(result.stderr).toContain("Problem writing Eleventy templates");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

