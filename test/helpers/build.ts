/**
 * Builds a fixture site with Eleventy's programmatic API and returns its pages by URL.
 */
import Eleventy, { type EleventyPageResult } from "@11ty/eleventy";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import newsroom, { type NewsroomOptions } from "../../plugin/index.js";
import newsroomTheme, { type NewsroomThemeOptions } from "../../plugin/theme/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
/** Git-ignored scratch space for sites the tests write. */
const scratchRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scratch");

export interface BuildOptions {
  plugin?: NewsroomOptions;
  /** Build with the whole theme (newsroomTheme) instead of the plugin alone. */
  theme?: NewsroomThemeOptions;
  /** Extra configuration, run before the plugin is added. */
  configureFirst?: (eleventyConfig: EleventyConfig) => void;
  /** Extra configuration, run after the plugin is added. */
  configure?: (eleventyConfig: EleventyConfig) => void;
}

export function buildFixture(name: string, options: BuildOptions = {}): Promise<Map<string, EleventyPageResult>> {
  return buildDirectory(path.join(fixturesDir, name), options);
}

export async function buildDirectory(input: string, options: BuildOptions & { write?: boolean } = {}): Promise<Map<string, EleventyPageResult>> {
  // Relative to the project: Eleventy misses directory data files under an absolute input path.
  const relativeInput = path.relative(process.cwd(), input) || ".";
  const elev = new Eleventy(relativeInput, path.join(relativeInput, "_site"), {
    quietMode: true,
    // No config file: the fixture is configured here alone, never by the showcase's own config.
    configPath: false,
    config(eleventyConfig) {
      // The scratch sites live in a git-ignored folder, which Eleventy would otherwise skip.
      eleventyConfig.setUseGitIgnore?.(false);
      options.configureFirst?.(eleventyConfig);
      if (options.theme) eleventyConfig.addPlugin(newsroomTheme, options.theme);
      else eleventyConfig.addPlugin(newsroom, options.plugin ?? {});
      options.configure?.(eleventyConfig);
    },
  });
  if (options.write) {
    // A real build (Eleventy's run mode "build", output to files): what `npx @11ty/eleventy` does.
    await elev.write();
    return new Map();
  }
  const pages = await elev.toJSON();
  return new Map(pages.map((page) => [page.url, page]));
}

/** The inner HTML of the element with this id (fixtures use flat <div id> wrappers). */
export function fragment(html: string, id: string): string {
  const match = new RegExp(`<div id="${id}">([\\s\\S]*?)</div>\\n`).exec(html + "\n");
  if (!match) throw new Error(`no <div id="${id}"> in page`);
  return (match[1] as string).trim();
}

/**
 * Writes `files` (path → contents) into a fresh scratch folder and returns it; the caller removes
 * it. Inside the project: Eleventy does not apply directory data files to an input folder outside it.
 */
export async function writeScratchSite(files: Record<string, string | Uint8Array>, prefix = "site-"): Promise<string> {
  await mkdir(scratchRoot, { recursive: true });
  const dir = await mkdtemp(path.join(scratchRoot, prefix));
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  return dir;
}

/**
 * Writes `files` (path → contents) into a fresh temporary folder and builds it: for error cases
 * that need one small site each.
 */
export async function buildFiles(files: Record<string, string | Uint8Array>, options: BuildOptions = {}): Promise<Map<string, EleventyPageResult>> {
  const dir = await writeScratchSite(files);
  try {
    return await buildDirectory(dir, options);
  } finally {
    // A build that failed may still have photos in the making, writing into the folder.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
