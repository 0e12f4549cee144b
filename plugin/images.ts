/**
 * Photo files: finding the source an author named, checking it is a readable image, and turning
 * it into responsive AVIF/WebP/JPEG files with @11ty/eleventy-img. Processed files are kept in a
 * cache folder between builds (eleventy-img skips a file that is already there; the names hash the
 * source's bytes) and copied into Eleventy's output folder, so a clean output still builds fast.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { copyFile, mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PhotoFile, PhotoFormat, ProcessedPhoto } from "./figure.js";
import { NewsroomError } from "./errors.js";

/** Where processed photos go and at which widths. */
export interface PhotoProcessing {
  /** Folder that keeps processed files between builds (git-ignored), e.g. `.cache/newsroom-images`. */
  cacheDir: string;
  /** Eleventy's output folder, e.g. `_site`. */
  outputDir: string;
  /** Site path the files are published under, e.g. `/img/`. */
  urlPath: string;
  /** Widths in pixels; widths wider than the source are left out. */
  widths: readonly number[];
  /** Formats beside the JPEG (the `imageFormats` option); AVIF and WebP when not given. */
  modernFormats?: readonly ("avif" | "webp")[] | undefined;
  /** Widths of story cards' thumbnails; THUMBNAIL_WIDTHS when not given. */
  thumbnailWidths?: readonly number[] | undefined;
}

/** What a source file is, before any processing. */
export interface PhotoSource {
  file: string;
  width: number;
  height: number;
  format: string;
}

/** A focal point in percent from the left and top: what a crop keeps in view. */
export interface FocalPoint {
  x: number;
  y: number;
}

export const PHOTO_FORMATS: readonly PhotoFormat[] = ["avif", "webp", "jpeg"];

/** The formats a photo is published in: the site's modern formats, then the JPEG fallback. */
function photoFormats(processing: PhotoProcessing): PhotoFormat[] {
  return [...(processing.modernFormats ?? ["avif", "webp"]), "jpeg"];
}
/** Formats sharp reads that make sense for a news photo. */
const READABLE_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff", "heif"]);
/** Google's large previews and og:image want photos at least this wide. */
export const LARGE_PREVIEW_WIDTH = 1200;

/** Google's three aspect ratios for `NewsArticle.image`. */
export const CROP_RATIOS = [
  { name: "16x9", width: 16, height: 9 },
  { name: "4x3", width: 4, height: 3 },
  { name: "1x1", width: 1, height: 1 },
] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

// AVIF at the default effort costs seconds per width; effort 2 is several times faster and the files
// stay far smaller than the JPEG fallback.
const SHARP_AVIF_OPTIONS = { effort: 2 };

/**
 * The file a photo `src` names: a site path (`/images/fire.jpg`) from the input folder, anything
 * else relative to the page's own file. Remote URLs are refused: the build reads no network.
 */
export function resolvePhotoPath(src: unknown, context: { inputPath: string | undefined; inputDir: string; where: string; field?: string }): string {
  const { where } = context;
  if (typeof src !== "string" || src.trim() === "") {
    throw new NewsroomError({
      where,
      problem: `${context.field ?? "src"} must be the photo's file path, got`,
      value: src,
      fix: "give a path relative to the article (photo.jpg) or a site path from the input folder (/images/photo.jpg)",
    });
  }
  const value = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) {
    throw new NewsroomError({
      where,
      problem: "photos must be files in the site (the build reads no network), got",
      value,
      fix: "download the photo into the site, e.g. next to the article, and give its path",
    });
  }
  if (value.startsWith("/")) return path.join(context.inputDir, value);
  return path.join(path.dirname(context.inputPath ?? path.join(context.inputDir, "index")), value);
}

/** Whether `file` is `folder` itself or lies under it (both absolute and normalised). */
export function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The real path (symlinks followed) of a file or folder, or undefined when there is none. */
export function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The file a story or data file named, checked to lie inside the site's folder before anything
 * opens it: as written (`../`, `/../../`) and once symlinks are followed. Returns the real path
 * (the file that is then read is the one checked), or the path as resolved when there is no file
 * yet (the caller says it does not exist). Nothing outside is read, not even to say what it is.
 */
