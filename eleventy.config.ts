/**
 * The showcase site: the news theme building the articles in src/ with the newsroom plugin. The
 * theme reads the site's settings from _data/site.json and its stories from src/articles/.
 *
 * NEWSROOM_INPUT and NEWSROOM_DATA point the same theme at another content folder (the tests'
 * fixture site, the benchmark corpus). SITE_URL, which the theme reads itself, overrides the
 * site's address (the Pages workflow sets it).
 * NEWSROOM_PAGE_SIZE sets the stories per list page (the tests page the small fixture newsroom),
 * NEWSROOM_FEED_SIZE the stories per feed, NEWSROOM_SEARCH_INDEX_SIZE the stories per search index.
 * NEWSROOM_STORY_CARDS=off shares stories without a photo with the site's card (the benchmark's
 * largest archives, whose first build would draw a card per story).
 * NEWSROOM_CMS=on sets the theme option cms (the editors' CMS at /admin/; the tests' sites).
 * NEWSROOM_TRUSTED_STORIES=on sets the theme option trustedStories (the benchmark's corpus, whose
 * stories print their dates with filters); the showcase's own stories are data.
 */
import path from "node:path";
import newsroomTheme from "./plugin/theme/index.js";
import type { EleventyConfig } from "./plugin/eleventy-types.js";

const input = process.env.NEWSROOM_INPUT ?? "src";
const dataDir = process.env.NEWSROOM_DATA ?? "_data";

const pageSize = process.env.NEWSROOM_PAGE_SIZE ? Number(process.env.NEWSROOM_PAGE_SIZE) : undefined;
const feedSize = process.env.NEWSROOM_FEED_SIZE ? Number(process.env.NEWSROOM_FEED_SIZE) : undefined;
const storyCards = process.env.NEWSROOM_STORY_CARDS === "off" ? false : undefined;
const searchIndexSize = process.env.NEWSROOM_SEARCH_INDEX_SIZE ? Number(process.env.NEWSROOM_SEARCH_INDEX_SIZE) : undefined;
const trustedStories = process.env.NEWSROOM_TRUSTED_STORIES === "on" ? true : undefined;
const cms = process.env.NEWSROOM_CMS === "on" ? true : undefined;

export default function (eleventyConfig: EleventyConfig) {
  // The showcase publishes real quotes: a pull quote that is not in the story stops the build.
  eleventyConfig.addPlugin(newsroomTheme, { pageSize, feedSize, storyCards, searchIndexSize, trustedStories, cms, newsroom: { pullquoteCheck: "error" } });
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
