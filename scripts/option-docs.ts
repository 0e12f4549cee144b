/**
 * The docs' option tables, made from the option sets' one declaration: `npm run docs:options`
 * writes them between their markers (`<!-- options:NAME -->` … `<!-- /options:NAME -->`), and a test
 * fails while a table differs from its declaration.
 */
import { optionsTable } from "../plugin/option-schema.js";
import { PLUGIN_OPTIONS } from "../plugin/options.js";
import { THEME_OPTIONS } from "../plugin/theme/options.js";
import { siteSettingsTable } from "../plugin/theme/site-settings.js";

/** Each table: the docs file it is in (from the repository) and its contents. */
export const OPTION_TABLES: Record<string, { file: string; table: () => string }> = {
  plugin: { file: "docs/plugin.md", table: () => optionsTable(PLUGIN_OPTIONS) },
  theme: { file: "docs/theme.md", table: () => optionsTable(THEME_OPTIONS) },
  site: { file: "docs/theme.md", table: () => siteSettingsTable() },
};

/** The text between a table's markers in `markdown`, or undefined when the markers are missing. */
export function markedTable(markdown: string, name: string): string | undefined {
  const match = new RegExp(`<!-- options:${name} -->\\n([\\s\\S]*?)\\n<!-- /options:${name} -->`).exec(markdown);
  return match?.[1];
}

/** `markdown` with the table between its markers replaced. */
export function withTable(markdown: string, name: string, table: string): string {
  if (markedTable(markdown, name) === undefined) throw new Error(`no <!-- options:${name} --> markers`);
  return markdown.replace(new RegExp(`(<!-- options:${name} -->\\n)[\\s\\S]*?(\\n<!-- /options:${name} -->)`), (_all, open: string, close: string) => `${open}${table}${close}`);
}

// Run as a script (npm run docs:options): write every table into its file.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  for (const [name, { file, table }] of Object.entries(OPTION_TABLES)) writeFileSync(file, withTable(readFileSync(file, "utf8"), name, table()));
  console.log(`option tables written: ${Object.keys(OPTION_TABLES).join(", ")}`);
}
