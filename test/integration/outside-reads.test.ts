/**
 * Nothing outside the site is read: a photo path a story or data file names — the lead photo, the
 * `figure` shortcode, an author's photo, site.json's shareImage — that leads outside the input
 * folder (by `../`, by `/../../`, by a symlink) stops the build before the file is opened, with the
 * theme and with the plugin alone, and the private file's bytes are in no output file.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputRecordFile } from "../../plugin/theme/clean-output.js";
import { buildDirectory, writeScratchSite, type BuildOptions } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";
import { makeJpeg } from "../helpers/photos.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Photo Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Photo Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh" } }),
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
};
const THEME: BuildOptions = { theme: { newsroom: { siteUrl: "https://news.example.com", publisher: { name: "Photo Echo", logo: "/assets/logo.svg" } } } };
const PLUGIN: BuildOptions = { plugin: {} };

function story(frontMatter: string, body = "The council met."): string {
  return `---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: news\n${frontMatter}---\n${body}\n`;
}

const folders: string[] = [];
afterEach(async () => {
  // The theme's record of what each build wrote into the site's output folder.
  for (const folder of folders) rmSync(outputRecordFile(".cache/newsroom-images", path.join(folder, "_site")), { force: true });
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

/** A private photo (and a private text file) in a folder beside the site, never inside it. */
async function privateFolder(): Promise<{ dir: string; photo: Buffer; text: string }> {
  const photo = await makeJpeg(1600, 900);
  const text = `PRIVATE-${Math.random().toString(36).slice(2)}`;
  const dir = await writeScratchSite({ "secret.jpg": photo, "passwd": text }, "private-");
  folders.push(dir);
  return { dir, photo, text };
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/** Builds (writing files, as `npx @11ty/eleventy` does); returns the failure's messages and the output files. */
async function buildOutside(files: Record<string, string | Uint8Array>, options: BuildOptions, links: Record<string, string> = {}): Promise<{ message: string; output: Buffer[] }> {
  const site = await writeScratchSite(files);
  folders.push(site);
  for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(site, link));
  let message = "";
  try {
    await buildDirectory(site, { ...options, write: true });
  } catch (error) {
    message = messageChain(error);
  }
  return { message, output: filesUnder(path.join(site, "_site")).map((file) => readFileSync(file)) };
}

function expectNothingPublished(output: Buffer[], secret: { photo: Buffer; text: string }): void {
  for (const bytes of output) {
    expect(bytes.includes(secret.photo.subarray(0, 4096))).toBe(false);
    expect(bytes.includes(Buffer.from(secret.text))).toBe(false);
  }
}

const OUTSIDE = /the path leads outside the site's folder, and the build reads no file outside it/;

