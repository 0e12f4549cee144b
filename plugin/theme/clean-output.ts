/**
 * Every build leaves in the output folder only what it wrote this time. The theme keeps a record
 * of each file its builds write there (pages, feeds, photos, cards), in the cache folder, never in
 * the published site: a line is added as each file is written, so a build stopped halfway is
 * recorded too. After a successful whole build that wrote files (`eleventy`, not `--serve`,
 * `--watch`, `--incremental` or `--dryrun`; in a build in parts, after its last part), the files an
 * earlier build recorded and this one did not write are removed: a draft shown in a preview, a
 * deleted story, a stopped build's pages. A file the theme never wrote (a `CNAME` put there by
 * hand, a passthrough copy) is never touched. Pagefind's index (`pagefind/`) of removed pages is
 * removed with them, so search cannot show them: `npm run build` runs Pagefind again.
 */
import { createHash } from "node:crypto";
import { appendFileSync, lstatSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig, EleventyEventDetails } from "../eleventy-types.js";
import { isInsideFolder, realPath, watchPublished } from "../images.js";
import type { BuildMode } from "./build-mode.js";

/** Where the record of one output folder's files is kept: the image cache folder (`imageCacheDir`), keyed by the output folder's path. */
export function outputRecordFile(cacheRoot: string, outputDir: string): string {
  const key = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
  return path.join(cacheRoot, "output", `${key}.txt`);
}

/** A path as the record keeps it: relative to the output folder, with `/`; undefined when outside. */
export function recordedPath(file: string, outputDir: string): string | undefined {
  const output = path.resolve(outputDir);
  const absolute = path.resolve(file);
  if (absolute === output || !isInsideFolder(absolute, output)) return undefined;
  return path.relative(output, absolute).split(path.sep).join("/");
}

/**
 * The files to remove: recorded by an earlier build and not written by this one. A record line
 * that is not a plain path inside the output folder (absolute, `..`) is ignored, never followed.
 */
export function staleFiles(recorded: Iterable<string>, written: ReadonlySet<string>): string[] {
  const stale = new Set<string>();
  for (const line of recorded) {
    const file = line.trim();
    if (file === "" || written.has(file) || file.startsWith("/") || path.isAbsolute(file) || file.split(/[\\/]/).includes("..")) continue;
    stale.add(file);
  }
  return [...stale].sort();
}

/**
 * Removes the stale files (only files and links, never a folder's contents), then the folders they
 * leave empty, and Pagefind's index when a page went. Returns what was removed.
 */
export function removeStaleFiles(outputDir: string, stale: readonly string[]): { files: string[]; searchIndex: boolean } {
  const output = path.resolve(outputDir);
  const realOutput = realPath(output) ?? output;
  const removed: string[] = [];
  const folders = new Set<string>();
  for (const file of stale) {
    const absolute = path.join(output, file);
    // Inside as written, and its folder inside once links are followed: a link is removed, never followed.
    const parent = realPath(path.dirname(absolute));
    if (!isInsideFolder(absolute, output) || parent === undefined || !isInsideFolder(parent, realOutput)) continue;
    let kind;
    try {
      kind = lstatSync(absolute);
    } catch {
      continue;
    }
    if (!kind.isFile() && !kind.isSymbolicLink()) continue;
    rmSync(absolute, { force: true });
    removed.push(file);
    folders.add(path.dirname(absolute));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) removeEmptyFolders(folder, output);
  // The search index shows the text of every page it indexed: once a page is gone, so is the index.
  const searchIndex = removed.some((file) => file.endsWith(".html")) && removeFolder(path.join(output, "pagefind"));
  return { files: removed, searchIndex };
}

function removeEmptyFolders(folder: string, output: string): void {
  for (let current = folder; current !== output && isInsideFolder(current, output); current = path.dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
  }
}

function removeFolder(folder: string): boolean {
  try {
    if (!lstatSync(folder).isDirectory()) return false;
  } catch {
    return false;
  }
  rmSync(folder, { recursive: true, force: true });
  return true;
}

