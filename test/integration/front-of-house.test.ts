/**
 * The front of house, built from a copy of the fixture newsroom whose older photo story is
 * `featured: true`: the front page led by it with its photo large, every card of a story with a
 * photo carrying its thumbnail (front, section, topic, author, month, related), no story twice
 * among the front's headlines, the corrected story's header, the byline's portrait and title, the
 * current section marked on its later pages and stories, and the search index's date and image.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFrontSite, FEATURED, PULL_QUOTES } from "../helpers/front-site.js";
import type { SiteBuild } from "../helpers/site-build.js";

const NEWEST = "politics/2025/10/14/council-approves-2026-budget/";
const CORRECTED = "politics/2025/08/21/housing-ordinance-first-reading/index.html";

let site: SiteBuild;
let front: string;

/** Every card or list item: its headline's link and the markup of the whole item. */
function items(html: string): { href: string; html: string }[] {
  return [...html.matchAll(/<(article class="(?:card|lead)"|li class="story-list__item")>([\s\S]*?)<\/(?:article|li)>/g)].map((match) => ({
    href: /class="(?:card|lead|story-list)__headline"><a href="([^"]+)"/.exec(match[2] as string)?.[1] ?? "",
    html: match[2] as string,
  }));
}

beforeAll(async () => {
  site = await buildFrontSite({ env: { NEWSROOM_PAGE_SIZE: "4", SITE_URL: "https://fixture.example" } });
  front = await site.read("index.html");
}, 300_000);

afterAll(() => site?.cleanup());

describe("the front page", () => {
  it("is led by the featured story, older than others, with its lead photo large and loaded first", async () => {
    const lead = /<section class="front-lead"[\s\S]*?<\/section>/.exec(front)?.[0] ?? "";
    expect(lead).toContain(`<h3 class="lead__headline"><a href="/${FEATURED}">`);
    const img = /<div class="lead__photo"><picture>[\s\S]*?(<img [^>]+>)<\/picture><\/div>/.exec(lead)?.[1] ?? "";
    expect(img).toMatch(/ width="\d+" height="\d+" alt="Light poles above the empty bleachers at Memorial Field at dusk" loading="eager" fetchpriority="high"/);
    // The very files of the article's lead photo: the front adds no bytes.
    const article = await site.read(`${FEATURED}index.html`);
    const articleSrcset = /<figure class="nr-figure article__photo"><picture><source type="image\/avif" srcset="([^"]+)"/.exec(article)?.[1];
    expect(articleSrcset).toBeTruthy();
    expect(lead).toContain(`srcset="${articleSrcset}"`);
  });

  it("puts the newest stories beside the lead, then the sections, with no story twice among its headlines", () => {
    const shown = items(front).map((item) => item.href);
    expect(shown.length).toBeGreaterThan(8);
    expect(new Set(shown).size).toBe(shown.length);
    const latest = /<section class="front-latest"[\s\S]*?<\/section>/.exec(front)?.[0] ?? "";
    expect(items(latest)[0]?.href).toBe(`/${NEWEST}`);
    expect(front).toMatch(/<div class="front-top">\s*<section class="front-lead"/);
  });

  it("shows a section only with stories left to show", () => {
    for (const block of front.matchAll(/<section class="front-section"[\s\S]*?<\/section>/g)) expect(items(block[0]).length).toBeGreaterThan(0);
  });
});

