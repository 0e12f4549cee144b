/**
 * Importing the plugin loads nothing of the theme: its module graph, followed from plugin/index.ts
 * through every relative import, holds no file under plugin/theme/ and no theme-only package.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm;
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/g;

function moduleGraph(entry: string): { files: Set<string>; packages: Set<string>; loadedLater: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const loadedLater = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const [statement, specifier] of source.matchAll(IMPORT)) {
      if (!specifier) continue;
      // Type-only imports vanish from the compiled module.
      if (/^\s*(?:import|export)\s+type\s/.test(statement)) continue;
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts")));
      else packages.add(specifier);
    }
    for (const [, specifier] of source.matchAll(DYNAMIC_IMPORT)) if (specifier) loadedLater.add(specifier);
  };
  visit(path.join(repoRoot, "plugin/index.ts"));
  return { files, packages, loadedLater };
}

describe("the core plugin's imports", () => {
  const { files, packages, loadedLater } = moduleGraph(path.join(repoRoot, "plugin/index.ts"));

  it("reach no module of the theme", () => {
    const theme = [...files].filter((file) => file.includes(`${path.sep}theme${path.sep}`));
    expect(theme).toEqual([]);
    // The walk really follows imports: the concept modules are in the graph.
    expect([...files].map((file) => path.basename(file))).toEqual(expect.arrayContaining(["dates.ts", "pullquote.ts", "arguments.ts"]));
  });

  it("load only the packages the plugin itself uses", () => {
    expect([...packages].filter((name) => !name.startsWith("node:")).sort()).toEqual(["luxon", "markdown-it"]);
    // The photo packages load only when a page has a photo: a site without photos never pays for them.
    expect([...loadedLater].sort()).toEqual(["@11ty/eleventy-img", "sharp"]);
  });

  it("share Eleventy's copy of markdown-it: the dependency's range matches Eleventy's, so npm installs one", () => {
    const own = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const eleventy = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(own.dependencies["markdown-it"]).toBe(eleventy.dependencies["markdown-it"]);
    // And the installed tree has one: none nested under Eleventy.
    expect(existsSync(path.join(repoRoot, "node_modules/@11ty/eleventy/node_modules/markdown-it"))).toBe(false);
  });
});
