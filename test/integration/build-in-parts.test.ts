/**
 * `eleventy-plugin-newsroom build --stories-per-part N` through the real command: the fixture
 * newsroom built in parts writes the same files, byte for byte, as one build; a failing part stops
 * the build with the story's own error; two parts' stories at one address stop it too.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureFixturePhotos } from "../helpers/photos.js";
import { buildFixtureSite, listFiles, repoRoot, runNode, type SiteBuild } from "../helpers/site-build.js";

const FIXTURE = "test/fixtures/newsroom-site";
/** Small pages and feeds, so most stories are records in the lists part and lists have several pages. */
const SETTINGS = { NEWSROOM_PAGE_SIZE: "2", NEWSROOM_FEED_SIZE: "1", SITE_URL: "https://fixture.example", SOURCE_DATE_EPOCH: "1790000000" };

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The package's command under tsx, as `npx eleventy-plugin-newsroom build …` runs it compiled. */
async function buildInParts(input: string, output: string, storiesPerPart: number, config = "eleventy.config.ts"): Promise<Outcome> {
  const args = [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "plugin/cli/index.ts", "build", "--stories-per-part", String(storiesPerPart), `--config=${config}`, `--output=${output}`, "--quiet"];
  const env = { ...process.env, NODE_OPTIONS: "", NEWSROOM_INPUT: input, NEWSROOM_DATA: `${input}/_data`, ...SETTINGS };
  return runNode(args, env);
}

