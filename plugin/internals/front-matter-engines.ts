/**
 * Eleventy's front-matter engines, each wrapped so that a file the theme names (a story) cannot
 * have front matter in a language that runs code. JavaScript front matter (`---js`,
 * `---javascript`) runs when Eleventy reads the file, before any preprocessor sees it: the engine
 * is the first place a check can run. Eleventy 3 hands each engine the file's path (`filePath`);
 * the engines it registers itself (`UserConfig#frontMatterParsingOptions.engines`, some of them
 * gray-matter's own objects, which `setFrontMatterParsingOptions` would merge into rather than
 * replace) are not documented, so they are replaced in that object. Every other file keeps
 * Eleventy's engine as it was.
 */
import { skipped } from "./reliances.js";

type EngineFunction = (text: string, options?: { filePath?: unknown }) => unknown;
type Engine = EngineFunction | { parse: EngineFunction };

/** Languages that are data: their engines are left as they are. */
const DATA_LANGUAGES = ["yaml", "yml", "json"];

const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

const isEngine = (value: unknown): value is Engine => typeof value === "function" || (isRecord(value) && typeof value.parse === "function");

/** Eleventy's table of front-matter engines (UserConfig#frontMatterParsingOptions.engines), as it holds it. */
function engineTable(eleventyConfig: object): unknown {
  const config = eleventyConfig as { frontMatterParsingOptions?: unknown };
  return isRecord(config.frontMatterParsingOptions) ? config.frontMatterParsingOptions.engines : undefined;
}

/**
 * Wraps every front-matter engine but YAML's and JSON's: before the engine reads a file's front
 * matter, `refuse(filePath, language)` may throw. Returns whether the engines were wrapped; when
 * they are not the ones expected, they are left alone and the line is printed once.
 */
export function guardFrontMatterEngines(eleventyConfig: object, refuse: (filePath: string, language: string) => void): boolean {
  const engines = engineTable(eleventyConfig);
  if (!isRecord(engines) || !isEngine(engines.javascript)) {
    skipped("frontMatterEngines");
    return false;
  }
  const wrapped: Record<string, EngineFunction> = {};
  for (const [name, engine] of Object.entries(engines)) {
    if (DATA_LANGUAGES.includes(name.toLowerCase()) || !isEngine(engine)) continue;
    wrapped[name] = refusing(name, engine, refuse);
  }
  // gray-matter reaches the `javascript` engine for `---js` by an alias: named here, so the
  // message names what the file says.
  wrapped.js ??= refusing("js", engines.javascript, refuse);
  Object.assign(engines, wrapped);
  return true;
}

function refusing(language: string, engine: Engine, refuse: (filePath: string, language: string) => void): EngineFunction {
  const parse = typeof engine === "function" ? engine : engine.parse.bind(engine);
  return function (text, options) {
    const filePath = options?.filePath;
    if (typeof filePath === "string") refuse(filePath, language);
    else skipped("frontMatterEngines");
    return parse(text, options);
  };
}

/**
 * Wraps the data languages' engines (YAML's and JSON's): once an engine has read a file's front
 * matter, `check(filePath, data)` may throw, before Eleventy merges the data into its cascade.
 * Returns whether the engines were wrapped; when they are not the ones expected, they are left
 * alone and the line is printed once.
 */
export function checkFrontMatterData(eleventyConfig: object, check: (filePath: string, data: unknown) => void): boolean {
  const engines = engineTable(eleventyConfig);
  if (!isRecord(engines) || !isEngine(engines.yaml)) {
    skipped("frontMatterEngines");
    return false;
  }
  // gray-matter reads JSON front matter with JSON.parse when no engine is named for it.
  const json = engines.json === undefined ? (text: string) => JSON.parse(text) as unknown : engines.json;
  if (!isEngine(json)) {
    skipped("frontMatterEngines");
    return false;
  }
  Object.assign(engines, { yaml: checking(engines.yaml, check), json: checking(json, check) });
  return true;
}

function checking(engine: Engine, check: (filePath: string, data: unknown) => void): EngineFunction {
  const parse = typeof engine === "function" ? engine : engine.parse.bind(engine);
  return function (text, options) {
    const data = parse(text, options);
    const filePath = options?.filePath;
    if (typeof filePath === "string") check(filePath, data);
    return data;
  };
}
