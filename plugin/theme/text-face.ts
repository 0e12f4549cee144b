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
