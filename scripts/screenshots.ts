/**
 * Screenshots of every page type at 360 px and 1280 px, light and dark, into screenshots/
 * (git-ignored). Usage: npm run screenshots [-- <built site folder> [<page path> …]]
 * Without page paths: each page type's example in the fixture newsroom (build it with
 * NEWSROOM_PAGE_SIZE=2 for the page 2s).
 * `npm test` saves its own set (test/browser/pages.test.ts); this one is for any built folder.
 * SCREENSHOT_WIDTHS=390,768,1280 takes them at other widths (a phone, a tablet, a laptop).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { COLOR_SCHEMES, WIDTHS, launchChromium, sealedContext } from "../test/helpers/browser.js";
import { PAGE_TYPES } from "../test/helpers/page-types.js";
import { serveStatic } from "../test/helpers/static-server.js";

const [siteDir = "_site", ...pagePaths] = process.argv.slice(2);
// By default one page of each type, at its path in the fixture newsroom (test/helpers/page-types.ts).
const pages = pagePaths.length ? pagePaths : PAGE_TYPES.map((type) => (type.status === 404 ? "404.html" : type.fixturePath));

const server = await serveStatic(path.resolve(siteDir));
const browser = await launchChromium();
await mkdir("screenshots", { recursive: true });
try {
  const widths = process.env.SCREENSHOT_WIDTHS ? process.env.SCREENSHOT_WIDTHS.split(",").map(Number) : WIDTHS;
  for (const width of widths) {
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
