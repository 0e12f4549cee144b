/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Every page type in real Chromium, served on loopback under a path prefix as GitHub Pages serves
 * a project site: 0 axe-core violations (WCAG 2.x A/AA, 2.2 AA) at 360 px and 1280 px in light and
 * dark, visible keyboard focus, the story readable with JavaScript off, Pagefind search answering
 * a typed query, and not one request leaving the site. Screenshots of each page, width and scheme
 * go to screenshots/ (git-ignored) to look at after the run.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COLOR_SCHEMES,
  WIDTHS,
  axeViolations,
  describeViolations,
  launchChromium,
  screenshotName,
  sealedContext,
  type ColorScheme,
  type SealedContext,
} from "../helpers/browser.js";
import { htmlToText } from "../../plugin/escape.js";
import { buildFixtureSite, buildRtlFixtureSite, buildSite, repoRoot, type SiteBuild } from "../helpers/site-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";
import { FIXTURE_PAGE_SIZE, PAGE_TYPES as THEME_PAGE_TYPES } from "../helpers/page-types.js";

const PREFIX = "/gazette/";
const SITE_URL = "https://fixture.example";
const SCREENSHOTS = path.join(repoRoot, "screenshots");

const NORMAL = THEME_PAGE_TYPES.find((type) => type.name === "article")?.fixturePath as string;
const SHOWCASE_ARTICLE = "world/2025/09/05/zelenskyy-rejects-putin-invitation-moscow/";
const RTL_ARTICLE = "local/2025/10/14/council-budget/";

interface PageType {
  site: "fixture" | "showcase" | "rtl";
  name: string;
  path: string;
  /** The HTTP status the server answers with. */
  status?: number;
  /** Run after load, before the checks (e.g. type a search query). */
  prepare?: (page: Page) => Promise<void>;
}

const SEARCH_WORD = "budget";

const PAGE_TYPES: PageType[] = [
  // Every page type of the theme (test/helpers/page-types.ts), with the fixture's variants.
  ...THEME_PAGE_TYPES.map((type): PageType => ({
    site: "fixture",
    name: type.name,
    path: type.fixturePath,
    status: type.status,
    prepare: type.name === "search" ? (page) => searchFor(page, SEARCH_WORD) : undefined,
  })),
  { site: "fixture", name: "article-updated", path: "sports/2025/09/19/ravens-fall-to-harlan-valley/" },
  { site: "fixture", name: "article-corrected", path: "politics/2025/08/21/housing-ordinance-first-reading/" },
  { site: "fixture", name: "article-hostile", path: "politics/2025/10/02/hostile-input/" },
  // A lead photo and an inline figure.
  { site: "fixture", name: "article-photo", path: "sports/2025/09/10/stadium-lights-fundraiser/" },
  { site: "showcase", name: "front", path: "" },
  { site: "showcase", name: "article", path: SHOWCASE_ARTICLE },
  // A site in Arabic, laid out right to left.
  { site: "rtl", name: "front", path: "" },
  { site: "rtl", name: "article", path: RTL_ARTICLE },
];

let browser: Browser;
const sites: Partial<Record<PageType["site"], { build: SiteBuild; server: StaticServer }>> = {};

function url(site: PageType["site"], pagePath: string): string {
  const server = sites[site]?.server;
  if (!server) throw new Error(`the ${site} site is not served`);
  return server.url + pagePath;
}

/** Types a query into Pagefind's search box and waits for its results. */
async function searchFor(page: Page, word: string): Promise<void> {
  const input = page.getByRole("searchbox", { name: /search/i }).or(page.locator(".pagefind-ui__search-input")).first();
  await input.click();
  await input.pressSequentially(word, { delay: 20 });
  await page.locator(".pagefind-ui__result-link").first().waitFor({ state: "visible", timeout: 15_000 });
}

beforeAll(async () => {
  const settings = { args: [`--pathprefix=${PREFIX}`], env: { SITE_URL }, search: true };
  // The browser first: without one the suite stops here, before it starts builds it would leave running.
  browser = await launchChromium();
  // The fixture at a small page size, so its lists have the page 2s the page types name.
  const [fixture, showcase, rtl] = await Promise.all([
    buildFixtureSite({ ...settings, env: { ...settings.env, NEWSROOM_PAGE_SIZE: String(FIXTURE_PAGE_SIZE) } }),
    buildSite(settings),
    buildRtlFixtureSite({ args: settings.args, env: settings.env }),
    mkdir(SCREENSHOTS, { recursive: true }),
  ]);
  sites.fixture = { build: fixture, server: await serveStatic(fixture.output, PREFIX) };
  sites.showcase = { build: showcase, server: await serveStatic(showcase.output, PREFIX) };
  sites.rtl = { build: rtl, server: await serveStatic(rtl.output, PREFIX) };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((site) => site.server.close()));
  await Promise.all(Object.values(sites).map((site) => rm(site.build.output, { recursive: true, force: true })));
});

