/**
 * `init` with any folder name writes a starter whose first build succeeds: a name the share cards'
 * fonts cannot draw is not given to the publication (init says so), and the package name is valid.
 */
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { packageNameFor, publicationNameFor, publicationNameNote, starterFiles } from "../../plugin/cli/init.js";
import { buildDirectory, writeScratchSite } from "../helpers/build.js";
import { repoRoot } from "../helpers/site-build.js";

const facts = { version: "1.0.0", eleventy: "^3.1.8", pagefind: "^1.6.0" };

describe("init with any folder name", () => {
  it.each(["河畔新闻", "Київ Post", "Hà Nội News"])("writes a starter for %s whose first build succeeds", async (folder) => {
    const files = starterFiles(path.join(repoRoot, "starter"), folder, facts, DateTime.now());
    // The starter's config adds the theme and ignores its README; the helper adds the theme.
    const site = Object.fromEntries(files.filter((file) => !file.path.startsWith("eleventy.config") && file.path !== "README.md").map((file) => [file.path, file.content]));
    const pages = await buildDirectory(await writeScratchSite(site), { theme: {} });
    expect(pages.get("/")?.content).toContain(publicationNameFor(folder));
    expect(JSON.parse(files.find((file) => file.path === "package.json")?.content ?? "{}").name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  it("names the publication after the folder when its letters can be drawn, and says so when not", () => {
    expect(publicationNameFor("Київ Post")).toBe("Київ Post");
    expect(publicationNameNote("Київ Post")).toBeUndefined();
    expect(publicationNameFor("河畔新闻")).toBe("My Newsroom");
    expect(publicationNameNote("河畔新闻")).toMatch(/^Named the publication "My Newsroom": the share cards' fonts cannot draw "河畔新闻"\. To use that name, add a font that has its letters \(the theme option cardFonts/);
    expect(packageNameFor("河畔新闻")).toBe("my-newsroom");
  });
});
