/**
 * The editors' CMS at `/admin/` (theme option `cms`): Sveltia CMS's own code, copied from its npm
 * package into the build (no code from another host), a page under a policy of its own, the
 * editor components and the configuration generated at every build (cms-config.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { EleventyCallContext, EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml } from "../escape.js";
import { resolveKinds } from "../kinds.js";
import { cmsConfigYaml, packageRepository, type CmsOptions, type CmsSite } from "./cms-config.js";
import { componentsScript } from "./cms-components.js";
import { cmsFontFaces, copyCmsFonts } from "./cms-fonts.js";
import type { ThemeConfig } from "./config.js";
import { readFileIfPresent } from "./publishing.js";
import { registryListFiles } from "./registry-lists.js";

/**
 * The admin page's policy. Its code is the site's own (`script-src 'self'`, no `unsafe-eval`); it
 * talks to GitHub's API and status page, shows GitHub avatars, and makes previews of files in
 * blobs. Sveltia's inline styles need `'unsafe-inline'` for styles only. Its interface fonts are
 * the site's own (cms-fonts.ts): the CDN its code names for them is refused, as is its update
 * check on another host (docs/cms.md lists each host).
 */
export const CMS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data: https://avatars.githubusercontent.com",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** The admin page: the CMS's script and the components, under its policy. */
export function adminPage(language: string, publisherName: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CMS_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(publisherName)} · Editors</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<style>
${cmsFontFaces()}
</style>
</head>
<body>
<script src="sveltia-cms.js"></script>
<script src="newsroom-components.js"></script>
</body>
</html>
`;
}

/** Sveltia CMS's built files in its npm package (its `dist/`). */
export function sveltiaDistribution(): string {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("@sveltia/cms");
  } catch {
    throw new NewsroomError({ where: "addPlugin(newsroomTheme, options) cms", problem: "cannot find the package @sveltia/cms, which eleventy-plugin-newsroom installs for its CMS", value: "@sveltia/cms", fix: "run npm install (it is a dependency of eleventy-plugin-newsroom)" });
  }
  const dist = path.join(path.dirname(entry), "..", "dist");
  if (!existsSync(path.join(dist, "sveltia-cms.js"))) throw new NewsroomError({ where: "addPlugin(newsroomTheme, options) cms", problem: "the package @sveltia/cms has no dist/sveltia-cms.js", value: dist, fix: "reinstall it: npm install" });
  return dist;
}

/** The stories and data folders as the CMS names them: from the project folder, with forward slashes. */
function projectPath(folder: string): string {
  return path.relative(process.cwd(), path.resolve(folder)).split(path.sep).join("/") || ".";
}

/** The repository the site's package.json names, if it names one on GitHub. */
function siteRepository(): string | undefined {
  const text = readFileIfPresent(path.resolve("package.json"))?.toString("utf8");
  try {
    return text === undefined ? undefined : packageRepository(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Adds `/admin/`: the page, Sveltia's code, the components and the generated configuration. */
export function addCms(eleventyConfig: EleventyConfig, config: ThemeConfig): void {
  const option = config.options.cms;
  if (option === false) return;
  const options: CmsOptions = option === true ? {} : option;
  const dist = sveltiaDistribution();
  const copies: [string, string][] = [[path.join(dist, "sveltia-cms.js"), "admin/sveltia-cms.js"]];
  // The code it loads on demand, next to it (no source maps: they are for its developers).
  const chunks = path.join(dist, "chunks");
  if (existsSync(chunks)) for (const file of readdirSync(chunks).filter((name) => name.endsWith(".js"))) copies.push([path.join(chunks, file), `admin/chunks/${file}`]);
  for (const [from, to] of copies) eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), from)]: to });
  copyCmsFonts(eleventyConfig);

  const { newsroom } = config;
  const excluded = { eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("newsroom-theme/admin-page.njk", adminPage(config.language, config.publisherName), { ...excluded, permalink: "/admin/index.html" });
  eleventyConfig.addTemplate("newsroom-theme/admin-components.njk", "{% newsroomCmsComponents %}", { ...excluded, permalink: "/admin/newsroom-components.js" });
  eleventyConfig.addTemplate("newsroom-theme/admin-config.njk", "{% newsroomCmsConfig %}", { ...excluded, permalink: "/admin/config.yml" });
  eleventyConfig.addShortcode("newsroomCmsComponents", () => componentsScript());
  eleventyConfig.addShortcode("newsroomCmsConfig", function (this: EleventyCallContext) {
    // Theme templates are Nunjucks: `ctx` is the page's data, the registries among it.
    const data = (this as { ctx?: Record<string, unknown> }).ctx ?? {};
    const registry = (key: string) => (data[key] && typeof data[key] === "object" ? (data[key] as Record<string, unknown>) : {});
    const dataFolder = projectPath(config.directories.data);
    const site: CmsSite = {
      storiesFolder: projectPath(config.articlesFolder),
      dataFolder,
      registryFiles: registryListFiles(config.directories.data, dataFolder, config.registryKeys, (file) => readFileIfPresent(file)?.toString("utf8")),
      timeZone: config.zone,
      registries: { sections: registry(newsroom.sectionsDataKey), authors: registry(newsroom.authorsDataKey), speakers: { ...registry(newsroom.speakersDataKey), ...newsroom.speakers }, kinds: { ...resolveKinds(data.kinds) } },
      extraFields: config.extraFields,
      siteUrl: newsroom.siteUrl,
      repository: process.env.GITHUB_REPOSITORY ?? siteRepository(),
    };
    return cmsConfigYaml(site, options);
  });
}
