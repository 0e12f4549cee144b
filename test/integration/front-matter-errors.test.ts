/**
 * The error catalogue for articles: bad front matter fails the build naming the field, the file,
 * the value and the fix. And through the real CLI: a non-zero exit and no stack dump.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { repoRoot } from "../helpers/site-build.js";
import { messageChain } from "../helpers/errors.js";
import type { NewsroomThemeOptions } from "../../plugin/theme/index.js";

const SITE = {
  "_data/site.json": JSON.stringify({ name: "Error Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Error Echo", logo: "/assets/logo.svg" } }),
  "_data/sections.json": JSON.stringify({ news: { name: "News" }, sports: { name: "Sports" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
  "_data/speakers.json": JSON.stringify({ marsh: { name: "Delia Marsh" } }),
};
// The theme reads everything it needs from _data/site.json.
const THEME: NewsroomThemeOptions = {};

const GOOD: Record<string, string> = {
  title: '"Council passes the budget"',
  dek: '"A 5-2 vote keeps two bus routes."',
  date: "2025-10-14T18:30:00-05:00",
  section: "news",
  byline: "[ada-reyes]",
  tags: "[Budget]",
};

function article(fields: Record<string, string | undefined>): string {
  const lines = Object.entries({ ...GOOD, ...fields }).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\nThe council met.\n`;
}

async function buildError(fields: Record<string, string | undefined>, theme: NewsroomThemeOptions = THEME): Promise<string> {
  try {
    await buildFiles({ ...SITE, "articles/story.md": article(fields) }, { theme });
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

describe("front matter errors name the field, file, value and fix", () => {
  it.each([
    ["missing title", { title: undefined }, /\[newsroom\] front matter title in \S*story\.md: is missing\. Fix: add a headline: title: "…"/],
    ["empty dek", { dek: '""' }, /\[newsroom\] front matter dek in \S*story\.md: must be non-empty text, got: ""\. Fix: add a one-sentence standfirst/],
    ["missing date", { date: undefined }, /\[newsroom\] front matter date in \S*story\.md: is missing\. Fix: add date: 2025-09-05T19:00:00-04:00/],
    ["unknown section", { section: "sprots" }, /\[newsroom\] front matter section in \S*story\.md: unknown section id: "sprots"\. Fix: did you mean "sports"\?/],
    ["unknown author", { byline: "[ada-reyez]" }, /\[newsroom\] front matter byline in \S*story\.md: unknown author id: "ada-reyez"\. Fix: did you mean "ada-reyes"\?/],
    ["byline of the wrong type", { byline: "42" }, /\[newsroom\] front matter byline in \S*story\.md: must be a list of author ids or "organisation", got: 42/],
    ["an empty tag", { tags: '[Budget, ""]' }, /\[newsroom\] front matter tags in \S*story\.md: must be a list of topic names/],
    ["unparseable updated date", { updated: '"next Tuesday"' }, /\[newsroom\] front matter updated in \S*story\.md: cannot read this date: "next Tuesday"/],
    ["updated before the story was published", { updated: "2024-10-15T09:00:00-05:00" }, /\[newsroom\] front matter updated in \S*story\.md: is before the story was published \(the page would say it was updated before it appeared\): "2024-10-15T09:00:00-05:00"\. Fix: give the day \(or time\) the story was updated, on or after its date \(2025-10-14\)/],
    ["updated on a day still to come (a mistyped year)", { updated: "2205-10-15T09:00:00-05:00" }, /\[newsroom\] front matter updated in \S*story\.md: is a day still to come \(this build runs on \d{4}-\d{2}-\d{2}\): the page would say the story changed on a day that has not come: "2205-10-15T09:00:00-05:00"\. Fix: give the day \(or time\) the change was made/],
    ["dateline AP style rejects", { dateline: '"Springfield"' }, /\[newsroom\] front matter dateline in \S*story\.md: AP style needs a state or country after this city: "Springfield"/],
    ["the 0.1 correction field", { correction: '"Fixed a name."' }, /\[newsroom\] front matter correction in \S*story\.md: is no longer read \(a story can now have several corrections, each with its date\): "Fixed a name\."\. Fix: write corrections: \[\{ date: 2025-10-15, text: "An earlier version of this story …" \}\]/],
    ["the 0.1 correctionDate field", { correctionDate: "2025-10-15" }, /\[newsroom\] front matter correctionDate in \S*story\.md: is no longer read/],
    ["corrections that are not a list", { corrections: '"Fixed."' }, /\[newsroom\] front matter corrections in \S*story\.md: must be a list of corrections, got: "Fixed\."/],
    ["a correction without a date", { corrections: '[{ text: "Fixed." }]' }, /\[newsroom\] front matter corrections\[0\]\.date in \S*story\.md: is missing/],
    ["a correction without text", { corrections: "[{ date: 2025-10-15 }]" }, /\[newsroom\] front matter corrections\[0\]\.text in \S*story\.md: is missing/],
    ["a misspelt correction field", { corrections: '[{ date: 2025-10-15, txt: "Fixed." }]' }, /\[newsroom\] front matter corrections\[0\]\.txt in \S*story\.md: is not a field of a correction/],
    ["a correction dated before the story", { corrections: '[{ date: 2025-10-13, text: "Fixed." }]' }, /\[newsroom\] front matter corrections\[0\]\.date in \S*story\.md: is before the story was published: "2025-10-13"/],
    ["draft that is not true or false", { draft: "yes" }, /\[newsroom\] front matter draft in \S*story\.md: must be true or false, got: "yes"\. Fix: write draft: true/],
    ["unknown person quoted", { people: "[mrash]" }, /\[newsroom\] front matter people in \S*story\.md: unknown speaker id: "mrash"\. Fix: did you mean "marsh"\?/],
    ["a misspelt field", { corection: '"An earlier version gave the wrong vote."' }, /\[newsroom\] front matter corection in \S*story\.md: unknown field \(it would be ignored\): "corection"\. Fix: did you mean "corrections"\?.*"extraFields"/],
    ["a section id that is not a slug", { section: '"R&D"' }, /\[newsroom\] front matter section in \S*story\.md: unknown section id \(ids are slugs: lowercase letters, digits and hyphens, e\.g\. "r-d"\): "R&D"/],
    ["a vertical tab in the headline", { title: '"Budget\\vpasses"' }, /\[newsroom\] front matter title in \S*story\.md: contains the invisible character U\+000B .*: "Budget\\u000bpasses"/],
    ["a lone surrogate in a tag", { tags: '["Budget\\uD800"]' }, /\[newsroom\] front matter tags\[0\] in \S*story\.md: contains the invisible character U\+D800/],
    ["a non-character in the dek", { dek: '"Vote\\uFFFE count"' }, /\[newsroom\] front matter dek in \S*story\.md: contains the invisible character U\+FFFE/],
    ["a 3,000-character topic", { tags: `[${"x".repeat(3000)}]` }, /\[newsroom\] front matter tags in \S*story\.md: topic name is longer than 100 characters/],
    // Eleventy splits a text of tags at its commas and keeps the spaces: " Transit" was published.
    ["topics written as one text", { tags: '"Budget, Transit"' }, /\[newsroom\] front matter tags in \S*story\.md: topic name begins or ends with a space .*got: " Transit"\. Fix: write the topics as a list: tags: \[Budget, Transit\]/],
    ["a topic with no letter or digit", { tags: '["???"]' }, /\[newsroom\] front matter tags in \S*story\.md: topic name has no letter or digit to name its page, got: "\?\?\?"/],
    // Found by the property tests: Eleventy failed inside its collections, naming nothing.
    ["a topic named __proto__", { tags: '["__proto__"]' }, /\[newsroom\] front matter tags in \S*story\.md: this name is one every JavaScript object already has, so Eleventy cannot make a collection of it, got: "__proto__"\. Fix: write the topic another way/],
    ["a topic named constructor", { tags: "[constructor]" }, /\[newsroom\] front matter tags in \S*story\.md: this name is one every JavaScript object already has.*"constructor"\. Fix: write the topic another way, e\.g\. "Constructor"/],
  ])("%s", async (_name, fields, expected) => {
    expect(await buildError(fields)).toMatch(expected);
  });

  it("an impossible date that Eleventy reads first still names the file and the value", async () => {
    expect(await buildError({ date: '"2025-02-30"' })).toMatch(/front matter date in \S*story\.md: cannot read this date: "2025-02-30"/);
  });

  it("an empty block quotation and a dateline without a place", async () => {
    const quote = await buildFiles({ ...SITE, "articles/story.md": `${article({})}{% quote "marsh" %} {% endquote %}\n` }, { theme: THEME }).catch(messageChain);
    expect(quote).toMatch(/\[newsroom\] quote in \S*story\.md: has no words to quote/);
    const dateline = await buildFiles({ ...SITE, "articles/story.md": `${article({})}{% dateline "" %} Text.\n` }, { theme: THEME }).catch(messageChain);
    expect(dateline).toMatch(/\[newsroom\] dateline in \S*story\.md: needs a place as its first argument/);
  });

  it("braces in a story's text stop the build (a story runs no template code); in a raw block they are published", async () => {
    const body = "The mail merge printed “Dear {{ name }},” on every letter.\n";
    const stopped = await buildFiles({ ...SITE, "articles/story.md": `${article({})}${body}` }, { theme: THEME }).catch(messageChain);
    expect(stopped).toMatch(/\[newsroom\] article text, line 10 in \S*story\.md: prints a template expression, and a story runs no template code: "\{\{ name \}\}"\. Fix: remove it; to show it as written, wrap it: \{% raw %\}…\{% endraw %\}/);
    const pages = await buildFiles({ ...SITE, "articles/story.md": `${article({})}The mail merge printed “Dear {% raw %}{{ name }}{% endraw %},” on every letter.\n` }, { theme: THEME });
    expect(pages.get("/news/2025/10/14/story/")?.content ?? "").toContain("The mail merge printed “Dear {{ name }},” on every letter.");
  });

  it("in a trusted story, a variable the story lacks, printed in its text, stops the build; in a raw block the braces are published", async () => {
    const body = "The mail merge printed “Dear {{ name }},” on every letter.\n";
    const trusted = { ...THEME, trustedStories: true };
    const stopped = await buildFiles({ ...SITE, "articles/story.md": `${article({})}${body}` }, { theme: trusted }).catch(messageChain);
    expect(stopped).toMatch(/\[newsroom\] article text, line 10 in \S*story\.md: \{\{ name \}\} prints the template variable "name", which this story does not have, so it prints nothing and the words vanish from the page: "The mail merge printed “Dear \{\{ name \}\},” on every letter\."\. Fix: to show the braces as written, wrap them: \{% raw %\}\{\{ name \}\}\{% endraw %\}/);
    const pages = await buildFiles({ ...SITE, "articles/story.md": `${article({})}The mail merge printed “Dear {% raw %}{{ name }}{% endraw %},” under “{{ title }}”.\n` }, { theme: trusted });
    const html = pages.get("/news/2025/10/14/story/")?.content ?? "";
    expect(html).toContain("The mail merge printed “Dear {{ name }},” under “Council passes the budget”.");
  });

  it("a story with no text stops the build instead of publishing a headline over nothing", async () => {
    const message = await buildFiles({ ...SITE, "articles/story.md": article({}).replace("The council met.\n", "") }, { theme: THEME }).catch(messageChain);
    expect(message).toMatch(/\[newsroom\] article text in \S*story\.md: is empty: the story would be published with its headline and no words\. Fix: write the story below the closing --- of its front matter, or set draft: true until it is written/);
  });

  it("an unknown theme option fails when the theme is added", async () => {
    const message = await buildFiles({ ...SITE }, { theme: { newsrom: {} } as never }).catch(messageChain);
    expect(message).toContain('[newsroom] addPlugin(newsroomTheme, options): unknown option: "newsrom"');
  });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The site's folder, relative to the repository (as the build names its files). */
  input: string;
  dir: string;
}

