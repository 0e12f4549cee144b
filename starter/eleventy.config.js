import newsroomTheme from "eleventy-plugin-newsroom/theme";

// The theme reads the publication's settings from _data/site.json (the Pages workflow's SITE_URL
// overrides its address) and gives every story in articles/ its layout and address.
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroomTheme);
  // The newsroom's own notes, not a page of the site.
  eleventyConfig.ignores.add("README.md");
}