export function fileInsideSite(file: string, context: { folder: string; src: unknown; where: string; inputPath?: string | undefined; fix: string }): string {
  const folder = path.resolve(context.folder);
  const resolved = path.resolve(file);
  const outside = (): NewsroomError =>
    new NewsroomError({
      where: context.where,
      problem: "the path leads outside the site's folder, and the build reads no file outside it",
      value: context.src,
      fix: context.fix,
      inputPath: context.inputPath,
    });
  if (!isInsideFolder(resolved, folder)) throw outside();
  const real = realPath(resolved);
  if (real === undefined) return resolved;
  if (!isInsideFolder(real, realPath(folder) ?? folder)) throw outside();
  return real;
}

/** The fix of a photo path outside the site: only ever a place inside it. */
export const PHOTO_INSIDE_FIX = "put the photo in the site's input folder (next to the article, or in a folder such as images/) and give its path relative to the article (photo.jpg) or from the input folder (/images/photo.jpg); a symlink must point inside the site too";

/** sharp's default limit of input pixels (16383 x 16383), which eleventy-img keeps. */
export const MAX_PHOTO_PIXELS = 0x3fff * 0x3fff;

/**
 * sharp's options for reading a photo in processing: a file cut short (an interrupted upload or
 * copy) stops the build instead of being published with its missing part grey. eleventy-img reads
 * with `failOnError: false`; these options come after its own.
 */
export const SHARP_READ_OPTIONS = { failOn: "truncated" } as const;

/** The source's size and format; a clear error for a missing file or one that is not an image. */
export async function inspectPhoto(file: string, src: string, where: string): Promise<PhotoSource> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new NewsroomError({
      where,
      problem: "the photo file does not exist",
      value: src,
      fix: `put the photo at ${file}, or correct the path (relative to the article, or a site path from the input folder)`,
    });
  }
  const { default: sharp } = await import("sharp");
  let metadata: { width?: number | undefined; height?: number | undefined; format?: string | undefined };
  try {
    // The header alone, whatever its size: a photo too large to process is named by its size below.
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    metadata = {};
  }
  if (metadata.width && metadata.height && metadata.width * metadata.height > MAX_PHOTO_PIXELS) {
    const megapixels = Math.round((metadata.width * metadata.height) / 1e6);
    throw new NewsroomError({
      where,
      problem: `the photo is ${metadata.width} x ${metadata.height} pixels (${megapixels} megapixels), more than the ${Math.floor(MAX_PHOTO_PIXELS / 1e6)} megapixels the image library processes`,
      value: src,
      fix: "save a smaller copy of the photo (4,000 pixels wide is plenty for any screen) and point the path at it",
    });
  }
  if (!metadata.format || !READABLE_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new NewsroomError({
      where,
      problem: "the file is not an image (JPEG, PNG, WebP, AVIF, GIF or TIFF)",
      value: src,
      fix: "point it at the photo itself; save the photo as JPEG if it is in another format",
    });
  }
  return { file, width: metadata.width, height: metadata.height, format: metadata.format };
}

/** The warning for a photo too narrow for large previews, or undefined when it is wide enough. */
export function narrowPhotoWarning(source: PhotoSource, src: string, where: string): string | undefined {
  if (source.width >= LARGE_PREVIEW_WIDTH) return undefined;
  return (
    `[newsroom] ${where}: the photo ${JSON.stringify(src)} is ${source.width} px wide; ` +
    `search engines and social sites show large previews only for photos at least ${LARGE_PREVIEW_WIDTH} px wide. ` +
    `Fix: use a photo at least ${LARGE_PREVIEW_WIDTH} px wide for a large preview`
  );
}

/** Eleventy-img's metadata: files by format. Typed here because the package ships no types. */
type ImageEntry = { url: string; width: number; height: number; outputPath: string; filename: string; size?: number; buffer?: Uint8Array };
type ImageMetadata = Record<string, ImageEntry[]>;
type EleventyImage = ((src: string, options: Record<string, unknown>) => Promise<ImageMetadata>) & {
  statsByDimensionsSync(src: string, width: number, height: number, options: Record<string, unknown>): ImageMetadata;
  getHash(src: string, options: Record<string, unknown>): string;
};

/** Copies (once per build per file) processed files from the cache to the output folder. */
export class PhotoPublisher {
  private readonly copies = new Map<string, Promise<void>>();

  reset(): void {
    this.copies.clear();
  }

  async publish(metadata: ImageMetadata, processing: PhotoProcessing): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const entries of Object.values(metadata)) {
      for (const entry of entries) {
        const target = path.join(processing.outputDir, processing.urlPath, entry.filename);
        let job = this.copies.get(target);
        if (!job) {
          job = copyIfChanged(entry.outputPath, target);
          this.copies.set(target, job);
        }
        jobs.push(job);
      }
    }
    await Promise.all(jobs);
  }
}

