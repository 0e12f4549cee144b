/**
 * A site chooses the formats its photos are published in (`imageFormats`): the JPEG always, and
 * AVIF and WebP as asked. Fewer formats, fewer bytes on a host with a size limit.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Photos } from "../../plugin/photos.js";
import { makeJpeg } from "../helpers/photos.js";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "newsroom-formats-"));
  await writeFile(path.join(work, "photo.jpg"), await makeJpeg(900, 600));
});

afterAll(() => rm(work, { recursive: true, force: true }));

async function published(modernFormats: ("avif" | "webp")[] | undefined, name: string): Promise<string[]> {
  const outputDir = path.join(work, name);
  const photos = new Photos(() => ({ inputDir: work, outputDir, cacheDir: path.join(work, "cache"), urlPath: "/img/", widths: [400, 800], modernFormats }));
  const source = await photos.source("photo.jpg", { inputPath: path.join(work, "story.md"), where: "test" });
  await photos.responsive(source);
  await photos.thumbnail(source, { x: 50, y: 50 });
  return (await readdir(path.join(outputDir, "img"))).map((file) => path.extname(file)).sort();
}

describe("imageFormats", () => {
  it("publishes AVIF, WebP and JPEG by default, pictures and thumbnails alike", async () => {
    const formats = await published(undefined, "default");
    expect(formats.filter((ext) => ext === ".avif")).toHaveLength(4);
    expect(formats.filter((ext) => ext === ".webp")).toHaveLength(4);
    expect(formats.filter((ext) => ext === ".jpeg")).toHaveLength(4);
  });

  it("publishes only the formats asked for, and the JPEG", async () => {
    expect(await published(["webp"], "webp")).toEqual([".jpeg", ".jpeg", ".jpeg", ".jpeg", ".webp", ".webp", ".webp", ".webp"]);
    expect(await published([], "jpeg")).toEqual([".jpeg", ".jpeg", ".jpeg", ".jpeg"]);
  });
});
