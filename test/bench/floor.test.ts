/**
 * The benchmark's floor (bench/floor/: the theme's templates with the plugin's calls replaced by
 * values written into the corpus) must build the very pages the theme builds, or the bench
 * compares unlike things. A small generated corpus, built both ways with a small page size so
 * every kind of list has several pages, must give byte-identical HTML.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { repoRoot } from "../helpers/site-build.js";

const work = path.join(repoRoot, "bench", ".work");
const corpus = path.join(work, `floor-test-${process.pid}`);
const run = promisify(execFile);
const tsx = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");
const eleventy = "node_modules/@11ty/eleventy/cmd.cjs";
const PAGE_SIZE = "3";

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).sort();
}

async function build(config: string, env: Record<string, string>, output: string): Promise<void> {
  const clean: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", ...env };
  delete clean.SITE_URL;
  await run(process.execPath, [tsx, eleventy, `--config=${config}`, `--output=${output}`, "--quiet"], { cwd: repoRoot, env: clean, maxBuffer: 64 * 1024 * 1024 });
}

describe("the bench floor builds the theme's pages", () => {
  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    // As bench/run.ts does: git ignores the corpora through their own .gitignore, which Eleventy does not read.
    if (!existsSync(path.join(work, ".gitignore"))) writeFileSync(path.join(work, ".gitignore"), "# Corpora and builds of npm run bench.\n*\n");
    generateCorpus(24, corpus, ["theme", "floor"]);
    const rel = (dir: string) => path.relative(repoRoot, dir);
    await Promise.all([
      build("eleventy.config.ts", { NEWSROOM_INPUT: rel(path.join(corpus, "theme")), NEWSROOM_DATA: rel(path.join(corpus, "theme", "_data")), NEWSROOM_PAGE_SIZE: PAGE_SIZE, NEWSROOM_TRUSTED_STORIES: "on" }, path.join(corpus, "out-theme")),
      build("bench/floor/eleventy.config.ts", { FLOOR_INPUT: rel(path.join(corpus, "floor")), FLOOR_PAGE_SIZE: PAGE_SIZE }, path.join(corpus, "out-floor")),
    ]);
  }, 120_000);
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it("byte for byte, every HTML page, paginated lists included", () => {
    const theme = htmlFiles(path.join(corpus, "out-theme"));
    const floor = htmlFiles(path.join(corpus, "out-floor"));
    expect(floor).toEqual(theme);
    expect(theme.filter((file) => file.includes("/page/2/")).length).toBeGreaterThan(5);
    const different = theme.filter((file) => !readFileSync(path.join(corpus, "out-theme", file)).equals(readFileSync(path.join(corpus, "out-floor", file))));
    expect(different).toEqual([]);
  });
});
