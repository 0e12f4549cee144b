/**
 * The record of what theme builds wrote into an output folder, and the removal of what an earlier
 * build wrote and this one did not: only files the record names, only inside the output folder,
 * only after a whole build that wrote files.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EleventyConfig, EleventyEventDetails } from "../../plugin/eleventy-types.js";
import { copyIfChanged } from "../../plugin/images.js";
import { addOutputCleaning, OutputRecord, outputRecordFile, recordedPath, removeStaleFiles, staleFiles } from "../../plugin/theme/clean-output.js";
import type { BuildMode } from "../../plugin/theme/build-mode.js";

const roots: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function folder(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "clean-output-"));
  roots.push(root);
  return root;
}

function put(root: string, file: string, text = file): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe("staleFiles and recordedPath", () => {
  it("are the recorded files this build did not write, never a path that leaves the folder", () => {
    expect(staleFiles(["a/index.html", "b/index.html", "a/index.html", "", "/etc/passwd", "../x", "a/../../y", "img/c.png"], new Set(["a/index.html"]))).toEqual(["b/index.html", "img/c.png"]);
  });

  it("keep a path relative to the output folder, with /", () => {
    expect(recordedPath("out/news/a/index.html", "out")).toBe("news/a/index.html");
    expect(recordedPath("./out/.nojekyll", "out/")).toBe(".nojekyll");
    expect(recordedPath("elsewhere/x.html", "out")).toBeUndefined();
    expect(recordedPath("out", "out")).toBeUndefined();
  });
});

describe("removeStaleFiles", () => {
  it("removes the files, the folders they leave empty and a search index that indexed a removed page", () => {
    const output = folder();
    for (const file of ["news/draft/index.html", "news/kept/index.html", "pagefind/pagefind.js", "CNAME"]) put(output, file);
    const removed = removeStaleFiles(output, ["news/draft/index.html", "news/missing/index.html"]);
    expect(removed).toEqual({ files: ["news/draft/index.html"], searchIndex: true });
    expect(existsSync(path.join(output, "news", "draft"))).toBe(false);
    expect(existsSync(path.join(output, "news", "kept", "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "pagefind"))).toBe(false);
    expect(existsSync(path.join(output, "CNAME"))).toBe(true);
  });

  it("keeps the search index when no page went, and never empties a folder a record line names", () => {
    const output = folder();
    for (const file of ["img/a.png", "pagefind/pagefind.js", "assets/site.css"]) put(output, file);
    expect(removeStaleFiles(output, ["img/a.png", "assets"])).toEqual({ files: ["img/a.png"], searchIndex: false });
    expect(existsSync(path.join(output, "pagefind", "pagefind.js"))).toBe(true);
    expect(existsSync(path.join(output, "assets", "site.css"))).toBe(true);
  });

  it("removes a link, not what it points to", () => {
    const root = folder();
    put(root, "private/photo.jpg");
    mkdirSync(path.join(root, "out"));
    symlinkSync(path.join(root, "private"), path.join(root, "out", "linked"));
    expect(removeStaleFiles(path.join(root, "out"), ["linked/photo.jpg"]).files).toEqual([]);
    expect(existsSync(path.join(root, "private", "photo.jpg"))).toBe(true);
    removeStaleFiles(path.join(root, "out"), ["linked"]);
    expect(existsSync(path.join(root, "out", "linked"))).toBe(false);
    expect(existsSync(path.join(root, "private", "photo.jpg"))).toBe(true);
  });
});

describe("OutputRecord", () => {
  it("records each file as it is written and, cleaning, leaves exactly this build's files recorded", () => {
    const root = folder();
    const output = path.join(root, "out");
    const first = new OutputRecord(path.join(root, "cache"));
    first.start({ outputMode: "fs", directories: { output } }, "unused");
    put(output, "draft/index.html");
    first.wrote(path.join(output, "draft/index.html"));
    first.wrote(path.join(output, "draft/index.html"));
    first.wrote(path.join(root, "elsewhere.html"));
    const file = outputRecordFile(path.join(root, "cache"), output);
    // Written as the build goes: a build stopped here is on record.
    expect(readFileSync(file, "utf8")).toBe("draft/index.html\n");

    const second = new OutputRecord(path.join(root, "cache"));
    second.start({ outputMode: "fs", directories: { output } }, "unused");
    put(output, "kept/index.html");
    second.wrote(path.join(output, "kept/index.html"));
    expect(second.clean(second.writtenFiles).files).toEqual(["draft/index.html"]);
    expect(readFileSync(file, "utf8")).toBe("kept/index.html\n");
  });

  it("records nothing for a build that writes no files", () => {
    const root = folder();
    const record = new OutputRecord(path.join(root, "cache"));
    record.start({ outputMode: "json" }, path.join(root, "out"));
    record.wrote(path.join(root, "out", "a.html"));
    expect(record.writtenFiles).toEqual([]);
    expect(existsSync(path.join(root, "cache"))).toBe(false);
  });
});

describe("addOutputCleaning", () => {
  function wired(root: string, everyPart: (own: readonly string[]) => readonly string[] | undefined = (own) => own) {
    const handlers: Record<string, ((details?: EleventyEventDetails) => unknown)[]> = {};
    let transform: ((this: { page?: { outputPath?: unknown } }, content: unknown) => unknown) | undefined;
    const config = {
      on: (event: string, fn: (details?: EleventyEventDetails) => unknown) => (handlers[event] ??= []).push(fn),
      addTransform: (_: string, fn: typeof transform) => void (transform = fn),
    } as unknown as EleventyConfig;
    addOutputCleaning(config, { outputOfEveryPart: everyPart } as unknown as BuildMode, { cacheRoot: path.join(root, "cache"), outputDir: () => path.join(root, "out") });
    return async (details: EleventyEventDetails, pages: string[], photos: string[] = []) => {
      for (const fn of handlers["eleventy.before"] ?? []) await fn(details);
      for (const page of pages) {
        put(path.join(root, "out"), page);
        transform?.call({ page: { outputPath: path.join(root, "out", page) } }, "");
      }
      for (const photo of photos) {
        put(root, "cache/img.png", "png");
        await copyIfChanged(path.join(root, "cache/img.png"), path.join(root, "out", photo));
      }
      for (const fn of handlers["eleventy.after"] ?? []) await fn({ ...details, results: [] });
    };
  }

  it.each([
    ["serve", { runMode: "serve" }],
    ["watch", { runMode: "watch" }],
    ["an incremental build", { runMode: "build", incremental: true }],
  ])("removes nothing under %s, but records what it wrote for the next whole build", async (_, mode) => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const root = folder();
    const build = wired(root);
    const output = path.join(root, "out");
    await build({ outputMode: "fs", runMode: "build" }, ["a/index.html"]);
    await build({ outputMode: "fs", ...mode }, ["draft/index.html"], ["img/draft.png"]);
    expect(existsSync(path.join(output, "a/index.html"))).toBe(true);
    await build({ outputMode: "fs", runMode: "build" }, ["a/index.html"]);
    expect(existsSync(path.join(output, "draft/index.html"))).toBe(false);
    expect(existsSync(path.join(output, "img/draft.png"))).toBe(false);
    expect(existsSync(path.join(output, "a/index.html"))).toBe(true);
  });

  it("in a part before the last, removes nothing", async () => {
    const root = folder();
    const build = wired(root, () => undefined);
    await build({ outputMode: "fs", runMode: "build" }, ["a/index.html"]);
    await build({ outputMode: "fs", runMode: "build" }, ["b/index.html"]);
    expect(existsSync(path.join(root, "out", "a/index.html"))).toBe(true);
  });
});
