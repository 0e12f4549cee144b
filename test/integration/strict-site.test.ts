/**
 * A newsroom site as a user writes it: the theme added with no options reads _data/site.json,
 * supplies the article layout and URL, publishes the site's own assets over its own, and refuses
 * what would publish something other than what the newsroom meant (ids that are not slugs, topics
 * that share a page, invisible characters, files that are not UTF-8, articles of any extension
 * skipping the checks).
 */
import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import newsroomTheme, { type NewsroomThemeOptions } from "../../plugin/theme/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { buildFiles } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";

const SETTINGS = { name: "Riverton Ledger", url: "https://news.example.org", language: "en-US", timeZone: "America/Chicago", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } };

const SITE: Record<string, string> = {
  "_data/site.json": JSON.stringify(SETTINGS),
  "_data/sections.json": JSON.stringify({ local: { name: "Local" }, world: { name: "World" } }),
  "_data/authors.json": JSON.stringify({ "sam-lee": { name: "Sam Lee" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh", title: "Mayor" } }),
  "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text y="40">Riverton Ledger</text></svg>',
};

function story(fields: Record<string, string> = {}, body = "The council met on Tuesday."): string {
  const all = { title: '"Council passes the budget"', dek: '"A 5-2 vote."', date: "2025-10-14T18:30:00-05:00", section: "local", tags: "[Budget]", ...fields };
  return `---\n${Object.entries(all).map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n${body}\n`;
}

async function buildError(files: Record<string, string>, theme: NewsroomThemeOptions = {}): Promise<string> {
  try {
    await buildFiles(files, { theme });
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

const scratchRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scratch");
const written: string[] = [];
afterEach(async () => {
  // Retried: after a build that failed, Eleventy may still be copying passthrough files into _site.
  for (const dir of written.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Writes the site to a scratch folder and builds it to disk, as `npx @11ty/eleventy` does. */
async function writeSite(files: Record<string, string | Buffer>, configure?: (eleventyConfig: EleventyConfig) => void): Promise<string> {
  await mkdir(scratchRoot, { recursive: true });
  const dir = await mkdtemp(path.join(scratchRoot, "written-"));
  written.push(dir);
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  const input = path.relative(process.cwd(), dir);
  const elev = new Eleventy(input, path.join(input, "_site"), {
    quietMode: true,
    configPath: false,
    config(eleventyConfig: EleventyConfig) {
      eleventyConfig.setUseGitIgnore?.(false);
      configure?.(eleventyConfig);
      eleventyConfig.addPlugin(newsroomTheme);
    },
  });
  await elev.write();
  return path.join(dir, "_site");
}

describe("_data/site.json is the site's configuration, read by the theme in every site", () => {
  it("addPlugin(newsroomTheme) with no options shows times in the site's zone and names its publisher", async () => {
    const pages = await buildFiles({ ...SITE, "articles/budget.md": story({ date: "2025-10-14T23:30:00Z" }) }, { theme: {} });
    const html = pages.get("/local/2025/10/14/budget/")?.content as string;
    expect(html).toContain('<time datetime="2025-10-14T18:30:00-05:00" data-pagefind-sort="date[datetime]">6:30 p.m. CDT Oct. 14, 2025</time>');
    expect(html).toContain('<link rel="canonical" href="https://news.example.org/local/2025/10/14/budget/">');
    expect(html).toMatch(/"publisher":\{"@type":"NewsMediaOrganization","name":"Riverton Ledger","url":"https:\/\/news\.example\.org\/","logo":\{"@type":"ImageObject","url":"https:\/\/news\.example\.org\/assets\/logo\.svg"\}\}/);
  });

  it("the theme's options override site.json; SITE_URL overrides the address", async () => {
    const previous = process.env.SITE_URL;
    process.env.SITE_URL = "https://user.github.io";
    try {
      const pages = await buildFiles({ ...SITE, "articles/budget.md": story({ date: "2025-10-14T23:30:00Z" }) }, { theme: { newsroom: { timeZone: "Europe/Kyiv" } } });
      const html = pages.get("/local/2025/10/15/budget/")?.content as string;
      expect(html).toContain('<time datetime="2025-10-15T02:30:00+03:00"');
      expect(html).toContain('<link rel="canonical" href="https://user.github.io/local/2025/10/15/budget/">');
    } finally {
      if (previous === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = previous;
    }
  });

  it("a missing site.json stops the build naming the file", async () => {
    const { "_data/site.json": _omitted, ...withoutSettings } = SITE;
    expect(await buildError({ ...withoutSettings, "articles/budget.md": story() })).toMatch(/\[newsroom\] site settings: the site has no settings file: "\S*_data\/site\.json"\. Fix: create it with at least \{ "name"/);
  });

  it.each([
    ["an unknown key", { ...SETTINGS, timezone: "UTC" }, /site settings timezone in \S*_data\/site\.json: unknown key: "timezone"\. Fix: did you mean "timeZone"\?/],
    ["a wrong type", { ...SETTINGS, name: 42 }, /site settings name in \S*_data\/site\.json: must be non-empty text, got: 42/],
    ["a missing time zone", { ...SETTINGS, timeZone: undefined }, /site settings timeZone in \S*_data\/site\.json: is missing\. Fix: add the newsroom's IANA time zone/],
    ["an unknown zone", { ...SETTINGS, timeZone: "America/Chicgo" }, /site settings timeZone in \S*_data\/site\.json: unknown time zone: "America\/Chicgo"/],
    ["a relative url", { ...SETTINGS, url: "news.example.org" }, /site settings url in \S*_data\/site\.json: must be an absolute http\(s\) URL, got: "news\.example\.org"/],
    ["no logo", { ...SETTINGS, organisation: { name: "Riverton Ledger" } }, /site settings organisation\.logo in \S*_data\/site\.json: is missing \(news articles name their publisher with its logo\)\. Fix: put your publication's own logo in the site/],
    ["an unknown organisation key", { ...SETTINGS, organisation: { ...SETTINGS.organisation, logos: "/x.png" } }, /site settings organisation\.logos in \S*_data\/site\.json: unknown key: "logos"\. Fix: did you mean "logo"\?/],
  ])("%s in site.json stops the build naming the file and key", async (_name, settings, expected) => {
    expect(await buildError({ ...SITE, "_data/site.json": JSON.stringify(settings), "articles/budget.md": story() })).toMatch(expected);
  });
});

describe("the theme supplies the article layout and URL", () => {
  it("with no articles.11tydata.json a story is a whole page at /{section}/{yyyy}/{mm}/{dd}/{file}/", async () => {
    const pages = await buildFiles({ ...SITE, "articles/budget.md": story() }, { theme: {} });
    const html = pages.get("/local/2025/10/14/budget/")?.content as string;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1 class="article__headline">Council passes the budget</h1>');
    expect(html).toContain('<meta property="og:type" content="article">');
    const feed = JSON.parse(pages.get("/feed.json")?.content as string) as { items: { url: string }[] };
    expect(feed.items.map((item) => item.url)).toEqual(["https://news.example.org/local/2025/10/14/budget/"]);
  });

  it("a site whose stories are trusted code may give them addresses in articles.11tydata.json", async () => {
    const files = { ...SITE, "articles/articles.11tydata.json": JSON.stringify({ permalink: "/stories/{{ page.fileSlug }}/" }), "articles/budget.md": story() };
    // Beside the stories a data file is data, like a story: its template code is refused (docs/security.md).
    expect(await buildError(files)).toMatch(/data file key permalink in \S*articles\.11tydata\.json/);
    const pages = await buildFiles(files, { theme: { trustedStories: true } });
    expect(pages.get("/stories/budget/")?.content).toContain('<h1 class="article__headline">Council passes the budget</h1>');
    expect(pages.has("/local/2025/10/14/budget/")).toBe(false);
  });
});

describe("every file rendered from articles/ is an article, whatever its extension", () => {
  const files = {
    ...SITE,
    "articles/upper.MD": story({ title: '"Upper-case extension"', date: "2025-10-10T12:00:00-05:00" }),
    "articles/liquid-story.liquid": story({ title: '"A Liquid story"', date: "2025-10-11T12:00:00-05:00" }),
    "articles/html-story.html": story({ title: '"An HTML story"', date: "2025-10-12T12:00:00-05:00" }, "<p>Written in HTML.</p>"),
    "articles/script-story.11ty.js": [
      "export const data = { title: 'A JavaScript story', dek: 'Rendered by a function.', date: new Date('2025-10-13T17:00:00Z'), section: 'local', tags: ['Budget'] };",
      "export function render() { return '<p>From JavaScript.</p>'; }",
    ].join("\n"),
  };

  it("lists and publishes .MD, .liquid, .html and (where stories are trusted code) .11ty.js stories", async () => {
    // A JavaScript story is code: the site must trust its stories (docs/security.md).
    expect(await buildError(files)).toMatch(/articles folder in \S*script-story\.11ty\.js: holds a file that is code/);
    const pages = await buildFiles(files, { theme: { trustedStories: true } });
    const feed = JSON.parse(pages.get("/feed.json")?.content as string) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toEqual(["A JavaScript story", "An HTML story", "A Liquid story", "Upper-case extension"]);
    expect(pages.get("/local/2025/10/13/script-story/")?.content).toContain('<h1 class="article__headline">A JavaScript story</h1>');
  });

  it("a story saved in a format Eleventy does not build (.markdown, .txt) stops the build instead of vanishing", async () => {
    for (const name of ["budget.markdown", "notes/budget.txt"]) {
      const message = await buildError({ ...SITE, "articles/other.md": story(), [`articles/${name}`]: story() });
      expect(message).toMatch(new RegExp(`articles folder in \\S*articles/${name.replace(".", "\\.")}: holds a file Eleventy does not build, so this story would never be published`));
    }
    // Photos and other media beside the stories are not stories.
    const pages = await buildFiles({ ...SITE, "articles/budget.md": story(), "articles/budget.jpg": "not really a JPEG" }, { theme: {} });
    expect(pages.has("/local/2025/10/14/budget/")).toBe(true);
  });

  it("checks them like Markdown stories: an unknown field in a trusted .11ty.js story's data fails", async () => {
    const message = await buildError({ ...SITE, "articles/script-story.11ty.js": files["articles/script-story.11ty.js"].replace("tags:", "tagz:") }, { trustedStories: true });
    expect(message).toMatch(/\[newsroom\] front matter tagz in \S*script-story\.11ty\.js: unknown field \(it would be ignored\): "tagz"\. Fix: did you mean "tags"\?/);
    const upper = await buildError({ ...SITE, "articles/upper.MD": story({ section: "sports" }) });
    expect(upper).toMatch(/\[newsroom\] front matter section in \S*upper\.MD: unknown section id: "sports"/);
  });

  it("a site declares fields of its own in site.json extraFields", async () => {
    const article = story({ podcast: '"https://audio.example/budget.mp3"' });
    expect(await buildError({ ...SITE, "articles/budget.md": article })).toMatch(/front matter podcast in \S*budget\.md: unknown field/);
    const pages = await buildFiles({ ...SITE, "_data/site.json": JSON.stringify({ ...SETTINGS, extraFields: ["podcast"] }), "articles/budget.md": article }, { theme: {} });
    expect(pages.has("/local/2025/10/14/budget/")).toBe(true);
  });
});

describe("registry ids are slugs, because they become URLs", () => {
  it.each([
    ["sections", { "_data/sections.json": JSON.stringify({ local: { name: "Local" }, "r&d": { name: "R&D" } }) }, /\[newsroom\] sections registry id in \S*_data\/sections\.json: must be a slug .*: "r&d"\. Fix: rename it, e\.g\. "r-d"/],
    ["authors", { "_data/authors.json": JSON.stringify({ "Sam Lee": { name: "Sam Lee" } }) }, /\[newsroom\] authors registry id in \S*_data\/authors\.json: must be a slug .*: "Sam Lee"\. Fix: rename it, e\.g\. "sam-lee"/],
    ["speakers", { "_data/speakers.json": JSON.stringify({ "o'brien": { name: "Pat O'Brien" } }) }, /(speakers registry id in \S*_data\/speakers\.json: must be a slug|global data "speakers" › o'brien)/],
  ])("an id in %s that is not a slug stops the build naming the file", async (_name, registry, expected) => {
    expect(await buildError({ ...SITE, ...registry, "articles/budget.md": story() })).toMatch(expected);
  });
});

describe("section and author entries are checked, as speakers are", () => {
  it.each([
    ["a misspelt section name", { "_data/sections.json": JSON.stringify({ local: { nam: "Local" } }) }, /\[newsroom\] sections registry local\.nam in \S*_data\/sections\.json: unknown field \(it would be ignored\): "nam"\. Fix: did you mean "name"\?/],
    ["a section without a name", { "_data/sections.json": JSON.stringify({ local: { description: "Town news" } }) }, /\[newsroom\] sections registry local\.name in \S*_data\/sections\.json: is missing\. Fix: add "name" to the "local" entry/],
    ["a misspelt author name", { "_data/authors.json": JSON.stringify({ "sam-lee": { nmae: "Sam Lee" } }) }, /\[newsroom\] authors registry sam-lee\.nmae in \S*_data\/authors\.json: unknown field \(it would be ignored\): "nmae"\. Fix: did you mean "name"\?/],
    ["an author's sameAs without a scheme", { "_data/authors.json": JSON.stringify({ "sam-lee": { name: "Sam Lee", sameAs: ["social.example/@sam"] } }) }, /\[newsroom\] authors registry sam-lee\.sameAs in \S*_data\/authors\.json: must be a list of absolute http\(s\) URLs, got: \["social\.example\/@sam"\]/],
    ["an author's title that is not text", { "_data/authors.json": JSON.stringify({ "sam-lee": { name: "Sam Lee", title: 7 } }) }, /\[newsroom\] authors registry sam-lee\.title in \S*_data\/authors\.json: must be text, got: 7/],
  ])("%s stops the build naming the registry file and entry", async (_name, registry, expected) => {
    expect(await buildError({ ...SITE, ...registry, "articles/budget.md": story() })).toMatch(expected);
  });
});

describe("a section named like a folder of the theme's own", () => {
  it.each(["archive", "tags", "img"])("%j stops the build naming sections.json, not two clashing templates", async (id) => {
    const registry = { "_data/sections.json": JSON.stringify({ local: { name: "Local" }, [id]: { name: "Clash" } }) };
    expect(await buildError({ ...SITE, ...registry, "articles/budget.md": story() })).toMatch(
      new RegExp(`\\[newsroom\\] sections registry id in \\S*_data/sections\\.json: is the name of the theme's own /${id}/ folder, so the section's pages would take its address: "${id}"\\. Fix: rename the section, e\\.g\\. "${id}-news"`),
    );
  });
});

describe("topics: one page per name, letters of every script kept", () => {
  it("Україна, Россия, C++, C# and C get pages of their own, linked percent-encoded", async () => {
    const pages = await buildFiles({ ...SITE, "articles/budget.md": story({ tags: '["Україна", "Россия", "C++", "C#", "C"]' }) }, { theme: {} });
    for (const [permalink, name] of [["/tags/україна/", "Україна"], ["/tags/россия/", "Россия"], ["/tags/c-plus-plus/", "C++"], ["/tags/c-sharp/", "C#"], ["/tags/c/", "C"]]) {
      expect(pages.get(permalink as string)?.content, permalink).toContain(`<h1 class="list-header__title">${name}</h1>`);
    }
    const article = pages.get("/local/2025/10/14/budget/")?.content as string;
    expect(article).toContain(`<a href="/tags/${encodeURIComponent("україна")}/" data-pagefind-filter="topic[data-pagefind-value]" data-pagefind-value="Україна">Україна</a>`);
    expect(article).toContain('<a href="/tags/c-plus-plus/" data-pagefind-filter="topic[data-pagefind-value]" data-pagefind-value="C++">C++</a>');
    expect(pages.get("/archive/")?.content).toContain(`<a href="/tags/${encodeURIComponent("россия")}/">Россия</a>`);
  });

  it("two spellings that would share a page stop the build naming both and their articles", async () => {
    const message = await buildError({ ...SITE, "articles/a.md": story({ tags: "[Budget]" }), "articles/b.md": story({ tags: "[budget]", date: "2025-10-15T10:00:00-05:00" }) });
    expect(message).toMatch(/\[newsroom\] front matter tags in \S*articles\/a\.md: the topics "budget" \(in \S*articles\/b\.md\) and "Budget" would share one page, \/tags\/budget\//);
  });
});

describe("text integrity", () => {
  it("a control character in the body stops the build naming the file and line", async () => {
    const message = await buildError({ ...SITE, "articles/budget.md": story({}, "First line.\n\nThe vote\u000bwas 5-2.") });
    expect(message).toMatch(/\[newsroom\] article text, line 10 in \S*budget\.md: contains the invisible character U\+000B .*: "The vote\\u000bwas 5-2\."/);
  });

  it("a control character in a registry or site.json stops the build naming the file and entry", async () => {
    const authors = await buildError({ ...SITE, "_data/authors.json": JSON.stringify({ "sam-lee": { name: "Sam\u0007 Lee" } }), "articles/budget.md": story() });
    expect(authors).toMatch(/\[newsroom\] global data "authors" sam-lee\.name in \S*_data\/authors\.json: contains the invisible character U\+0007/);
    const settings = await buildError({ ...SITE, "_data/site.json": JSON.stringify({ ...SETTINGS, tagline: "News\u000b from Riverton" }), "articles/budget.md": story() });
    expect(settings).toMatch(/\[newsroom\] site settings tagline in \S*_data\/site\.json: contains the invisible character U\+000B/);
  });

  it("a file that is not UTF-8 stops the build naming it", async () => {
    await mkdir(scratchRoot, { recursive: true });
    const message = await (async () => {
      try {
        await writeSite({ ...SITE, "articles/budget.md": Buffer.concat([Buffer.from(story({}, "Caf")), Buffer.from([0xe9]), Buffer.from(" opens.\n")]) });
      } catch (error) {
        return messageChain(error);
      }
      return "built";
    })();
    expect(message).toMatch(/\[newsroom\] article file in \S*budget\.md: is not valid UTF-8 text/);
  });
});

describe("a site's own assets replace the theme's", () => {
  it("its assets/site.css and favicon are published instead of the theme's, and its logo with them", async () => {
    const output = await writeSite({ ...SITE, "assets/site.css": "/* the Ledger's own style */\n", "articles/budget.md": story() });
    expect(await readFile(path.join(output, "assets/site.css"), "utf8")).toBe("/* the Ledger's own style */\n");
    expect(await readFile(path.join(output, "assets/logo.svg"), "utf8")).toContain("Riverton Ledger");
    // The theme's other files are still there.
    expect(existsSync(path.join(output, "assets/favicon.svg"))).toBe(true);
    expect(existsSync(path.join(output, "assets/search.js"))).toBe(true);
  });

  it("a passthrough copy of the site's own to the same path replaces the theme's file instead of failing", async () => {
    const output = await writeSite({ ...SITE, "brand/style.css": "/* brand */\n", "articles/budget.md": story() }, (eleventyConfig) => {
      const input = eleventyConfig.directories?.input ?? "";
      eleventyConfig.addPassthroughCopy({ [path.join(input, "brand/style.css")]: "assets/site.css" });
    });
    expect(await readFile(path.join(output, "assets/site.css"), "utf8")).toBe("/* brand */\n");
  });

  it("the theme ships no logo: a logo path the build did not publish stops it naming site.json", async () => {
    const { "assets/logo.svg": _logo, ...withoutLogo } = SITE;
    const message = await writeSite({ ...withoutLogo, "articles/budget.md": story() }).then(() => "built", messageChain);
    expect(message).toMatch(/\[newsroom\] site settings organisation\.logo in \S*_data\/site\.json: the build published no file at this path: "\/assets\/logo\.svg"/);
  });
});
