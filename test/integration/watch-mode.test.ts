/**
 * `npm start` (Eleventy's dev server, incremental): an error in a page is shown, the dev server
 * keeps running, and fixing the file rebuilds without a restart; an incremental rebuild keeps the
 * speaker pages whole; an edit to kinds.json checks every story again; an edit to site.json, which
 * the theme reads at configuration, reaches the pages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureFixturePhotos } from "../helpers/photos.js";
import { repoRoot } from "../helpers/site-build.js";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let child: ChildProcess;
let output = "";
let dir: string;
let port: number;
const story = () => path.join(dir, "articles", "council-approves-2026-budget.md");

/** Resolves when the server's output, from `from` on, matches `pattern`. */
async function waitFor(pattern: RegExp, from: number, timeout = 30_000): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const fresh = output.slice(from);
    if (pattern.test(fresh)) return fresh;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${output.slice(from)}`);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(repoRoot, "test", "scratch-watch-"));
  const fixture = path.join(repoRoot, "test/fixtures/newsroom-site");
  await cp(path.join(fixture, "_data"), path.join(dir, "_data"), { recursive: true });
  await cp(path.join(fixture, "assets"), path.join(dir, "assets"), { recursive: true });
  await cp(path.join(fixture, "articles/council-approves-2026-budget.md"), story());
  // A second story quoting the same person: an incremental rebuild of the first must keep its quotes.
  await cp(path.join(fixture, "articles/halvorsen-expands-riverton-plant.md"), path.join(dir, "articles", "halvorsen-expands-riverton-plant.md"));
  // The registry names an author photo; the fixture's photos are made, not committed.
  await ensureFixturePhotos(dir);
  port = await freePort();
  const input = path.relative(repoRoot, dir);
  child = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", "--incremental", `--port=${port}`, `--output=${path.join(input, "_site")}`],
    { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "", NEWSROOM_INPUT: input, NEWSROOM_DATA: path.join(input, "_data") } },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(/Server at/, 0, 60_000);
}, 90_000);

afterAll(async () => {
  child?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe("watch mode", () => {
  it("shows the error, keeps serving, and recovers when the file is fixed", async () => {
    const good = await readFile(story(), "utf8");
    const page = `http://127.0.0.1:${port}/politics/2025/10/14/council-approves-2026-budget/`;
    expect((await fetch(page)).status).toBe(200);
    const speakerPage = `http://127.0.0.1:${port}/speakers/delia-marsh/`;
    const quotations = async () => ((await (await fetch(speakerPage)).text()).match(/class="quotation-list__item"/g) ?? []).length;
    const quotedAtStart = await quotations();
    expect(await (await fetch(speakerPage)).text()).toContain("halvorsen-expands-riverton-plant");
    expect(quotedAtStart).toBeGreaterThan(1);

    let mark = output.length;
    await writeFile(story(), good.replace("section: politics", "section: poltics"));
    const failure = await waitFor(/unknown section id: "poltics"/, mark);
    expect(failure).toContain('Fix: did you mean "politics"?');
    expect(child.exitCode).toBeNull();
    // The server still answers (with the last good build).
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);

    mark = output.length;
    await writeFile(story(), good.replace("Council Approves", "Council Finally Approves"));
    await waitFor(/Wrote \d+ files?/, mark);
    const html = await (await fetch(page)).text();
    expect(html).toContain("Council Finally Approves $48.2 Million Budget");
    // State was reset for the rebuild: the first reference is full again.
    expect(html).toContain("nr-speaker--full");
    // The story's quotations were replaced, not lost or doubled, on the speaker page.
    expect(await quotations()).toBe(quotedAtStart);
    expect(child.exitCode).toBeNull();
  }, 90_000);

  it("after an edit to a story, writes again the list pages that show it and keeps the others, whole in the sitemap", async () => {
    const site = path.join(dir, "_site");
    const written = async (url: string) => (await stat(path.join(site, url, "index.html"))).mtimeMs;
    const sitemapUrls = async () => {
      const files = (await readdir(site)).filter((file) => /^sitemap.*\.xml$/.test(file)).sort();
      const texts = await Promise.all(files.map((file) => readFile(path.join(site, file), "utf8")));
      return texts.flatMap((text) => [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).sort();
    };
    // A build that follows a success with only this story changed.
    let mark = output.length;
    const good = await readFile(story(), "utf8");
    await writeFile(story(), `${good}\nA paragraph added in review.\n`);
    await waitFor(/Wrote \d+ files?/, mark);
    const businessWritten = await written("business");
    const sitemapBefore = await sitemapUrls();
    expect(sitemapBefore).toContain("https://fixture.example/business/");

    mark = output.length;
    await writeFile(story(), good.replace("Council Finally Approves", "Council Unanimously Approves"));
    const log = await waitFor(/Wrote \d+ files?/, mark);
    // The story's own lists show the new headline…
    for (const list of ["politics", "tags/budget", "tags/transit", "authors/ada-reyes", "speakers/delia-marsh"]) {
      expect(await readFile(path.join(site, list, "index.html"), "utf8"), list).toContain("Council Unanimously Approves");
    }
    // …a list without the story was not written again…
    expect(await written("business")).toBe(businessWritten);
    expect(Number(/Wrote (\d+) files?/.exec(log)?.[1])).toBeLessThan(Number(/skipped (\d+)/.exec(log)?.[1] ?? "0") + 30);
    // …and the sitemaps still list every page, written or kept.
    expect(await sitemapUrls()).toEqual(sitemapBefore);

    // A story deleted while watching (Eleventy rebuilds at the next save) leaves its lists and its
    // speaker's page, quotations and all.
    await rm(path.join(dir, "articles", "halvorsen-expands-riverton-plant.md"));
    mark = output.length;
    await writeFile(story(), good);
    const afterDelete = await waitFor(/Wrote \d+ files?|Problem writing/, mark);
    expect(afterDelete).not.toContain("Problem writing");
    expect(await readFile(path.join(site, "speakers/delia-marsh/index.html"), "utf8")).not.toContain("halvorsen-expands-riverton-plant");
    expect(await readFile(path.join(site, "business/index.html"), "utf8")).not.toContain("halvorsen-expands-riverton-plant");

    // A story moved to another section changes its URL: its speaker's page follows it.
    mark = output.length;
    await writeFile(story(), good.replace("section: politics", "section: business"));
    const afterMove = await waitFor(/Wrote \d+ files?|Problem writing/, mark);
    expect(afterMove).not.toContain("Problem writing");
    const speakerPage = await readFile(path.join(site, "speakers/delia-marsh/index.html"), "utf8");
    expect(speakerPage).toContain("/business/2025/10/14/council-approves-2026-budget/");
    expect(speakerPage).not.toContain("/politics/2025/10/14/council-approves-2026-budget/");
    expect(await readFile(path.join(site, "business/index.html"), "utf8")).toContain("council-approves-2026-budget");
    mark = output.length;
    await writeFile(story(), good);
    expect(await waitFor(/Wrote \d+ files?|Problem writing/, mark)).not.toContain("Problem writing");

    // The story's date edited, as written: a rebuild reads its front matter again (the others' it keeps).
    mark = output.length;
    await writeFile(story(), good.replace("date: 2025-10-14T18:30:00-05:00", "date: 2025-10-14T20:15:00-05:00"));
    expect(await waitFor(/Wrote \d+ files?|Problem writing/, mark)).not.toContain("Problem writing");
    const retimed = await readFile(path.join(site, "politics/2025/10/14/council-approves-2026-budget/index.html"), "utf8");
    expect(retimed).toContain("8:15 p.m. CDT Oct. 14, 2025");
    expect(retimed).not.toContain("6:30 p.m. CDT Oct. 14, 2025");
    mark = output.length;
    await writeFile(story(), good);
    expect(await waitFor(/Wrote \d+ files?|Problem writing/, mark)).not.toContain("Problem writing");
    expect(await readFile(path.join(site, "politics/2025/10/14/council-approves-2026-budget/index.html"), "utf8")).toContain("6:30 p.m. CDT Oct. 14, 2025");
    expect(child.exitCode).toBeNull();
  }, 90_000);

  it("checks every story again after an edit to kinds.json: a kind removed stops the build naming the story, put back it builds", async () => {
    const kindsFile = path.join(dir, "_data", "kinds.json");
    const good = await readFile(story(), "utf8");
    const page = `http://127.0.0.1:${port}/politics/2025/10/14/council-approves-2026-budget/`;
    const column = JSON.stringify({ column: { label: "Column", definition: "A regular writer's view.", schemaType: "OpinionNewsArticle" } });
    // One file a step, each step a valid site, each waited for: two files saved together may be
    // built as two rebuilds, the first with only one of them.
    const step = async (change: () => Promise<void>): Promise<string> => {
      const mark = output.length;
      await change();
      return waitFor(/Wrote \d+ files?|unknown kind|Problem writing/, mark);
    };
    expect(await step(() => writeFile(kindsFile, column))).toMatch(/Wrote \d+ files?/);
    expect(await step(() => writeFile(story(), good.replace("byline: [ada-reyes]", "byline: [ada-reyes]\nkind: column")))).toMatch(/Wrote \d+ files?/);
    expect(await (await fetch(page)).text()).toContain(">Column<");

    // Only the data file changes: the story, unchanged, must be checked against the new kinds.
    const failure = await step(() => writeFile(kindsFile, JSON.stringify({})));
    expect(failure).toMatch(/unknown kind/);
    expect(failure).toContain("council-approves-2026-budget.md");
    expect(child.exitCode).toBeNull();

    expect(await step(() => writeFile(kindsFile, column))).toMatch(/Wrote \d+ files?/);
    expect(await step(() => writeFile(story(), good))).toMatch(/Wrote \d+ files?/);
    expect(await step(() => writeFile(kindsFile, JSON.stringify({})))).toMatch(/Wrote \d+ files?/);
    expect(await (await fetch(page)).text()).not.toContain(">Column<");
    // Eleventy rebuilds for a deleted file at the next save; an empty kinds.json is the same site.
    await rm(kindsFile);
  }, 90_000);

  it("shows an edit to site.json without a restart: language, time zone and publisher as the theme resolves them", async () => {
    const settingsFile = path.join(dir, "_data", "site.json");
    const settings = await readFile(settingsFile, "utf8");
    const page = `http://127.0.0.1:${port}/politics/2025/10/14/council-approves-2026-budget/`;
    const before = await (await fetch(page)).text();
    expect(before).toContain('<html lang="en-US"');
    expect(before).toContain("Fixture Gazette");

    const mark = output.length;
    const edited = JSON.parse(settings) as { language: string; timeZone: string; organisation: { name: string } };
    edited.language = "en-GB";
    edited.timeZone = "America/Denver";
    edited.organisation.name = "Fixture Gazette Ltd";
    await writeFile(settingsFile, JSON.stringify(edited, null, 2));
    await waitFor(/Wrote \d+ files?/, mark);
    const after = await (await fetch(page)).text();
    // Values the theme resolves at configuration, which Eleventy alone would have kept from the start.
    expect(after).toContain('<html lang="en-GB"');
    expect(after).toContain('content="en_GB"');
    expect(after).toContain('"name":"Fixture Gazette Ltd"');
    // The story's time is now shown in Denver's zone, not Chicago's (same day, so the same URL).
    expect(before).toContain("6:30 p.m. CDT Oct. 14, 2025");
    expect(after).toContain("5:30 p.m. MDT Oct. 14, 2025");
    expect(after).not.toContain("CDT");
    expect(child.exitCode).toBeNull();
  }, 90_000);
});
