/**
 * Screenshots of every page type at 360 px and 1280 px, light and dark, into screenshots/
 * (git-ignored). Usage: npm run screenshots [-- <built site folder> [<page path> …]]
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../test/helpers/static-server.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const [siteDir = "_site", ...pagePaths] = process.argv.slice(2);
const pages = pagePaths.length ? pagePaths : ["", "world/", "archive/", "search/", "style-guide/", "about/", "404.html"];

const server = await serveStatic(path.resolve(siteDir));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
await mkdir("screenshots", { recursive: true });
try {
  for (const pagePath of pages) {
    for (const width of [360, 1280]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(server.url + pagePath, { waitUntil: "networkidle" });
        const name = (pagePath.replace(/\/$/, "").replace(/[^a-z0-9]+/gi, "-") || "front") + `-${width}-${colorScheme}.png`;
        await page.screenshot({ path: path.join("screenshots", name), fullPage: true });
        await page.close();
        console.log(`screenshots/${name}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
