/**
 * A user's words must never be a `String.prototype.replace` replacement: in one, `$'`, `$&` and
 * `$1` splice other parts of the string in (a dateline with `$'` once put raw HTML into a page).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { themeFilters } from "../../plugin/theme/filters.js";
import { repoRoot } from "../helpers/site-build.js";

describe("the front-matter dateline", () => {
  const { withDateline } = themeFilters({ zone: "UTC", standaloneCities: [], related: () => [] });

  it.each(["$'", "$&", "$`", "$1", "$$", "$<name>"])("keeps %j in the place as text", (pattern) => {
    const body = '<p>The <a href="/x/">vote</a> passed.</p><p>Second.</p>';
    const html = (withDateline as (content: string, place: string, agency?: string) => string)(body, `Kyiv, Ukraine${pattern}`, undefined);
    expect(html).toContain(`Ukraine${pattern.replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`);
    expect(html.split("The <a").length).toBe(2);
    expect(html.endsWith('passed.</p><p>Second.</p>')).toBe(true);
  });
});

/** `a.replace(x, y)`: the text of each call's second argument, found by matching brackets. */
function replacementArguments(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\.replace(?:All)?\(/g)) {
    let depth = 1;
    let index = (match.index as number) + match[0].length;
    let quote: string | undefined;
    let argumentStart = index;
    const args: string[] = [];
    for (; index < source.length && depth > 0; index++) {
      const char = source[index] as string;
      if (quote) {
        if (char === "\\") index++;
        else if (char === quote) quote = undefined;
        continue;
      }
      if (char === '"' || char === "'" || char === "`") quote = char;
      else if (char === "/" && /[(,]\s*$/.test(source.slice(argumentStart, index))) {
        // A regular expression literal: skip to its closing slash.
        for (index++; index < source.length && source[index] !== "/"; index++) if (source[index] === "\\") index++;
      } else if ("([{".includes(char)) depth++;
      else if (")]}".includes(char)) depth--;
      else if (char === "," && depth === 1) {
        args.push(source.slice(argumentStart, index).trim());
        argumentStart = index + 1;
      }
    }
    args.push(source.slice(argumentStart, index - 1).trim());
    if (args[1] !== undefined) found.push(args[1]);
  }
  return found;
}

/** A replacement is safe when it is a constant or a function: never text built from a variable. */
function isSafeReplacement(argument: string): boolean {
  if (/^"(?:[^"\\]|\\.)*"$/.test(argument) || /^'(?:[^'\\]|\\.)*'$/.test(argument)) return true;
  if (/^`[^`]*`$/.test(argument) && !argument.includes("${")) return true;
  return /^(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>/.test(argument) || /^function\b/.test(argument);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, dir), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && /\.(ts|js|mjs|njk)$/.test(entry.name)).map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)));
}

describe("no replacement pattern is built from a variable", () => {
  it("finds the unsafe shapes it is looking for", () => {
    expect(replacementArguments('a.replace("<p>", `<p>${dateline} `)').map(isSafeReplacement)).toEqual([false]);
    expect(replacementArguments("a.replace(/x/g, place)").map(isSafeReplacement)).toEqual([false]);
    expect(replacementArguments('a.replace(/x/g, "<b>" + place)').map(isSafeReplacement)).toEqual([false]);
    expect(replacementArguments('a.replace(/[,]/g, () => `${x}`).replace("a", "b")').map(isSafeReplacement)).toEqual([true, true]);
  });

  it("in the plugin, the theme, the scripts and the configs", async () => {
    const files = [...(await sourceFiles("plugin")), ...(await sourceFiles("scripts")), ...(await sourceFiles("_includes")), "eleventy.config.ts"];
    const unsafe: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(repoRoot, file), "utf8");
      for (const argument of replacementArguments(source)) if (!isSafeReplacement(argument)) unsafe.push(`${file}: ${argument}`);
    }
    expect(unsafe).toEqual([]);
  });
});
