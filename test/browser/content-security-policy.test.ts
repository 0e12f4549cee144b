/**
 * The theme works under a strict Content Security Policy delivered in a <meta> element (GitHub
 * Pages sets no headers): no inline script or style, nothing from elsewhere — and search still works.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, sealedContext } from "../helpers/browser.js";
import { buildFixtureSite, listFiles, type SiteBuild } from "../helpers/site-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

let site: SiteBuild;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixtureSite({ search: true, env: { SITE_URL: "https://fixture.example" } });
  server = await serveStatic(site.output);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

describe("Content Security Policy", () => {
  it("every HTML page carries the policy before any script or stylesheet", async () => {
    const pages = (await listFiles(site.output)).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const html = await site.read(file);
      const meta = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
      expect(meta, file).toBeGreaterThan(0);
      for (const later of ["<script", "<link rel=\"stylesheet\""]) {
        const at = html.indexOf(later);
        if (at !== -1) expect(at, `${file}: ${later}`).toBeGreaterThan(meta);
      }
      expect(html, file).not.toMatch(/<script(?![^>]*\s(?:src=|type="application\/ld\+json"))[^>]*>|\sstyle="|\son[a-z]+="/);
    }
  });

  it.each(["", "politics/2025/10/14/council-approves-2026-budget/", "style-guide/", "speakers/delia-marsh/"])("/%s loads with no policy violation", async (pagePath) => {
    const { context } = await sealedContext(browser);
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        ((window as unknown as { __violations: string[] }).__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    await page.goto(server.url + pagePath, { waitUntil: "networkidle" });
    expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    await context.close();
  });

  it("Pagefind search finds a story under the policy", async () => {
    const { context } = await sealedContext(browser);
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        ((window as unknown as { __violations: string[] }).__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
    const violationsSoFar = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
    expect(violationsSoFar).toEqual([]);
    await page.locator(".pagefind-ui__search-input").fill("budget");
    const result = page.locator('a[href*="council-approves-2026-budget"]').first();
    await result.waitFor({ timeout: 15_000 });
    const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
