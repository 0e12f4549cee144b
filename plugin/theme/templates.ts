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
import { reportingCauseAsync } from "../arguments.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml, jsonForScript } from "../escape.js";
import { passthroughCopies } from "../internals/user-config.js";
import type { QuotationRecord } from "../quotation-record.js";
import { standardsList } from "./trust.js";
import type { BuildMode } from "./build-mode.js";
import { normalizeInputPath, type SiteDirectories, type ThemeConfig } from "./config.js";
import type { ResolvedNewsroomThemeOptions } from "./options.js";
import type { StoryItem, ThemePhotos } from "./photos.js";
import { PART_DATA_PAGE } from "./preprocessors.js";
import { copyTextFace, textFacePreloadFor } from "./text-face.js";

/**
 * Data for theme pages that front matter cannot hold: a sitemap file holds `sitemapSize` URLs, a
 * number that comes from the options.
 */
const PAGE_DATA: Record<string, (options: ResolvedNewsroomThemeOptions, build: { paginateSitemap: (items: unknown) => EleventyCollectionItem[] }) => Record<string, unknown>> = {
  "sitemap-part.njk": (options, build) => ({
    pagination: { data: "collections.all", size: options.sitemapSize, before: build.paginateSitemap },
  }),
};

/** The theme's pages, layouts, partials and assets, and the data its templates read. */
export function addThemeTemplates(eleventyConfig: EleventyConfig, config: ThemeConfig, mode: BuildMode, paginateSitemap: (items: unknown) => EleventyCollectionItem[]): void {
  const { options } = config;
  eleventyConfig.addGlobalData("newsroomTheme", {
    pageSize: options.pageSize,
    feedSize: options.feedSize,
    sitemapSize: options.sitemapSize,
    searchIndexSize: options.searchIndexSize,
    language: config.language,
    direction: config.direction,
    publisherName: config.publisherName,
    // The face's file the head preloads (text-face.ts says why), or none for a non-Latin language.
    textFacePreload: textFacePreloadFor(config.language),
    // The Standards list (footer, bylines, about page): the publisher's policies in schema.org's order.
    standards: standardsList(config.newsroom.publisher?.policies),
  });
  const themeDir = findThemeDirectory();
  // The lists parts after the first write list pages only; the collections read the site's data
  // from a page of the build, so one that writes nothing stays in.
  if (mode.isLaterListsPart) eleventyConfig.addTemplate("newsroom-theme/lists-part.njk", "", { permalink: false, [PART_DATA_PAGE]: true });
  for (const file of readdirSync(path.join(themeDir, "pages")).sort()) {
    eleventyConfig.addTemplate(`newsroom-theme/${file}`, readFileSync(path.join(themeDir, "pages", file), "utf8"), PAGE_DATA[file]?.(options, { paginateSitemap }));
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
  // A photo's error is the cause of the failed page: said first, before Eleventy's account of the
  // template (often a feed, which renders before the story) that asked for it.
  const photoShortcode = (name: string, render: (call: NunjucksCall, ...args: unknown[]) => Promise<string>) => {
    // An async function: Eleventy registers a shortcode as asynchronous by the function's kind.
    eleventyConfig.addShortcode(name, async function (this: NunjucksCall, ...args: unknown[]) {
      return reportingCauseAsync(() => render(this, ...args));
    });
  };
  photoShortcode("leadPhoto", (call) => themePhotos.leadFigure(call.ctx ?? {}, pageOf(call)));
  photoShortcode("shareImageMeta", (call, pullquote) => themePhotos.shareMeta(call.ctx ?? {}, pageOf(call), isQuotation(pullquote) ? pullquote : undefined));
  photoShortcode("feedPhoto", async (_call, item, format) => {
    const photo = await themePhotos.feedPhoto(item as EleventyCollectionItem);
    if (!photo) return "";
    const url = photo.absoluteUrl;
    // Atom: an enclosure link; JSON Feed: the item's "image" member (with its comma).
    if (format === "json") return `"image": ${jsonForScript(url)},`;
    return `<link rel="enclosure" type="image/jpeg" length="${photo.size ?? 0}" href="${escapeHtml(url)}"/>`;
  });
  // A story card's thumbnail and the front page's lead art; `article` is a collection item.
  photoShortcode("storyThumbnail", (_call, article) => themePhotos.thumbnail(article as StoryItem | undefined));
  photoShortcode("searchImage", (call) => themePhotos.searchImage(call.ctx ?? {}, pageOf(call)));
  photoShortcode("leadArt", (_call, article) => themePhotos.leadArt(article as StoryItem | undefined));
  photoShortcode("styleGuideFigure", (call) => themePhotos.sampleFigure(call.ctx ?? {}));
  photoShortcode("bylinePhoto", (_call, photo, id) => themePhotos.authorPortrait(photo, String(id), authorsFile, "byline"));
  photoShortcode("authorPhoto", (_call, photo, id) => themePhotos.authorPortrait(photo, String(id), authorsFile));
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