describe.concurrent.each(WIDTHS.flatMap((width) => COLOR_SCHEMES.map((colorScheme) => ({ width, colorScheme }))))(
  "at $width px, $colorScheme",
  ({ width, colorScheme }: { width: number; colorScheme: ColorScheme }) => {
    let sealed: SealedContext;
    beforeAll(async () => {
      sealed = await sealedContext(browser, { viewport: { width, height: 900 }, colorScheme, reducedMotion: "reduce" });
    });
    afterAll(async () => {
      await sealed.context.close();
    });

    it.each(PAGE_TYPES)("$site $name: no axe violations, nothing loaded from elsewhere", async (pageType) => {
      const page = await sealed.context.newPage();
      try {
        const response = await page.goto(url(pageType.site, pageType.path), { waitUntil: "load" });
        expect(response?.status()).toBe(pageType.status ?? 200);
        await pageType.prepare?.(page);
        const violations = await axeViolations(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, screenshotName(pageType.site, pageType.name, width, colorScheme)), fullPage: true });
        expect(describeViolations(violations)).toEqual([]);
        expect(sealed.outside).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("keyboard focus is visible on the skip link and on a link in the story", async () => {
      const page = await sealed.context.newPage();
      try {
        await page.goto(url("fixture", NORMAL));
        await page.keyboard.press("Tab");
        const skip = await focusIndicator(page);
        expect(skip.text).toBe("Skip to content");
        expect(skip.indicator, `skip link focus: ${JSON.stringify(skip)}`).toBe(true);
        expect(skip.inViewport).toBe(true);

        // Tab on through the page until focus lands on a link inside the story.
        let inStory = await focusIndicator(page);
        for (let presses = 0; presses < 40 && !inStory.inArticle; presses++) {
          await page.keyboard.press("Tab");
          inStory = await focusIndicator(page);
        }
        expect(inStory.inArticle, "no link in the story took focus").toBe(true);
        expect(inStory.indicator, `story link focus: ${JSON.stringify(inStory)}`).toBe(true);
        expect(sealed.outside).toEqual([]);
      } finally {
        await page.close();
      }
    });
  },
);

/** What the focused element shows: a 2 px or wider outline or box-shadow counts as visible. */
function focusIndicator(page: Page): Promise<{ text: string; indicator: boolean; inArticle: boolean; inViewport: boolean; outline: string; boxShadow: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { text: "", indicator: false, inArticle: false, inViewport: false, outline: "", boxShadow: "" };
    const style = getComputedStyle(element);
    const outlineWidth = parseFloat(style.outlineWidth) || 0;
    const hasOutline = style.outlineStyle !== "none" && outlineWidth >= 2;
    const shadowWidths = [...style.boxShadow.matchAll(/(-?[\d.]+)px/g)].map((match) => Math.abs(parseFloat(match[1] ?? "0")));
    const hasShadow = style.boxShadow !== "none" && Math.max(0, ...shadowWidths) >= 2;
    const box = element.getBoundingClientRect();
    return {
      text: (element.textContent ?? "").trim(),
      indicator: hasOutline || hasShadow,
      inArticle: element.tagName === "A" && element.closest(".article__body") !== null,
      inViewport: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    };
  });
}

describe("a site in a language written right to left", () => {
  it("reads right to left: quotation rules at the right, the headline against the right edge", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(url("rtl", RTL_ARTICLE), { waitUntil: "load" });
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar-EG", "rtl"]);
      const quote = await page.locator(".nr-quote__text").evaluate((element) => {
        const style = getComputedStyle(element);
        return { right: style.borderRightWidth, left: style.borderLeftWidth };
      });
      expect(quote).toEqual({ right: "4px", left: "0px" });
      // The headline's words, shorter than the column, stand against its right edge.
      const headline = await page.locator("h1").evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const words = range.getBoundingClientRect();
        const column = element.getBoundingClientRect();
        return { rightGap: column.right - words.right, leftGap: words.left - column.left };
      });
      expect(Math.abs(headline.rightGap)).toBeLessThan(2);
      expect(headline.leftGap).toBeGreaterThan(100);
    } finally {
      await page.close();
    }
  });

  it("keeps an English date in its own order: the time reads before the day", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(url("rtl", ""), { waitUntil: "load" });
      const time = page.locator(".card__time time").first();
      expect(await time.textContent()).toBe("6:30 p.m. GMT+3 Oct. 14, 2025");
      const left = (words: string) =>
        time.evaluate((element, text) => {
          const node = element.firstChild as Text;
          const at = (node.textContent ?? "").indexOf(text);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          return range.getBoundingClientRect().left;
        }, words);
      expect(await left("6:30")).toBeLessThan(await left("Oct. 14"));
    } finally {
      await page.close();
    }
  });
});