/** Who is told of each file copied into an output folder: the theme's record of what a build wrote. */
const publishWatchers = new Set<(file: string) => void>();

/** Tells `watcher` of each file published from now on; returns how to stop. */
export function watchPublished(watcher: (file: string) => void): () => void {
  publishWatchers.add(watcher);
  return () => publishWatchers.delete(watcher);
}

/** Copies a cached file into the output unless it is there already (names hash the content, so same size means same file). */
export async function copyIfChanged(from: string, to: string): Promise<void> {
  for (const watcher of publishWatchers) watcher(to);
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target && target.size === source.size) return;
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}

function toProcessedPhoto(metadata: ImageMetadata, source: { width: number; height: number }): ProcessedPhoto {
  const files: Partial<Record<PhotoFormat, PhotoFile[]>> = {};
  for (const [format, entries] of Object.entries(metadata)) {
    files[format as PhotoFormat] = entries
      .map((entry) => ({ url: entry.url, width: entry.width, height: entry.height, format: format as PhotoFormat, size: entry.size }))
      .sort((a, b) => a.width - b.width);
  }
  return { width: source.width, height: source.height, files };
}

/** The innermost message of an error eleventy-img passes on from sharp. */
function errorText(error: unknown): string {
  let current = error as { message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current?.cause !== undefined && depth < 5; depth++) current = current.cause as typeof current;
  // libvips repeats a line per attempt ("VipsJpeg: Premature end of input file" twice): each once, on one line.
  return [...new Set(String(current?.message ?? error).split("\n").map((line) => line.trim()).filter(Boolean))].join("; ");
}

async function loadEleventyImage(): Promise<EleventyImage> {
  return (await import("@11ty/eleventy-img")).default as unknown as EleventyImage;
}

/**
 * eleventy-img into the cache folder, safely shared by builds running at once: when every file the
 * options name is already cached nothing is processed; otherwise eleventy-img processes in memory
 * (dryRun) and each file is written under a temporary name and renamed into place, so no build
 * ever takes a half-written file for a cached one.
 */
