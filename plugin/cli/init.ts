/**
 * `eleventy-plugin-newsroom init DIR`: writes a new newsroom site from the package's `starter/`
 * folder. Nothing is written if any of its files already exists, so an existing site is never
 * half-overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { registryAsListText } from "../theme/registry-lists.js";
import { cardFontsCover } from "../theme/share-card.js";

/** The starter's files under names npm packs intact; written under their real names. */
const SHIPPED_NAMES: Readonly<Record<string, string>> = {
  gitignore: ".gitignore",
  "github/workflows/pages.yml": ".github/workflows/pages.yml",
  "github/workflows/check.yml": ".github/workflows/check.yml",
};

/**
 * The registries in the starter's data folder (their default names) that a newsroom with the CMS
 * keeps as lists of entries, which the CMS edits as settings (docs/cms.md).
 */
const REGISTRY_FILES = ["sections", "authors", "speakers", "kinds"].map((name) => `_data/${name}.json`);

/** The starter's line that adds the theme, and the same line with the editors' CMS. */
const THEME_LINE = "eleventyConfig.addPlugin(newsroomTheme);";
const THEME_LINE_WITH_CMS = "eleventyConfig.addPlugin(newsroomTheme, { cms: true });";

/**
 * A site config with the editors' CMS turned on (theme option `cms`), or undefined when the config
 * does not add the theme as the starter writes it (then the site's owner adds the option).
 */
export function configWithCms(config: string): string | undefined {
  if (/\bcms\s*:/.test(config)) return config;
  return config.includes(THEME_LINE) ? config.replace(THEME_LINE, () => THEME_LINE_WITH_CMS) : undefined;
}


/** The starter's `prebuild`: empties _site with Node itself, so it works in every shell. */
export const PREBUILD = "node -e \"require('node:fs').rmSync('_site', { recursive: true, force: true })\"";

export interface PackageFacts {
  version: string;
  /**
   * The `file:` spec (absolute) of the tarball or folder npm installed this package from, when it
   * was one: the new site installs the same, as a version not yet published has no `^version`.
   */
  installedFrom?: string;
  /** Version ranges for the new site's own dependencies. */
  eleventy: string;
  pagefind: string;
}

export interface StarterFile {
  /** Path inside the new site, with forward slashes. */
  path: string;
  content: string;
}

export class InitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InitError";
  }
}

/** `my-news` → `My News`: the publication's name until the user writes theirs. */
export function siteNameFor(folder: string): string {
  const words = folder.split(/[-_.\s]+/).filter(Boolean);
  const name = words.map((word) => word.charAt(0).toLocaleUpperCase("en-US") + word.slice(1)).join(" ");
  return name || "My Newsroom";
}

/** The name a new site's publication gets: the folder's, unless the share cards' fonts cannot draw it (then the build would stop). */
export function publicationNameFor(folder: string): string {
  const name = siteNameFor(folder);
  return cardFontsCover(name) ? name : "My Newsroom";
}

/** What `init` says when it could not name the publication after its folder; undefined when it could. */
export function publicationNameNote(folder: string): string | undefined {
  const name = siteNameFor(folder);
  if (publicationNameFor(folder) === name) return undefined;
  return `Named the publication "My Newsroom": the share cards' fonts cannot draw ${JSON.stringify(name)}. To use that name, add a font that has its letters (the theme option cardFonts, docs/theme.md "Share cards"), then set "name" in _data/site.json and the logo's text in assets/logo.svg.`;
}

/** A valid npm package name from a folder name. */
export function packageNameFor(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return name.slice(0, 214) || "my-newsroom";
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The package's own folder: three levels up from the compiled CLI, two from its source. */
export function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, "..", ".."), path.join(here, "..", "..", "..")]) {
    if (existsSync(path.join(candidate, "starter")) && existsSync(path.join(candidate, "package.json"))) return candidate;
  }
  throw new InitError(`cannot find the starter's files next to ${here}. Reinstall eleventy-plugin-newsroom: the package must ship its starter folder.`);
}

