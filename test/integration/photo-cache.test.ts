/**
 * The figure shortcode with the plugin alone, in a plain Eleventy site: files land in Eleventy's
 * output folder under imageUrlPath, and processed files are kept in imageCacheDir so the next
 * build (even into an empty output folder) processes nothing again.
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { buildFiles } from "../helpers/build.js";
import { makeJpeg } from "../helpers/photos.js";

const cacheDirs: string[] = [];
afterAll(async () => Promise.all(cacheDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Builds a one-page site and reports what the output folder held when Eleventy finished. */
async function buildWithPhoto(photo: Buffer, imageCacheDir: string) {
  const output: { file: string; width?: number; format?: string }[] = [];
  const pages = await buildFiles(
    { "story/fire.jpg": photo, "story/index.md": '{% figure "fire.jpg", "Smoke over the mill", "The mill at noon.", "Ada Reyes" %}\n' },
    {
      plugin: { imageCacheDir, imageUrlPath: "/media/photos/", imageWidths: [400, 1000] },
      configure(eleventyConfig: EleventyConfig) {
        (eleventyConfig as unknown as { on(event: string, fn: () => Promise<void>): void }).on("eleventy.after", async () => {
          // Eleventy's resolved output folder (the programmatic build writes no pages, the plugin its photos).
          const folder = path.join(eleventyConfig.directories?.output ?? "_site", "media/photos");
          for (const file of (await readdir(folder)).sort()) {
            const found = await sharp(path.join(folder, file)).metadata();
            output.push({ file, width: found.width, format: found.format });
          }
        });
      },
    },
  );
  return { html: pages.get("/story/")?.content ?? "", output };
}

async function mtimes(dir: string): Promise<Record<string, number>> {
  const entries = await readdir(path.join(dir, "img"));
  return Object.fromEntries(await Promise.all(entries.map(async (file) => [file, (await stat(path.join(dir, "img", file))).mtimeMs] as const)));
}

describe("figure with the plugin alone", () => {
  it("publishes AVIF, WebP and JPEG under imageUrlPath and reuses the cache on the next build", async () => {
    const cache = await mkdtemp(path.join(tmpdir(), "newsroom-image-cache-"));
    cacheDirs.push(cache);
    const photo = await makeJpeg(1500, 1000);

    const first = await buildWithPhoto(photo, cache);
    expect(first.html).toMatch(/<figure class="nr-figure"><picture><source type="image\/avif" srcset="\/media\/photos\/[\w-]+-400\.avif 400w, \/media\/photos\/[\w-]+-1000\.avif 1000w" sizes="100vw">/);
    expect(first.html).toMatch(/<img src="\/media\/photos\/[\w-]+-1000\.jpeg" [^>]*width="1000" height="666" alt="Smoke over the mill" loading="lazy" decoding="async">/);
    expect(first.output.map(({ width, format }) => `${width} ${format}`).sort()).toEqual(["1000 heif", "1000 jpeg", "1000 webp", "400 heif", "400 jpeg", "400 webp"]);

    const cached = await mtimes(cache);
    expect(Object.keys(cached)).toHaveLength(6);
    const second = await buildWithPhoto(photo, cache);
    // Same page, same files in a fresh output folder, and not one cached file written again.
    expect(second.html).toBe(first.html);
    expect(second.output).toEqual(first.output);
    expect(await mtimes(cache)).toEqual(cached);
  }, 120_000);
});
