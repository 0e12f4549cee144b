import { readFileSync } from "node:fs";
import newsroomTheme from "eleventy-plugin-newsroom/theme";

// The publication's settings: edit them in _data/site.json.
const site = JSON.parse(readFileSync(new URL("./_data/site.json", import.meta.url), "utf8"));

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroomTheme, {
    newsroom: {
      timeZone: site.timeZone,
      // The Pages workflow sets SITE_URL to the address GitHub publishes the site at.
      siteUrl: process.env.SITE_URL || site.url,
      language: site.language,
      publisher: { name: site.organisation.name, logo: site.organisation.logo },
    },
  });
  // The newsroom's own notes, not a page of the site.
  eleventyConfig.ignores.add("README.md");
}
