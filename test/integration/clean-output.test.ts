/**
 * Every theme build leaves in the output only what it wrote this time: after a preview (drafts
 * shown), a plain `eleventy` build removes the draft's page, its topic page and its card; a story
 * deleted between builds goes; the stale search index goes. What the theme never wrote (a CNAME put
 * there by hand, the site's passthrough copies) stays. A failed build removes nothing; a build in
 * parts cleans once, after its last part, keeping every part's pages. Builds run Eleventy's own
 * command, one process each, as a site runs them.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputRecordFile } from "../../plugin/theme/clean-output.js";
import { writeScratchSite } from "../helpers/build.js";
import { repoRoot, runNode } from "../helpers/site-build.js";

const SITE: Record<string, string> = {
  "_data/site.json": JSON.stringify({ name: "Clean Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Clean Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh" } }),
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  "static/verify.txt": "site verification",
  "articles/budget.md": story("Council passes the budget", "tags: [Budget]\n"),
  "articles/bridge.md": story("Bridge reopens", "tags: [Bridge]\n"),
  "articles/secret-plan.md": story("Mayor's secret plan", "draft: true\ntags: [Secret Plan]\n"),
};

/** The site's config: the theme (preview when PREVIEW=on) and a passthrough copy of its own. */
function config(site: string): string {
  const input = path.relative(repoRoot, site).split(path.sep).join("/");
  const theme = path.relative(site, path.join(repoRoot, "plugin/theme/index.js")).split(path.sep).join("/");
  return `import newsroomTheme from "${theme}";
export default function (eleventyConfig) {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addPlugin(newsroomTheme, { preview: process.env.PREVIEW === "on" });
  eleventyConfig.addPassthroughCopy({ "${input}/static/verify.txt": "verify.txt" });
  return { dir: { input: "${input}", output: "${input}/_site" } };
}
`;
}

function story(title: string, extra: string): string {
  return `---\ntitle: "${title}"\ndek: "What happened."\ndate: 2025-10-14T18:30:00-05:00\nsection: news\n${extra}---\nThe council met.\n`;
}

const sites: string[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) {
    rmSync(outputRecordFile(path.join(repoRoot, ".cache/newsroom-images"), path.join(site, "_site")), { force: true });
    await rm(site, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});

async function site(files: Record<string, string> = SITE): Promise<string> {
  const dir = await writeScratchSite(files);
  writeFileSync(path.join(dir, "eleventy.config.ts"), config(dir));
  sites.push(dir);
  return dir;
}

/** `npx @11ty/eleventy` in the site (or the package's build in parts); resolves to its exit code and output. */
async function build(dir: string, options: { preview?: boolean; storiesPerPart?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = options.storiesPerPart ? ["plugin/cli/index.ts", "build", "--stories-per-part", String(options.storiesPerPart)] : ["node_modules/@11ty/eleventy/cmd.cjs"];
  const args = [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), ...command, `--config=${path.relative(repoRoot, path.join(dir, "eleventy.config.ts"))}`];
  const env = { ...process.env, NODE_OPTIONS: "", PREVIEW: options.preview ? "on" : "off", SITE_URL: "https://news.example.com" };
  return runNode(args, env);
}

/** Every file of the output folder, relative to it. */
function outputFiles(dir: string): string[] {
  const output = path.join(dir, "_site");
  if (!existsSync(output)) return [];
  return readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(output, name)).isFile())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/** The site's output after a preview, with a CNAME put there by hand and a search index over the preview. */
async function previewed(): Promise<{ dir: string; preview: string[] }> {
  const dir = await site();
  expect((await build(dir, { preview: true })).code).toBe(0);
  const preview = outputFiles(dir);
  writeFileSync(path.join(dir, "_site", "CNAME"), "news.example.com\n");
  mkdirSync(path.join(dir, "_site", "pagefind"), { recursive: true });
  writeFileSync(path.join(dir, "_site", "pagefind", "pagefind.js"), "Mayor's secret plan");
  return { dir, preview };
}

/** What a build of the site without the deleted story writes into an empty folder. */
async function freshOutput(): Promise<string[]> {
  const { "articles/bridge.md": _deleted, ...remaining } = SITE;
  const fresh = await site(remaining);
  expect((await build(fresh)).code).toBe(0);
  return outputFiles(fresh);
}

describe("a theme build leaves in the output only what it wrote", () => {
  it("a plain build after a preview removes the draft's pages and card, a deleted story and the stale search index, and keeps what the theme never wrote", async () => {
    const { dir, preview } = await previewed();
    expect(preview).toEqual(expect.arrayContaining(["news/2025/10/14/secret-plan/index.html", "tags/secret-plan/index.html", "news/2025/10/14/bridge/index.html", "verify.txt"]));
    rmSync(path.join(dir, "articles", "bridge.md"));
    const plain = await build(dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/\[newsroom\] Removed \d+ files an earlier build wrote and this one did not .*; and the search index pagefind\/, which indexed them/);
    const after = outputFiles(dir);
    for (const gone of ["news/2025/10/14/secret-plan/index.html", "tags/secret-plan/index.html", "news/2025/10/14/bridge/index.html", "tags/bridge/index.html", "pagefind/pagefind.js"]) expect(after).not.toContain(gone);
    expect(existsSync(path.join(dir, "_site", "news", "2025", "10", "14", "secret-plan"))).toBe(false);
    expect(after).toEqual(expect.arrayContaining(["CNAME", "verify.txt", "news/2025/10/14/budget/index.html"]));
    // Exactly what a build into an empty folder writes (the draft's and the deleted story's cards gone too), and the hand-placed file.
    expect(after.filter((file) => file !== "CNAME")).toEqual(await freshOutput());
  }, 240_000);

  it("a build in parts cleans once, after its last part, keeping every part's pages", async () => {
    const { dir } = await previewed();
    rmSync(path.join(dir, "articles", "bridge.md"));
    expect((await build(dir, { storiesPerPart: 1 })).code).toBe(0);
    const after = outputFiles(dir);
    expect(after).not.toContain("news/2025/10/14/secret-plan/index.html");
    expect(after.filter((file) => file !== "CNAME")).toEqual(await freshOutput());
  }, 300_000);

  it("the checks of the written site see only this build's pages: a link to a deleted story stops the build", async () => {
    const dir = await site({ ...SITE, "articles/budget.md": story("Council passes the budget", "tags: [Budget]\n").replace("The council met.", "The council met after the [bridge reopened](/news/2025/10/14/bridge/).") });
    expect((await build(dir)).code).toBe(0);
    rmSync(path.join(dir, "articles", "bridge.md"));
    const second = await build(dir);
    expect(second.code).not.toBe(0);
    expect(second.stderr + second.stdout).toMatch(/story link in \S*budget\.md: "\/news\/2025\/10\/14\/bridge\/" leads to .*where this build publishes no page or file/);
  }, 240_000);

  it("a failed build removes nothing", async () => {
    const dir = await site();
    expect((await build(dir)).code).toBe(0);
    const first = outputFiles(dir);
    rmSync(path.join(dir, "articles", "bridge.md"));
    writeFileSync(path.join(dir, "articles", "broken.md"), story("Broken", "draft: maybe\n"));
    const failed = await build(dir);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr + failed.stdout).toMatch(/draft/);
    expect(outputFiles(dir)).toEqual(first);
  }, 240_000);
});
