/**
 * A large archive's search in several Pagefind indexes (theme option searchIndexSize, written by
 * `eleventy-plugin-newsroom search`): the search page finds a story whichever index holds it,
 * under a path prefix, with the content security policy kept.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexShares, searchablePages } from "../../plugin/cli/search.js";
import { launchChromium, sealedContext } from "../helpers/browser.js";
import { buildFixtureSite, repoRoot, type SiteBuild } from "../helpers/site-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

const PREFIX = "/gazette/";
/** 15 published stories, 6 an index: three indexes of 5. */
const INDEX_SIZE = 6;

let site: SiteBuild;
let server: StaticServer;
let browser: Browser;
let indexing: { stdout: string; stderr: string };

beforeAll(async () => {
  site = await buildFixtureSite({ args: [`--pathprefix=${PREFIX}`], env: { SITE_URL: "https://fixture.example", NEWSROOM_SEARCH_INDEX_SIZE: String(INDEX_SIZE) } });
  // The package's command under tsx, as a site's postbuild runs it compiled.
  indexing = await promisify(execFile)(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "plugin/cli/index.ts", "search", "--site", site.output], { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "" } });
  server = await serveStatic(site.output, PREFIX);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

describe("search in several indexes", () => {
  it("writes as many indexes as the search page asks for, each a share of the stories", async () => {
    expect(await site.read("search/index.html")).toContain('data-search-indexes="3"');
    expect(indexing.stderr).toBe("");
    expect(indexing.stdout).toContain("[newsroom] Search index 3 of 3: 5 pages into pagefind-3/");
    for (const folder of ["pagefind", "pagefind-2", "pagefind-3"]) expect(existsSync(path.join(site.output, folder, "pagefind-entry.json")), folder).toBe(true);
  });

  it("finds the first story of each index by its headline, at its address under the path prefix", async () => {
    const shares = indexShares(searchablePages(site.output), 3);
    const { context, outside } = await sealedContext(browser, { viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    try {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") violations.push(message.text());
      });
      await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
      for (const share of shares) {
        const file = share[0] as string;
        const headline = /<h1[^>]*>([^<]+)<\/h1>/.exec(await site.read(file))?.[1] ?? "";
        expect(headline, file).not.toBe("");
        const url = `${PREFIX}${file.replace(/index\.html$/, "")}`;
        await page.locator(".pagefind-ui__search-input").fill(headline.replace(/&[^;]+;/g, " "));
        await page.locator(`.pagefind-ui__result-link[href="${url}"]`).first().waitFor({ timeout: 15_000 });
      }
      expect(outside).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