/**
 * Where npm installed the package at `root` from, when that was a local file: `npx
 * --package=./eleventy-plugin-newsroom-0.2.0.tgz …` installs into a folder of npm's cache, and `npm
 * install ./….tgz` into a project, whose package.json records the spec, relative to its folder.
 * Its absolute `file:` form, or undefined for a registry install, a link, or another package manager.
 */
export function localInstallSource(root: string): string | undefined {
  if (path.basename(path.dirname(root)) !== "node_modules") return undefined;
  const holder = path.dirname(path.dirname(root));
  let manifest: Partial<Record<"dependencies" | "devDependencies" | "optionalDependencies", Record<string, unknown>>>;
  try {
    manifest = JSON.parse(readFileSync(path.join(holder, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return undefined;
  }
  const name = path.basename(root);
  const spec = [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies].map((deps) => deps?.[name]).find((value) => typeof value === "string");
  return typeof spec === "string" && spec.startsWith("file:") ? `file:${path.resolve(holder, spec.slice("file:".length))}` : undefined;
}

/** Version ranges from the package's own package.json, so a new site gets what the package is tested with. */
export function packageFacts(root: string): PackageFacts {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    peerDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const installedFrom = localInstallSource(root);
  return {
    version: manifest.version,
    ...(installedFrom === undefined ? {} : { installedFrom }),
    eleventy: manifest.devDependencies?.["@11ty/eleventy"] ?? manifest.peerDependencies?.["@11ty/eleventy"] ?? "^3.0.0",
    pagefind: manifest.devDependencies?.pagefind ?? "^1.0.0",
  };
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
    });
}

/** Every file of a new site named after `folder`, in memory. `now` dates the sample story. */
export function starterFiles(starterDir: string, folder: string, facts: PackageFacts, now: DateTime = DateTime.now(), cms = false): StarterFile[] {
  const siteName = publicationNameFor(folder);
  const { timeZone } = JSON.parse(readFileSync(path.join(starterDir, "_data", "site.json"), "utf8")) as { timeZone: string };
  // The last full hour in the site's zone: the sample story is already published when the site builds.
  const published = now.setZone(timeZone).startOf("hour");
  const replacements: Record<string, string> = {
    __SITE_NAME_XML__: escapeXml(siteName),
    __SITE_NAME__: JSON.stringify(siteName).slice(1, -1),
    __DATE__: published.toISO({ suppressMilliseconds: true }) ?? "",
    // The quotation was said the day before: still before the story's day when the newsroom moves
    // `timeZone` west (a story filed at 00:30 in New York is the evening before in Los Angeles, and
    // words said on a later day than the story's would stop the build).
    __QUOTE_DAY__: published.minus({ days: 1 }).toISODate() ?? "",
  };
  const files = listFiles(starterDir).map((shipped) => {
    let content = readFileSync(path.join(starterDir, shipped), "utf8");
    for (const [token, value] of Object.entries(replacements)) content = content.split(token).join(value);
    if (cms && shipped === "eleventy.config.js") content = configWithCms(content) ?? content;
    if (cms && REGISTRY_FILES.includes(shipped)) content = registryAsListText(content) ?? content;
    return { path: SHIPPED_NAMES[shipped] ?? shipped, content };
  });
  const manifest = {
    name: packageNameFor(folder),
    version: "0.1.0",
    private: true,
    description: `${siteName}: a news site built with Eleventy and eleventy-plugin-newsroom`,
    type: "module",
    scripts: {
      // An empty _site first: no page of a deleted story, and no draft the preview (npm start)
      // wrote there, survives into the site or its search index.
      prebuild: PREBUILD,
      // npm passes `npm run build -- --pathprefix=/REPO/` to Eleventy, then runs postbuild.
      build: "eleventy",
      postbuild: "pagefind --site _site",
      start: "eleventy --serve --incremental",
    },
    dependencies: {
      "@11ty/eleventy": facts.eleventy,
      "eleventy-plugin-newsroom": facts.installedFrom ?? `^${facts.version}`,
      pagefind: facts.pagefind,
    },
    engines: { node: ">=20" },
  };
  files.push({ path: "package.json", content: `${JSON.stringify(manifest, null, 2)}\n` });
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes the site into `target` (created if missing). Throws InitError, writing nothing, if any file exists. */
export function init(target: string, options: { root?: string; now?: DateTime; cms?: boolean } = {}): StarterFile[] {
  const root = options.root ?? packageRoot();
  const absolute = path.resolve(target);
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) {
    throw new InitError(`${target} is a file, not a folder. Choose a new folder name: npx eleventy-plugin-newsroom init my-news`);
  }
  // A folder to be made inside a file (`init notes.txt/news`) cannot be: said before anything is written.
  for (let above = path.dirname(absolute); above !== path.dirname(above); above = path.dirname(above)) {
    if (!existsSync(above)) continue;
    if (!statSync(above).isDirectory()) {
      throw new InitError(`${target} cannot be made: ${path.relative(process.cwd(), above) || above} is a file, not a folder. Choose a folder name outside it: npx eleventy-plugin-newsroom init my-news`);
    }
    break;
  }
  const files = starterFiles(path.join(root, "starter"), path.basename(absolute), packageFacts(root), options.now, options.cms);
  const existing = files.filter((file) => existsSync(path.join(absolute, file.path))).map((file) => file.path);
  if (existing.length > 0) {
    throw new InitError(
      `${target} already has ${existing.join(", ")}; nothing was written, so your files are safe. Choose a new folder (npx eleventy-plugin-newsroom init my-news), or move those files away first.`,
    );
  }
  for (const file of files) {
    const destination = path.join(absolute, file.path);
    try {
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, file.content, { flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new InitError(`could not write ${path.join(target, file.path)} (${code}: ${(error as Error).message}). Check that you may write into ${target}, or choose another folder: npx eleventy-plugin-newsroom init my-news`);
    }
  }
  return files;
}

/**
 * `eleventy-plugin-newsroom cms` in an existing newsroom: turns on the theme option `cms` in its
 * eleventy.config.js, rewrites the registries in `_data/` as lists (the same entries, which the CMS
 * edits) and adds the pull-request check workflow if it has none. Returns what it did.
 */
export function addCmsToSite(folder: string, root: string = packageRoot()): string[] {
  const configFile = path.join(folder, "eleventy.config.js");
  let config: string;
  try {
    config = readFileSync(configFile, "utf8");
  } catch {
    throw new InitError(`${path.join(folder, "eleventy.config.js")} cannot be read: run cms in a newsroom's folder (one that npx eleventy-plugin-newsroom init wrote), or add the theme option cms: true to your Eleventy config yourself (docs/cms.md).`);
  }
  const done: string[] = [];
  const updated = configWithCms(config);
  if (updated === undefined) {
    throw new InitError(`eleventy.config.js does not add the theme as the starter does (${THEME_LINE}); add the option yourself: ${THEME_LINE_WITH_CMS} (docs/cms.md).`);
  }
  if (updated !== config) {
    writeFileSync(configFile, updated);
    done.push("eleventy.config.js: the theme option cms: true (the CMS at /admin/)");
  }
  for (const registry of REGISTRY_FILES) {
    const file = path.join(folder, registry);
    if (!existsSync(file)) continue;
    const list = registryAsListText(readFileSync(file, "utf8"));
    if (list === undefined) continue;
    writeFileSync(file, list);
    done.push(`${registry}: the same entries written as a list, which editors edit in the CMS's settings`);
  }
  const check = path.join(folder, ".github", "workflows", "check.yml");
  if (!existsSync(check)) {
    mkdirSync(path.dirname(check), { recursive: true });
    writeFileSync(check, readFileSync(path.join(root, "starter", "github", "workflows", "check.yml"), "utf8"), { flag: "wx" });
    done.push(".github/workflows/check.yml: builds each pull request and shows its errors on it");
  }
  return done;
}
