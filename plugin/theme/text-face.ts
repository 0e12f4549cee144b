/**
 * The theme's text face, Source Serif 4, served by the site itself (the pages' Content Security
 * Policy allows fonts from the site only, and a reader's browser asks no other host): the WOFF2
 * files of the weights and styles site.css uses, in the Latin subsets, copied from the
 * `@fontsource/source-serif-4` package (the share cards' font) into `assets/fonts/`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.js";

/**
 * What site.css draws in the face: text (400), its emphasis (400 italic), headlines and pull
 * quotes (700). Latin and Latin Extended: each is fetched only by a page with its letters
 * (`unicode-range`); other scripts keep the reader's own serif.
 */
export const TEXT_FACE_FILES: readonly string[] = ["latin", "latin-ext"].flatMap((subset) =>
  ["400-normal", "400-italic", "700-normal"].map((style) => `source-serif-4-${subset}-${style}.woff2`),
);

/** Where site.css finds the files, relative to itself (so a path prefix carries over). */
export const TEXT_FACE_FOLDER = "assets/fonts";

/**
 * The one file every page asks for before its stylesheet: the regular Latin face draws story prose.
 * Found only through the stylesheet, it would arrive after the first paint, and the swap would move
 * the words that follow a link (the link is narrower or wider in the fallback): a layout shift.
 * Preloaded, it is there for the first paint on any but a slow connection. One file only: headlines
 * are a single run of text that the swap does not move, and each preload is a request the page
 * waits on for its largest paint.
 */
export const TEXT_FACE_PRELOAD = "source-serif-4-latin-400-normal.woff2";

/**
 * Whether a site in `language` preloads TEXT_FACE_PRELOAD: when its script is Latin. A site in
 * Greek, Cyrillic or Arabic draws its prose in the reader's own face and would fetch the file for
 * nothing.
 */
export function preloadsTextFace(language: string): boolean {
  try {
    return new Intl.Locale(language).maximize().script === "Latn";
  } catch {
    // An unreadable tag is the theme's settings check's to report; the preload costs little.
    return true;
  }
}

/** The address (from the site's root) the head preloads for a site in `language`, or none. */
export function textFacePreloadFor(language: string): string | undefined {
  return preloadsTextFace(language) ? `/${TEXT_FACE_FOLDER}/${TEXT_FACE_PRELOAD}` : undefined;
}

/** The package's file for one of TEXT_FACE_FILES. */
export function textFaceSource(file: string): string {
  return createRequire(import.meta.url).resolve(`@fontsource/source-serif-4/files/${file}`);
}

/** Copies the face's files into the output, as the theme's other assets are copied. */
export function copyTextFace(eleventyConfig: EleventyConfig): void {
  for (const file of TEXT_FACE_FILES) {
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), textFaceSource(file))]: `${TEXT_FACE_FOLDER}/${file}` });
  }
}
