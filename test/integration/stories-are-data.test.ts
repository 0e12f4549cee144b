/**
 * Stories are data (docs/security.md): whatever a story says, it runs no code at build time and
 * writes nothing outside its place. Each hostile story would create a marker file if its code ran:
 * the build must stop, naming the file, and the marker must not exist. The same story with
 * trustedStories on shows that the payload is real (the marker is made).
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import newsroomTheme, { type NewsroomThemeOptions } from "../../plugin/theme/index.js";
import { messageChain } from "../helpers/errors.js";

const scratchRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scratch");
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Data Desk", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Data Desk", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh", shortName: "Marsh", description: "mayor of Riverton" } }),
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
};

const FIELDS = 'title: "Council passes the budget"\ndek: "A 5-2 vote keeps two bus routes."\ndate: 2025-10-14T18:30:00Z\nsection: news\nbyline: [ada-reyes]\ntags: [Budget]';
const story = (body: string, extra = "") => `---\n${FIELDS}${extra ? `\n${extra}` : ""}\n---\nThe council met.\n\n${body}\n`;

interface Site {
  dir: string;
  /** The marker a hostile story would write. */
  marker: string;
  error: string | undefined;
}

type Engine = "njk" | "liquid";

/**
 * Writes the site into a fresh folder and builds it to disk (`_site` inside it). `files` may use
 * MARKER for the marker's path.
 */