/** Builds the files through Eleventy's command line with the repository's config, then removes them. */
async function cliBuildSite(files: Record<string, string>, env: Record<string, string>, inspect: (result: CliResult) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(repoRoot, "test", "scratch-cli-"));
  try {
    for (const [file, contents] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), contents);
    }
    const input = path.relative(repoRoot, dir);
    const result = await promisify(execFile)(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${path.join(dir, "_site")}`],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "", ...env, NEWSROOM_INPUT: input, NEWSROOM_DATA: path.join(input, "_data") } },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    await inspect({ ...result, input, dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("through the command line", () => {
  it("a bad article exits non-zero with the message and no stack trace", async () => {
    await cliBuildSite({ ...SITE, "articles/story.md": article({ section: "sprots" }) }, {}, async (result) => {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`[newsroom] front matter section in ./${result.input}/articles/story.md: unknown section id: "sprots". Fix: did you mean "sports"?`);
      // The cause comes first, before Eleventy's account of the errors that wrap it.
      expect(result.stderr.split("\n").find((line) => line.trim() !== "")).toMatch(/^\[newsroom\] front matter section in \S*story\.md: unknown section id: "sprots"/);
      expect(result.stderr).not.toContain("stack trace");
      expect(result.stderr).not.toMatch(/\n\s+at [\w.<>]+ \(/);
    });
  }, 60_000);
});

describe("links in a story's text", () => {
  it("a link to a page or file the build does not publish stops it; pages, assets and other sites pass", async () => {
    const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const links = 'See [the vote](/news/2025/10/14/other/), [the budget](/assets/budget.pdf), [the front page](/), [the city](https://city.example/budget) and [notes](#notes).\n\n<h2 id="notes">Notes</h2>\n\nNone.';
    const good = { ...SITE, "assets/logo.svg": logo, "assets/budget.pdf": "%PDF-1.4", "articles/other.md": article({ title: '"Another story"' }) };
    await cliBuildSite({ ...good, "articles/story.md": `${article({})}${links}\n` }, { NEWSROOM_STORY_CARDS: "off" }, async (result) => {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    });
    await cliBuildSite({ ...good, "articles/story.md": `${article({})}${links} Read [the agenda](agenda.pdf).\n` }, { NEWSROOM_STORY_CARDS: "off" }, async (result) => {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`[newsroom] story link in ./${result.input}/articles/story.md: "agenda.pdf" leads to /news/2025/10/14/story/agenda.pdf, where this build publishes no page or file. Fix: a link without a leading "/" starts from the story's own address.`);
    });
  }, 120_000);
});

