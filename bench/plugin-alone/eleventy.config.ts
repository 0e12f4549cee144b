/**
 * The plugin alone in a plain site (bench/generate.ts, sites "plugin" and "plugin-plain"): one
 * small layout, no theme, no lists. NEWSROOM_PLUGIN names the compiled plugin's entry to add;
 * without it the site is built by plain Eleventy (its pages have the plugin's HTML written in).
 *
 * PLUGIN_ALONE_INPUT names the generated site's folder; its options.json has the plugin's options.
 * A folder with answers.json instead keeps the calls and answers them with stand-ins that only
 * look up the plugin's HTML for each story.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const input = process.env.PLUGIN_ALONE_INPUT ?? "bench/.work/corpus-1000/plugin";

interface Config {
  addPlugin(plugin: unknown, options?: unknown): void;
  addShortcode(name: string, fn: (this: Call) => string): void;
  addPairedShortcode(name: string, fn: (this: Call) => string): void;
  addFilter(name: string, fn: (this: Call) => string): void;
}
type Call = { page: { fileSlug: string } };

export default async function (eleventyConfig: Config) {
  const answersFile = path.join(input, "answers.json");
  if (existsSync(answersFile)) {
    const answers = JSON.parse(readFileSync(answersFile, "utf8")) as Record<string, { speaker: string; pullquote: string; apDate: string }>;
    for (const name of ["speaker", "pullquote", "apDate"] as const) {
      const answer = function (this: Call): string {
        return answers[this.page.fileSlug]?.[name] ?? "";
      };
      if (name === "speaker") eleventyConfig.addShortcode(name, answer);
      else if (name === "pullquote") eleventyConfig.addPairedShortcode(name, answer);
      else eleventyConfig.addFilter(name, answer);
    }
  }
  const entry = process.env.NEWSROOM_PLUGIN;
  if (entry) {
    const { default: newsroom } = (await import(pathToFileURL(path.resolve(entry)).href)) as { default: unknown };
    eleventyConfig.addPlugin(newsroom, JSON.parse(readFileSync(path.join(input, "options.json"), "utf8")));
  }
  return {
    dir: { input, includes: "_includes", data: "_data", output: "_site" },
    markdownTemplateEngine: "njk",
  };
}
