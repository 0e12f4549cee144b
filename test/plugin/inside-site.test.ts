/**
 * The one check every path a story or data file names goes through: inside the site's folder as
 * written and with symlinks followed, else a NewsroomError before anything is opened.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileInsideSite, isInsideFolder } from "../../plugin/images.js";
import { thrownBy } from "../helpers/errors.js";

const root = mkdtempSync(path.join(os.tmpdir(), "inside-site-"));
const site = path.join(root, "site");
const outside = path.join(root, "outside");
mkdirSync(path.join(site, "images"), { recursive: true });
mkdirSync(outside);
writeFileSync(path.join(site, "images", "vote.jpg"), "inside");
writeFileSync(path.join(outside, "private.jpg"), "outside");
symlinkSync(path.join(outside, "private.jpg"), path.join(site, "images", "leak.jpg"));
symlinkSync(outside, path.join(site, "linked"));
symlinkSync(path.join(site, "images", "vote.jpg"), path.join(site, "alias.jpg"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const check = (file: string, src = file) => fileInsideSite(file, { folder: site, src, where: "front matter image.src", inputPath: "articles/story.md", fix: "put it inside" });

describe("isInsideFolder", () => {
  it("is the folder itself or under it, never a sibling that shares its name's start", () => {
    expect(isInsideFolder("/a/site", "/a/site")).toBe(true);
    expect(isInsideFolder("/a/site/x/y.jpg", "/a/site")).toBe(true);
    expect(isInsideFolder("/a/site-2/y.jpg", "/a/site")).toBe(false);
    expect(isInsideFolder("/a/y.jpg", "/a/site")).toBe(false);
    expect(isInsideFolder("/a/site/..foo.jpg", "/a/site")).toBe(true);
  });
});

describe("fileInsideSite", () => {
  it("gives a file inside the site, and a symlink that stays inside as its target", () => {
    const vote = realpathSync(path.join(site, "images", "vote.jpg"));
    expect(check(path.join(site, "images", "vote.jpg"))).toBe(vote);
    expect(check(path.join(site, "alias.jpg"))).toBe(vote);
  });

  it("gives a path inside that has no file yet as it is (its caller says it does not exist)", () => {
    expect(check(path.join(site, "images", "missing.jpg"))).toBe(path.join(site, "images", "missing.jpg"));
  });

  it.each([
    ["../", path.join(site, "..", "outside", "private.jpg")],
    ["an absolute path outside", path.join(outside, "private.jpg")],
    ["a symlinked file", path.join(site, "images", "leak.jpg")],
    ["a symlinked folder", path.join(site, "linked", "private.jpg")],
    ["a missing file outside", path.join(outside, "missing.jpg")],
  ])("refuses %s, naming the field, the file and the value as written", (_, file) => {
    const error = thrownBy(() => check(file, "../outside/private.jpg"));
    expect(error.message).toBe(
      `[newsroom] front matter image.src in articles/story.md: the path leads outside the site's folder, and the build reads no file outside it: "../outside/private.jpg". Fix: put it inside`,
    );
  });
});
