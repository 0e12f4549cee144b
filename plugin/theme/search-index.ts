/**
 * The theme's side of a search index in parts (theme option `searchIndexSize`): the search page
 * merges the indexes that `eleventy-plugin-newsroom search` writes (plugin/cli/search.ts).
 */
import path from "node:path";
import { NewsroomError } from "../errors.js";
import { readFileIfPresent } from "./publishing.js";

/**
 * With `searchIndexSize` the search page merges several indexes, which only the package's search
 * command writes: a site whose postbuild still runs Pagefind itself would publish a search page
 * that finds nothing. Said at build time, where the newsroom sees it.
 */
export function refuseSearchIndexedWhole(searchIndexSize: number | undefined, projectFolder: string): void {
  if (searchIndexSize === undefined) return;
  const manifest = readFileIfPresent(path.join(projectFolder, "package.json"))?.toString("utf8");
  let postbuild: unknown;
  try {
    postbuild = manifest === undefined ? undefined : (JSON.parse(manifest) as { scripts?: Record<string, unknown> }).scripts?.postbuild;
  } catch {
    return; // Not this check's to judge: npm itself refuses a broken package.json.
  }
  if (typeof postbuild !== "string" || !/\bpagefind\b/.test(postbuild) || /eleventy-plugin-newsroom\s+search/.test(postbuild)) return;
  throw new NewsroomError({
    where: "addPlugin(newsroomTheme, options) searchIndexSize",
    problem: "makes the search page read several search indexes, but package.json's postbuild runs Pagefind, which writes one",
    value: postbuild,
    fix: 'set "postbuild" to "eleventy-plugin-newsroom search", or leave searchIndexSize out',
    inputPath: "package.json",
  });
}

