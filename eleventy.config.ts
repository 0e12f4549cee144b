/**
 * The showcase site: the news theme building the articles in src/ with the newsroom plugin.
 *
 * NEWSROOM_INPUT and NEWSROOM_DATA point the same theme at another content folder (the tests'
 * fixture site, the benchmark corpus); SITE_URL overrides the site's address (the Pages workflow).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import newsroomTheme from "./plugin/theme/index.js";
import type { EleventyConfig } from "./plugin/eleventy-types.js";

const input = process.env.NEWSROOM_INPUT ?? "src";
const dataDir = process.env.NEWSROOM_DATA ?? "_data";

interface SiteSettings {
  name: string;
  url: string;
  language: string;
  timeZone: string;
  organisation: { name: string; url?: string; logo: string };
}

const site = JSON.parse(readFileSync(path.join(dataDir, "site.json"), "utf8")) as SiteSettings;
const baseUrl = process.env.SITE_URL || site.url;

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsroomTheme, {
    newsroom: {
      timeZone: site.timeZone,
      siteUrl: baseUrl,
      language: site.language,
      publisher: { name: site.organisation.name, logo: { url: site.organisation.logo, width: 600, height: 60 } },
      // The showcase publishes real quotes: a pull quote that is not in the story stops the build.
      pullquoteCheck: "error",
    },
  });
  return {
    dir: {
      input,
      includes: path.relative(input, "_includes"),
      data: path.relative(input, dataDir),
      output: "_site",
    },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
  };
}
