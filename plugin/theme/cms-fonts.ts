/**
 * Sveltia CMS's interface faces, served by the site itself. Its code declares them with
 * `@font-face` rules whose files are on a CDN; the admin page's policy refuses that host, so each
 * of those rules fails to load and the browser falls back to the rule of the same family declared
 * here, whose file the build copies from the face's own npm package into `/admin/fonts/`. The
 * families and files are the ones the installed Sveltia names (a test reads its code to check).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.js";

export interface CmsFace {
  /** The family as Sveltia's own rule names it. */
  family: string;
  /** The npm package holding the file, and the file in its `files/`. */
  packageName: string;
  file: string;
  /** The rule's descriptors (weight, format, range) as Sveltia declares them. */
  weight: string;
  format: "woff2" | "woff2-variations";
  display: "swap" | "block";
  unicodeRange?: string;
}

/**
 * Fontsource's Latin subset, as Sveltia's rules give it. The descriptors must be Sveltia's own:
 * the browser falls back to another rule of a family only among rules of the same weight and style.
 */
const LATIN = "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";

export const CMS_FACES: readonly CmsFace[] = [
  // Its text.
  { family: "Source Sans 3", packageName: "@fontsource-variable/source-sans-3", file: "source-sans-3-latin-wght-normal.woff2", weight: "200 900", format: "woff2-variations", display: "swap", unicodeRange: LATIN },
  // Its code and Markdown source.
  { family: "Noto Mono", packageName: "@fontsource/noto-mono", file: "noto-mono-latin-400-normal.woff2", weight: "400", format: "woff2", display: "swap" },
  // Its icons: ligatures of Latin letters (without the face, a button shows the icon's name).
  { family: "Material Symbols Outlined", packageName: "@fontsource-variable/material-symbols-outlined", file: "material-symbols-outlined-latin-wght-normal.woff2", weight: "400", format: "woff2-variations", display: "block", unicodeRange: LATIN.replace("U+2000-206F,", "U+2000-206F, U+2074,") },
];

/** Where the admin page finds the files, relative to itself (so a path prefix carries over). */
export const CMS_FONTS_FOLDER = "fonts";

/** The rules for the admin page's `<style>`: the same families, the files from the site. */
export function cmsFontFaces(faces: readonly CmsFace[] = CMS_FACES): string {
  return faces
    .map((face) => {
      const range = face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : "";
      return `@font-face{font-family:'${face.family}';font-style:normal;font-display:${face.display};font-weight:${face.weight};src:url(${CMS_FONTS_FOLDER}/${face.file}) format('${face.format}')${range}}`;
    })
    .join("\n");
}

/** Copies each face's file from its package into `/admin/fonts/`. */
export function copyCmsFonts(eleventyConfig: EleventyConfig, faces: readonly CmsFace[] = CMS_FACES): void {
  const require = createRequire(import.meta.url);
  for (const face of faces) {
    const source = require.resolve(`${face.packageName}/files/${face.file}`);
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), source)]: `admin/${CMS_FONTS_FOLDER}/${face.file}` });
  }
}
