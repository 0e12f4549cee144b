// Eleventy ships no type definitions; this covers the programmatic API the tests use.
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "../../plugin/eleventy-types.js";

  export interface EleventyPageResult {
    url: string;
    inputPath: string;
    outputPath: string;
    content: string;
  }

  export interface EleventyProgrammaticOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    config?: (eleventyConfig: EleventyConfig) => unknown;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyProgrammaticOptions);
    toJSON(): Promise<EleventyPageResult[]>;
    write(): Promise<unknown>;
  }
}

// The WebC plugin ships no type definitions; it is an ordinary Eleventy plugin function.
declare module "@11ty/eleventy-plugin-webc" {
  import type { EleventyConfig } from "../../plugin/eleventy-types.js";
  const pluginWebc: (eleventyConfig: EleventyConfig, options?: Record<string, unknown>) => void;
  export default pluginWebc;
}
