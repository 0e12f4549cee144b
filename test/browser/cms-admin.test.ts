/**
 * The editors' CMS opens in Chromium under its own policy: no script error, every script from the
 * site itself, and no request to a host its policy does not name (each is listed in docs/cms.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../../plugin/cli/init.js";
import { CMS_CONTENT_SECURITY_POLICY } from "../../plugin/theme/cms.js";
import { launchChromium, sealedContext } from "../helpers/browser.js";
import { buildSite, repoRoot, type SiteBuild } from "../helpers/site-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-cms-browser-"));
let site: SiteBuild;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const desk = path.join(scratch, "desk");
  init(desk, { root: repoRoot, cms: true });
  rmSync(path.join(desk, "README.md"));
  const relative = path.relative(repoRoot, desk);
  site = await buildSite({ env: { NEWSROOM_INPUT: relative, NEWSROOM_DATA: `${relative}/_data`, NEWSROOM_CMS: "on" } });
  server = await serveStatic(site.output);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** The hosts a directive of the admin page's policy names. */
function policyHosts(directive: string): string[] {
  const entry = CMS_CONTENT_SECURITY_POLICY.split("; ").find((part) => part.startsWith(`${directive} `)) ?? "";
  return entry.split(" ").filter((source) => source.startsWith("https://")).map((source) => new URL(source).host);
}

describe("the CMS's admin page in Chromium", () => {
  it("opens with no script error, its code from the site, and asks only the hosts its policy names", async () => {
    const { context, outside } = await sealedContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    const scripts: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto(`${server.url}admin/`, { waitUntil: "networkidle" });
    // Sveltia's sign-in screen, made from the generated configuration.
    await page.getByRole("button", { name: /Sign In with/ }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(new URL(script).origin, script).toBe(new URL(server.url).origin);
    const allowed = new Set([...policyHosts("connect-src"), ...policyHosts("font-src"), ...policyHosts("img-src")]);
    for (const url of outside) expect(allowed.has(new URL(url).host), url).toBe(true);
    // The editor components were registered with the CMS the page loaded.
    expect(await page.evaluate(() => typeof (window as unknown as { CMS?: { registerEditorComponent?: unknown } }).CMS?.registerEditorComponent)).toBe("function");
    await context.close();
  });
});
