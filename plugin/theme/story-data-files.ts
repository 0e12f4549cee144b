/**
 * Data files beside the stories (docs/security.md). Eleventy merges `articles/articles.json`,
 * `articles/story.json` and `articles/story.11tydata.json` into a story's data, and runs the
 * `permalink` and `eleventyComputed` they give as templates. Whoever can add a story can add one
 * of these files, so in the stories folder they are data under the same rules as a story's front
 * matter: none of Eleventy's page-building keys, no key every JavaScript object already has.
 * Data files elsewhere (the data folder, the site's own folders) are the site's.
 */
import path from "node:path";
import { NewsroomError } from "../errors.js";
import type { DataParser } from "../internals/user-config.js";
import { reservedKeyPath } from "./reserved-keys.js";
import { buildKeyProblem, TRUSTED_FIX } from "./story-code.js";

/** Eleventy's suffix for template and directory data files (`story.11tydata.json`). */
const DATA_SUFFIX = ".11tydata";

/** The data format of a file's name (`json` for `story.JSON`), one of `extensions`, or undefined. */
function dataExtension(name: string, extensions: readonly string[]): string | undefined {
  return extensions.find((candidate) => name.toLowerCase().endsWith(`.${candidate.toLowerCase()}`));
}

/**
 * The files of the stories folder (paths relative to it, with `/`) that Eleventy reads as data
 * for a story or a folder of stories: named for a file beside them (`story.json` beside
 * `story.md`) or for their folder (`articles.json` in `articles/`), with or without `.11tydata`,
 * in one of the data formats `extensions` lists.
 */
export function storyDataFiles(files: readonly string[], extensions: readonly string[], folderName: string): string[] {
  const dataStem = (file: string): string | undefined => {
    const name = path.posix.basename(file);
    const extension = dataExtension(name, extensions);
    if (extension === undefined) return undefined;
    const stem = name.slice(0, -(extension.length + 1));
    return stem.endsWith(DATA_SUFFIX) ? stem.slice(0, -DATA_SUFFIX.length) : stem;
  };
  // The names data files may take in each folder: the folder's own, and each other file's (a story's).
  const stems = new Map<string, Set<string>>();
  const namesIn = (folder: string): Set<string> => {
    let names = stems.get(folder);
    if (!names) stems.set(folder, (names = new Set([folder === "." ? folderName : path.posix.basename(folder)])));
    return names;
  };
  for (const file of files) {
    const name = path.posix.basename(file);
    if (dataStem(file) !== undefined || name.indexOf(".") <= 0) continue;
    namesIn(path.posix.dirname(file)).add(name.slice(0, name.indexOf(".")));
  }
  return files.filter((file) => {
    const stem = dataStem(file);
    return stem !== undefined && namesIn(path.posix.dirname(file)).has(stem);
  });
}

/**
 * Stops the build for a key of Eleventy's (any `permalink` included: a folder-wide address is the
 * site's to give, in its config) or a reserved key in a data file of the stories folder.
 */
export function refuseStoryDataKeys(data: unknown, file: string): void {
  const reserved = reservedKeyPath(data);
  if (reserved) {
    throw new NewsroomError({
      where: `data file key ${reserved.join(".")}`,
      problem: "this key is a name every JavaScript object already has, which Eleventy would merge into every object of the build, got",
      value: reserved[reserved.length - 1],
      fix: "give the key another name, or remove it",
      inputPath: file,
    });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const problem = key === "permalink" ? "gives the stories' addresses, which Eleventy would run as a template" : buildKeyProblem(key);
    if (problem === undefined) continue;
    throw new NewsroomError({
      where: `data file key ${key}`,
      problem: `is Eleventy's key that ${problem}; a data file beside the stories is data, like a story, and may not set it`,
      value,
      fix: `remove it: the theme gives every story its layout and address (a data file in the stories folder may set story fields such as section or tags); ${TRUSTED_FIX}`,
      inputPath: file,
    });
  }
}

/**
 * Reads and checks each data file of the stories folder with the site's own parsers (`parsers`
 * by extension, JSON's included). A file the parser cannot read is left to Eleventy, which names it.
 */
export function refuseStoryDataFiles(folder: string, files: readonly string[], parsers: ReadonlyMap<string, DataParser>, read: (file: string) => string): void {
  const extensions = [...parsers.keys()];
  for (const name of storyDataFiles(files, extensions, path.basename(folder))) {
    const file = path.join(folder, name);
    // Listed as a data file, so one of the extensions names it.
    const parser = parsers.get(dataExtension(name, extensions) as string) as DataParser;
    let data: unknown;
    try {
      data = parser(read(file), file);
    } catch {
      continue;
    }
    refuseStoryDataKeys(data, file);
  }
}
