/**
 * The starter's files as `init` writes them, without npm: names, substitutions, the sample
 * story's shortcodes, and the refusal to overwrite anything.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { addCmsToSite, configWithCms, init, InitError, localInstallSource, PREBUILD, packageFacts, packageNameFor, siteNameFor, starterFiles } from "../../plugin/cli/init.js";
import { laterDayThan } from "../../plugin/dates.js";
import { repoRoot } from "../helpers/site-build.js";

const starterDir = path.join(repoRoot, "starter");
const facts = { version: "9.8.7", eleventy: "^3.1.8", pagefind: "^1.6.0" };
const now = DateTime.fromISO("2026-03-10T14:42:10Z");

function file(files: { path: string; content: string }[], name: string): string {
  const found = files.find((entry) => entry.path === name);
  if (!found) throw new Error(`no ${name} among ${files.map((entry) => entry.path).join(", ")}`);
  return found.content;
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("the starter's files", () => {
  const files = starterFiles(starterDir, "my-news", facts, now);

  it("are a complete site, with the dotfiles npm would not pack under their real names", () => {
    expect(files.map((entry) => entry.path)).toEqual(
      [
        ".github/workflows/check.yml",
        ".github/workflows/pages.yml",
        ".gitignore",
        "README.md",
        "_data/authors.json",
        "_data/sections.json",
        "_data/site.json",
        "_data/speakers.json",
        "articles/sample-column.md",
        "articles/sample-story.md",
        "assets/logo.svg",
        "eleventy.config.js",
        "package.json",
        "standards.md",
      ].sort((a, b) => a.localeCompare(b)),
    );
    for (const entry of files) expect(entry.content, entry.path).not.toMatch(/__[A-Z_]+__/);
  });

  it("depend on this package's version and the Eleventy and Pagefind it is tested with", () => {
    const manifest = JSON.parse(file(files, "package.json")) as { name: string; private: boolean; type: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest).toMatchObject({ name: "my-news", private: true, type: "module" });
    expect(manifest.dependencies).toEqual({ "@11ty/eleventy": "^3.1.8", "eleventy-plugin-newsroom": "^9.8.7", pagefind: "^1.6.0" });
    expect(manifest.scripts.build).toBe("eleventy");
    expect(manifest.scripts.postbuild).toBe("pagefind --site _site");
    expect(manifest.scripts.prebuild).toBe(PREBUILD);
    const own = packageFacts(repoRoot);
    const repoManifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string; devDependencies: Record<string, string> };
    expect(own).toEqual({ version: repoManifest.version, eleventy: repoManifest.devDependencies["@11ty/eleventy"], pagefind: repoManifest.devDependencies.pagefind });
  });

  it("date the sample story at the last full hour in the site's zone, so it is already published", () => {
    const story = file(files, "articles/sample-story.md");
    expect(story).toContain("date: 2026-03-10T10:00:00-04:00");
    // The quotation is dated the day before the story.
    expect(story).toContain('"Lantern Falls", "2026-03-09" %}');
  });

  it("date the quotation so the story still builds after the newsroom moves its zone west, whatever the hour", () => {
    // 00:30 in New York: the story's day is the day before in Los Angeles.
    const afterMidnight = starterFiles(starterDir, "my-news", facts, DateTime.fromISO("2026-11-27T05:30:00Z"));
    const story = file(afterMidnight, "articles/sample-story.md");
    const storyDate = /^date: (.+)$/m.exec(story)?.[1] as string;
    const quoteDay = /"Lantern Falls", "([\d-]+)" %\}/.exec(story)?.[1] as string;
    expect(storyDate).toBe("2026-11-27T00:00:00-05:00");
    for (const zone of ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Kiritimati"]) {
      expect(laterDayThan(quoteDay, storyDate, { zone, where: "quote" }), zone).toBeUndefined();
    }
  });

  it("use every shortcode in the sample story, which says it is made up", () => {
    const story = file(files, "articles/sample-story.md");
    for (const shortcode of ["dateline", "speaker", "inlineQuote", "pullquote", "quote"]) expect(story, shortcode).toContain(`{% ${shortcode} `);
    expect(story).toContain("made up");
    const speakers = JSON.parse(file(files, "_data/speakers.json")) as Record<string, unknown>;
    expect(Object.keys(speakers).sort()).toEqual(["quill", "tillery"]);
  });

  it("name the publication after the folder, escaped for JSON and SVG", () => {
    const odd = starterFiles(starterDir, 'o"brien <news>', facts, now);
    const settings = JSON.parse(file(odd, "_data/site.json")) as { name: string; organisation: { name: string } };
    expect(settings.name).toBe('O"brien <news>');
    expect(settings.organisation.name).toBe('O"brien <news>');
    expect(file(odd, "assets/logo.svg")).toContain(">O&#34;brien &#60;news&#62;</text>");
    expect(siteNameFor("the-daily_planet")).toBe("The Daily Planet");
    expect(packageNameFor("My News!")).toBe("my-news");
    expect(packageNameFor("...")).toBe("my-newsroom");
  });

  it("ship no other publication's logo", () => {
    const logo = file(files, "assets/logo.svg");
    expect(logo).toContain(">My News</text>");
    expect(logo).not.toContain("The Newsroom");
  });
});

describe("init", () => {
  it("writes every file into a new folder", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    const target = path.join(scratch, "gazette");
    const written = init(target, { root: repoRoot, now });
    for (const entry of written) expect(readFileSync(path.join(target, entry.path), "utf8")).toBe(entry.content);
  });

  it("writes nothing at all when one of its files is already there", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    mkdirSync(path.join(scratch, "_data"));
    writeFileSync(path.join(scratch, "_data/site.json"), "{ \"name\": \"Mine\" }\n");
    expect(() => init(scratch as string, { root: repoRoot, now })).toThrow(InitError);
    expect(() => init(scratch as string, { root: repoRoot, now })).toThrow(/already has _data\/site\.json; nothing was written/);
    expect(readFileSync(path.join(scratch, "_data/site.json"), "utf8")).toBe("{ \"name\": \"Mine\" }\n");
    expect(existsSync(path.join(scratch, "package.json"))).toBe(false);
    expect(existsSync(path.join(scratch, "articles"))).toBe(false);
  });

  it("refuses a folder inside a file, before writing anything, in one line without a stack trace", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    writeFileSync(path.join(scratch, "afile"), "");
    expect(() => init(path.join(scratch as string, "afile", "sub"), { root: repoRoot, now })).toThrow(InitError);
    expect(() => init(path.join(scratch as string, "afile", "sub", "deeper"), { root: repoRoot, now })).toThrow(/cannot be made: \S*afile is a file, not a folder\. Choose a folder name outside it/);
    const cli = path.join(repoRoot, "plugin", "cli", "index.ts");
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, [cli, "init", "afile/sub"], { cwd: scratch, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("eleventy-plugin-newsroom init: afile/sub cannot be made: afile is a file, not a folder. Choose a folder name outside it: npx eleventy-plugin-newsroom init my-news");
  });

  it("refuses a target that is a file", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    writeFileSync(path.join(scratch, "news"), "");
    expect(() => init(path.join(scratch as string, "news"), { root: repoRoot, now })).toThrow(/is a file, not a folder/);
  });
});

describe("a starter written by a package installed from a local file", () => {
  /** A package folder as npm installs it: `holder/node_modules/eleventy-plugin-newsroom`. */
  function installed(holderManifest: Record<string, unknown> | undefined): { holder: string; root: string } {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-source-"));
    const holder = path.join(scratch, "npx-cache", "d4228bf407e4937a");
    const root = path.join(holder, "node_modules", "eleventy-plugin-newsroom");
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "eleventy-plugin-newsroom", version: "9.8.7", devDependencies: { "@11ty/eleventy": "^3.1.8", pagefind: "^1.6.0" } }));
    if (holderManifest) writeFileSync(path.join(holder, "package.json"), JSON.stringify(holderManifest));
    return { holder, root };
  }

  it("depends on the same file, by its absolute path, so a version not yet published installs", () => {
    // What npx --package=./eleventy-plugin-newsroom-9.8.7.tgz writes into its cache folder.
    const { root } = installed({ dependencies: { "eleventy-plugin-newsroom": "file:../../tarballs/eleventy-plugin-newsroom-9.8.7.tgz" }, _npx: { packages: ["./eleventy-plugin-newsroom-9.8.7.tgz"] } });
    const tarball = path.join(scratch as string, "tarballs", "eleventy-plugin-newsroom-9.8.7.tgz");
    expect(localInstallSource(root)).toBe(`file:${tarball}`);
    const facts = packageFacts(root);
    expect(facts).toEqual({ version: "9.8.7", installedFrom: `file:${tarball}`, eleventy: "^3.1.8", pagefind: "^1.6.0" });
    const manifest = JSON.parse(file(starterFiles(starterDir, "desk", facts, now), "package.json")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["eleventy-plugin-newsroom"]).toBe(`file:${tarball}`);
  });

  it("finds a project's devDependency on a file too", () => {
    const { holder, root } = installed({ devDependencies: { "eleventy-plugin-newsroom": "file:eleventy-plugin-newsroom-9.8.7.tgz" } });
    expect(localInstallSource(root)).toBe(`file:${path.join(holder, "eleventy-plugin-newsroom-9.8.7.tgz")}`);
  });

  it("keeps ^version for a registry install, an unreadable record, or a package outside node_modules", () => {
    const { root } = installed({ dependencies: { "eleventy-plugin-newsroom": "^9.8.7" } });
    expect(localInstallSource(root)).toBeUndefined();
    const manifest = JSON.parse(file(starterFiles(starterDir, "desk", packageFacts(root), now), "package.json")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["eleventy-plugin-newsroom"]).toBe("^9.8.7");
    rmSync(scratch as string, { recursive: true, force: true });
    expect(localInstallSource(installed(undefined).root)).toBeUndefined();
    // Run from the repository (or a linked folder, which resolves to it): not an install.
    expect(localInstallSource(repoRoot)).toBeUndefined();
  });
});