async function cachedImage(file: string, options: Record<string, unknown>, expected: (image: EleventyImage) => ImageMetadata): Promise<ImageMetadata> {
  const Image = await loadEleventyImage();
  const planned = expected(Image);
  const entries = Object.values(planned).flat();
  const sizes = await Promise.all(entries.map((entry) => stat(entry.outputPath).then((found) => found.size, () => 0)));
  if (entries.length > 0 && sizes.every((size) => size > 0)) {
    entries.forEach((entry, index) => (entry.size = sizes[index]));
    return planned;
  }
  let made: ImageMetadata;
  try {
    made = await Image(file, { ...options, dryRun: true });
  } catch (error) {
    throw new NewsroomError({
      where: "photo",
      problem: `the file could not be read to the end as an image (${errorText(error)}): it is damaged or cut short, as an interrupted upload or copy leaves it`,
      value: path.relative(".", file),
      fix: "export or download the photo again and replace the file",
    });
  }
  await Promise.all(
    Object.values(made).flat().map(async (entry) => {
      if (!entry.buffer) return;
      await mkdir(path.dirname(entry.outputPath), { recursive: true });
      const partial = `${entry.outputPath}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
      await writeFile(partial, entry.buffer);
      await rename(partial, entry.outputPath);
      delete entry.buffer;
    }),
  );
  return made;
}

/** AVIF, WebP and JPEG at the configured widths (never wider than the source). */
export async function processPhoto(source: PhotoSource, processing: PhotoProcessing, publisher: PhotoPublisher): Promise<ProcessedPhoto> {
  const widths = [...new Set(processing.widths.map((width) => Math.min(width, source.width)))];
  const options = {
    widths,
    formats: photoFormats(processing),
    outputDir: path.join(processing.cacheDir, "img"),
    urlPath: processing.urlPath,
    sharpAvifOptions: SHARP_AVIF_OPTIONS,
    sharpOptions: SHARP_READ_OPTIONS,
  };
  const metadata = await cachedImage(source.file, options, (Image) => Image.statsByDimensionsSync(source.file, source.width, source.height, options));
  await publisher.publish(metadata, processing);
  return toProcessedPhoto(metadata, source);
}

/** The largest region of the given ratio whose centre is as near the focal point as the photo allows. */
export function cropRegion(source: { width: number; height: number }, ratio: { width: number; height: number }, focal: FocalPoint): { left: number; top: number; width: number; height: number } {
  const target = ratio.width / ratio.height;
  let width = source.width;
  let height = Math.round(width / target);
  if (height > source.height) {
    height = source.height;
    width = Math.round(height * target);
  }
  const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);
  const left = clamp(Math.round((focal.x / 100) * source.width - width / 2), source.width - width);
  const top = clamp(Math.round((focal.y / 100) * source.height - height / 2), source.height - height);
  return { left, top, width, height };
}

/** One JPEG of the photo cropped to `ratio` around the focal point, at most 1200 px wide. */
export async function processCrop(source: PhotoSource, processing: PhotoProcessing, publisher: PhotoPublisher, ratio: CropRatio, focal: FocalPoint): Promise<PhotoFile> {
  const region = cropRegion(source, ratio, focal);
  const width = Math.min(LARGE_PREVIEW_WIDTH, region.width);
  const height = Math.round((width * ratio.height) / ratio.width);
  const label = `${ratio.name}-${Math.round(focal.x)}-${Math.round(focal.y)}`;
  const transform = (sharp: { extract(region: object): { resize(size: object): unknown } }) => {
    sharp.extract(region).resize({ width, height });
  };
  // eleventy-img keys its in-memory cache on option values and on function names: each crop's
  // functions are named after it, so two crops of one photo are two entries.
  Object.defineProperty(transform, "name", { value: `crop-${label}` });
  const filenameFormat = (id: string, _src: string, outWidth: number, format: string) => `${id}-${label}-${outWidth}.${format}`;
  Object.defineProperty(filenameFormat, "name", { value: `name-${label}` });
  const outputDir = path.join(processing.cacheDir, "img");
  const options = { widths: [width], formats: ["jpeg"], outputDir, urlPath: processing.urlPath, transform, filenameFormat, sharpOptions: SHARP_READ_OPTIONS };
  const metadata = await cachedImage(source.file, options, (Image) => {
    const filename = filenameFormat(Image.getHash(source.file, options), source.file, width, "jpeg");
    return { jpeg: [{ url: `${processing.urlPath}${filename}`, width, height, outputPath: path.join(outputDir, filename), filename }] };
  });
  await publisher.publish(metadata, processing);
  const file = toProcessedPhoto(metadata, source).files.jpeg?.[0];
  if (!file) throw new NewsroomError({ where: "image crop", problem: "eleventy-img returned no JPEG for the crop", value: ratio.name, fix: "report this as a bug" });
  return file;
}

/** The shape of story cards' thumbnails. */
export const THUMBNAIL_RATIO = { name: "3x2", width: 3, height: 2 } as const;
/** A thumbnail is drawn some 8rem wide: these cover screens of one to three device pixels per CSS pixel, give or take. */
export const THUMBNAIL_WIDTHS: readonly number[] = [160, 320];

/**
 * A story card's thumbnail: the photo cropped to 3:2 around its focal point, in AVIF, WebP and JPEG
 * at `widths` (never wider than the crop). Cached and published as the other photos are; the file
 * names carry the crop, so the names eleventy-img will write are known before it runs.
 */
export async function processThumbnail(source: PhotoSource, processing: PhotoProcessing, publisher: PhotoPublisher, focal: FocalPoint, widths: readonly number[] = THUMBNAIL_WIDTHS): Promise<ProcessedPhoto> {
  const ratio = THUMBNAIL_RATIO;
  const region = cropRegion(source, ratio, focal);
  const outWidths = [...new Set(widths.map((width) => Math.min(width, region.width)))];
  const label = `thumb-${ratio.name}-${Math.round(focal.x)}-${Math.round(focal.y)}`;
  const transform = (sharp: { extract(region: object): unknown }) => {
    sharp.extract(region);
  };
  Object.defineProperty(transform, "name", { value: `crop-${label}` });
  const filenameFormat = (id: string, _src: string, outWidth: number, format: string) => `${id}-${label}-${outWidth}.${format}`;
  Object.defineProperty(filenameFormat, "name", { value: `name-${label}` });
  const outputDir = path.join(processing.cacheDir, "img");
  const options = { widths: outWidths, formats: photoFormats(processing), outputDir, urlPath: processing.urlPath, transform, filenameFormat, sharpAvifOptions: SHARP_AVIF_OPTIONS };
  // Planned from the crop's size: eleventy-img sizes the outputs from the transformed image.
  const metadata = await cachedImage(source.file, options, (Image) => Image.statsByDimensionsSync(source.file, region.width, region.height, options));
  await publisher.publish(metadata, processing);
  return toProcessedPhoto(metadata, { width: region.width, height: region.height });
}
