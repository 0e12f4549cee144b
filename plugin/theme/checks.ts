/**
 * The theme's checks of the site as a whole — what no single page's data shows: registry ids that
 * would take the theme's own addresses, stories saved in a form Eleventy does not build, links in
 * stories to places the build did not write, and a logo the build did not publish.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import { reportingCause } from "../arguments.js";
import { checkFrontMatterData, guardFrontMatterEngines } from "../internals/front-matter-engines.js";
import { templateText } from "../internals/template-source.js";
import { liquidOwnDelimiters, nunjucksOwnDelimiters } from "../internals/template-engines.js";
import { dataParsers, readJsonDataFiles } from "../internals/user-config.js";
import { NewsroomError } from "../errors.js";
import { filesUnder } from "../files.js";
import type { PublisherOptions } from "../options.js";
import type { BuildMode } from "./build-mode.js";
import { normalizeInputPath, type ThemeConfig } from "./config.js";
import { isSlug, suggestSlug } from "./front-matter.js";
import { readFileIfPresent } from "./publishing.js";
import { refuseReservedKeys } from "./reserved-keys.js";
import { registryFiles, registryFromList } from "./registry-lists.js";
import { codeFrontMatterError, publishedFolders, refuseCodeFiles, refuseOwnDelimiters, refuseStoryOutputPath, storyFolderFiles } from "./story-code.js";
import { refuseStoryDataFiles } from "./story-data-files.js";
import { missingFragments, refuseBrokenLinks, siteLinks, type StoryLink } from "./story-links.js";


/**
 * Registry ids become URLs (/{section}/, /authors/{id}/, /speakers/{id}/): an id that is not a
 * slug (`r&d`) would write a folder no link reaches, so it stops the build naming the file.
 */
export function validateRegistryIds(registries: Record<"sections" | "authors" | "speakers", Record<string, unknown>>, dataDir: string, options: { sectionsDataKey: string; authorsDataKey: string; speakersDataKey: string; imageUrlPath: string }): void {
  const files = { sections: options.sectionsDataKey, authors: options.authorsDataKey, speakers: options.speakersDataKey };
  const themeFolders = new Set(publishedFolders(options.imageUrlPath));
  for (const id of Object.keys(registries.sections)) {
    if (!themeFolders.has(id)) continue;
    throw new NewsroomError({
      where: "sections registry id",
      problem: `is the name of the theme's own /${id}/ folder, so the section's pages would take its address`,
      value: id,
      fix: `rename the section, e.g. "${id}-news", here and wherever articles use it`,
      inputPath: path.join(dataDir, `${files.sections}.json`),
    });
  }
  for (const [kind, registry] of Object.entries(registries) as [keyof typeof files, Record<string, unknown>][]) {
    for (const id of Object.keys(registry)) {
      if (isSlug(id)) continue;
      throw new NewsroomError({
        where: `${kind} registry id`,
        problem: "must be a slug (lowercase letters, digits and single hyphens), because it becomes the page's URL; got",
        value: id,
        fix: `rename it, e.g. "${suggestSlug(id)}", here and wherever articles use it`,
        inputPath: path.join(dataDir, `${files[kind]}.json`),
      });
    }
  }
}

/** The names global data takes from the data folder's files and folders (`site.json` is `site`). */
export function dataFileKeys(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.[^.]+$/, "").replace(/\.11tydata$/, "")));
}

/** Extensions of documents written as stories that Eleventy does not render: they would vanish. */
const UNRENDERED_STORY = /\.(markdown|mdown|mkdn|mkd|mdwn|mdx|txt|text|rst|adoc|asciidoc|org|textile|rtf|docx?|odt|pages)$/i;

/**
 * A story saved as `budget.markdown` or `budget.txt` is not an Eleventy template: no page, no list,
 * no error. Such files in the articles folder stop the build instead (photos and other media are fine).
 */