/** The site built whole with Eleventy's own command, as `npm run build` does. */
async function buildWhole(config: string, output: string): Promise<Outcome> {
  const args = [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", `--config=${config}`, `--output=${output}`, "--quiet"];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "", ...SETTINGS }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("a build in parts", () => {
  let whole: SiteBuild;
  const output = path.join(repoRoot, "test/scratch/parts-output");
  let parts: Outcome;

  beforeAll(async () => {
    await ensureFixturePhotos(path.join(repoRoot, FIXTURE));
    whole = await buildFixtureSite({ env: SETTINGS });
    await rm(output, { recursive: true, force: true });
    parts = await buildInParts(FIXTURE, output, 4);
  }, 480_000);

  afterAll(async () => {
    await whole?.cleanup();
    await rm(output, { recursive: true, force: true });
  });

  it("runs each part in its own Eleventy process", () => {
    expect(parts.stderr).not.toMatch(/Error/);
    expect(parts.code).toBe(0);
    // 15 published stories of 17 files (a draft, an embargo) in parts of 4: five parts.
    expect(parts.stdout).toContain("Reading the stories, part 5 of 5");
    expect(parts.stdout).toContain("Writing the stories, part 5 of 5");
    expect(parts.stdout).toContain("Writing the lists, feeds, sitemaps and other pages");
  });

  it("writes the same files as one build, byte for byte", async () => {
    const files = await listFiles(whole.output);
    expect(files.length).toBeGreaterThan(80);
    expect(await listFiles(output)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(whole.output, file)), readFile(path.join(output, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });
});

describe("a build in parts stops", () => {
  const site = path.join(repoRoot, "test/scratch/parts-site");
  const output = path.join(repoRoot, "test/scratch/parts-site-output");
  const relativeSite = path.relative(repoRoot, site);

  beforeAll(async () => {
    await ensureFixturePhotos(path.join(repoRoot, FIXTURE));
  });

  /** The fixture newsroom with these files added, in the git-ignored scratch folder (so its own config builds it). */
  async function siteWith(files: Record<string, string>): Promise<void> {
    await rm(site, { recursive: true, force: true });
    await cp(path.join(repoRoot, FIXTURE), site, { recursive: true });
    await writeFile(
      path.join(site, "eleventy.config.ts"),
      [
        'import newsroomTheme from "../../../plugin/theme/index.js";',
        "export default function (eleventyConfig: { setUseGitIgnore(use: boolean): void; addPlugin(plugin: unknown, options: unknown): void }) {",
        // Eleventy skips git-ignored folders such as this one unless told otherwise.
        "  eleventyConfig.setUseGitIgnore(false);",
        "  eleventyConfig.addPlugin(newsroomTheme, { pageSize: 2, feedSize: 1 });",
        `  return { dir: { input: ${JSON.stringify(relativeSite)}, data: "_data", output: "_site" }, markdownTemplateEngine: "njk", htmlTemplateEngine: "njk" };`,
        "}",
        "",
      ].join("\n"),
    );
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), content);
    }
    await rm(output, { recursive: true, force: true });
  }

  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
    await rm(output, { recursive: true, force: true });
  });

  it("at a part whose story fails its checks, with the story's own error, and writes no lists", async () => {
    const story = await readFile(path.join(repoRoot, FIXTURE, "articles/library-hours-extended.md"), "utf8");
    await siteWith({ "articles/zz-misfiled.md": story.replace(/^section: .*$/m, "section: sprots") });
    const outcome = await buildInParts(relativeSite, output, 4, `${relativeSite}/eleventy.config.ts`);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toMatch(/front matter section in \S*zz-misfiled\.md: unknown section id: "sprots"/);
    expect(outcome.stdout).not.toContain("Writing the lists");
    expect(existsSync(path.join(output, "index.html"))).toBe(false);
  }, 120_000);

  it("lists on the speaker pages the quotations of a page other than a story, whichever part writes them", async () => {
    // A page of the site's own: only the first lists part renders it; the speaker pages may fall in another.
    await siteWith({
      "letters.md": [
        "---",
        "title: Letters to the editor",
        "date: 2025-10-20",
        "permalink: /letters/",
        "layout: layouts/base.njk",
        "---",
        '{% inlineQuote "delia-marsh" %}The council listens when residents write in,{% endinlineQuote %} a reader quoted the council member.',
        "",
      ].join("\n"),
    });
    const whole = path.join(repoRoot, "test/scratch/parts-site-whole");
    await rm(whole, { recursive: true, force: true });
    const config = `${relativeSite}/eleventy.config.ts`;
    const built = await buildWhole(config, whole);
    expect(built.stderr).not.toMatch(/Error/);
    try {
      // Parts of 2 stories: shares of 8 list pages, so the speaker pages are far from the first lists part.
      const outcome = await buildInParts(relativeSite, output, 2, config);
      expect(outcome.stderr).not.toMatch(/Error/);
      expect(outcome.stdout).toMatch(/Writing the list pages, part \d+ of \d+/);
      const speakerPages = (await listFiles(whole)).filter((file) => file.startsWith("speakers/delia-marsh/"));
      expect(speakerPages.length).toBeGreaterThan(1);
      const pages = await Promise.all(speakerPages.map((file) => Promise.all([readFile(path.join(whole, file), "utf8"), readFile(path.join(output, file), "utf8")])));
      expect(pages.some(([page]) => page.includes("The council listens when residents write in"))).toBe(true);
      for (const [fromWhole, fromParts] of pages) expect(fromParts).toBe(fromWhole);
    } finally {
      await rm(whole, { recursive: true, force: true });
    }
    // Many Eleventy processes in a row: minutes on a loaded 2-core machine. A safety net, not a speed check.
  }, 480_000);

  it("when stories in two parts would take one address, naming both", async () => {
    const story = await readFile(path.join(repoRoot, FIXTURE, "articles/library-hours-extended.md"), "utf8");
    // Same name, so the same address, in a folder sorted into another part.
    await siteWith({ "articles/zz/library-hours-extended.md": story });
    const outcome = await buildInParts(relativeSite, output, 4, `${relativeSite}/eleventy.config.ts`);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toMatch(/story address in \S*zz\/library-hours-extended\.md: two stories would be written to one page, \/\S+\/library-hours-extended\/ \(the other is \S*articles\/library-hours-extended\.md\)/);
  }, 120_000);
});
