/**
 * The theme's files served to the site: one source of truth, the very files in the package's
 * `_includes/` — pages as virtual templates, layouts as virtual layouts, partials through the
 * Nunjucks loader, assets as passthrough copies — and a file of the same name in the site's own
 * folders wins. Also the shortcodes the theme's templates call for photos and share cards.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import type { EleventyCollectionItem, EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml, jsonForScript } from "../escape.js";
import { passthroughCopies } from "../internals/user-config.js";
import type { QuotationRecord } from "../quotation-record.js";
import type { BuildMode } from "./build-mode.js";
import { normalizeInputPath, type SiteDirectories, type ThemeConfig } from "./config.js";
import type { ResolvedNewsroomThemeOptions } from "./options.js";
import type { StoryItem, ThemePhotos } from "./photos.js";
import { PART_DATA_PAGE } from "./preprocessors.js";
import { copyTextFace } from "./text-face.js";

/**
 * Data for theme pages that front matter cannot hold: a sitemap file holds `sitemapSize` URLs, a
 * number that comes from the options.
 */
const PAGE_DATA: Record<string, (options: ResolvedNewsroomThemeOptions, build: { sitemapPages: (items: unknown) => EleventyCollectionItem[] }) => Record<string, unknown>> = {
  "sitemap-part.njk": (options, build) => ({
    pagination: { data: "collections.all", size: options.sitemapSize, before: build.sitemapPages },
  }),
};

/** The theme's pages, layouts, partials and assets, and the data its templates read. */
export function addThemeTemplates(eleventyConfig: EleventyConfig, config: ThemeConfig, mode: BuildMode, sitemapPages: (items: unknown) => EleventyCollectionItem[]): void {
  const { options } = config;
  eleventyConfig.addGlobalData("newsroomTheme", {
    pageSize: options.pageSize,
    feedSize: options.feedSize,
    sitemapSize: options.sitemapSize,
    searchIndexSize: options.searchIndexSize,
    language: config.language,
    direction: config.direction,
    publisherName: config.publisherName,
  });
  const themeDir = findThemeDirectory();
  // The lists parts after the first write list pages only; the collections read the site's data
  // from a page of the build, so one that writes nothing stays in.
  if (mode.isLaterListsPart) eleventyConfig.addTemplate("newsroom-theme/lists-part.njk", "", { permalink: false, [PART_DATA_PAGE]: true });
  for (const file of readdirSync(path.join(themeDir, "pages")).sort()) {
    eleventyConfig.addTemplate(`newsroom-theme/${file}`, readFileSync(path.join(themeDir, "pages", file), "utf8"), PAGE_DATA[file]?.(options, { sitemapPages }));
  }
  const inputDir = eleventyConfig.directories?.input ?? "./";
  const includesDir = eleventyConfig.directories?.includes ?? path.join(inputDir, "_includes");
  for (const file of readdirSync(path.join(themeDir, "layouts")).sort()) {
    const siteLayout = path.join(includesDir, "layouts", file);
    if (existsSync(siteLayout)) continue;
    eleventyConfig.addTemplate(path.relative(inputDir, siteLayout).split(path.sep).join("/"), readFileSync(path.join(themeDir, "layouts", file), "utf8"));
  }
  eleventyConfig.amendLibrary("njk", (environment) => {
    // After the site's own folders, so its partials override the theme's. Nunjucks gives each
    // loader a template cache when the environment is created; a loader added later needs its own.
    const loader = Object.assign(new nunjucks.FileSystemLoader(themeDir), { cache: {} });
    environment.loaders.push(loader);
  });
  copyAssets(eleventyConfig, path.join(themeDir, "assets"), config.directories);
  copyTextFace(eleventyConfig);
}

/**
 * The theme's assets, file by file, unless the site has its own file at that path: in its
 * assets/ folder (published as /assets/, which the theme copies too) or in a passthrough copy of
 * its own. A site file of the same name replaces the theme's instead of clashing with it.
 */
