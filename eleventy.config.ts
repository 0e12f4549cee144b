/**
 * The showcase site: the theme (_includes, _data) building the articles in src/ with the plugin.
 */
import newsroom, { type NewsroomOptions } from "./plugin/index.js";
import site from "./_data/site.json" with { type: "json" };
import type { EleventyConfig } from "./plugin/eleventy-types.js";

export const newsroomOptions: NewsroomOptions = {
  timeZone: site.timeZone,
  // The showcase publishes real quotes: a pull quote that is not in the story must stop the build.
  pullquoteCheck: "error",
};

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(newsroom, newsroomOptions);
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  // Newest first, as a front page lists them.
  eleventyConfig.addCollection("articles", (api) =>
    api.getFilteredByGlob("src/articles/**/*.md").sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0)),
  );
  return {
    dir: { input: "src", includes: "../_includes", data: "../_data", output: "_site" },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
  };
}
