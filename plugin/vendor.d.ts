// Eleventy's RSS plugin ships no type definitions; it is an ordinary Eleventy plugin function.
declare module "@11ty/eleventy-plugin-rss" {
  import type { EleventyConfig } from "./eleventy-types.js";
  const rssPlugin: (eleventyConfig: EleventyConfig, options?: Record<string, unknown>) => void;
  export default rssPlugin;
}

// @11ty/eleventy-img ships no type definitions: a function from a source and options to the
// processed files' metadata (plugin/images.ts reads the fields it needs).
declare module "@11ty/eleventy-img" {
  const Image: (src: string, options?: Record<string, unknown>) => Promise<unknown>;
  export default Image;
}
