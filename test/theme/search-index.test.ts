/**
 * With searchIndexSize the search page reads several indexes, which only the package's search
 * command writes: a postbuild that still runs Pagefind itself stops the build, saying what to set.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { refuseSearchIndexedWhole } from "../../plugin/theme/search-index.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder whose package.json has these scripts (or this text). */
function project(scripts: Record<string, string> | string | undefined): string {
  const folder = mkdtempSync(path.join(tmpdir(), "newsroom-search-index-"));
  folders.push(folder);
  if (scripts !== undefined) writeFileSync(path.join(folder, "package.json"), typeof scripts === "string" ? scripts : JSON.stringify({ scripts }));
  return folder;
}

describe("refuseSearchIndexedWhole", () => {
  it("stops a site that splits its search but indexes it with Pagefind's own command, naming the script and the fix", () => {
    const folder = project({ build: "eleventy", postbuild: "pagefind --site _site" });
    expect(() => refuseSearchIndexedWhole(20_000, folder)).toThrow(NewsroomError);
    expect(() => refuseSearchIndexedWhole(20_000, folder)).toThrow(/searchIndexSize[\s\S]*postbuild runs Pagefind[\s\S]*"pagefind --site _site"[\s\S]*Fix: set "postbuild" to "eleventy-plugin-newsroom search"/);
  });

  it("lets through the package's command, a site without the option, and builds it cannot judge", () => {
    expect(() => refuseSearchIndexedWhole(20_000, project({ postbuild: "eleventy-plugin-newsroom search" }))).not.toThrow();
    expect(() => refuseSearchIndexedWhole(20_000, project({ postbuild: "eleventy-plugin-newsroom search --site public" }))).not.toThrow();
    expect(() => refuseSearchIndexedWhole(undefined, project({ postbuild: "pagefind --site _site" }))).not.toThrow();
    // No postbuild (the search run some other way), no package.json, or one npm would refuse anyway.
    expect(() => refuseSearchIndexedWhole(20_000, project({ build: "eleventy" }))).not.toThrow();
    expect(() => refuseSearchIndexedWhole(20_000, project(undefined))).not.toThrow();
    expect(() => refuseSearchIndexedWhole(20_000, project("{ not json"))).not.toThrow();
  });
});
