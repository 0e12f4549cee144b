/**
 * The package as users get it: `npm pack`, then the README's quick starts followed word for word
 * in empty folders outside the repository (plain JavaScript config, no tsx), with the tarball in
 * place of the registry name. Then every template language, an overridden theme layout, and a
 * TypeScript config compiled against the shipped types.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fragment } from "../helpers/build.js";
import { canonicalHtml } from "../helpers/html-structure.js";
import { EXPECTED, LANGUAGES, WEBC } from "../helpers/language-expectations.js";
import { makeJpeg } from "../helpers/photos.js";
import { repoRoot } from "../helpers/site-build.js";

const run = promisify(execFile);
const env = { ...process.env, NODE_OPTIONS: "", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

interface Step {
  kind: "file" | "command" | "expect";
  name: string;
  body: string;
}

/** The steps of one README quick start: files to create, commands to run, output to expect. */
function quickStart(readme: string, heading: string): Step[] {
  const start = readme.indexOf(`### ${heading}`);
  if (start === -1) throw new Error(`README has no "### ${heading}"`);
  const rest = readme.slice(start + heading.length + 4);
  const section = rest.slice(0, rest.search(/\n##+ /));
  const steps: Step[] = [];
  const fence = /(?:^|\n)([^\n]*)\n\n```(\w+)\n([\s\S]*?)\n```/g;
  for (const match of section.matchAll(fence)) {
    const [, lead = "", language, body = ""] = match;
    const file = /^Create `([^`]+)`:$/.exec(lead.trim());
    const output = /^`([^`]+)` now reads:$/.exec(lead.trim());
    if (file) steps.push({ kind: "file", name: file[1] as string, body });
    else if (output) steps.push({ kind: "expect", name: output[1] as string, body });
    else if (language === "sh") for (const line of body.split("\n").filter(Boolean)) steps.push({ kind: "command", name: line, body: line });
  }
  return steps;
}

/** Runs one README command, with the packed tarball standing in for the registry package. */
async function runCommand(line: string, cwd: string, tarball: string): Promise<void> {
  const [command, ...args] = line.split(" ").map((word) => (word === "eleventy-plugin-newsroom" ? tarball : word));
  // The packages are in npm's cache from the repository's own install; use it first.
  if (command === "npm" && args[0] === "install") args.push("--prefer-offline");
  await run(command as string, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });
}

async function follow(steps: Step[], cwd: string, tarball: string): Promise<void> {
  for (const step of steps) {
    if (step.kind === "file") {
      await mkdir(path.dirname(path.join(cwd, step.name)), { recursive: true });
      await writeFile(path.join(cwd, step.name), `${step.body}\n`);
    } else if (step.kind === "command") {
      await runCommand(step.body, cwd, tarball);
    }
  }
}

async function eleventy(cwd: string): Promise<void> {
  await run("npx", ["@11ty/eleventy"], { cwd, env, maxBuffer: 32 * 1024 * 1024 });
}

let readme: string;
let tarball: string;
let scratch: string;

beforeAll(async () => {
  readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  scratch = await mkdtemp(path.join(tmpdir(), "newsroom-package-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: repoRoot, env, maxBuffer: 32 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(scratch, (packed as { filename: string }).filename);
}, 180_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("ships compiled modules, types and the theme, and nothing of the showcase or tests", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball], { env });
    const files = stdout.trim().split("\n").map((file) => file.replace(/^package\//, ""));
    for (const file of ["dist/plugin/index.js", "dist/plugin/index.d.ts", "dist/plugin/theme/index.js", "dist/plugin/theme/index.d.ts", "_includes/layouts/base.njk", "_includes/pages/feed.njk", "_includes/assets/site.css", "CHANGELOG.md", "README.md", "LICENSE", "docs/theme.md", "package.json", "dist/plugin/cli/index.js", "starter/gitignore", "starter/github/workflows/pages.yml", "starter/articles/sample-story.md"]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /^(src|test|bench|scripts|_data|_site|plugin)\//.test(file) || file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
  });
});

describe("README quick start: the plugin, word for word", () => {
  let site: string;
  beforeAll(async () => {
    site = path.join(scratch, "plugin-site");
    await mkdir(site);
    await follow(quickStart(readme, "Quick start: the plugin"), site, tarball);
  }, 240_000);

  it("builds the story as the README shows", async () => {
    const expectation = quickStart(readme, "Quick start: the plugin").find((step) => step.kind === "expect");
    expect(expectation?.name).toBe("_site/story/index.html");
    const html = await readFile(path.join(site, "_site/story/index.html"), "utf8");
    for (const line of (expectation as Step).body.split("\n")) expect(html).toContain(line);
  });

  it("gives the same HTML from Nunjucks, Liquid, Markdown and 11ty.js", async () => {
    const fixture = path.join(repoRoot, "test/fixtures/languages");
    for (const entry of await readdir(fixture)) await cp(path.join(fixture, entry), path.join(site, entry), { recursive: true });
    await eleventy(site);
    for (const url of LANGUAGES) {
      const html = await readFile(path.join(site, "_site", url, "index.html"), "utf8");
      for (const [id, expected] of Object.entries(EXPECTED)) expect(fragment(html, id), `${url} #${id}`).toBe(expected);
    }
  }, 120_000);

  it("gives the same HTML from WebC, with Eleventy's WebC plugin added", async () => {
    await run("npm", ["install", "--prefer-offline", "@11ty/eleventy-plugin-webc"], { cwd: site, env, maxBuffer: 32 * 1024 * 1024 });
    await writeFile(
      path.join(site, "webc.config.js"),
      [
        'import pluginWebc from "@11ty/eleventy-plugin-webc";',
        'import newsroom from "eleventy-plugin-newsroom";',
        "export default function (eleventyConfig) {",
        "  eleventyConfig.addPlugin(pluginWebc);",
        '  eleventyConfig.addPlugin(newsroom, { timeZone: "America/New_York" });',
        "}",
      ].join("\n"),
    );
    await run("npx", ["@11ty/eleventy", "--config=webc.config.js"], { cwd: site, env, maxBuffer: 32 * 1024 * 1024 });
    const html = await readFile(path.join(site, "_site", WEBC, "index.html"), "utf8");
    for (const [id, expected] of Object.entries(EXPECTED)) expect(canonicalHtml(fragment(html, id)), `${WEBC} #${id}`).toBe(canonicalHtml(expected));
  }, 180_000);

  it("compiles a TypeScript config against the shipped types", async () => {
    await writeFile(
      path.join(site, "config-types.ts"),
      [
        'import newsroom, { formatApDate, type EleventyConfig, type NewsroomOptions, type SpeakerEntry } from "eleventy-plugin-newsroom";',
        'import newsroomTheme, { type NewsroomThemeOptions } from "eleventy-plugin-newsroom/theme";',
        'const zelenskyy: SpeakerEntry = { name: "Volodymyr Zelenskyy", title: "President" };',
        'const options: NewsroomOptions = { timeZone: "Europe/Kyiv", speakers: { zelenskyy }, pullquoteCheck: "error" };',
        'const theme: NewsroomThemeOptions = { newsroom: options };',
        "// @ts-expect-error an unknown option is a type error too",
        'const wrong: NewsroomOptions = { timezone: "UTC" };',
        'export default function (eleventyConfig: EleventyConfig): void {',
        "  eleventyConfig.addPlugin(newsroom, options);",
        "  eleventyConfig.addPlugin(newsroomTheme, theme);",
        "}",
        'export const shown: string = formatApDate("2025-09-05") + String(wrong);',
      ].join("\n"),
    );
    await writeFile(
      path.join(site, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["config-types.ts"] }),
    );
    const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: site, env }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(result.stdout).toBe("");
  }, 120_000);
});

