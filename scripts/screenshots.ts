/**
 * Screenshots of every page type at 360 px and 1280 px, light and dark, into screenshots/
 * (git-ignored). Usage: npm run screenshots [-- <built site folder> [<page path> …]]
 * `npm test` saves its own set (test/browser/pages.test.ts); this one is for any built folder.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { COLOR_SCHEMES, WIDTHS, launchChromium, sealedContext } from "../test/helpers/browser.js";
import { serveStatic } from "../test/helpers/static-server.js";

const [siteDir = "_site", ...pagePaths] = process.argv.slice(2);
const pages = pagePaths.length ? pagePaths : ["", "world/", "archive/", "search/", "style-guide/", "about/", "404.html"];

const server = await serveStatic(path.resolve(siteDir));
const browser = await launchChromium();
await mkdir("screenshots", { recursive: true });
try {
  for (const width of WIDTHS) {
    for (const colorScheme of COLOR_SCHEMES) {
      const { context, outside } = await sealedContext(browser, { viewport: { width, height: 900 }, colorScheme });
      for (const pagePath of pages) {
        const page = await context.newPage();
        await page.goto(server.url + pagePath, { waitUntil: "networkidle" });
        const name = (pagePath.replace(/\/$/, "").replace(/[^a-z0-9]+/gi, "-") || "front") + `-${width}-${colorScheme}.png`;
        await page.screenshot({ path: path.join("screenshots", name), fullPage: true });
        await page.close();
        console.log(`screenshots/${name}`);
      }
      await context.close();
      for (const url of outside) console.warn(`blocked a request leaving the site: ${url}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
