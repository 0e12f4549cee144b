/**
 * A newsroom with the editors' CMS, built as `npm run build` builds it: `/admin/` holds the CMS's
 * own code copied from its package, the components and the configuration generated from the
 * site's registries; the reader pages are unchanged. And in GitHub Actions a story's error is also
 * an annotation naming its file and line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../../plugin/cli/init.js";
import { buildSite, listFiles, repoRoot, runNode, type SiteBuild } from "../helpers/site-build.js";

// Outside the repository: Eleventy skips what its .gitignore names (the tests' scratch folder).
const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-cms-"));
const desk = path.join(scratch, "desk");
const relative = path.relative(repoRoot, desk).split(path.sep).join("/");
const env = { NEWSROOM_INPUT: relative, NEWSROOM_DATA: `${relative}/_data`, NEWSROOM_CMS: "on", GITHUB_REPOSITORY: "riverton/desk" };
let site: SiteBuild;

beforeAll(async () => {
  init(desk, { root: repoRoot, cms: true });
  // The starter's own config leaves its README out; the repository's config, which builds it here, would not.
  rmSync(path.join(desk, "README.md"));
  site = await buildSite({ env });
}, 180_000);

afterAll(async () => {
  await site?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a newsroom with the CMS", () => {
  it("publishes /admin/ with Sveltia's code from its package, the components and the configuration", async () => {
    const files = await listFiles(site.output);
    expect(files.filter((file) => file.startsWith("admin/"))).toEqual([
      "admin/chunks/react-dom.js",
      "admin/config.yml",
      "admin/fonts/material-symbols-outlined-latin-wght-normal.woff2",
      "admin/fonts/noto-mono-latin-400-normal.woff2",
      "admin/fonts/source-sans-3-latin-wght-normal.woff2",
      "admin/index.html",
      "admin/newsroom-components.js",
      "admin/sveltia-cms.js",
    ]);
    const shipped = readFileSync(path.join(repoRoot, "node_modules/@sveltia/cms/dist/sveltia-cms.js"), "utf8");
    expect(await site.read("admin/sveltia-cms.js")).toBe(shipped);
    const page = await site.read("admin/index.html");
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';/);
    expect([...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1])).toEqual(["sveltia-cms.js", "newsroom-components.js"]);
  });

  it("generates the configuration from the site's registries: its sections, authors and speakers as options", async () => {
    const config = yaml.load(await site.read("admin/config.yml")) as { backend: unknown; collections: { name: string; folder?: string; fields?: { name: string; options?: { value: string }[] }[] }[] };
    expect(config.backend).toEqual({ name: "github", repo: "riverton/desk", branch: "main" });
    const stories = config.collections.find((collection) => collection.name === "stories");
    expect(stories?.folder).toBe(`${relative}/articles`);
    const options = (name: string) => stories?.fields?.find((field) => field.name === name)?.options?.map((option) => option.value);
    // init --cms writes the registries as lists of entries with their ids.
    const registry = (name: string) => (JSON.parse(readFileSync(path.join(desk, "_data", `${name}.json`), "utf8")) as { id: string }[]).map((entry) => entry.id);
    expect(options("section")).toEqual(registry("sections"));
    expect(options("byline")).toEqual(registry("authors"));
    expect(options("people")).toEqual(registry("speakers"));
  });

  it("makes the registries editable as settings, and picks dates in the newsroom's zone", async () => {
    const config = yaml.load(await site.read("admin/config.yml")) as { collections: { name: string; files?: { name: string; file: string; fields: { root?: boolean }[] }[]; fields?: { name: string; input_timezone?: string }[] }[] };
    const settings = config.collections.find((collection) => collection.name === "settings");
    expect(settings?.files?.map((file) => [file.name, file.file])).toEqual([["site", `${relative}/_data/site.json`], ...["sections", "authors", "speakers"].map((name) => [name, `${relative}/_data/${name}.json`])]);
    for (const file of settings?.files?.slice(1) ?? []) expect(file.fields[0]?.root, file.name).toBe(true);
    const { timeZone } = JSON.parse(readFileSync(path.join(desk, "_data", "site.json"), "utf8")) as { timeZone: string };
    const stories = config.collections.find((collection) => collection.name === "stories");
    expect(stories?.fields?.find((field) => field.name === "date")?.input_timezone).toBe(timeZone);
  });

  it("keeps /admin/ out of the sitemap, and the reader pages under their own policy", async () => {
    const sitemaps = (await listFiles(site.output)).filter((file) => /^sitemap.*\.xml$/.test(file));
    for (const sitemap of sitemaps) expect(await site.read(sitemap)).not.toContain("/admin/");
    expect(await site.read("index.html")).toContain(`content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';`);
  });

  it("in GitHub Actions, prints a story's error also as an annotation with its file and line", async () => {
    const story = path.join(desk, "articles", "sample-story.md");
    const text = readFileSync(story, "utf8");
    writeFileSync(story, text.replace(/^section: .*$/m, "section: nowhere"));
    try {
      const outcome = await runNode([path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${path.join(scratch, "out")}`], { ...process.env, NODE_OPTIONS: "", ...env, GITHUB_ACTIONS: "true" });
      expect(outcome.code).not.toBe(0);
      const line = text.split("\n").findIndex((entry) => entry.startsWith("section:")) + 1;
      const annotations = outcome.stdout.split("\n").filter((entry) => entry.startsWith("::error "));
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).toMatch(new RegExp(`^::error file=${relative}/articles/sample-story\\.md,line=${line},title=newsroom%3A front matter section::\\[newsroom\\] front matter section in .*sample-story\\.md: unknown section id: "nowhere"\\. Fix: `));
    } finally {
      writeFileSync(story, text);
    }
  });
});