describe("the front page's layout", () => {
  it("lines the archive link up with the stories above it, not the narrower text column of list pages", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const [site, edge] of [["fixture", "left"], ["rtl", "right"]] as const) {
        await page.goto(url(site, ""), { waitUntil: "load" });
        const edges = await page.evaluate((side) => {
          const words = (selector: string) => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector) as Element);
            return range.getBoundingClientRect()[side];
          };
          return { lead: words(".lead__headline a"), more: words(".more-link a") };
        }, edge);
        expect(Math.abs(edges.more - edges.lead), site).toBeLessThan(2);
      }
    } finally {
      await page.close();
    }
  });
});

describe("page navigation by keyboard", () => {
  it.each([360, 1280])("at %i px: Tab reaches the numbered links, focus shows, Enter on Next opens page 2", async (width) => {
    const sealed = await sealedContext(browser, { viewport: { width, height: 900 } });
    try {
      const page = await sealed.context.newPage();
      await page.goto(url("fixture", "sports/"));
      const nav = page.getByRole("navigation", { name: "Pages of Sports" });
      await expect(nav.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).resolves.toBe("page");
      let focused = await focusIndicator(page);
      let inNav = false;
      for (let presses = 0; presses < 80 && !(inNav && focused.text === "Next page"); presses++) {
        await page.keyboard.press("Tab");
        focused = await focusIndicator(page);
        inNav = await page.evaluate(() => document.activeElement?.closest(".page-nav") !== null);
        if (inNav) expect(focused.indicator, `page link focus: ${JSON.stringify(focused)}`).toBe(true);
      }
      expect(focused.text).toBe("Next page");
      expect(focused.inViewport).toBe(true);
      await page.keyboard.press("Enter");
      await page.waitForURL(url("fixture", "sports/page/2/"));
      await expect(page.title()).resolves.toMatch(/^Sports, page 2 \| /);
      const current = page.getByRole("navigation", { name: "Pages of Sports" }).getByRole("link", { name: "Page 2" });
      await expect(current.getAttribute("aria-current")).resolves.toBe("page");
      // Shift+Tab from Page 2 goes back to Page 1, then Previous: the order follows the pages.
      await current.focus();
      await page.keyboard.press("Shift+Tab");
      await expect(focusIndicator(page).then((f) => f.text)).resolves.toBe("Page 1");
      await page.keyboard.press("Shift+Tab");
      await expect(focusIndicator(page).then((f) => f.text)).resolves.toBe("Previous page");
      expect(sealed.outside).toEqual([]);
    } finally {
      await sealed.context.close();
    }
  });
});

