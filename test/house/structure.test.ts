/**
 * The house's shape, so the next change lands in its place (docs/architecture.md): the theme's
 * entry only wires, no function grows past what a reader holds in mind, and every reliance on
 * Eleventy's internals stays in plugin/internals/.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
  });

/** Each function of a file with a body, and its length in lines. */
function functionLengths(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : `(line ${first + 1})`;
      found.push({ name: `${file} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the house's shape", () => {
  it("the theme's entry only wires: at most 250 lines", () => {
    expect(readFileSync("plugin/theme/index.ts", "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("no function in the package is over 150 lines", () => {
    const long = sources("plugin").flatMap(functionLengths).filter((fn) => fn.lines > 150);
    expect(long).toEqual([]);
  });

  it("counts a long function as long", () => {
    const file = path.join("test", "house", "long-function.fixture.ts");
    const lengths = functionLengths(file);
    expect(lengths.find((fn) => fn.name.endsWith("tooLong"))?.lines).toBeGreaterThan(150);
  });

  it("only plugin/internals/ reaches into Eleventy's own files or patches a prototype", () => {
    // eleventy-types.ts describes what Eleventy passes; it reads nothing.
    const outside = sources("plugin").filter((file) => !file.startsWith(path.join("plugin", "internals")) && !file.endsWith("eleventy-types.ts"));
    for (const file of outside) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/setPrototypeOf|\.prototype\.[A-Za-z]+\s*=|@11ty\/eleventy\/src|getFrontMatterData|\.passthroughCopies|\.globalData|\.inputContent|extensionsList/);
    }
  });
});
