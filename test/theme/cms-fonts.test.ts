/**
 * Sveltia's interface faces come from the site: a rule of each family Sveltia's code declares,
 * with Sveltia's own descriptors (the browser falls back from Sveltia's refused rule to ours only
 * among rules of the same weight and style), its file copied from the face's package.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { adminPage, CMS_CONTENT_SECURITY_POLICY, sveltiaDistribution } from "../../plugin/theme/cms.js";
import { CMS_FACES, cmsFontFaces, copyCmsFonts } from "../../plugin/theme/cms-fonts.js";

/** The `@font-face` rules in Sveltia's built code: family, weight, style and where the file is. */
function sveltiaFaces(): { family: string; weight: string; style: string; src: string }[] {
  const code = readFileSync(path.join(sveltiaDistribution(), "sveltia-cms.js"), "utf8");
  return [...code.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
    const descriptor = (name: string) => new RegExp(`${name}:\\s*([^;]+)`).exec(body as string)?.[1]?.trim().replace(/^'(.*)'$/, "$1") ?? "";
    return { family: descriptor("font-family"), weight: descriptor("font-weight"), style: descriptor("font-style"), src: /url\(([^)]+)\)/.exec(body as string)?.[1] ?? "" };
  });
}

describe("the CMS's interface faces", () => {
  it("declare each face Sveltia's code declares, with its descriptors, and the CDN it names is refused", () => {
    const theirs = sveltiaFaces();
    expect(theirs.length).toBeGreaterThanOrEqual(3);
    expect(theirs.map(({ family, weight, style }) => ({ family, weight, style }))).toEqual(CMS_FACES.map((face) => ({ family: face.family, weight: face.weight, style: "normal" })));
    for (const { src } of theirs) {
      expect(src).toMatch(/^https:\/\//);
      const fontSources = /font-src ([^;]*)/.exec(CMS_CONTENT_SECURITY_POLICY)?.[1] ?? "";
      expect(fontSources).not.toContain(new URL(src).host);
    }
    expect(CMS_CONTENT_SECURITY_POLICY).toMatch(/font-src 'self' data:;/);
  });

  it("are in the admin page, the files from the site, relative to the page", () => {
    const page = adminPage("en", "Desk");
    const css = cmsFontFaces();
    expect(page).toContain(css);
    expect(page.indexOf(css)).toBeLessThan(page.indexOf("<script"));
    for (const face of CMS_FACES) expect(css).toContain(`@font-face{font-family:'${face.family}';font-style:normal;font-display:${face.display};font-weight:${face.weight};src:url(fonts/${face.file}) format('${face.format}')`);
  });

  it("are copied from the faces' own packages into /admin/fonts/", () => {
    const copies: Record<string, string>[] = [];
    copyCmsFonts({ addPassthroughCopy: (paths: Record<string, string>) => copies.push(paths) } as unknown as EleventyConfig);
    const require = createRequire(import.meta.url);
    expect(copies).toEqual(CMS_FACES.map((face) => ({ [path.relative(process.cwd(), require.resolve(`${face.packageName}/files/${face.file}`))]: `admin/fonts/${face.file}` })));
  });
});