describe("README quick start: the whole news site, word for word", () => {
  let site: string;
  beforeAll(async () => {
    site = path.join(scratch, "theme-site");
    await mkdir(site);
    await follow(quickStart(readme, "Quick start: the whole news site"), site, tarball);
  }, 240_000);

  it("builds the front page, the article and the theme's other pages from the package", async () => {
    const article = await readFile(path.join(site, "_site/local/2025/10/14/budget-passes/index.html"), "utf8");
    expect(article).toContain('<h1 class="article__headline">Council passes the budget</h1>');
    expect(article).toContain('<p class="article__byline">By <a rel="author" href="/authors/sam-lee/">Sam Lee</a></p>');
    expect(article).toContain('<span class="nr-dateline__place">RIVERTON, Ohio</span>');
    expect(article).toContain('<link rel="canonical" href="https://news.example.org/local/2025/10/14/budget-passes/">');
    expect(article).toContain('"@type":"NewsArticle"');
    // site.json is the configuration: its time zone and its own logo, with no theme options.
    expect(article).toContain(">6:30 p.m. CDT Oct. 14, 2025</time>");
    expect(article).toContain('"logo":{"@type":"ImageObject","url":"https://news.example.org/assets/logo.svg"}');
    expect(await readFile(path.join(site, "_site/assets/logo.svg"), "utf8")).toContain("Riverton Ledger");
    for (const file of ["index.html", "local/index.html", "tags/budget/index.html", "authors/sam-lee/index.html", "speakers/marsh/index.html", "archive/index.html", "feed.xml", "sitemap.xml", "assets/site.css"]) {
      await expect(readFile(path.join(site, "_site", file), "utf8"), file).resolves.toBeTruthy();
    }
  });

  it("publishes a 3000x2000 lead photo and a figure as responsive images with large previews; a story without one gets its card", async () => {
    await writeFile(path.join(site, "articles/mill-fire.jpg"), await makeJpeg(3000, 2000));
    await writeFile(
      path.join(site, "articles/mill-fire.md"),
      [
        "---",
        "title: Fire closes the old mill",
        "dek: No one was hurt.",
        "date: 2025-10-15T09:00:00-05:00",
        "section: local",
        "image:",
        "  src: mill-fire.jpg",
        '  alt: "Smoke rises over the mill"',
        '  caption: "The mill on Wednesday morning."',
        '  credit: "Sam Lee/Riverton Ledger"',
        "---",
        "Smoke rose over the mill on Wednesday.",
        "",
        '{% figure "mill-fire.jpg", "Firefighters at the mill gate", "The gate on River Street.", "Sam Lee" %}',
        "",
      ].join("\n"),
    );
    await eleventy(site);
    const html = await readFile(path.join(site, "_site/local/2025/10/15/mill-fire/index.html"), "utf8");
    expect(html).toMatch(/<figure class="nr-figure article__photo"><picture><source type="image\/avif" srcset="\/img\/[\w-]+-480\.avif 480w, [^"]*1600\.avif 1600w"/);
    expect(html).toMatch(/width="1600" height="1066" alt="Smoke rises over the mill" loading="eager" fetchpriority="high"/);
    expect(html).toMatch(/<figure class="nr-figure">.*alt="Firefighters at the mill gate" loading="lazy".*<span class="nr-figure__credit">Sam Lee<\/span><\/figcaption><\/figure>/);
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/news\.example\.org\/img\/[\w-]+-16x9-50-50-1200\.jpeg">/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta name="robots" content="max-image-preview:large">');
    expect(html).toMatch(/"image":\[\{"@type":"ImageObject","url":"https:\/\/news\.example\.org\/img\/[\w-]+-16x9-50-50-1200\.jpeg","width":1200,"height":675\}/);
    const images = await readdir(path.join(site, "_site/img"));
    for (const format of ["avif", "webp", "jpeg"]) for (const width of [480, 800, 1200, 1600]) expect(images.some((file) => file.endsWith(`-${width}.${format}`)), `${width}.${format}`).toBe(true);
    // The story without a photo has its card.
    const plain = await readFile(path.join(site, "_site/local/2025/10/14/budget-passes/index.html"), "utf8");
    const card = /<meta property="og:image" content="https:\/\/news\.example\.org(\/img\/cards\/[0-9a-f]{16}\.png)">/.exec(plain)?.[1];
    expect(card).toBeDefined();
    const png = await readFile(path.join(site, "_site", card as string));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 240_000);

  it("publishes the site's own assets/site.css instead of the theme's", async () => {
    await writeFile(path.join(site, "assets/site.css"), "/* Riverton Ledger's own stylesheet */\n");
    await eleventy(site);
    expect(await readFile(path.join(site, "_site/assets/site.css"), "utf8")).toBe("/* Riverton Ledger's own stylesheet */\n");
    await expect(readFile(path.join(site, "_site/assets/favicon.svg"), "utf8")).resolves.toContain("<svg");
  }, 120_000);

  it("uses a layout from the site's own _includes/ instead of the theme's", async () => {
    await mkdir(path.join(site, "_includes/layouts"), { recursive: true });
    await writeFile(
      path.join(site, "_includes/layouts/article.njk"),
      '---\nlayout: layouts/base.njk\n---\n<article class="my-own-article"><h1>{{ title }}</h1>{{ content | safe }}</article>\n',
    );
    await eleventy(site);
    const article = await readFile(path.join(site, "_site/local/2025/10/14/budget-passes/index.html"), "utf8");
    expect(article).toContain('<article class="my-own-article"><h1>Council passes the budget</h1>');
    expect(article).not.toContain('class="article__headline"');
    // The theme's base layout still wraps it.
    expect(article).toContain('<header class="masthead">');
  }, 120_000);
});
