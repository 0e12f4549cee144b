/**
 * `npx eleventy-plugin-newsroom init` as a new user meets it: the packed tarball installed into an
 * empty folder outside the repository, then the README's "Quick start: a new newsroom" followed
 * word for word, with the tarball standing in for the registry package. The new site must build
 * with search, follow its own `_data/site.json`, and never overwrite a file. From the same tarball,
 * a newsroom of a dozen stories publishes the front of house: a featured lead with its photo,
 * thumbnails, no story twice, typographic quotes, the self-hosted face, nothing for axe to find.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";
import { axeViolations, describeViolations, launchChromium, sealedContext } from "../helpers/browser.js";
import { DOZEN, FEATURED_STORY, storyPath, TYPED_QUOTE, TYPOGRAPHIC_QUOTE, writeDozenStories, type DozenStory } from "../helpers/dozen-stories.js";
import { serveStatic } from "../helpers/static-server.js";
import { PREBUILD } from "../../plugin/cli/init.js";

const run = promisify(execFile);
const env = { ...process.env, NODE_OPTIONS: "", SITE_URL: "", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
const big = { env, maxBuffer: 32 * 1024 * 1024 };

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and reports how it ended instead of throwing. */
async function outcome(command: string, args: string[], cwd: string): Promise<Outcome> {
  return run(command, args, { ...big, cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** The shell lines of the README's init quick start. */
function initQuickStart(readme: string): string[] {
  const heading = "### Quick start: a new newsroom";
  const start = readme.indexOf(heading);
  if (start === -1) throw new Error(`README has no "${heading}"`);
  const block = /```sh\n([\s\S]*?)\n```/.exec(readme.slice(start));
  return (block?.[1] ?? "").split("\n").filter(Boolean);
}

let scratch: string;
let tarball: string;
let project: string;
let site: string;
const built: Outcome[] = [];

const published = () => readFile(path.join(site, "_site/index.html"), "utf8");

/** The sample story's page: its URL carries the day init was run. */
async function sampleStory(pathPrefix = "/"): Promise<string> {
  const front = await published();
  const href = new RegExp(`href="${pathPrefix}(local/\\d{4}/\\d{2}/\\d{2}/sample-story/)"`).exec(front)?.[1];
  expect(href, "the front page links the sample story").toBeDefined();
  return readFile(path.join(site, "_site", href as string, "index.html"), "utf8");
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "newsroom-init-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", scratch], { ...big, cwd: repoRoot });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  tarball = path.join(scratch, (packed as { filename: string }).filename);

  // An empty folder with the package installed, as `npx eleventy-plugin-newsroom` would fetch it.
  project = path.join(scratch, "project");
  await mkdir(project);
  await run("npm", ["install", "--prefer-offline", tarball], { ...big, cwd: project });

  let cwd = project;
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  for (const line of initQuickStart(readme)) {
    if (line.startsWith("cd ")) {
      cwd = path.join(cwd, line.slice(3));
      site = cwd;
      continue;
    }
    for (const command of line.split(" && ")) {
      const [program, ...args] = command.split(" ");
      if (program === "npm" && args[0] === "install") {
        // The command was installed from the tarball under test, which the registry may not hold
        // yet: the new site depends on that same file, so npm install works as the README says.
        const manifest = JSON.parse(await readFile(path.join(cwd, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        expect(manifest.dependencies["eleventy-plugin-newsroom"]).toBe(`file:${await realpath(tarball)}`);
        args.push("--prefer-offline");
      }
      const result = await outcome(program as string, args, cwd);
      built.push(result);
      expect(result.code, `${command}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
  }
}, 600_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("npx eleventy-plugin-newsroom init my-news, then npm install && npm run build", () => {
  it("the README's quick start writes, installs and builds the site in three commands", () => {
    expect(site).toBe(path.join(project, "my-news"));
    expect(built.map((result) => result.code)).toEqual([0, 0, 0]);
  });

  it("writes a complete newsroom", async () => {
    for (const file of [
      "package.json",
      "eleventy.config.js",
      "_data/site.json",
      "_data/sections.json",
      "_data/authors.json",
      "_data/speakers.json",
      "articles/sample-story.md",
      ".github/workflows/pages.yml",
      ".gitignore",
      "README.md",
    ]) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    const manifest = JSON.parse(await readFile(path.join(site, "package.json"), "utf8")) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.name).toBe("my-news");
    // Eleventy first (arguments such as --pathprefix go to it), then Pagefind over what it wrote.
    expect(manifest.scripts).toMatchObject({ prebuild: PREBUILD, build: "eleventy", postbuild: "pagefind --site _site", start: "eleventy --serve --incremental" });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["@11ty/eleventy", "eleventy-plugin-newsroom", "pagefind"]);
    const config = await readFile(path.join(site, "eleventy.config.js"), "utf8");
    expect(config).toContain('import newsroomTheme from "eleventy-plugin-newsroom/theme";');
    expect(config).toContain("eleventyConfig.addPlugin(newsroomTheme");
    const siteSettings = JSON.parse(await readFile(path.join(site, "_data/site.json"), "utf8")) as { name: string };
    expect(siteSettings.name).toBe("My News");
    expect(await readFile(path.join(site, ".gitignore"), "utf8")).toMatch(/^node_modules\/$[\s\S]*^_site\/$[\s\S]*^\.cache\/$/m);
  });

  it("builds the front page, the sample story and the theme's pages, with a search index", async () => {
    const front = await published();
    expect(front).toContain("My News");
    const story = await sampleStory();
    expect(story).toContain('<h1 class="article__headline">Sample story: Lantern Falls opens a library in its old train station</h1>');
    for (const file of ["local/index.html", "speakers/quill/index.html", "speakers/tillery/index.html", "authors/sample-reporter/index.html", "search/index.html", "feed.xml", "sitemap.xml", "assets/site.css", "pagefind/pagefind-entry.json", "pagefind/pagefind.js"]) {
      expect(existsSync(path.join(site, "_site", file)), file).toBe(true);
    }
    const entry = JSON.parse(await readFile(path.join(site, "_site/pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBeGreaterThan(0);
    // The newsroom's README is for its editors, not a page of the site.
    expect(existsSync(path.join(site, "_site/README/index.html"))).toBe(false);
  });

  it("the sample story uses every shortcode, and says it is a sample", async () => {
    const story = await sampleStory();
    expect(story).toContain('<span class="nr-dateline__place">LANTERN FALLS, Vt.</span>');
    expect(story).toContain('data-speaker="quill" href="/speakers/quill/">Lantern Falls Mayor Rosa Quill</a>');
    expect(story).toContain('<span class="nr-speaker nr-speaker--short" data-speaker="quill">Quill</span>');
    expect(story).toContain('<span class="nr-q" data-speaker="quill">“A station was always a place to start a journey,”</span>');
    expect(story).toContain('<aside class="nr-pullquote nr-pullquote--right" aria-hidden="true">');
    expect(story).toContain('<figure class="nr-quote" data-speaker="tillery">');
    expect(story).toContain("the town, the people and the quotes are made up");
    // Every quotation lands in the structured data, attributed to its speaker.
    expect(story.match(/"@type":"Quotation"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("shows times in the time zone of its _data/site.json", async () => {
    // The sample story is dated in the starter's zone, New York.
    expect(await sampleStory()).toMatch(/<time datetime="[^"]+-0[45]:00"[^>]*>[^<]* E[SD]T /);
    const settingsFile = path.join(site, "_data/site.json");
    const settings = JSON.parse(await readFile(settingsFile, "utf8")) as Record<string, unknown>;
    await writeFile(settingsFile, JSON.stringify({ ...settings, timeZone: "America/Los_Angeles" }, null, 2));
    const rebuilt = await outcome("npm", ["run", "build"], site);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const after = await sampleStory();
    expect(after).toMatch(/<time datetime="[^"]+-0[78]:00"[^>]*>[^<]* P[SD]T /);
    expect(after).not.toMatch(/ E[SD]T /);
  }, 180_000);
});

describe("the new site is the user's to change", () => {
  it("its own assets/site.css replaces the theme's stylesheet, and its own logo is published", async () => {
    const ownCss = "/* My News's own stylesheet */\nbody { color: #222; }\n";
    await writeFile(path.join(site, "assets/site.css"), ownCss);
    const rebuilt = await outcome("npm", ["run", "build"], site);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(await readFile(path.join(site, "_site/assets/site.css"), "utf8")).toBe(ownCss);
    // The starter's logo, not another publication's, names the publisher in structured data.
    const logo = await readFile(path.join(site, "_site/assets/logo.svg"), "utf8");
    expect(logo).toContain(">My News</text>");
    expect(logo).not.toContain("The Newsroom");
    expect(await sampleStory()).toMatch(/"publisher":\{[^}]*"name":"My News"[^]*?"logo":\{"@type":"ImageObject","url":"https:\/\/news\.example\.org\/assets\/logo\.svg"/);
  }, 180_000);

  it("builds as the Pages workflow does: SITE_URL and the repository's path prefix", async () => {
    const pages = await run("npm", ["run", "build", "--", "--pathprefix=/my-news/"], { ...big, cwd: site, env: { ...env, SITE_URL: "https://user.github.io" } }).then(
      () => 0,
      (error: { code: number; stderr: string }) => error.stderr,
    );
    expect(pages).toBe(0);
    const story = await sampleStory("/my-news/");
    expect(story).toMatch(/<link rel="canonical" href="https:\/\/user\.github\.io\/my-news\/local\/\d{4}\/\d{2}\/\d{2}\/sample-story\/">/);
    expect(story).toContain('href="/my-news/assets/site.css"');
  }, 180_000);
});

describe("stories are data in the new newsroom, from the packed package (docs/security.md)", () => {
  const story = (body: string, extra = "") => `---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote keeps two bus routes."\ndate: 2025-10-14T18:30:00Z\nsection: local\n${extra}---\nThe council met.\n\n${body}\n`;
  const marker = () => path.join(scratch, "marker.txt");
  /** Builds the newsroom with `files` added (and its config returning `engine` for Markdown), then takes them away again. */
  async function buildWith(files: Record<string, string>, options: { engine?: "njk" | "liquid"; env?: Record<string, string> } = {}): Promise<Outcome> {
    const configFile = path.join(site, "eleventy.config.js");
    const config = await readFile(configFile, "utf8");
    if (options.engine) await writeFile(configFile, config.replace(/\n}\n?$/, `\n  return { markdownTemplateEngine: "${options.engine}" };\n}\n`));
    for (const [file, contents] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), contents);
    }
    try {
      return await run("npx", ["@11ty/eleventy"], { ...big, cwd: site, env: { ...env, ...options.env } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    } finally {
      await writeFile(configFile, config);
      for (const file of Object.keys(files)) await rm(path.join(site, file), { force: true });
    }
  }
  const payload = () => `{{ range.constructor("return process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker()).replace(/"/g, "'")}, 'ran')")() }}`;

  it("with Nunjucks as the Markdown engine, a story's template code stops the build naming file and line, and runs nothing", async () => {
    const result = await buildWith({ "articles/hostile.md": story(payload()) }, { engine: "njk" });
    expect(result.code).not.toBe(0);
    expect(result.stderr.split("\n")[0]).toMatch(/^\[newsroom\] article text, line 9 in \S*articles\/hostile\.md: prints a template expression/);
    expect(existsSync(marker())).toBe(false);
  }, 180_000);

  it("with Liquid (the starter's engine), too", async () => {
    const result = await buildWith({ "articles/hostile.md": story('{% assign x = "a" | append: "b" %}{{ x }}') });
    expect(result.code).not.toBe(0);
    expect(result.stderr.split("\n")[0]).toMatch(/^\[newsroom\] article text, line 9 in \S*articles\/hostile\.md: is template code/);
  }, 180_000);

  it("a data file beside the stories runs no template code", async () => {
    const result = await buildWith({ "articles/articles.json": JSON.stringify({ eleventyComputed: { dek: payload() } }) }, { engine: "njk" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/data file key eleventyComputed in \S*articles\/articles\.json/);
    expect(existsSync(marker())).toBe(false);
  }, 180_000);

  it("a story neither replaces the site's config nor reads a photo outside the site", async () => {
    await mkdir(path.join(scratch, "outside"), { recursive: true });
    await writeFile(path.join(scratch, "outside", "private.jpg"), "a private file outside the site");
    const config = await readFile(path.join(site, "eleventy.config.js"), "utf8");
    const rewrite = await buildWith({ "articles/hostile.md": story("Text.", "permalink: ../eleventy.config.js\nlayout: false\n") });
    expect(rewrite.code).not.toBe(0);
    expect(rewrite.stderr).toMatch(/front matter (permalink|layout) in \S*articles\/hostile\.md/);
    expect(await readFile(path.join(site, "eleventy.config.js"), "utf8")).toBe(config);
    const read = await buildWith({ "articles/hostile.md": story("Text.", 'image:\n  src: "../../outside/private.jpg"\n  alt: "A private photo"\n') });
    expect(read.code).not.toBe(0);
    expect(read.stderr.split("\n")[0]).toMatch(/^\[newsroom\] front matter image\.src in \S*articles\/hostile\.md: the path leads outside the site's folder/);
  }, 180_000);

  it("an address with a password stops the build, the secret masked and never published", async () => {
    const result = await buildWith({}, { env: { SITE_URL: "https://editor:hunter2@news.example.org" } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("https://***:***@news.example.org");
    expect(result.stderr).not.toContain("hunter2");
  }, 180_000);
});

describe("the command's guard rails", () => {
  it("--help explains the command and exits 0", async () => {
    const help = await outcome("npx", ["eleventy-plugin-newsroom", "--help"], project);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npx eleventy-plugin-newsroom init <folder>");
  });

  it("wrong usage exits 2, saying what was wrong", async () => {
    const noFolder = await outcome("npx", ["eleventy-plugin-newsroom", "init"], project);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain("init needs a folder");
    const typo = await outcome("npx", ["eleventy-plugin-newsroom", "inti", "x"], project);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown command "inti". Did you mean "init"?');
    const nothing = await outcome("npx", ["eleventy-plugin-newsroom"], project);
    expect(nothing.code).toBe(2);
  });

  it("refuses to overwrite: exits 1, names the files, changes nothing", async () => {
    const before = await readFile(path.join(site, "_data/site.json"), "utf8");
    const again = await outcome("npx", ["eleventy-plugin-newsroom", "init", "my-news"], project);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("my-news already has");
    expect(again.stderr).toContain("_data/site.json");
    expect(again.stderr).toContain("nothing was written");
    expect(await readFile(path.join(site, "_data/site.json"), "utf8")).toBe(before);
  });
});

describe("init desk --cms from the packed tarball", () => {
  it("publishes /admin/: Sveltia's code from the package, the generated configuration, the components", async () => {
    const wrote = await outcome("npx", ["eleventy-plugin-newsroom", "init", "desk", "--cms"], project);
    expect(wrote.code, wrote.stderr).toBe(0);
    const desk = path.join(project, "desk");
    for (const [program, ...args] of [["npm", "install", "--prefer-offline"], ["npm", "run", "build"]] as const) {
      const result = await outcome(program, args, desk);
      expect(result.code, `${program} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
    const admin = (file: string) => readFile(path.join(desk, "_site", "admin", file), "utf8");
    const config = await admin("config.yml");
    expect(config).toMatch(/folder: articles\n/);
    expect(config).toMatch(/- name: section\n(?:\s+.*\n)*?\s+options:\n\s+- label: Local \(local\)\n\s+value: local/);
    // Dates picked and saved in the newsroom's zone, with its offset; the registries as settings.
    expect(config).toMatch(/- name: date\n(?:\s+.*\n)*?\s+input_timezone: America\/New_York\n\s+output_utc: false\n/);
    expect(config).toMatch(/- name: sections\n\s+label: Sections\n\s+file: _data\/sections\.json\n/);
    expect(await admin("newsroom-components.js")).toContain('"name":"figure"');
    expect(await admin("sveltia-cms.js")).toBe(await readFile(path.join(desk, "node_modules", "@sveltia", "cms", "dist", "sveltia-cms.js"), "utf8"));
    expect(await admin("index.html")).toContain('<script src="sveltia-cms.js"></script>');
    // The CMS's interface faces, installed with the package as its dependencies, published from the site.
    const faces = await readdir(path.join(desk, "_site", "admin", "fonts"));
    expect(faces.sort()).toEqual(["material-symbols-outlined-latin-wght-normal.woff2", "noto-mono-latin-400-normal.woff2", "source-sans-3-latin-wght-normal.woff2"]);
    expect(await admin("index.html")).toContain("src:url(fonts/material-symbols-outlined-latin-wght-normal.woff2)");

    // The published admin page opens in Chromium: Sveltia's sign-in drawn from the generated
    // configuration, no script error, every script from the site itself.
    const server = await serveStatic(path.join(desk, "_site"));
    const browser = await launchChromium();
    try {
      const { context } = await sealedContext(browser);
      const page = await context.newPage();
      const errors: string[] = [];
      const scripts: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      await page.goto(`${server.url}admin/`, { waitUntil: "networkidle" });
      await page.getByRole("button", { name: /Sign In with/ }).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(new URL(script).origin, script).toBe(new URL(server.url).origin);
      expect(await page.evaluate(() => typeof (window as unknown as { CMS?: { registerEditorComponent?: unknown } }).CMS?.registerEditorComponent)).toBe("function");
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  }, 600_000);
});

describe("kinds and trust in the new site", () => {
  /** A story page of the new site by its file name (its address carries its day). */
  async function storyPage(slug: string): Promise<string> {
    const front = await published();
    const href = new RegExp(`href="/(local/\\d{4}/\\d{2}/\\d{2}/${slug}/)"`).exec(front)?.[1];
    expect(href, `the front page links ${slug}`).toBeDefined();
    return readFile(path.join(site, "_site", href as string, "index.html"), "utf8");
  }
  const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1] as string) as Record<string, unknown>);
  const story = (fields: string) => `---\ntitle: "A story of its kind"\ndek: "What it is."\ndate: ${new Date(Date.now() - 3_600_000).toISOString()}\nsection: local\n${fields}\n---\nThe text, with [a link](https://elsewhere.example/).\n`;
  const write = (name: string, text: string) => writeFile(path.join(site, "articles", name), text);
  const remove = (...names: string[]) => Promise.all(names.map((name) => rm(path.join(site, "articles", name), { force: true })));

  it("an opinion column is an OpinionNewsArticle labelled Opinion on its page and its cards, with its backstory; the standards are linked from every page", async () => {
    const rebuilt = await outcome("npm", ["run", "build"], site);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    // The starter links every disclosure: the build names none missing.
    expect(rebuilt.stdout).not.toContain("Trust Project");
    const column = await storyPage("sample-column");
    const [article] = jsonLd(column);
    expect(article?.["@type"]).toBe("OpinionNewsArticle");
    expect(column).toMatch(/<a class="kind-label__kind" href="\/about\/#kind-opinion" data-pagefind-filter="kind\[data-pagefind-value\]" data-pagefind-value="Opinion" data-pagefind-meta="kind">Opinion<\/a>[\s\S]*<h1 class="article__headline">/);
    expect(await published()).toContain('<a class="kind-label__kind" href="/about/#kind-opinion">Opinion</a>');
    expect(column).toContain("Behind the story");
    expect(article?.backstory).toMatch(/^A sample of the note that tells readers why and how a story was written/);
    expect(article?.publisher).toMatchObject({ ethicsPolicy: "https://news.example.org/standards/#ethics", masthead: "https://news.example.org/standards/#masthead" });
    for (const page of ["index.html", "about/index.html", "standards/index.html", "archive/index.html"]) {
      expect(await readFile(path.join(site, "_site", page), "utf8"), page).toContain('<a href="/about/#standards">Standards</a>');
    }
    expect(await readFile(path.join(site, "_site/about/index.html"), "utf8")).toContain('<dt id="kind-opinion">Opinion</dt>');
    expect(await readFile(path.join(site, "_site/feed.xml"), "utf8")).toContain('<category term="opinion" label="Opinion"');
  }, 180_000);

  it("an analysis is an AnalysisNewsArticle; paid content discloses its sponsor and stays out of the news sitemap", async () => {
    await write("deeper.md", story("kind: analysis\nbyline: [sample-reporter]"));
    await write("paid.md", story('kind: sponsored\nsponsor: { name: "Acme Bank", url: "https://acme.example/" }'));
    try {
      const rebuilt = await outcome("npm", ["run", "build"], site);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(jsonLd(await storyPage("deeper"))[0]?.["@type"]).toBe("AnalysisNewsArticle");
      const paid = await storyPage("paid");
      expect(jsonLd(paid)[0]?.["@type"]).toBe("AdvertiserContentArticle");
      expect(paid).toContain('Paid content from <a rel="sponsored" href="https://acme.example/">Acme Bank</a>');
      expect(paid).toContain('<a rel="sponsored" href="https://elsewhere.example/">a link</a>');
      expect(await published()).toContain("Paid content from");
      const sitemap = await readFile(path.join(site, "_site/news-sitemap.xml"), "utf8");
      expect(sitemap).toMatch(/local\/\d{4}\/\d{2}\/\d{2}\/deeper\//);
      expect(sitemap).not.toContain("/paid/");
    } finally {
      await remove("deeper.md", "paid.md");
    }
  }, 180_000);

  it("paid content without its sponsor, and a misspelt kind, stop the build", async () => {
    await write("paid.md", story("kind: sponsored"));
    try {
      const unsponsored = await outcome("npm", ["run", "build"], site);
      expect(unsponsored.code).not.toBe(0);
      expect(unsponsored.stdout + unsponsored.stderr).toMatch(/front matter sponsor in \S*paid\.md: is missing: paid content must name who paid for it/);
      await write("paid.md", story("kind: opnion\nbyline: [sample-reporter]"));
      const misspelt = await outcome("npm", ["run", "build"], site);
      expect(misspelt.code).not.toBe(0);
      expect(misspelt.stdout + misspelt.stderr).toMatch(/front matter kind in \S*paid\.md: unknown kind: "opnion"\. Fix: did you mean "opinion"\?/);
    } finally {
      await remove("paid.md");
    }
  }, 180_000);
});

describe("a dozen stories from the packed tarball: the front of house", () => {
  let front: string;
  const html = (file: string) => readFile(path.join(front, "_site", file), "utf8");
  const page = (story: DozenStory) => html(`${storyPath(story)}index.html`);
  const photoStories = new Set(DOZEN.filter((story) => story.photo).map((story) => `/${storyPath(story)}`));
  /** Each story card of a page (a grid's card or a list's item): the story it links and whether it has a thumbnail. */
  const cards = (source: string) =>
    [...source.matchAll(/<article class="card">([\s\S]*?)<\/article>|<li class="story-list__item">([\s\S]*?)<\/li>/g)].map((match) => ({
      href: /<h\d class="(?:card|story-list)__headline"><a href="([^"]+)"/.exec((match[1] ?? match[2]) as string)?.[1] ?? "",
      // The thumbnail links to the story, as the headline does (out of the tab order, hidden from screen readers).
      thumbnail: /<a class="card__thumb" href="[^"]+" tabindex="-1" aria-hidden="true"><picture>[\s\S]*?<img src="\/img\/[^"]+"[^>]* loading="lazy"/.test((match[1] ?? match[2]) as string),
    }));

  beforeAll(async () => {
    const wrote = await outcome("npx", ["eleventy-plugin-newsroom", "init", "front"], project);
    expect(wrote.code, wrote.stderr).toBe(0);
    front = path.join(project, "front");
    await writeDozenStories(front);
    for (const [program, ...args] of [["npm", "install", "--prefer-offline"], ["npm", "run", "build"]] as const) {
      const result = await outcome(program, args, front);
      expect(result.code, `${program} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
  }, 600_000);

  it("leads the front page with the featured story (not the newest) and its photo", async () => {
    const lead = /<article class="lead">([\s\S]*?)<\/article>/.exec(await html("index.html"))?.[1] ?? "";
    expect(lead).toContain(`<a href="/${storyPath(FEATURED_STORY)}">`);
    expect(lead).toMatch(/<div class="lead__photo"><picture><source type="image\/avif" srcset="\/img\/[^"]+"[\s\S]*<img src="\/img\/[^"]+\.jpeg"[^>]* alt="The harbor at dawn, photo 7" loading="eager" fetchpriority="high"/);
  });

  it("lists no story twice among the front's headlines, and every one of the dozen", async () => {
    const headlines = [...(await html("index.html")).matchAll(/<h3 class="(?:lead|card)__headline"><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(headlines).size).toBe(headlines.length);
    expect(new Set(headlines)).toEqual(new Set(DOZEN.map((story) => `/${storyPath(story)}`)));
  });

  it("shows a thumbnail on every card of a story with a photo, and none on the others: front, section page, related stories", async () => {
    const lists = { front: await html("index.html"), section: await html("local/index.html"), related: await page(DOZEN[11] as DozenStory) };
    for (const [where, source] of Object.entries(lists)) {
      const found = cards(source);
      expect(found.length, where).toBeGreaterThan(0);
      expect(found.some((card) => card.thumbnail), `${where} has a photo story's card`).toBe(true);
      for (const card of found) expect(card.thumbnail, `${where}: ${card.href}`).toBe(photoStories.has(card.href));
    }
  });

  it("sets the story's prose in typographic quotes and apostrophes", async () => {
    const story = await page(DOZEN[0] as DozenStory);
    expect(story).toContain(`<p>${TYPOGRAPHIC_QUOTE}</p>`);
    expect(story).not.toContain(TYPED_QUOTE);
  });

  it("draws its text in the self-hosted face: the stylesheet's own files, no other host on any page", async () => {
    const css = await html("assets/site.css");
    const faces = [...css.matchAll(/@font-face \{ font-family: "Source Serif 4";[^}]*src: url\(([^)]+)\)/g)].map((match) => match[1] as string);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face).toMatch(/^fonts\/source-serif-4-[\w-]+\.woff2$/);
      expect(existsSync(path.join(front, "_site/assets", face)), face).toBe(true);
    }
    const pages = (await readdir(path.join(front, "_site"), { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(12);
    for (const file of pages) {
      const source = await html(file);
      // Whatever a page loads: src, srcset, stylesheets, icons, preloads.
      const loads = [...source.matchAll(/\s(?:src|srcset)="([^"]*)"|<link [^>]*rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*href="([^"]*)"/g)].map((match) => match[1] ?? match[2] ?? "");
      for (const address of loads.flatMap((value) => value.split(",").map((part) => part.trim().split(" ")[0] ?? ""))) expect(address, `${file}: ${address}`).toMatch(/^\/(?!\/)/);
    }
  });

  it("axe finds nothing on the front page and a story with its photo, and neither asks another host for anything", async () => {
    const server = await serveStatic(path.join(front, "_site"));
    const browser = await launchChromium();
    try {
      for (const address of ["", storyPath(FEATURED_STORY)]) {
        for (const width of [390, 1280]) {
          const { context, outside } = await sealedContext(browser, { viewport: { width, height: 900 } });
          const tab = await context.newPage();
          await tab.goto(server.url + address, { waitUntil: "load" });
          expect(describeViolations(await axeViolations(tab)), `/${address} at ${width} px`).toEqual([]);
          expect(outside, `/${address}`).toEqual([]);
          await context.close();
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