describe("a link to a place on the story's page", () => {
  it("stops the build when no element marks the place; an id in the text, or the top of the page, pass", async () => {
    const stopped = await buildFiles({ ...SITE, "articles/story.md": `${article({})}Contents: [the vote](#the-vote).\n\n## The vote\n\nFive to two.\n` }, { theme: THEME }).catch(messageChain);
    expect(stopped).toMatch(/\[newsroom\] story link in \S*story\.md: leads to a place on the page that no element marks \(Markdown gives headings no id\): "#the-vote"\. Fix: give the place an id, e\.g\. <h2 id="the-vote">…<\/h2> in the story's text, or remove the link/);
    const pages = await buildFiles({ ...SITE, "articles/story.md": `${article({})}Contents: [the vote](#the-vote), [top](#top).\n\n<h2 id="the-vote">The vote</h2>\n\nFive to two.\n` }, { theme: THEME });
    expect(pages.get("/news/2025/10/14/story/")?.content).toContain('<a href="#the-vote">the vote</a>');
  });
});

describe("the build log", () => {
  it("names each embargoed story it left out, with its time; a programmatic build prints nothing", async () => {
    const files = {
      ...SITE,
      "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      "articles/story.md": article({}),
      "articles/later.md": article({ title: '"Held story"', date: "2205-10-14T09:00:00-05:00" }),
    };
    await cliBuildSite(files, { NEWSROOM_STORY_CARDS: "off" }, async (result) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`[newsroom] ./${result.input}/articles/later.md: Embargoed until 2 p.m. UTC Oct. 14, 2205; left out of this build, the first build after that time publishes it`);
      expect(result.stdout).not.toContain("story.md:");
      expect(await readFile(path.join(result.dir, "_site", "index.html"), "utf8")).not.toContain("Held story");
    });
    const logged: unknown[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      await buildFiles({ ...SITE, "articles/story.md": article({}), "articles/later.md": article({ date: "2205-10-14T09:00:00-05:00" }) }, { theme: THEME });
    } finally {
      spy.mockRestore();
    }
    expect(JSON.stringify(logged)).not.toContain("[newsroom]");
  }, 60_000);
});

