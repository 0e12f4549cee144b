/**
 * Photos as HTML: `<figure>` with a responsive `<picture>` (AVIF, WebP, JPEG sources at several
 * widths, width and height on the `<img>` so nothing shifts while it loads) and a `<figcaption>`
 * whose credit is marked up apart from the caption. Pure functions over an already processed
 * photo (plugin/images.ts makes the files); nothing here reads the disk.
 */
import { escapeHtml } from "./escape.js";
import { NewsroomError } from "./errors.js";
import { renderInlineMarkdown } from "./markdown.js";

export type PhotoFormat = "avif" | "webp" | "jpeg" | "png";

/** One output file of a processed photo. */
export interface PhotoFile {
  /** Site path of the file, e.g. `/img/Ab12Cd34Ef-800.jpeg`. */
  url: string;
  width: number;
  height: number;
  format: PhotoFormat;
  /** Bytes, when known (feeds' enclosures want it). */
  size?: number | undefined;
}

/** A processed photo: its files by format, narrowest first, and the source's own size. */
export interface ProcessedPhoto {
  width: number;
  height: number;
  files: Partial<Record<PhotoFormat, PhotoFile[]>>;
}

export interface FigureText {
  /** Text alternative; required unless `decorative` is true. */
  alt?: string | undefined;
  /** An image that adds nothing a reader needs (alt="" on purpose). */
  decorative?: boolean | undefined;
  /** Inline markdown. */
  caption?: string | undefined;
  /** Photographer or agency, shown apart from the caption. */
  credit?: string | undefined;
}

export interface PictureOptions {
  /** The `sizes` attribute: how wide the photo is drawn at each viewport width. */
  sizes: string;
  /** The lead photo loads at once with high priority; photos further down load when near. */
  priority: "lead" | "inline";
  /** Where the photo came from, for error messages: `figure`, `front matter image`. */
  where?: string | undefined;
  /** Extra class on the `<figure>`. */
  className?: string | undefined;
}

/** Browsers take the first `<source>` they support: smallest formats first, the fallback last. */
const SOURCE_ORDER: readonly PhotoFormat[] = ["avif", "webp"];
const MIME: Record<PhotoFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

/** The alt text as it will be written, or an error naming where a non-decorative photo lacks one. */
export function photoAlt(text: FigureText, where: string): string {
  const alt = typeof text.alt === "string" ? text.alt.trim() : "";
  if (text.decorative === true) return "";
  if (alt === "") {
    throw new NewsroomError({
      where,
      problem: "a photo needs alt text (what the photo shows, for readers who cannot see it)",
      value: text.alt,
      fix: where === "figure"
        ? 'pass the alt text as the second argument: {% figure "photo.jpg", "Firefighters carry a hose up the stairs" %}'
        : 'add alt: "What the photo shows", or decorative: true if the photo adds nothing a reader needs',
    });
  }
  return alt;
}

function srcset(files: readonly PhotoFile[]): string {
  return files.map((file) => `${escapeHtml(file.url)} ${file.width}w`).join(", ");
}

/** The fallback format: JPEG, or PNG for sources with transparency. */
export function fallbackFiles(photo: ProcessedPhoto): PhotoFile[] {
  const files = photo.files.jpeg?.length ? photo.files.jpeg : photo.files.png;
  if (!files?.length) {
    throw new NewsroomError({ where: "figure", problem: "the processed photo has no JPEG or PNG file", value: Object.keys(photo.files), fix: "keep jpeg in the image formats" });
  }
  return files;
}

/** `<picture>` with one `<source>` per modern format and an `<img>` carrying the largest fallback's size. */
export function renderPicture(photo: ProcessedPhoto, alt: string, options: PictureOptions): string {
  const fallback = fallbackFiles(photo);
  const largest = fallback[fallback.length - 1] as PhotoFile;
  const sizes = escapeHtml(options.sizes);
  const sources = SOURCE_ORDER.filter((format) => photo.files[format]?.length)
    .map((format) => `<source type="${MIME[format]}" srcset="${srcset(photo.files[format] as PhotoFile[])}" sizes="${sizes}">`)
    .join("");
  const loading = options.priority === "lead" ? ' loading="eager" fetchpriority="high"' : ' loading="lazy"';
  const img =
    `<img src="${escapeHtml(largest.url)}" srcset="${srcset(fallback)}" sizes="${sizes}" ` +
    `width="${largest.width}" height="${largest.height}" alt="${escapeHtml(alt)}"${loading} decoding="async">`;
  return `<picture>${sources}${img}</picture>`;
}

/** The caption and credit, or nothing when neither is given. */
export function renderFigcaption(text: FigureText): string {
  const caption = text.caption?.trim() ? `<span class="nr-figure__caption">${renderInlineMarkdown(text.caption)}</span>` : "";
  const credit = text.credit?.trim() ? `<span class="nr-figure__credit">${escapeHtml(text.credit.trim())}</span>` : "";
  if (!caption && !credit) return "";
  return `<figcaption>${caption}${caption && credit ? " " : ""}${credit}</figcaption>`;
}

/** A photo with its caption and credit, on one line (markdown leaves it alone). */
export function renderFigure(photo: ProcessedPhoto, text: FigureText, options: PictureOptions): string {
  const alt = photoAlt(text, options.where ?? "figure");
  const classes = ["nr-figure", options.className].filter(Boolean).join(" ");
  return `<figure class="${escapeHtml(classes)}">${renderPicture(photo, alt, options)}${renderFigcaption(text)}</figure>`;
}
