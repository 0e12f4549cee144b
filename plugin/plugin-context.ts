/** The state the plugin's Eleventy glue shares (shortcodes.ts, filters.ts, misquote-check.ts). */
import type { BuildState } from "./build-state.js";
import type { EleventyConfig } from "./eleventy-types.js";
import type { ResolvedNewsroomOptions } from "./options.js";
import type { Photos } from "./photos.js";

/** What the plugin's shortcodes, filters and checks share: the options, the build's state and its photos. */
export interface PluginContext {
  eleventyConfig: EleventyConfig;
  options: Readonly<ResolvedNewsroomOptions>;
  state: BuildState;
  photos: Photos;
  /** AP's cities that stand alone in a dateline, and the site's own. */
  standaloneCities: readonly string[];
}