describe("the starter's npm run build starts from an empty _site", () => {
  it("prebuild removes what an earlier build or the preview wrote, and nothing else", () => {
    const site = mkdtempSync(path.join(tmpdir(), "starter-prebuild-"));
    try {
      mkdirSync(path.join(site, "_site", "local", "2026", "03", "10", "deleted-story"), { recursive: true });
      writeFileSync(path.join(site, "_site", "local", "2026", "03", "10", "deleted-story", "index.html"), "stale");
      writeFileSync(path.join(site, "eleventy.config.js"), "// kept");
      execSync(PREBUILD, { cwd: site });
      expect(existsSync(path.join(site, "_site"))).toBe(false);
      expect(readFileSync(path.join(site, "eleventy.config.js"), "utf8")).toBe("// kept");
      // Nothing to remove is not an error.
      execSync(PREBUILD, { cwd: site });
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe("the editors' CMS: init --cms and cms", () => {
  const cli = path.join(repoRoot, "plugin", "cli", "index.ts");
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");

  it("a starter without --cms has no CMS; with it, the theme option cms: true", () => {
    expect(file(starterFiles(starterDir, "desk", facts, now), "eleventy.config.js")).not.toMatch(/cms/);
    expect(file(starterFiles(starterDir, "desk", facts, now, true), "eleventy.config.js")).toContain("eleventyConfig.addPlugin(newsroomTheme, { cms: true });");
  });

  it("with --cms, the registries are written as lists of the same entries, each with its id (the CMS edits lists)", () => {
    for (const registry of ["sections", "authors", "speakers"]) {
      const map = JSON.parse(file(starterFiles(starterDir, "desk", facts, now), `_data/${registry}.json`)) as Record<string, object>;
      const list = JSON.parse(file(starterFiles(starterDir, "desk", facts, now, true), `_data/${registry}.json`)) as { id: string }[];
      expect(Array.isArray(map), registry).toBe(false);
      expect(list, registry).toEqual(Object.entries(map).map(([id, entry]) => ({ id, ...entry })));
    }
  });

  it("init DIR --cms writes the starter with the CMS on", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    const run = spawnSync(tsx, [cli, "init", "desk", "--cms"], { cwd: scratch, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Editors: /admin/");
    expect(readFileSync(path.join(scratch, "desk", "eleventy.config.js"), "utf8")).toContain("{ cms: true }");
    expect(existsSync(path.join(scratch, "desk", ".github", "workflows", "check.yml"))).toBe(true);
  });

  it("cms in an existing newsroom turns the option on and adds the check workflow, once", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    const site = path.join(scratch, "desk");
    init(site, { root: repoRoot, now });
    rmSync(path.join(site, ".github", "workflows", "check.yml"));
    const sections = JSON.parse(readFileSync(path.join(site, "_data", "sections.json"), "utf8")) as Record<string, object>;
    expect(addCmsToSite(site, repoRoot)).toEqual([
      expect.stringMatching(/^eleventy\.config\.js: /),
      expect.stringMatching(/^_data\/sections\.json: the same entries written as a list/),
      expect.stringMatching(/^_data\/authors\.json: /),
      expect.stringMatching(/^_data\/speakers\.json: /),
      expect.stringMatching(/^\.github\/workflows\/check\.yml: /),
    ]);
    expect(JSON.parse(readFileSync(path.join(site, "_data", "sections.json"), "utf8"))).toEqual(Object.entries(sections).map(([id, entry]) => ({ id, ...entry })));
    expect(readFileSync(path.join(site, "eleventy.config.js"), "utf8")).toContain("eleventyConfig.addPlugin(newsroomTheme, { cms: true });");
    expect(readFileSync(path.join(site, ".github", "workflows", "check.yml"), "utf8")).toBe(readFileSync(path.join(starterDir, "github", "workflows", "check.yml"), "utf8"));
    expect(addCmsToSite(site, repoRoot)).toEqual([]);
    const run = spawnSync(tsx, [cli, "cms"], { cwd: site, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("already on");
  });

  it("cms says what to write when the config adds the theme in its own way, and writes nothing", () => {
    expect(configWithCms("eleventyConfig.addPlugin(newsroomTheme, { pageSize: 10 });")).toBeUndefined();
    scratch = mkdtempSync(path.join(tmpdir(), "newsroom-init-unit-"));
    writeFileSync(path.join(scratch, "eleventy.config.js"), "export default (c) => c.addPlugin(theme, { pageSize: 10 });\n");
    const run = spawnSync(tsx, [cli, "cms"], { cwd: scratch, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^eleventy-plugin-newsroom cms: eleventy.config.js does not add the theme as the starter does .* add the option yourself: eleventyConfig.addPlugin\(newsroomTheme, \{ cms: true \}\);/);
    expect(existsSync(path.join(scratch, ".github"))).toBe(false);
  });
});
