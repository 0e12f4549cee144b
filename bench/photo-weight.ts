/**
 * What one story's lead photo adds to the published site: a photo-like test picture (3000x2000,
 * grain and soft shapes, which encoders cannot squeeze as they squeeze a smooth gradient) run
 * through the theme's own photo work — every width and format of the article's picture (also the
 * front page's lead art), the three crops for search and social sites, and the cards' thumbnail —
 * and the number of stories at which a site reaches GitHub Pages' 1 GB limit.
 */
import { readdirSync, statSync } from "node:fs";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { Photos } from "../plugin/photos.js";

/** GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB" (read as 10^9 bytes, the smaller). */
export const PAGES_LIMIT_BYTES = 1_000_000_000;

export interface PhotoWeight {
  /** Bytes and files by what they are for. */
  parts: { name: string; files: number; bytes: number }[];
  bytes: number;
  files: number;
}

/** A 3000x2000 picture with a photo's grain: blurred noise over large soft shapes. */
export async function photoLikeJpeg(width = 3000, height = 2000): Promise<Buffer> {
  const grain = await sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: "gaussian", mean: 120, sigma: 20 } } }).blur(1.2).png().toBuffer();
  const shapes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a6ea5"/><stop offset="1" stop-color="#e0a458"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.25}" fill="#2d3142" opacity="0.7"/><rect x="${width * 0.55}" y="${height * 0.2}" width="${width * 0.3}" height="${height * 0.6}" fill="#bfc0c0" opacity="0.6"/></svg>`,
  );
  return sharp(shapes).composite([{ input: grain, blend: "overlay" }]).jpeg({ quality: 85 }).toBuffer();
}

async function folderBytes(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Processes the test picture as the theme does for one story, at the given widths, and counts what is published. */
export async function leadPhotoWeight(widths: readonly number[] = [480, 800, 1200, 1600]): Promise<PhotoWeight> {
  const work = await mkdtemp(path.join(tmpdir(), "newsroom-photo-weight-"));
  try {
    await writeFile(path.join(work, "photo.jpg"), await photoLikeJpeg());
    const parts: PhotoWeight["parts"] = [];
    const steps: [string, (photos: Photos, source: Awaited<ReturnType<Photos["source"]>>) => Promise<unknown>][] = [
      ["article picture (and front-page lead art)", (photos, source) => photos.responsive(source)],
      ["crops 16:9, 4:3, 1:1 (og:image, NewsArticle.image)", (photos, source) => photos.crops(source, { x: 50, y: 50 })],
      ["card thumbnail", (photos, source) => photos.thumbnail(source, { x: 50, y: 50 })],
    ];
    for (const [name, step] of steps) {
      // Each part into an output folder of its own, so each is counted alone.
      const outputDir = path.join(work, `out-${parts.length}`);
      const photos = new Photos(() => ({ inputDir: work, outputDir, cacheDir: path.join(work, "cache"), urlPath: "/img/", widths }));
      await step(photos, await photos.source("photo.jpg", { inputPath: path.join(work, "story.md"), where: "bench" }));
      parts.push({ name, ...(await folderBytes(outputDir)) });
    }
    return { parts, bytes: parts.reduce((sum, part) => sum + part.bytes, 0), files: parts.reduce((sum, part) => sum + part.files, 0) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The bytes of a built site but its processed photos (`img/`): its pages, feeds, cards, assets and search index. */
export function siteBytesWithoutPhotos(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (path.relative(folder, file).split(path.sep)[0] === "img" && !file.includes(`${path.sep}cards${path.sep}`)) continue;
    bytes += statSync(file).size;
  }
  return bytes;
}

/** Stories a site holds before reaching `limit`: each costs its pages' bytes, and its photo's on the share of stories with one. */
export function storiesUntilLimit(perStory: { pageBytes: number; photoBytes: number; photoShare: number }, limit = PAGES_LIMIT_BYTES): number {
  const each = perStory.pageBytes + perStory.photoBytes * perStory.photoShare;
  return each > 0 ? Math.floor(limit / each) : Infinity;
}

/** The report's section, as Markdown. */
export function photoWeightReport(weight: PhotoWeight, pageBytes: number | undefined): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
  const rows = weight.parts.map((part) => `| ${part.name} | ${part.files} | ${kb(part.bytes)} |`);
  const pages = pageBytes ?? 0;
  const limits = [1, 0.5, 0.1].map((share) => `| ${Math.round(share * 100)} % | ${storiesUntilLimit({ pageBytes: pages, photoBytes: weight.bytes, photoShare: share }).toLocaleString("en-US")} |`);
  return [
    "What one lead photo adds to the published site (a photo-like 3000x2000 JPEG, the default widths 480–1600, AVIF, WebP and JPEG):",
    "",
    "| files | count | bytes |",
    "|---|---:|---:|",
    ...rows,
    `| **each lead photo** | ${weight.files} | **${mb(weight.bytes)}** |`,
    "",
    `Stories at which a site reaches GitHub Pages' 1 GB limit${pageBytes === undefined ? " (photos alone)" : `, with ${kb(pages)} of pages per story (this run's theme site, all files but photos, per story)`}:`,
    "",
    "| stories with a lead photo | stories at 1 GB |",
    "|---:|---:|",
    ...limits,
    "",
    "Near the limit: publish fewer widths (`imageWidths`, e.g. `[800, 1600]`) or formats (`imageFormats`, e.g. `[\"webp\"]`), keep figures to the photos a story needs, or move the archive's oldest years to a second site.",
  ].join("\n");
}