async function build(files: (marker: string) => Record<string, string>, options: { engine?: Engine; theme?: NewsroomThemeOptions; configure?: (eleventyConfig: EleventyConfig, marker: string) => void } = {}): Promise<Site> {
  await mkdir(scratchRoot, { recursive: true });
  const dir = await mkdtemp(path.join(scratchRoot, "data-"));
  made.push(dir);
  const marker = path.join(dir, "marker.txt");
  for (const [file, contents] of Object.entries({ ...SITE, ...files(marker) })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  const relative = path.relative(process.cwd(), dir);
  const engine = options.engine ?? "njk";
  // The template engines are set by what a config file returns: this one hands Eleventy's config
  // to the test's own function, and returns them.
  const configure = (eleventyConfig: EleventyConfig & { setUseGitIgnore?: (on: boolean) => void }) => {
    eleventyConfig.setUseGitIgnore?.(false);
    options.configure?.(eleventyConfig, marker);
    eleventyConfig.addPlugin(newsroomTheme, options.theme ?? {});
  };
  const key = `newsroomTestConfig${made.length}`;
  (globalThis as Record<string, unknown>)[key] = configure;
  await writeFile(path.join(dir, "site.config.mjs"), `export default function (eleventyConfig) {\n  globalThis[${JSON.stringify(key)}](eleventyConfig);\n  return { markdownTemplateEngine: "${engine}", htmlTemplateEngine: "${engine}" };\n}\n`);
  const elev = new Eleventy(relative, path.join(relative, "_site"), { quietMode: true, configPath: path.join(relative, "site.config.mjs") });
  let error: string | undefined;
  try {
    await elev.write();
  } catch (caught) {
    error = messageChain(caught);
  }
  return { dir, marker, error };
}

/** A filter and a shortcode that write the marker: what a site's own code could do if a story reached it. */
function markerWriters(eleventyConfig: EleventyConfig, marker: string): void {
  const mark = (value?: unknown) => {
    writeFileSync(marker, "ran");
    return typeof value === "string" ? value : "";
  };
  eleventyConfig.addFilter("leak", mark);
  eleventyConfig.addShortcode("leak", mark);
}

/** Nunjucks' way out of its sandbox: a global function's constructor is Function. */
const nunjucksPayload = (marker: string) => `{{ range.constructor("return process.getBuiltinModule('fs').writeFileSync('${marker}', 'ran')")() }}`;

describe("a story's text runs no code, whatever the Markdown engine", () => {
  it.each([
    ["njk", "articles/story.md", nunjucksPayload],
    ["njk", "articles/story.md", () => '{{ "x" | leak }}'],
    ["njk", "articles/story.md", () => '{% if true %}{% leak %}{% endif %}'],
    ["njk", "articles/story.md", () => '{% speaker "marsh" | leak %}'],
    ["njk", "articles/story.njk", nunjucksPayload],
    ["njk", "articles/story.html", nunjucksPayload],
    ["liquid", "articles/story.md", () => '{{ "x" | leak }}'],
    ["liquid", "articles/story.md", () => "{%- leak -%}"],
    ["liquid", "articles/story.md", () => "{# {{ 'x' | leak }} #}"],
    ["liquid", "articles/story.liquid", () => '{{ "x" | leak }}'],
    ["liquid", "articles/story.html", () => "{% assign a = 'x' | leak %}"],
  ] as const)("%s: %s with %s", async (engine, file, payload) => {
    const hostile = (marker: string) => ({ [file]: story(`Line.\n\nThen ${payload(marker)} here.`) });
    const site = await build(hostile, { engine, configure: markerWriters });
    expect(site.error).toMatch(new RegExp(`\\[newsroom\\] article text, line 13 in \\S*${path.basename(file).replace(".", "\\.")}: .*Fix: .*trustedStories`));
    expect(existsSync(site.marker)).toBe(false);
    // The same story, trusted, runs: the payload is real.
    const trusted = await build(hostile, { engine, configure: markerWriters, theme: { trustedStories: true } });
    expect(trusted.error).toBeUndefined();
    expect(existsSync(trusted.marker)).toBe(true);
  });

  it.each(["njk", "liquid"] as const)("%s: literal shortcodes, comments and raw blocks build", async (engine) => {
    const body = '{% dateline "Riverton, Ohio" %} {% speaker "marsh" %} said {% inlineQuote "marsh" %}We are done,{% endinlineQuote %}\n\n{% pullquote "marsh", "right" %}We are done{% endpullquote %}\n\nTemplates write {% raw %}{{ title }}{% endraw %}.';
    const site = await build(() => ({ "articles/story.md": story(`${body}\n\n${engine === "njk" ? "{# a note #}" : ""}`) }), { engine });
    expect(site.error).toBeUndefined();
    const html = await readFile(path.join(site.dir, "_site/news/2025/10/14/story/index.html"), "utf8");
    expect(html).toContain("Templates write {{ title }}.");
    expect(html).toContain("Delia Marsh");
  });
});

describe("a story's front matter runs no code", () => {
  it.each(["js", "javascript", "jsLegacy"])("---%s front matter is refused before it runs", async (language) => {
    const code = language === "jsLegacy"
      ? (marker: string) => `{ title: process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran") || "A" }`
      : (marker: string) => `const ran = process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nconst title = "A";`;
    const files = (marker: string) => ({ "articles/story.md": `---${language}\n${code(marker)}\n---\nThe council met.\n` });
    const site = await build(files);
    expect(site.error).toMatch(new RegExp(`\\[newsroom\\] front matter in \\S*story\\.md: is written in "${language}", which runs as code`));
    expect(existsSync(site.marker)).toBe(false);
    // Trusted, it runs (and the story then fails its own checks: it has no date).
    const trusted = await build(files, { theme: { trustedStories: true } });
    expect(existsSync(trusted.marker)).toBe(true);
  });

  it("other files keep JavaScript front matter", async () => {
    const site = await build(() => ({ "articles/story.md": story("Text."), "hello.njk": '---js\nconst title = "Hello from JS";\n---\n<p>{{ title }}</p>' }));
    expect(site.error).toBeUndefined();
    expect(await readFile(path.join(site.dir, "_site/hello/index.html"), "utf8")).toContain("Hello from JS");
  });

  it.each([
    ["eleventyComputed", (marker: string) => `eleventyComputed:\n  dek: ${JSON.stringify(nunjucksPayload(marker))}`, /front matter eleventyComputed in \S*story\.md: is Eleventy's key that is data Eleventy computes/],
    ["a permalink with template code", (marker: string) => `permalink: ${JSON.stringify(`/news/${nunjucksPayload(marker)}/`)}`, /front matter permalink in \S*story\.md: may only be a plain address inside the story's section/],
    ["a permalink in a YAML merge key", (marker: string) => `base: &b\n  permalink: ${JSON.stringify(`/news/${nunjucksPayload(marker)}/`)}\n<<: *b`, /front matter permalink in \S*story\.md/],
    ["templateEngineOverride", () => "templateEngineOverride: njk", /front matter templateEngineOverride in \S*story\.md/],
  ])("%s is refused before Eleventy renders it", async (_name, extra, expected) => {
    const files = (marker: string) => ({ "articles/story.md": story("Text.", extra(marker)) });
    const site = await build(files);
    expect(site.error).toMatch(expected);
    expect(existsSync(site.marker)).toBe(false);
  });

  it("eleventyComputed's template code is real: trusted, it runs", async () => {
    const site = await build((marker) => ({ "articles/story.md": story("Text.", `eleventyComputed:\n  dek: ${JSON.stringify(nunjucksPayload(marker))}`) }), { theme: { trustedStories: true } });
    expect(existsSync(site.marker)).toBe(true);
  });
});

describe("code files are refused in the stories folder", () => {
  it.each([
    ["articles/evil.11ty.js", (marker: string) => `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default () => "x";\n`],
    ["articles/evil.11ty.cjs", (marker: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = () => "x";\n`],
    ["articles/articles.11tydata.cjs", (marker: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = {};\n`],
  ])("%s", async (file, code) => {
    const files = (marker: string) => ({ "articles/story.md": story("Text."), [file]: code(marker) });
    const site = await build(files);
    expect(site.error).toMatch(new RegExp(`\\[newsroom\\] articles folder in \\S*${path.basename(file).replace(/\./g, "\\.")}: holds a file that is code`));
    expect(existsSync(site.marker)).toBe(false);
    const trusted = await build(files, { theme: { trustedStories: true } });
    expect(existsSync(trusted.marker)).toBe(true);
  });
});

describe("data files beside the stories are data, like the stories", () => {
  const computedDek = (marker: string) => JSON.stringify({ eleventyComputed: { dek: nunjucksPayload(marker) } });
  it.each([
    ["articles/articles.json", computedDek, /data file key eleventyComputed in \S*articles\.json: is Eleventy's key that is data Eleventy computes/],
    ["articles/articles.11tydata.json", computedDek, /data file key eleventyComputed in \S*articles\.11tydata\.json/],
    ["articles/story.json", computedDek, /data file key eleventyComputed in \S*story\.json/],
    ["articles/story.11tydata.json", (marker: string) => JSON.stringify({ permalink: `/news/${nunjucksPayload(marker)}/` }), /data file key permalink in \S*story\.11tydata\.json: is Eleventy's key that gives the stories' addresses/],
    ["articles/articles.json", () => JSON.stringify({ layout: false, permalink: "../eleventy.config.js" }), /data file key (layout|permalink) in \S*articles\.json/],
  ])("%s is refused before Eleventy runs it", async (file, contents, expected) => {
    const files = (marker: string) => ({ "articles/story.md": story("Text."), [file]: contents(marker) });
    const site = await build(files);
    expect(site.error).toMatch(expected);
    expect(site.error).toMatch(/Fix: remove it: .*trustedStories/);
    expect(existsSync(site.marker)).toBe(false);
  });

  it("the payload is real: trusted, a folder's eleventyComputed runs", async () => {
    const site = await build((marker) => ({ "articles/story.md": story("Text."), "articles/articles.json": computedDek(marker) }), { theme: { trustedStories: true } });
    expect(existsSync(site.marker)).toBe(true);
  });

  it("a folder's story fields (section, tags) are data, and build", async () => {
    const site = await build(() => ({ "articles/story.md": story("Text.").replace("section: news\n", ""), "articles/articles.json": JSON.stringify({ section: "news" }), "articles/notes.json": JSON.stringify({ layout: "not read by Eleventy: named for no story or folder" }) }));
    expect(site.error).toBeUndefined();
    expect(existsSync(path.join(site.dir, "_site/news/2025/10/14/story/index.html"))).toBe(true);
  });

  it("a data format the site added is read with its parser and checked alike", async () => {
    const yaml = (text: string) => Object.fromEntries(text.trim().split("\n").map((line) => line.split(": ") as [string, string]));
    const site = await build(() => ({ "articles/story.md": story("Text."), "articles/articles.yml": "layout: evil.njk\n" }), {
      configure: (eleventyConfig) => (eleventyConfig as EleventyConfig & { addDataExtension(extensions: string, parser: (text: string) => unknown): void }).addDataExtension("yml", yaml),
    });
    expect(site.error).toMatch(/data file key layout in \S*articles\.yml/);
  });

  it("a __proto__ key in any JSON data file stops the build, naming the file", async () => {
    const site = await build(() => ({ "articles/story.md": story("Text."), "pages/pages.11tydata.json": '{ "__proto__": { "polluted": true } }', "pages/about-us.md": "---\ntitle: About us\n---\nWho we are." }));
    expect(site.error).toMatch(/data file key __proto__ in \S*pages\.11tydata\.json: this key is a name every JavaScript object already has/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("links in the stories folder", () => {
  /** Builds a site whose stories folder holds `link`, a symlink made after the files are written. */
  async function withLink(files: (marker: string) => Record<string, string>, link: string, target: (dir: string) => string, options: { theme?: NewsroomThemeOptions } = {}) {
    const { symlinkSync } = await import("node:fs");
    return build(files, { ...options, configure: (_eleventyConfig, marker) => {
      const dir = path.dirname(marker);
      if (!existsSync(path.join(dir, link))) symlinkSync(target(dir), path.join(dir, link));
    } });
  }
  const outside = async () => {
    // Outside the project folder, where Eleventy runs (the test sites are inside it).
    const dir = await mkdtemp(path.join(tmpdir(), "outside-"));
    made.push(dir);
    await writeFile(path.join(dir, "private.md"), story("A private draft from outside the site."));
    return dir;
  };

  it("a link to a story outside the site stops the build before it is read", async () => {
    const away = await outside();
    const site = await withLink(() => ({ "articles/story.md": story("Text.") }), "articles/leak.md", () => path.join(away, "private.md"));
    expect(site.error).toMatch(/\[newsroom\] articles folder in \S*leak\.md: holds a link to a file or folder outside the site's folder/);
    expect(existsSync(path.join(site.dir, "_site/news/2025/10/14/leak/index.html"))).toBe(false);
  });

  it("a link to a folder outside the site stops the build", async () => {
    const away = await outside();
    const site = await withLink(() => ({ "articles/story.md": story("Text.") }), "articles/more", () => away);
    expect(site.error).toMatch(/articles folder in \S*more: holds a link to a file or folder outside/);
  });

  it("a code file behind a link to a folder inside the site is refused like one in the folder", async () => {
    const files = (marker: string) => ({ "articles/story.md": story("Text."), "scripts/evil.11ty.cjs": `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = () => "x";\n` });
    const site = await withLink(files, "articles/more", (dir) => path.join(dir, "scripts"));
    expect(site.error).toMatch(/articles folder in \S*evil\.11ty\.cjs: holds a file that is code/);
    expect(existsSync(site.marker)).toBe(false);
  });

  it("a link to stories inside the site builds them", async () => {
    const site = await withLink(() => ({ "articles/story.md": story("Text."), "desk/second.md": story("Second.") }), "articles/desk", (dir) => path.join(dir, "desk"));
    expect(site.error).toBeUndefined();
    expect(existsSync(path.join(site.dir, "_site/news/2025/10/14/second/index.html"))).toBe(true);
  });
});

describe("a site's own template delimiters", () => {
  it("Nunjucks tags of the site's own stop the build: a story could run code in them", async () => {
    const files = (marker: string) => ({ "articles/story.md": story(`Then <$ range.constructor("return process.getBuiltinModule('fs').writeFileSync('${marker}', 'ran')")() $> here.`) });
    const configure = (eleventyConfig: EleventyConfig) => (eleventyConfig as EleventyConfig & { setNunjucksEnvironmentOptions(options: object): void }).setNunjucksEnvironmentOptions({ tags: { variableStart: "<$", variableEnd: "$>" } });
    const site = await build(files, { configure });
    expect(site.error).toMatch(/\[newsroom\] the site's config, Nunjucks delimiters: are the site's own.*"variableStart":"<\$".*Fix: give Nunjucks its standard delimiters/);
    expect(existsSync(site.marker)).toBe(false);
    const trusted = await build(files, { configure, theme: { trustedStories: true } });
    expect(existsSync(trusted.marker)).toBe(true);
  });

  it("Liquid delimiters of the site's own stop the build", async () => {
    const configure = (eleventyConfig: EleventyConfig) => (eleventyConfig as EleventyConfig & { setLiquidOptions(options: object): void }).setLiquidOptions({ outputDelimiterLeft: "<%=", outputDelimiterRight: "%>" });
    const site = await build(() => ({ "articles/story.md": story('Then <%= "x" | leak %> here.') }), { engine: "liquid", configure: (eleventyConfig, marker) => { configure(eleventyConfig); markerWriters(eleventyConfig, marker); } });
    expect(site.error).toMatch(/the site's config, Liquid delimiters: are the site's own/);
    expect(existsSync(site.marker)).toBe(false);
  });
});

describe("a story writes nothing outside its place", () => {
  const CONFIG = "// the site's config\n";
  const hostile = (permalink: string) => () => ({ "eleventy.config.js": CONFIG, "articles/story.md": story("Text.", `permalink: ${permalink}\nlayout: false`) });

  it.each(["../eleventy.config.js", "../../x/index.html", "/assets/site.css"])("permalink %s is refused in a story", async (permalink) => {
    const site = await build(hostile(permalink));
    expect(site.error).toMatch(/\[newsroom\] front matter (permalink|layout) in \S*story\.md/);
    expect(await readFile(path.join(site.dir, "eleventy.config.js"), "utf8")).toBe(CONFIG);
  });

  it.each([
    ["../eleventy.config.js", /story page in \S*story\.md: would be written outside the output folder/],
    ["../../x/index.html", /story page in \S*story\.md: would be written outside the output folder/],
    ["/assets/site.css", /story page in \S*story\.md: would be written into assets\//],
    ["/feed.xml", /story page in \S*story\.md: would take a path the theme or the site publishes/],
  ])("trusted, permalink %s is still refused, and nothing is written", async (permalink, expected) => {
    const site = await build(hostile(permalink), { theme: { trustedStories: true } });
    expect(site.error).toMatch(expected);
    expect(await readFile(path.join(site.dir, "eleventy.config.js"), "utf8")).toBe(CONFIG);
    expect(existsSync(path.join(site.dir, "..", "x", "index.html"))).toBe(false);
    expect(existsSync(path.join(site.dir, "_site", "assets", "site.css")) ? await readFile(path.join(site.dir, "_site", "assets", "site.css"), "utf8") : "").not.toContain("The council met");
  });

  it("trusted and left out of the collections, a story's page is still checked before it is written", async () => {
    const site = await build(() => ({ "eleventy.config.js": CONFIG, "articles/story.md": story("Text."), "articles/other.md": story("Text.", "permalink: ../eleventy.config.js\nlayout: false\neleventyExcludeFromCollections: true") }), { theme: { trustedStories: true } });
    expect(site.error).toMatch(/story page in \S*other\.md: would be written outside the output folder/);
    expect(await readFile(path.join(site.dir, "eleventy.config.js"), "utf8")).toBe(CONFIG);
  });

  it("a plain permalink inside the story's section is a story's own", async () => {
    const site = await build(() => ({ "articles/story.md": story("Text.", "permalink: /news/budget-vote/") }));
    expect(site.error).toBeUndefined();
    expect(existsSync(path.join(site.dir, "_site/news/budget-vote/index.html"))).toBe(true);
  });
});

describe("no secret is published: the site's address is an origin", () => {
  const site = () => ({ "articles/story.md": story("Text.") });

  it.each([
    ["site.json's url", { settings: "https://editor:hunter2@news.example.com" }, /site settings url in \S*site\.json: holds a user name or password.*"https:\/\/\*\*\*:\*\*\*@news\.example\.com\/"/],
    ["SITE_URL", { env: "https://editor:hunter2@news.example.com" }, /environment variable SITE_URL: holds a user name or password.*"https:\/\/\*\*\*:\*\*\*@news\.example\.com\/"/],
    ["the plugin option siteUrl", { option: "https://editor:hunter2@news.example.com" }, /option siteUrl: holds a user name or password.*"https:\/\/\*\*\*:\*\*\*@news\.example\.com\/"/],
    ["SITE_URL with a path", { env: "https://user.github.io/repo" }, /environment variable SITE_URL: has a path.*Fix: write the origin alone \("https:\/\/user\.github\.io"\) and build with the path as Eleventy's path prefix: npx @11ty\/eleventy --pathprefix=\/repo\/ \(in a GitHub Pages workflow: SITE_URL: \$\{\{ steps\.pages\.outputs\.origin \}\}\)/],
    ["site.json's url with a query", { settings: "https://news.example.com/?token=s3cret" }, /site settings url in \S*site\.json: has a query or fragment/],
  ] as [string, { settings?: string; env?: string; option?: string }, RegExp][])("%s stops the build, the secret masked", async (_name, given, expected) => {
    const before = process.env.SITE_URL;
    if (given.env) process.env.SITE_URL = given.env;
    else delete process.env.SITE_URL;
    try {
      const files = () => ({ ...site(), ...(given.settings ? { "_data/site.json": SITE["_data/site.json"].replace("https://news.example.com", given.settings) } : {}) });
      const built = await build(files, { theme: given.option ? { newsroom: { siteUrl: given.option } } : {} });
      expect(built.error).toMatch(expected);
      expect(built.error).not.toContain("hunter2");
      expect(built.error).not.toContain("s3cret");
      expect(existsSync(path.join(built.dir, "_site"))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
  });
});
