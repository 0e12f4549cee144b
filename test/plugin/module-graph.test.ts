/**
 * Importing the plugin loads nothing of the theme: its module graph, followed from plugin/index.ts
 * through every relative import, holds no file under plugin/theme/ and no theme-only package.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm;

function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
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
  };
  visit(path.join(repoRoot, "plugin/index.ts"));
  return { files, packages };
}

describe("the core plugin's imports", () => {
  const { files, packages } = moduleGraph(path.join(repoRoot, "plugin/index.ts"));

  it("reach no module of the theme", () => {
    const theme = [...files].filter((file) => file.includes(`${path.sep}theme${path.sep}`));
    expect(theme).toEqual([]);
    // The walk really follows imports: the concept modules are in the graph.
    expect([...files].map((file) => path.basename(file))).toEqual(expect.arrayContaining(["dates.ts", "pullquote.ts", "arguments.ts"]));
  });

  it("load only the packages the plugin itself uses", () => {
    expect([...packages].sort()).toEqual(["luxon", "markdown-it"]);
  });
});