export function refuseUnrenderedStories(articlesFolder: string, rendered: ReadonlySet<string>): void {
  for (const relative of filesUnder(articlesFolder)) {
    const name = path.posix.basename(relative);
    if (name.startsWith(".")) continue;
    const file = normalizeInputPath(path.join(articlesFolder, relative));
    if (!UNRENDERED_STORY.test(name) || rendered.has(file)) continue;
    throw new NewsroomError({
      where: "articles folder",
      problem: "holds a file Eleventy does not build, so this story would never be published",
      value: name,
      fix: "save the story as Markdown with the .md extension (or another template language Eleventy renders), or move the file out of the articles folder",
      inputPath: file,
    });
  }
}

/** The file as written, for what parsers hide: bytes that are not UTF-8, YAML rolling over impossible dates. */
export function readArticleText(inputPath: string): string | undefined {
  const bytes = readFileIfPresent(inputPath);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NewsroomError({
      where: "article file",
      problem: "is not valid UTF-8 text (Eleventy would replace the unreadable bytes with \ufffd)",
      inputPath,
      fix: "save the file as UTF-8 in your editor (for example with iconv -f windows-1252 -t utf-8)",
    });
  }
}

/**
 * A story's file as written, for the checks that need the text itself. Eleventy's own read of the
 * file serves (no second read); where Eleventy met bytes that are not UTF-8 (shown as U+FFFD) or
 * does not hold the text, the file's bytes decide.
 */