function copyAssets(eleventyConfig: EleventyConfig, themeAssets: string, directories: SiteDirectories): void {
  const siteCopies = passthroughCopies(eleventyConfig);
  const siteAssetFolders = [path.join(directories.input || ".", "assets"), path.join(directories.includes, "assets")].filter(
    (folder) => existsSync(folder) && realpathSync(folder) !== realpathSync(themeAssets),
  );
  const copiedBySite = (outputPath: string): boolean =>
    siteAssetFolders.some((folder) => existsSync(path.join(folder, path.basename(outputPath)))) ||
    siteCopies.some(([source, { outputPath: target }]) => {
      const to = normalizeInputPath(typeof target === "string" ? target : normalizeInputPath(source).slice(directories.input.length)).replace(/\/$/, "");
      if (to === outputPath) return true;
      return outputPath.startsWith(`${to}/`) && existsSync(path.join(source, outputPath.slice(to.length + 1)));
    });
  for (const folder of siteAssetFolders) {
    const already = siteCopies.some(([source]) => path.normalize(source) === path.normalize(folder));
    if (!already) eleventyConfig.addPassthroughCopy({ [folder]: "assets" });
  }
  for (const file of readdirSync(themeAssets).sort()) {
    if (copiedBySite(`assets/${file}`)) continue;
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(themeAssets, file))]: `assets/${file}` });
  }
}

function isQuotation(value: unknown): value is QuotationRecord {
  return typeof value === "object" && value !== null && typeof (value as QuotationRecord).text === "string" && typeof (value as QuotationRecord).speaker === "object";
}

/** The shortcodes the theme's templates call for photos: lead photo, share image, feed photo, samples, portraits. */
export function addPhotoShortcodes(eleventyConfig: EleventyConfig, themePhotos: ThemePhotos, authorsFile: string): void {
  // Theme templates are Nunjucks: `this.ctx` is the page's data.
  type NunjucksCall = { ctx?: Record<string, unknown>; page?: { inputPath?: string; url?: string | false } };
  const pageOf = (call: NunjucksCall) => call.page ?? (call.ctx?.page as NunjucksCall["page"]);
  eleventyConfig.addShortcode("leadPhoto", async function (this: NunjucksCall) {
    return themePhotos.leadFigure(this.ctx ?? {}, pageOf(this));
  });
  eleventyConfig.addShortcode("shareImageMeta", async function (this: NunjucksCall, pullquote?: unknown) {
    return themePhotos.shareMeta(this.ctx ?? {}, pageOf(this), isQuotation(pullquote) ? pullquote : undefined);
  });
  eleventyConfig.addShortcode("feedPhoto", async function (this: NunjucksCall, item: unknown, format: unknown) {
    const photo = await themePhotos.feedPhoto(item as EleventyCollectionItem);
    if (!photo) return "";
    const url = photo.absoluteUrl;
    // Atom: an enclosure link; JSON Feed: the item's "image" member (with its comma).
    if (format === "json") return `"image": ${jsonForScript(url)},`;
    return `<link rel="enclosure" type="image/jpeg" length="${photo.size ?? 0}" href="${escapeHtml(url)}"/>`;
  });
  // A story card's thumbnail and the front page's lead art; `article` is a collection item.
  eleventyConfig.addShortcode("storyThumbnail", async function (this: NunjucksCall, article: unknown) {
    return themePhotos.thumbnail(article as StoryItem | undefined);
  });
  eleventyConfig.addShortcode("searchImage", async function (this: NunjucksCall) {
    return themePhotos.searchImage(this.ctx ?? {}, pageOf(this));
  });
  eleventyConfig.addShortcode("leadArt", async function (this: NunjucksCall, article: unknown) {
    return themePhotos.leadArt(article as StoryItem | undefined);
  });
  eleventyConfig.addShortcode("styleGuideFigure", async function (this: NunjucksCall) {
    return themePhotos.sampleFigure(this.ctx ?? {});
  });
  eleventyConfig.addShortcode("bylinePhoto", async function (this: NunjucksCall, photo: unknown, id: unknown) {
    return themePhotos.authorPortrait(photo, String(id), authorsFile, "byline");
  });
  eleventyConfig.addShortcode("authorPhoto", async function (this: NunjucksCall, photo: unknown, id: unknown) {
    return themePhotos.authorPortrait(photo, String(id), authorsFile);
  });
}

/** The package's `_includes/`: two levels up from this source file, three from the compiled build. */
function findThemeDirectory(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, "..", "..", "_includes"), path.join(here, "..", "..", "..", "_includes")]) {
    if (existsSync(path.join(candidate, "pages"))) return candidate;
  }
  throw new NewsroomError({
    where: "newsroomTheme",
    problem: "cannot find the theme's _includes/pages folder next to the plugin",
    value: here,
    fix: "reinstall eleventy-plugin-newsroom; the package must ship its _includes folder",
  });
}
