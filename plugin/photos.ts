/**
 * One build's photo work: each source is found, checked and processed once per build however many
 * pages, feeds and structured data ask for it. Used by the `figure` shortcode and the structured
 * data here, and by the theme's lead photo.
 */
import path from "node:path";
import type { PhotoFile, ProcessedPhoto } from "./figure.js";
import {
  CROP_RATIOS,
  fileInsideSite,
  inspectPhoto,
  narrowPhotoWarning,
  PHOTO_INSIDE_FIX,
  PhotoPublisher,
  processCrop,
  processPhoto,
  processThumbnail,
  resolvePhotoPath,
  type FocalPoint,
  type PhotoProcessing,
  type PhotoSource,
} from "./images.js";

export interface PhotoRequest {
  /** The page the photo belongs to (relative sources are found next to it). */
  inputPath: string | undefined;
  /** The shortcode or field, for errors: `figure`, `front matter image.src`. */
  where: string;
  /** Warn when the photo is too narrow for large previews (lead photos). */
  previews?: boolean;
}

export class Photos {
  private readonly publisher = new PhotoPublisher();
  private readonly sources = new Map<string, Promise<PhotoSource>>();
  private readonly warned = new Set<string>();

  constructor(
    /** Read at use, not at configuration: Eleventy resolves its folders after plugins are added. */
    private readonly settings: () => PhotoProcessing & { inputDir: string },
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {}

  reset(): void {
    this.publisher.reset();
    this.sources.clear();
    this.warned.clear();
  }

  /**
   * The checked source a page names (a clear error when missing or not an image). Every path a
   * story or data file names passes here: it must lie inside the input folder, symlinks followed,
   * or the build stops before the file is opened.
   */
  async source(src: unknown, request: PhotoRequest): Promise<PhotoSource> {
    const settings = this.settings();
    const named = path.normalize(resolvePhotoPath(src, { inputPath: request.inputPath, inputDir: settings.inputDir, where: request.where }));
    const file = fileInsideSite(named, { folder: settings.inputDir, src, where: request.where, inputPath: request.inputPath, fix: PHOTO_INSIDE_FIX });
    let job = this.sources.get(file);
    if (!job) {
      job = inspectPhoto(file, String(src), request.where);
      this.sources.set(file, job);
    }
    // Not cached as a rejection for the next page: each page names itself in its own error.
    const source = await job.catch((error: unknown) => {
      this.sources.delete(file);
      throw error;
    });
    if (request.previews) {
      const warning = narrowPhotoWarning(source, String(src), `${request.where}${request.inputPath ? ` in ${request.inputPath}` : ""}`);
      if (warning && !this.warned.has(warning)) {
        this.warned.add(warning);
        this.warn(warning);
      }
    }
    return source;
  }

  /** A source the code names by its file path (not an author's `src`), e.g. a generated image. */
  fromFile(file: string, where: string): Promise<PhotoSource> {
    return inspectPhoto(file, file, where);
  }

  /** AVIF, WebP and JPEG at the configured widths, published to the output folder. */
  responsive(source: PhotoSource, widths?: readonly number[]): Promise<ProcessedPhoto> {
    const settings = this.settings();
    return processPhoto(source, widths ? { ...settings, widths } : settings, this.publisher);
  }

  /** A story card's thumbnail: 3:2 around the focal point, small widths, every format. */
  thumbnail(source: PhotoSource, focus: FocalPoint): Promise<ProcessedPhoto> {
    const settings = this.settings();
    return processThumbnail(source, settings, this.publisher, focus, settings.thumbnailWidths);
  }

  /** The photo in Google's three aspect ratios (16:9, 4:3, 1:1), cropped around the focal point. */
  crops(source: PhotoSource, focus: FocalPoint): Promise<PhotoFile[]> {
    const settings = this.settings();
    return Promise.all(CROP_RATIOS.map((ratio) => processCrop(source, settings, this.publisher, ratio, focus)));
  }
}