describe("thumbnails", () => {
  const lists = ["index.html", "sports/index.html", "tags/football/index.html", "authors/lena-park/page/2/index.html", "archive/2025/09/index.html", `${NEWEST}index.html`];

  it.each(lists)("on %s: every card of a story with a photo has one, sized and lazy; the others have none", async (file) => {
    const html = await site.read(file);
    const photoCards = items(html).filter((item) => item.href === `/${FEATURED}` && !/class="lead/.test(item.html));
    const others = items(html).filter((item) => item.href !== `/${FEATURED}`);
    expect(others.length).toBeGreaterThan(0);
    for (const item of others) expect(item.html).not.toContain("card__thumb");
    for (const item of photoCards) {
      expect(item.html).toContain(`<a class="card__thumb" href="${item.href}" tabindex="-1" aria-hidden="true"><picture>`);
      expect(item.html).toMatch(/^\s*<a class="card__thumb" [^>]+><picture><source type="image\/avif" srcset="[^"]+-thumb-3x2-70-30-160\.avif 160w, [^"]+-320\.avif 320w" sizes="7\.5rem">/);
      expect(item.html).toMatch(/<img src="\/img\/[\w-]+-thumb-3x2-70-30-320\.jpeg" srcset="[^"]+" sizes="7\.5rem" width="320" height="213" alt="" loading="lazy" decoding="async">/);
    }
  });

  it("appears on the story's lists where it is not the lead", async () => {
    // The football topic and its authors' pages list the photo story among others.
    for (const file of ["tags/football/index.html", "authors/tom-okafor/index.html", "authors/lena-park/page/2/index.html"]) {
      expect(items(await site.read(file)).some((item) => item.href === `/${FEATURED}` && item.html.includes("card__thumb")), file).toBe(true);
    }
  });

  it("is the photo cropped to 3:2 around its focal point, in AVIF, WebP and JPEG", async () => {
    const html = await site.read("tags/football/index.html");
    const jpeg = /<img src="(\/img\/[\w-]+-thumb-3x2-70-30-320\.jpeg)"/.exec(html)?.[1] as string;
    const found = await sharp(path.join(site.output, jpeg)).metadata();
    expect([found.format, found.width, found.height]).toEqual(["jpeg", 320, 213]);
    for (const format of ["avif", "webp"]) await expect(readFile(path.join(site.output, jpeg.replace(/jpeg$/, format)))).resolves.toBeTruthy();
  });
});

describe("a section's pages", () => {
  it("the first is led by its own story, large; the current section is marked on every page and story", async () => {
    const sports = await site.read("sports/index.html");
    expect(sports).toMatch(/<section class="list-lead" aria-label="Top story">\s*<article class="lead">/);
    expect(sports).toContain('<a href="/sports/" aria-current="page">Sports</a>');
    expect(await site.read("politics/page/2/index.html")).toContain('<a href="/politics/" aria-current="true">Politics</a>');
    expect(await site.read("politics/page/2/index.html")).not.toContain('class="list-lead"');
    const article = await site.read(`${FEATURED}index.html`);
    expect(article).toContain('<a href="/sports/" aria-current="true">Sports</a>');
    expect(article).not.toMatch(/<a href="\/(?:politics|world|business)\/" aria-current/);
  });
});

describe("the article header", () => {
  it("says Corrected, on the latest correction's day, linking to the corrections box", async () => {
    const html = await site.read(CORRECTED);
    expect(html).toContain('<a class="article__updated" href="#corrections">Corrected <time datetime="2025-08-25">Aug. 25, 2025</time></a>');
    expect(html).toContain('<section class="article__corrections" id="corrections"');
  });

  it("shows the author's portrait (the author page's own files) and a lone author's title", async () => {
    const two = await site.read(`${FEATURED}index.html`);
    const portrait = /<div class="byline__photo"><picture>[\s\S]*?<img src="(\/img\/[\w-]+-320\.jpeg)"[^>]* width="320" height="320" alt=""/.exec(two)?.[1];
    expect(portrait).toBeTruthy();
    expect(await site.read("authors/lena-park/index.html")).toContain(portrait as string);
    expect(two).not.toContain("article__byline-title");
    const one = await site.read(`${NEWEST}index.html`);
    expect(one).toContain('<p class="article__byline">By <a rel="author" href="/authors/ada-reyes/">Ada Reyes</a></p>\n<p class="article__byline-title">City Hall reporter</p>');
    expect(one).not.toContain("byline__photo");
  });

  it("sets the headline and standfirst as the prose is set, wherever they appear", async () => {
    // Typed as 'Ravens'' Coach Says "Depth Wins in November"' with `--` dashes in the standfirst.
    const headline = "Ravens’ Coach Says “Depth Wins in November”";
    const dek = "Marcus Bell plans to use every player on the roster – sophomores included – before the playoffs.";
    const article = await site.read(`${PULL_QUOTES}index.html`);
    expect(article).toContain(`<h1 class="article__headline">${headline}</h1>`);
    expect(article).toContain(`<p class="article__dek">${dek}</p>`);
    expect(article).toContain(`<title>${headline} | `);
    expect(article).toContain(`"headline":"${headline}"`);
    expect(await site.read("sports/index.html")).toContain(`<a href="/${PULL_QUOTES}">${headline}</a>`);
    expect(await site.read("feed.xml")).toContain(`<title>${headline}</title>`);
    expect(article).not.toMatch(/Ravens' Coach|"Depth Wins/);
  });

  it("gives search the story's day and its thumbnail", async () => {
    const html = await site.read(`${FEATURED}index.html`);
    expect(html).toContain('<article class="article" data-pagefind-body data-pagefind-meta="date[data-day]" data-day="Sept. 10, 2025">');
    expect(html).toMatch(/<span hidden data-pagefind-meta="image\[data-src\]" data-src="\/img\/[\w-]+-thumb-3x2-70-30-320\.jpeg"><\/span>/);
    expect(await site.read(`${NEWEST}index.html`)).not.toContain('data-pagefind-meta="image');
  });
});