/** What one process's builds write into the output folder, and the record of it. */
export class OutputRecord {
  private written = new Set<string>();
  private output: string | undefined;
  private file = "";

  constructor(private readonly cacheRoot: string) {}

  /** A build starts: it records only when it writes files. */
  start(details: EleventyEventDetails | undefined, outputDir: string): void {
    this.written = new Set();
    this.output = details?.outputMode === "fs" ? path.resolve(details.directories?.output ?? outputDir) : undefined;
    if (!this.output) return;
    this.file = outputRecordFile(this.cacheRoot, this.output);
    mkdirSync(path.dirname(this.file), { recursive: true });
  }

  /** A file this build writes (or copies) into the output folder: recorded before it is written. */
  wrote(file: string): void {
    if (!this.output) return;
    const relative = recordedPath(file, this.output);
    if (relative === undefined || this.written.has(relative)) return;
    this.written.add(relative);
    appendFileSync(this.file, `${relative}\n`);
  }

  get writtenFiles(): readonly string[] {
    return [...this.written];
  }

  /**
   * After the build: removes what earlier builds recorded and `written` (every part's files, in a
   * build in parts) does not hold, and leaves the record as exactly this build's files.
   */
  clean(written: readonly string[]): { files: string[]; searchIndex: boolean } {
    if (!this.output) return { files: [], searchIndex: false };
    let recorded: string[] = [];
    try {
      recorded = readFileSync(this.file, "utf8").split("\n");
    } catch {
      // No record: nothing an earlier build wrote is known, so nothing is removed.
    }
    const result = removeStaleFiles(this.output, staleFiles(recorded, new Set(written)));
    writeFileSync(this.file, [...new Set(written)].sort().map((file) => `${file}\n`).join(""));
    return result;
  }
}

/** Whether this run writes nothing (`eleventy --dryrun`): Eleventy says so in no event. */
const DRY_RUN = process.argv.includes("--dryrun");

/**
 * Records what each build writes and, after a whole build that wrote files, removes what earlier
 * builds wrote and this one did not (the module's comment says which builds and which files).
 */
export function addOutputCleaning(eleventyConfig: EleventyConfig, mode: BuildMode, where: { cacheRoot: string; outputDir: () => string }): void {
  const record = new OutputRecord(where.cacheRoot);
  let stopWatching: (() => void) | undefined;
  eleventyConfig.on("eleventy.before", (details) => {
    stopWatching?.();
    record.start(details, where.outputDir());
    // Photos and cards are copied into the output by the image code, not written by Eleventy.
    stopWatching = watchPublished((file) => record.wrote(file));
  });
  eleventyConfig.addTransform?.("newsroom-record-output", function (this: { page?: { outputPath?: unknown } }, content: unknown) {
    if (typeof this.page?.outputPath === "string") record.wrote(this.page.outputPath);
    return content;
  });
  eleventyConfig.on("eleventy.after", (details) => {
    stopWatching?.();
    stopWatching = undefined;
    for (const result of details?.results ?? []) if (typeof result.outputPath === "string") record.wrote(result.outputPath);
    if (details?.outputMode !== "fs" || details.runMode !== "build" || details.incremental || DRY_RUN) return;
    const written = mode.outputOfEveryPart(record.writtenFiles);
    if (!written) return;
    const removed = record.clean(written);
    if (removed.files.length > 0) console.log(cleanedLine(removed.files.length, removed.searchIndex));
  });
}

export function cleanedLine(count: number, searchIndex: boolean): string {
  const files = `${count} ${count === 1 ? "file" : "files"}`;
  return `[newsroom] Removed ${files} an earlier build wrote and this one did not (a draft's page from a preview, a deleted story…)${searchIndex ? "; and the search index pagefind/, which indexed them: run pagefind --site on the output folder (npm run build does)" : ""}`;
}