export async function storyText(item: EleventyCollectionItem): Promise<string | undefined> {
  const text = await templateText(item);
  if (text === undefined || text.includes("\ufffd")) return readArticleText(item.inputPath);
  // As the strict decoder reads it: a byte-order mark is not part of the text.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The story's text in the theme's article layout (a site's own layout: the whole page). */
function articleText(page: string): string {
  const start = page.indexOf('<div class="article__body">');
  const end = page.indexOf('<footer class="article__footer">', start);
  return start === -1 || end === -1 ? page : page.slice(start, end);
}

/**
 * The links in stories' text, checked once every file is written: one per place they lead to
 * (every story links the same speaker pages). A link to a fragment no element marks stops the
 * build as the story is written.
 */
export function addStoryLinkCheck(eleventyConfig: EleventyConfig, config: ThemeConfig, mode: BuildMode): void {
  const storyLinks = new Map<string, StoryLink>();
  eleventyConfig.on("eleventy.before", () => {
    storyLinks.clear();
  });
  eleventyConfig.addLinter("newsroom-story-links", function (content) {
    const inputPath = this.page?.inputPath ?? this.inputPath;
    const url = this.page?.url;
    if (inputPath === undefined || typeof url !== "string" || !config.isArticle(inputPath)) return;
    const text = articleText(content);
    const [fragment] = missingFragments(text, content);
    if (fragment !== undefined) {
      throw new NewsroomError({
        where: "story link",
        problem: "leads to a place on the page that no element marks (Markdown gives headings no id)",
        value: fragment,
        fix: `give the place an id, e.g. <h2 id="${fragment.slice(1)}">…</h2> in the story's text, or remove the link`,
        inputPath,
      });
    }
    for (const link of siteLinks(text, url, inputPath)) if (!storyLinks.has(link.target)) storyLinks.set(link.target, link);
  });
  eleventyConfig.on("eleventy.after", (details) => {
    // Only a build that writes files can be checked (the dev server serves passthrough copies from their source).
    if (details?.outputMode !== "fs" || details.runMode !== "build") return;
    const links = mode.storyLinksToCheck([...storyLinks.values()], (target) => storyLinks.has(target));
    if (links) refuseBrokenLinks(links, details.directories?.output ?? config.outputDir());
  });
}

/**
 * The publisher logo in every story's structured data must be the site's own file: the theme
 * ships none, so a logo path that the build did not write would be a broken image in search results.
 */
export function checkLogoPublished(eleventyConfig: EleventyConfig, logo: PublisherOptions["logo"] | undefined, settingsFile: string): void {
  const url = typeof logo === "string" ? logo : logo?.url;
  if (url === undefined || !url.startsWith("/")) return;
  // A site path names a file of the output folder: one that climbs out of it is never looked at.
  if (url.split(/[?#]/)[0]?.split("/").some((segment) => decodeURIComponentSafe(segment) === "..")) {
    throw new NewsroomError({
      where: "site settings organisation.logo",
      problem: "a site path cannot climb out of the site with \"..\", got",
      value: url,
      fix: "point organisation.logo at the logo's path in the site, e.g. /assets/logo.svg (put the file in your assets/ folder)",
      inputPath: settingsFile,
    });
  }
  eleventyConfig.on("eleventy.after", (details) => {
    // Only a build that writes files can be checked (the dev server serves passthrough copies from their source).
    if (details?.outputMode !== "fs" || details.runMode !== "build") return;
    const output = details.directories?.output ?? eleventyConfig.directories?.output ?? "_site";
    const file = decodeURI(url.split(/[?#]/)[0] as string);
    if (existsSync(path.join(output, file))) return;
    throw new NewsroomError({
      where: "site settings organisation.logo",
      problem: "the build published no file at this path",
      value: url,
      fix: `put your logo in the site's assets/ folder (it is published as /assets/…) and point organisation.logo at it, or use an absolute URL`,
      inputPath: settingsFile,
    });
  });
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Stories are data (docs/security.md): unless the site trusts its stories, front matter in a
 * language that runs code is refused before Eleventy runs it (its front-matter engines), and so is
 * a file in the stories folder that is code by nature (before Eleventy reads any template). Trusted
 * or not, a story's page is written inside the output folder and never where the theme or the site
 * publishes its own files: checked again as each page is about to be written, for a story left out
 * of the collections (the site index checks the others before any page is written).
 */
export function addStoryGuards(eleventyConfig: EleventyConfig, config: ThemeConfig): void {
  const trusted = config.options.trustedStories;
  // Any page: a `__proto__` key would be merged into every object of the build (reserved-keys.ts).
  checkFrontMatterData(eleventyConfig, (filePath, data) => reportingCause(() => refuseReservedKeys(data, "front matter", filePath)));
  // Every JSON data file Eleventy reads, the data folder's and those beside templates; a registry
  // written as a list (as the CMS saves it) read as the map every reader expects.
  const registries = registryFiles(config.directories.data, config.registryKeys);
  readJsonDataFiles(eleventyConfig, (data, file) =>
    reportingCause(() => {
      refuseReservedKeys(data, "data file key", file);
      const registry = registries.get(path.resolve(file));
      return registry ? registryFromList(data, registry, file) : data;
    }),
  );
  if (!trusted) {
    guardFrontMatterEngines(eleventyConfig, (filePath, language) => {
      if (config.isArticle(filePath)) reportingCause(() => { throw codeFrontMatterError(language, filePath); });
    });
    eleventyConfig.amendLibrary("njk", (environment) => reportingCause(() => refuseOwnDelimiters("Nunjucks", nunjucksOwnDelimiters(environment))));
    eleventyConfig.amendLibrary("liquid", (liquid) => reportingCause(() => refuseOwnDelimiters("Liquid", liquidOwnDelimiters(liquid))));
    eleventyConfig.on("eleventy.before", () => {
      const folder = config.articlesFolder;
      const names = reportingCause(() => storyFolderFiles(folder, "."));
      reportingCause(() => refuseCodeFiles(names, folder));
      // Data files beside the stories are written by the same people: data, like the stories.
      reportingCause(() => refuseStoryDataFiles(folder, names, dataParsers(eleventyConfig), (file) => readFileSync(file, "utf8")));
    });
  }
  const folders = publishedFolders(config.newsroom.imageUrlPath);
  eleventyConfig.addLinter("newsroom-story-output", function () {
    const inputPath = this.page?.inputPath ?? this.inputPath;
    if (inputPath === undefined || !config.isArticle(inputPath)) return;
    reportingCause(() => refuseStoryOutputPath(this.outputPath ?? this.page?.outputPath, config.outputDir(), folders, inputPath));
  });
}

