/**
 * The plugin alone in a plain site (bench/generate.ts, sites "plugin" and "plugin-plain"): one
 * small layout, no theme, no lists. NEWSROOM_PLUGIN names the compiled plugin's entry to add;
 * without it the site is built by plain Eleventy (its pages have the plugin's HTML written in).
 *
 * PLUGIN_ALONE_INPUT names the generated site's folder; its options.json has the plugin's options.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const input = process.env.PLUGIN_ALONE_INPUT ?? "bench/.work/corpus-1000/plugin";

export default async function (eleventyConfig: { addPlugin(plugin: unknown, options?: unknown): void }) {
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