describe("search", () => {
  it(`finds the budget story when "${SEARCH_WORD}" is typed`, async () => {
    const sealed = await sealedContext(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const page = await sealed.context.newPage();
      await page.goto(url("fixture", "search/"));
      await searchFor(page, SEARCH_WORD);
      const field = await focusIndicator(page);
      expect(field.indicator, `search field focus: ${JSON.stringify(field)}`).toBe(true);
      const links = await page.locator(".pagefind-ui__result-link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
      expect(links).toContain(PREFIX + NORMAL);
      await page.locator(`.pagefind-ui__result-link[href="${PREFIX + NORMAL}"]`).first().click();
      await page.waitForURL(url("fixture", NORMAL));
      await expect(page.locator("h1").textContent()).resolves.toBe("Council Approves $48.2 Million Budget, Saving Two Bus Routes");
      expect(sealed.outside).toEqual([]);
    } finally {
      await sealed.context.close();
    }
  });
});

describe("search results", () => {
  it("are labelled with their story's kind, as cards are", async () => {
    const sealed = await sealedContext(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const page = await sealed.context.newPage();
      await page.goto(url("fixture", "search/"));
      await searchFor(page, "Lindqvara");
      // The kind is a label above the excerpt, beside the day, as on a card: the headline stays the story's own.
      const results = await page.locator(".pagefind-ui__result").evaluateAll((items) =>
        items.map((item) => ({ title: item.querySelector(".pagefind-ui__result-link")?.textContent?.trim(), kind: item.querySelector(".search__meta .search__kind")?.textContent })),
      );
      expect(results).toContainEqual({ title: "Sister-City Visit Ends With Plan for Riverton Students to Go to Sweden", kind: "Analysis" });
      expect(results.every((result) => /^(News|Analysis)$/.test(result.kind ?? "") && !/^(News|Analysis):/.test(result.title ?? "")), JSON.stringify(results)).toBe(true);
      expect(sealed.outside).toEqual([]);
    } finally {
      await sealed.context.close();
    }
  });
});

/** The story's paragraphs in the built HTML, read as text the same way (pull quotes left out). */
function builtParagraphs(html: string): string[] {
  const body = /<div class="article__body">([\s\S]*?)<\/div>\s*(?:<section class="article__corrections"|<footer|<\/article>)/.exec(html)?.[1] ?? "";
  return body
    .replace(/<aside class="nr-pullquote[\s\S]*?<\/aside>/g, "")
    .replace(/<figcaption[\s\S]*?<\/figcaption>/g, "")
    .split("</p>")
    .map((paragraph) => paragraph.replace(/<[^>]*>/g, ""))
    .map((paragraph) => htmlToText(paragraph).replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

describe("with JavaScript off", () => {
  let sealed: SealedContext;
  beforeAll(async () => {
    sealed = await sealedContext(browser, { viewport: { width: 360, height: 900 }, javaScriptEnabled: false });
  });
  afterAll(async () => {
    await sealed.context.close();
  });

  /** The story's paragraphs as the page shows them: visible ones only, pull quotes (repeats) left out. */
  function visibleParagraphs(page: Page): Promise<string[]> {
    return page.locator(".article__body").evaluate((body) =>
      [...body.querySelectorAll("p")]
        .filter((paragraph) => !paragraph.closest(".nr-pullquote") && paragraph.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        .map((paragraph) => (paragraph.textContent ?? "").replace(/\s+/g, " ").trim())
        .filter(Boolean),
    );
  }

  it("the showcase story reads in full: every paragraph of the source, in order", async () => {
    const page = await sealed.context.newPage();
    await page.goto(url("showcase", SHOWCASE_ARTICLE));
    const source = (await readFile(path.join(repoRoot, "test/fixtures/source-article.txt"), "utf8")).trim().split("\n");
    await expect(page.locator("h1").innerText()).resolves.toBe(source[0]);
    await expect(page.locator(".article__dek").innerText()).resolves.toBe(source[1]);
    expect(await visibleParagraphs(page)).toEqual(source.slice(2));
    // The marks are in the text; the stylesheet adds none of its own around a quotation.
    const generated = await page.locator(".nr-q").evaluateAll((spans) =>
      spans.flatMap((span) => ["::before", "::after"].map((pseudo) => getComputedStyle(span, pseudo).content)).filter((content) => content !== "none" && content !== "normal"),
    );
    expect(generated).toEqual([]);
    expect(sealed.outside).toEqual([]);
  });

  it("a fixture story shows every paragraph it was built with, and every plain paragraph of its source", async () => {
    const page = await sealed.context.newPage();
    await page.goto(url("fixture", NORMAL));
    const shown = await visibleParagraphs(page);
    const built = await sites.fixture?.build.read(`${NORMAL}index.html`);
    expect(shown).toEqual(builtParagraphs(built ?? ""));
    const markdown = await readFile(path.join(repoRoot, "test/fixtures/newsroom-site/articles/council-approves-2026-budget.md"), "utf8");
    const plain = markdown
      .split(/^---$/m)
      .slice(2)
      .join("---")
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph && !paragraph.includes("{%"));
    expect(plain.length).toBeGreaterThanOrEqual(3);
    for (const paragraph of plain) expect(shown.join("\n")).toContain(paragraph);
    expect(shown[0]).toMatch(/^RIVERTON, Ohio — The Riverton City Council approved/);
    expect(shown).toContain("Riverton Mayor Delia Marsh thanked council members for what she called patient negotiations. “Nobody got everything they wanted. That is what a fair budget looks like,” she said after the vote.");
    await expect(page.locator(".nr-quote__attribution").first().isVisible()).resolves.toBe(true);
    expect(sealed.outside).toEqual([]);
  });

  it("the search page offers the archive instead", async () => {
    const page = await sealed.context.newPage();
    await page.goto(url("fixture", "search/"));
    const fallback = page.locator("#search p");
    await expect(fallback.isVisible()).resolves.toBe(true);
    await expect(fallback.innerText()).resolves.toContain("Search needs JavaScript.");
    await expect(fallback.getByRole("link", { name: "archive" }).getAttribute("href")).resolves.toBe(`${PREFIX}archive/`);
    expect(sealed.outside).toEqual([]);
  });
});
