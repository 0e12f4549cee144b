/**
 * The front-matter lead photo, `image: { src, alt, caption, credit, focus, decorative }`, read and
 * checked in one place for the structured data and the theme alike. Anything else an author
 * writes there stops the build naming the field, rather than being dropped.
 */
import { NewsroomError } from "./errors.js";
import type { FocalPoint } from "./images.js";

export interface LeadPhoto {
  src: string;
  /** Empty only when `decorative` is true. */
  alt: string;
  decorative: boolean;
  caption: string | undefined;
  credit: string | undefined;
  /** What crops keep in view; the centre by default. */
  focus: FocalPoint;
}

const PHOTO_FIELDS = ["src", "alt", "caption", "credit", "focus", "decorative"];
const CENTRE: FocalPoint = { x: 50, y: 50 };

function photoError(inputPath: string | undefined, field: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `front matter ${field}`, problem, value, fix, inputPath });
}

/** `"30% 40%"` (from the left, from the top, as in CSS object-position) to a focal point. */
export function parseFocus(value: unknown, inputPath?: string): FocalPoint {
  if (value === undefined) return CENTRE;
  const match = typeof value === "string" ? /^\s*(\d{1,3}(?:\.\d+)?)%\s+(\d{1,3}(?:\.\d+)?)%\s*$/.exec(value) : null;
  const x = Number(match?.[1]);
  const y = Number(match?.[2]);
  if (!match || x > 100 || y > 100) {
    throw photoError(inputPath, "image.focus", "must be two percentages, from the left and from the top, got", value, 'write e.g. focus: "30% 40%" (what crops keep in view; "50% 50%" is the centre)');
  }
  return { x, y };
}

function optionalText(record: Record<string, unknown>, field: string, inputPath: string | undefined): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw photoError(inputPath, `image.${field}`, "must be text, got", value, `write ${field}: "…" as text`);
  return value.trim() === "" ? undefined : value.trim();
}

/** The lead photo of a page's data, or undefined when it has none. */
export function parseLeadPhoto(value: unknown, inputPath?: string): LeadPhoto | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw photoError(inputPath, "image", "must be a photo with src and alt, got", value, 'write image: { src: "photo.jpg", alt: "What the photo shows", caption: "…", credit: "…" }');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!PHOTO_FIELDS.includes(key)) {
      throw photoError(inputPath, "image", "has an unknown field", key, `use only ${PHOTO_FIELDS.join(", ")}`);
    }
  }
  if (typeof record.src !== "string" || record.src.trim() === "") {
    throw photoError(inputPath, "image.src", record.src === undefined ? "is missing" : "must be the photo's file path, got", record.src, 'add src: "photo.jpg" (next to the article) or a site path such as "/images/photo.jpg"');
  }
  if (record.decorative !== undefined && typeof record.decorative !== "boolean") {
    throw photoError(inputPath, "image.decorative", "must be true or false, got", record.decorative, "write decorative: true for a photo that adds nothing a reader needs, or leave it out");
  }
  const decorative = record.decorative === true;
  const alt = optionalText(record, "alt", inputPath);
  if (!decorative && alt === undefined) {
    throw photoError(inputPath, "image.alt", "is missing: a photo needs alt text (what it shows, for readers who cannot see it)", record.alt, 'add alt: "What the photo shows", or decorative: true (with no alt) if the photo adds nothing a reader needs');
  }
  if (decorative && alt !== undefined) {
    throw photoError(inputPath, "image.alt", "a decorative photo has no alt text, but got", alt, "remove decorative: true if the alt text says what the photo shows, or remove alt");
  }
  return {
    src: record.src.trim(),
    alt: alt ?? "",
    decorative,
    caption: optionalText(record, "caption", inputPath),
    credit: optionalText(record, "credit", inputPath),
    focus: parseFocus(record.focus, inputPath),
  };
}
