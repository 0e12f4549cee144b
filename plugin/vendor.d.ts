// Eleventy's RSS plugin ships no type definitions; it is an ordinary Eleventy plugin function.
declare module "@11ty/eleventy-plugin-rss" {
  import type { EleventyConfig } from "./eleventy-types.js";
  const rssPlugin: (eleventyConfig: EleventyConfig, options?: Record<string, unknown>) => void;
  export default rssPlugin;
}