describe("dates YAML would quietly change", () => {
  it.each([
    ["an unquoted impossible day", { date: "2025-02-30T10:00:00-05:00" }, /\[newsroom\] front matter date in \S*story\.md: this day or time does not exist \(YAML would quietly turn it into another date\): "2025-02-30T10:00"\. Fix: correct the date/],
    ["an impossible hour in updated", { updated: "2025-10-15 25:10" }, /\[newsroom\] front matter updated in \S*story\.md: this day or time does not exist/],
    ["an impossible day in a correction", { corrections: '[{ date: 2025-02-30, text: "Fixed." }]' }, /\[newsroom\] front matter corrections\[0\]\.date in \S*story\.md: this day or time does not exist \(YAML would quietly turn it into another date\): "2025-02-30"/],
  ])("%s", async (_name, fields, expected) => {
    expect(await buildError(fields)).toMatch(expected);
  });
});

describe("story addresses a browser cannot open", () => {
  async function buildNamed(file: string, fields: Record<string, string | undefined> = {}, theme: NewsroomThemeOptions = THEME): Promise<string> {
    try {
      await buildFiles({ ...SITE, [`articles/${file}`]: article(fields) }, { theme });
    } catch (error) {
      return messageChain(error);
    }
    throw new Error("expected the build to fail");
  }

  it.each([
    ["why-now?.md", '"?" starts a query string', "/news/2025/10/14/why-now?/", '"why-now?.md" to "why-now.md"'],
    ["a#b.md", '"#" starts a fragment', "/news/2025/10/14/a#b/", '"a#b.md" to "a-b.md"'],
    ["100%-sure.md", '"%" starts an escape', "/news/2025/10/14/100%-sure/", '"100%-sure.md" to "100-sure.md"'],
    ["Council Budget.md", "white space breaks the address", "/news/2025/10/14/Council Budget/", '"Council Budget.md" to "council-budget.md"'],
  ])("the file name %j stops the build, with a name to use", async (file, why, url, rename) => {
    const message = await buildNamed(file);
    expect(message).toContain(`[newsroom] story file name in `);
    expect(message).toContain(`${file}: gives the story an address a browser cannot open (${why}`);
    expect(message).toContain(`: ${JSON.stringify(url)}. Fix: rename the file ${rename} (letters, digits and hyphens)`);
  });

  it("a written permalink is named as the field to change", async () => {
    // A story's own permalink is a plain address in its section; a trusted story's is checked here.
    expect(await buildNamed("story.md", { permalink: '"/news/why now?/"' })).toMatch(/\[newsroom\] front matter permalink in \S*story\.md: may only be a plain address inside the story's section/);
    const message = await buildNamed("story.md", { permalink: '"/news/why now?/"' }, { ...THEME, trustedStories: true });
    expect(message).toMatch(/\[newsroom\] front matter permalink in \S*story\.md: gives the story an address a browser cannot open \("\?" starts a query string[^)]*\): "\/news\/why now\?\/"\. Fix: use letters, digits and hyphens, e.g\. "\/news\/why-now\/"/);
  });

  it("letters of any script, capitals and underscores make a working address", async () => {
    const pages = await buildFiles({ ...SITE, "articles/Café_Reopens-Україна.md": article({}) }, { theme: THEME });
    expect([...pages.keys()]).toContain("/news/2025/10/14/Café_Reopens-Україна/");
  });
});

describe("a story with no page", () => {
  it.each([
    ["permalink: false", { permalink: "false" }],
    // eleventyExcludeFromCollections is a trusted story's only (a story's is refused as such).
    ["with eleventyExcludeFromCollections as well (its layout would still link to itself)", { permalink: "false", eleventyExcludeFromCollections: "true" }, { ...THEME, trustedStories: true }],
  ] as [string, Record<string, string>, NewsroomThemeOptions?][])("%s stops the build naming the story and draft: true", async (_name, fields, theme) => {
    const message = await buildError(fields, theme);
    expect(message).toMatch(/\[newsroom\] front matter permalink in \S*story\.md: a story must have a page: the front page, lists, feeds and sitemaps link to it: false\. Fix: to keep a story off the site, write draft: true instead/);
  });
});
