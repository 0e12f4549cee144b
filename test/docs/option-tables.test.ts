import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markedTable, OPTION_TABLES, withTable } from "../../scripts/option-docs.js";
import { optionsTable, option } from "../../plugin/option-schema.js";

describe("the docs' option tables", () => {
  for (const [name, { file, table }] of Object.entries(OPTION_TABLES)) {
    it(`${name}: ${file} shows every option as declared (npm run docs:options writes it)`, () => {
      expect(markedTable(readFileSync(file, "utf8"), name)).toBe(table());
    });
  }

  it("a table follows its declaration: a new option is a new row", () => {
    const set = { size: option<number>({ default: 20, parse: (value) => value as number, doc: "stories a page shows" }), mode: option<string | undefined>({ default: undefined, parse: (value) => value as string, defaultText: "none", doc: "how" }) };
    expect(optionsTable(set)).toBe("| option | default | meaning |\n|---|---|---|\n| `size` | `20` | stories a page shows |\n| `mode` | none | how |");
  });

  it("writes a table between its markers, and nothing else", () => {
    const markdown = "before\n<!-- options:x -->\nold\n<!-- /options:x -->\nafter $& $1";
    expect(withTable(markdown, "x", "| new |")).toBe("before\n<!-- options:x -->\n| new |\n<!-- /options:x -->\nafter $& $1");
    expect(() => withTable("no markers", "x", "t")).toThrow(/markers/);
  });
});