describe("a photo path that leads outside the site stops the build before the file is read", () => {
  it.each([
    ["../", (dir: string) => `../../${path.basename(dir)}/secret.jpg`],
    ["/../../", (dir: string) => `/../${path.basename(dir)}/secret.jpg`],
  ])("the lead photo by %s", async (_, src) => {
    const secret = await privateFolder();
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story(`image:\n  src: "${src(secret.dir)}"\n  alt: "A vote"\n`) }, THEME);
    expect(message).toMatch(new RegExp(`\\[newsroom\\] front matter image\\.src in \\S*articles/story\\.md: ${OUTSIDE.source}: "${src(secret.dir).replaceAll(".", "\\.")}"\\. Fix: put the photo in the site's input folder`));
    expectNothingPublished(output, secret);
  });

  it("the lead photo by a symlink inside the site that points outside", async () => {
    const secret = await privateFolder();
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story('image:\n  src: "vote.jpg"\n  alt: "A vote"\n') }, THEME, {
      "articles/vote.jpg": path.join(secret.dir, "secret.jpg"),
    });
    expect(message).toMatch(new RegExp(`front matter image\\.src in \\S*articles/story\\.md: ${OUTSIDE.source}: "vote\\.jpg"`));
    expectNothingPublished(output, secret);
  });

  it("a symlinked folder inside the site that points outside", async () => {
    const secret = await privateFolder();
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story('image:\n  src: "/images/secret.jpg"\n  alt: "A vote"\n') }, THEME, {
      images: secret.dir,
    });
    expect(message).toMatch(new RegExp(`front matter image\\.src in \\S*articles/story\\.md: ${OUTSIDE.source}: "/images/secret\\.jpg"`));
    expectNothingPublished(output, secret);
  });

  it("an absolute path of the machine is a site path: looked for inside the input folder, never outside", async () => {
    const secret = await privateFolder();
    const src = path.join(secret.dir, "secret.jpg");
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story(`image:\n  src: "${src}"\n  alt: "A vote"\n`) }, THEME);
    expect(message).toMatch(/front matter image\.src in \S*articles\/story\.md: the photo file does not exist/);
    // The fix names the place inside the site the path means, never the file outside.
    expect(message).toMatch(/put the photo at \S*site-[^/]+\//);
    expectNothingPublished(output, secret);
  });

  it("a text file outside (../…/passwd) gets the outside error, not the image library's", async () => {
    const secret = await privateFolder();
    const src = `../../${path.basename(secret.dir)}/passwd`;
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story(`image:\n  src: "${src}"\n  alt: "A vote"\n`) }, THEME);
    expect(message).toMatch(OUTSIDE);
    expect(message).not.toMatch(/not an image/);
    expectNothingPublished(output, secret);
  });

  it("the figure shortcode", async () => {
    const secret = await privateFolder();
    const src = `../../${path.basename(secret.dir)}/secret.jpg`;
    const { message, output } = await buildOutside({ ...SITE, "articles/story.md": story("", `The council met.\n\n{% figure "${src}", "A vote" %}`) }, THEME);
    expect(message).toMatch(new RegExp(`\\[newsroom\\] figure in \\S*articles/story\\.md: ${OUTSIDE.source}: "${src.replaceAll(".", "\\.")}"`));
    expectNothingPublished(output, secret);
  });

  it("an author's photo in the authors registry", async () => {
    const secret = await privateFolder();
    const src = `/../${path.basename(secret.dir)}/secret.jpg`;
    const authors = JSON.stringify({ "ada-reyes": { name: "Ada Reyes", photo: src } });
    const { message, output } = await buildOutside({ ...SITE, "_data/authors.json": authors, "articles/story.md": story("byline: [ada-reyes]\n") }, THEME);
    expect(message).toMatch(new RegExp(`\\[newsroom\\] _data/authors\\.json ada-reyes\\.photo: ${OUTSIDE.source}: "${src.replaceAll(".", "\\.")}"`));
    expectNothingPublished(output, secret);
  });

  it("site.json's shareImage", async () => {
    const secret = await privateFolder();
    const src = `/../${path.basename(secret.dir)}/secret.jpg`;
    const settings = JSON.parse(SITE["_data/site.json"]) as Record<string, unknown>;
    const files = { ...SITE, "_data/site.json": JSON.stringify({ ...settings, shareImage: { src, alt: "The paper's name" } }), "articles/story.md": story("") };
    const { message, output } = await buildOutside(files, { theme: { ...THEME.theme, storyCards: false } });
    expect(message).toMatch(new RegExp(`\\[newsroom\\] site settings shareImage\\.src in \\S*_data/site\\.json: ${OUTSIDE.source}: "${src.replaceAll(".", "\\.")}"`));
    expectNothingPublished(output, secret);
  });

  it("with the plugin alone: the figure shortcode and the structured data's lead photo", async () => {
    const secret = await privateFolder();
    const src = `../${path.basename(secret.dir)}/secret.jpg`;
    const figure = await buildOutside({ "page.njk": `{% figure "${src}", "A vote" %}` }, PLUGIN);
    expect(figure.message).toMatch(new RegExp(`\\[newsroom\\] figure in \\S*page\\.njk: ${OUTSIDE.source}`));
    expectNothingPublished(figure.output, secret);
    const lead = await buildOutside(
      { "page.njk": `---\ntitle: A vote\ndate: 2025-10-14\nimage:\n  src: "/../${path.basename(secret.dir)}/secret.jpg"\n  alt: A vote\n---\n{% newsArticleJsonLd %}` },
      { plugin: { siteUrl: "https://news.example.com", publisher: { name: "Photo Echo", logo: "/logo.png" } } },
    );
    expect(lead.message).toMatch(new RegExp(`\\[newsroom\\] front matter image\\.src in \\S*page\\.njk: ${OUTSIDE.source}`));
    expectNothingPublished(lead.output, secret);
  });

  it("a file inside the site that is not an image still gets the not-an-image error", async () => {
    const { message } = await buildOutside({ ...SITE, "articles/notes.jpg": "just text", "articles/story.md": story('image:\n  src: "notes.jpg"\n  alt: "A vote"\n') }, THEME);
    expect(message).toMatch(/front matter image\.src in \S*articles\/story\.md: the file is not an image/);
  });

  it("a photo inside the site, also through a symlink that stays inside, builds", async () => {
    const photo = await makeJpeg(1600, 900);
    const { message, output } = await buildOutside({ ...SITE, "images/vote.jpg": photo, "articles/story.md": story('image:\n  src: "vote.jpg"\n  alt: "A vote"\n') }, THEME, {
      "articles/vote.jpg": "../images/vote.jpg",
    });
    expect(message).toBe("");
    expect(output.length).toBeGreaterThan(0);
  });
});
