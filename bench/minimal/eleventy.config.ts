/**
 * The benchmark's minimal plain-Eleventy site: the corpus's stories, the same markdown, each in
 * one small layout; no plugin, no lists, no feeds. What building these stories with Eleventy
 * costs at the least: the theme's speed target is measured against it.
 *
 * MINIMAL_INPUT names the generated minimal/ folder of a corpus.
 */
const input = process.env.MINIMAL_INPUT ?? "bench/.work/corpus-1000/minimal";

export default function () {
  return {
    dir: { input, includes: "_includes", output: "_site" },
    markdownTemplateEngine: "njk",
  };
}
