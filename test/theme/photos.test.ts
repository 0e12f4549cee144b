/**
 * Photos in the fixture newsroom, built with the real CLI: the story with a lead photo and a
 * figure (3000x2000 and 1600x1200 JPEGs made with sharp before the build) publishes AVIF, WebP and
 * JPEG files at the theme's widths, the markup that loads them, large social previews and
 * NewsArticle.image in three aspect ratios; stories without a photo and list pages get cards.
 */
import { XMLParser } from "fast-xml-parser";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMN_SIZES, resolveThemeOptions, type NewsroomThemeOptions } from "../../plugin/theme/index.js";
import { buildFiles } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";
import { buildFixtureSite, type SiteBuild } from "../helpers/site-build.js";

const PHOTO_STORY = "sports/2025/09/10/stadium-lights-fundraiser/index.html";
const PLAIN_STORY = "business/2025/09/05/bus-route-pilot-agreement/index.html";
const SITE = "https://fixture.example";

let site: SiteBuild;
let photoStory: string;

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error("no JSON-LD on the page");
  return JSON.parse(match[1] as string) as Record<string, unknown>;
}

function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)">`).exec(html);
  return match?.[1];
}

/** The published file behind a site URL or an absolute one. */
function fileOf(url: string): string {
  return path.join(site.output, decodeURI(url.replace(SITE, "")));
}

async function metadataOf(url: string) {
  return sharp(await readFile(fileOf(url))).metadata();
}

beforeAll(async () => {
  site = await buildFixtureSite({ env: { SITE_URL: SITE } });
  photoStory = await site.read(PHOTO_STORY);
});

afterAll(() => site?.cleanup());

describe("the lead photo", () => {
  it("is a picture of AVIF, WebP and JPEG at the theme's widths, loaded first", async () => {
    const figure = /<figure class="nr-figure article__photo">(.*?)<\/figure>/.exec(photoStory)?.[1] ?? "";
    expect(figure).toContain('<source type="image/avif" srcset="');
    expect(figure).toContain('<source type="image/webp" srcset="');
    expect(figure).toMatch(/<img src="\/img\/[\w-]+-1600\.jpeg" srcset="[^"]+" sizes="[^"]+" width="1600" height="1066" alt="Light poles above the empty bleachers at Memorial Field at dusk" loading="eager" fetchpriority="high" decoding="async">/);
    expect(figure).toContain(`sizes="${COLUMN_SIZES}"`);
    expect(figure).toContain('<figcaption><span class="nr-figure__caption">Two of the eight fixtures at <em>Memorial Field</em> failed during a game last season.</span> <span class="nr-figure__credit">Lena Park/Fixture Gazette</span></figcaption>');
    // The lead photo sits between the header and the body.
    expect(photoStory.indexOf("article__photo")).toBeGreaterThan(photoStory.indexOf("</header>"));
    expect(photoStory.indexOf("article__photo")).toBeLessThan(photoStory.indexOf('class="article__body"'));

    const urls = [...figure.matchAll(/(\/img\/[\w-]+\.(avif|webp|jpeg)) (\d+)w/g)];
    expect(urls).toHaveLength(12);
    for (const [, url, format, width] of urls) {
      const found = await metadataOf(url as string);
      expect(found.format === "heif" ? "avif" : found.format, url).toBe(format);
      expect(found.width, url).toBe(Number(width));
      // eleventy-img states heights rounded down; sharp may round up: a pixel either way keeps the ratio.
      expect(Math.abs((found.height ?? 0) - (Number(width) * 2000) / 3000), url).toBeLessThanOrEqual(1);
    }
    expect(urls.map(([, , , width]) => Number(width)).filter((_, index) => index < 4)).toEqual([480, 800, 1200, 1600]);
  });

  it("inline figures load lazily, with their caption and credit", () => {
    const figures = photoStory.match(/<figure class="nr-figure">.*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(1);
    expect(figures[0]).toContain('loading="lazy"');
    expect(figures[0]).not.toContain("fetchpriority");
    expect(figures[0]).toMatch(/width="1600" height="1200" alt="Rust around the bolts at the base of a light pole"/);
    expect(figures[0]).toContain('<span class="nr-figure__caption">The poles date to 1985.</span> <span class="nr-figure__credit">Tom Okafor/Fixture Gazette</span>');
    // Markdown left the figure alone: no paragraph around it.
    expect(photoStory).not.toMatch(/<p><figure|<\/figure><\/p>/);
  });

  it("announces a large preview: og:image 16:9 at 1200 px with size and alt, the large Twitter card", async () => {
    const image = meta(photoStory, "og:image") as string;
    expect(image).toMatch(/^https:\/\/fixture\.example\/img\/[\w-]+-16x9-70-30-1200\.jpeg$/);
    expect(meta(photoStory, "og:image:width")).toBe("1200");
    expect(meta(photoStory, "og:image:height")).toBe("675");
    expect(meta(photoStory, "og:image:alt")).toBe("Light poles above the empty bleachers at Memorial Field at dusk");
    expect(meta(photoStory, "twitter:card")).toBe("summary_large_image");
    expect(meta(photoStory, "twitter:image")).toBe(image);
    expect(meta(photoStory, "robots")).toBe("max-image-preview:large");
    const found = await metadataOf(image);
    expect([found.format, found.width, found.height]).toEqual(["jpeg", 1200, 675]);
  });

  it("gives NewsArticle.image as ImageObjects in 16:9, 4:3 and 1:1", async () => {
    const images = jsonLd(photoStory).image as { "@type": string; url: string; width: number; height: number }[];
    expect(images.map((image) => [image["@type"], image.width, image.height])).toEqual([
      ["ImageObject", 1200, 675],
      ["ImageObject", 1200, 900],
      ["ImageObject", 1200, 1200],
    ]);
    for (const image of images) {
      expect(image.url.startsWith(`${SITE}/img/`)).toBe(true);
      const found = await metadataOf(image.url);
      expect([found.width, found.height]).toEqual([image.width, image.height]);
    }
  });

  it("gives the byline Person its photo, and shows it on the author page", async () => {
    const authors = jsonLd(photoStory).author as { name: string; image?: string }[];
    const lena = authors.find((author) => author.name === "Lena Park");
    expect(lena?.image).toMatch(/^https:\/\/fixture\.example\/img\/[\w-]+-400\.jpeg$/);
    expect((await metadataOf(lena?.image as string)).width).toBe(400);
    expect(authors.find((author) => author.name === "Tom Okafor")?.image).toBeUndefined();
    const page = await site.read("authors/lena-park/index.html");
    expect(page).toMatch(/<div class="profile__photo"><picture>.*<img src="\/img\/[\w-]+-320\.jpeg" [^>]*width="320" height="320" alt=""/);
  });

  it("is in the Atom and JSON feeds", async () => {
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await site.read("feed.xml")) as { feed: { entry: { title: string; link: unknown }[] } };
    const entry = atom.feed.entry.find((item) => item.title.startsWith("Boosters"));
    const links = (Array.isArray(entry?.link) ? entry?.link : [entry?.link]) as Record<string, string>[];
    const enclosure = links.find((link) => link["@_rel"] === "enclosure") as Record<string, string>;
    expect(enclosure["@_type"]).toBe("image/jpeg");
    expect(enclosure["@_href"]).toMatch(/^https:\/\/fixture\.example\/img\/[\w-]+-1200\.jpeg$/);
    expect(Number(enclosure["@_length"])).toBe((await readFile(fileOf(enclosure["@_href"] as string))).length);

    const json = JSON.parse(await site.read("feed.json")) as { items: { title: string; image?: string }[] };
    expect(json.items.find((item) => item.title.startsWith("Boosters"))?.image).toBe(enclosure["@_href"]);
    expect(json.items.filter((item) => item.image)).toHaveLength(1);
  });

  it("keeps the article page's HTML and CSS within 14 KB compressed", async () => {
    const css = await site.read("assets/site.css");
    expect(gzipSync(photoStory + css).length).toBeLessThanOrEqual(14 * 1024);
  });
});

describe("share cards", () => {
  it("a story without a photo is announced with its 1200x630 card, in og:image and NewsArticle.image", async () => {
    const html = await site.read(PLAIN_STORY);
    const card = meta(html, "og:image") as string;
    expect(card).toMatch(/^https:\/\/fixture\.example\/img\/cards\/[0-9a-f]{16}\.png$/);
    expect(meta(html, "og:image:type")).toBe("image/png");
    expect(meta(html, "og:image:alt")).toBe(
      "Fixture Gazette, Business: Late-Night Buses Return to Two Routes in Six-Month Pilot. “Second-shift workers have been walking home in the dark for years” — Rosa Delgado",
    );
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    const found = await metadataOf(card);
    expect([found.format, found.width, found.height]).toEqual(["png", 1200, 630]);
    expect(jsonLd(html).image).toEqual([{ "@type": "ImageObject", url: card, width: 1200, height: 630 }]);
  });

  it("each story has its own card; the front page and section pages share the site's", async () => {
    const front = meta(await site.read("index.html"), "og:image");
    expect(meta(await site.read("sports/index.html"), "og:image")).toBe(front);
    expect(meta(await site.read("index.html"), "og:image:alt")).toBe("Fixture Gazette: Local news from Riverton, written for tests");
    const plain = meta(await site.read(PLAIN_STORY), "og:image");
    const other = meta(await site.read("politics/2025/10/14/council-approves-2026-budget/index.html"), "og:image");
    expect(new Set([front, plain, other]).size).toBe(3);
  });

  it("the style guide shows a figure", async () => {
    const html = await site.read("style-guide/index.html");
    expect(html).toMatch(/<figure class="nr-figure"><picture><source type="image\/avif"[^>]*>.*<img [^>]*width="1200" height="630" alt="The share card of Fixture Gazette[^"]*" loading="lazy"/);
  });
});

describe("storyCards: false", () => {
  const files: Record<string, string> = {
    "_data/site.json": JSON.stringify({ name: "Riverton Ledger", url: "https://news.example.org", language: "en-US", timeZone: "America/Chicago", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } }),
    "_data/sections.json": JSON.stringify({ local: { name: "Local" } }),
    "_data/authors.json": "{}",
    "_data/speakers.json": "{}",
    "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text y="40">Riverton Ledger</text></svg>',
    "articles/budget.md": '---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: local\n---\nThe council met on Tuesday.\n',
  };
  const shareImages = async (theme: NewsroomThemeOptions) => {
    const pages = await buildFiles(files, { theme });
    const story = pages.get("/local/2025/10/14/budget/")?.content as string;
    const front = pages.get("/")?.content as string;
    return { story: meta(story, "og:image"), front: meta(front, "og:image"), storyLd: jsonLd(story).image };
  };

  it("shares a story without a photo with the site's card instead of a card of its own", async () => {
    const own = await shareImages({});
    expect(own.story).toMatch(/^https:\/\/news\.example\.org\/img\/cards\/[0-9a-f]{16}\.png$/);
    expect(own.story).not.toBe(own.front);
    const shared = await shareImages({ storyCards: false });
    expect(shared.story).toBe(own.front);
    expect(shared.front).toBe(own.front);
    expect(shared.storyLd).toEqual([{ "@type": "ImageObject", url: own.front, width: 1200, height: 630 }]);
  });

  it("must be true or false", async () => {
    const error = await buildFiles(files, { theme: { storyCards: "no" as unknown as boolean } }).then(() => undefined, (caught: unknown) => caught);
    expect(messageChain(error)).toMatch(/storyCards: must be true or false, got: "no"/);
  });
});

describe("share images in every script", () => {
  const SETTINGS = { name: "Riverton Ledger", url: "https://news.example.org", language: "en-US", timeZone: "America/Chicago", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } };
  const ARMENIAN_FONT = "node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff";
  const site = (settings: object, title: string): Record<string, string | Uint8Array> => ({
    "_data/site.json": JSON.stringify({ ...SETTINGS, ...settings }),
    "_data/sections.json": JSON.stringify({ local: { name: "Local" } }),
    "_data/authors.json": "{}",
    "_data/speakers.json": "{}",
    "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text y="40">Riverton Ledger</text></svg>',
    "articles/budget.md": `---\ntitle: "${title}"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: local\n---\nThe council met on Tuesday.\n`,
  });
  const failure = (files: Record<string, string | Uint8Array>, theme: NewsroomThemeOptions = {}) =>
    buildFiles(files, { theme }).then(
      () => "built",
      (error: unknown) => messageChain(error),
    );
  let shareImage: Uint8Array;

  beforeAll(async () => {
    shareImage = await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#1d3b6f" } }).png().toBuffer();
  });

  it("a headline with letters no card font has stops the build, naming the story and the letters", async () => {
    const message = await failure(site({}, "Riverton twins with 漢口"));
    expect(message).toMatch(/share card in \S*articles\/budget\.md: the card's fonts cannot draw these letters of the headline \(front matter title\), which would show as empty boxes: "漢口"\. Fix: add a font that has them with the theme option cardFonts/);
  });

  it("cardFonts draws the letters the card font lacks", async () => {
    const pages = await buildFiles(site({}, "Երևան votes on the budget"), { theme: { cardFonts: [{ file: ARMENIAN_FONT, weight: 700 }] } });
    const card = meta(pages.get("/local/2025/10/14/budget/")?.content as string, "og:image");
    expect(card).toMatch(/^https:\/\/news\.example\.org\/img\/cards\/[0-9a-f]{16}\.png$/);
  });

  it("a site named right to left shares its own share image; without one the build names the fix", async () => {
    const hebrew = { name: "חדשות ריברטון" };
    expect(await failure(site(hebrew, "Council passes the budget"), { storyCards: false })).toMatch(
      /the site's share card in \S+: the card cannot set right-to-left text: these letters of the site's name \(site\.json name\) would read backwards: "חדשותריבטן"\. Fix: give the site a share image of its own in site\.json: "shareImage"/,
    );
    const files = { ...site({ ...hebrew, shareImage: { src: "/assets/share.png", alt: "The Ledger's name on blue" } }, "Council passes the budget"), "assets/share.png": shareImage };
    // A story's own card shows the site's name too: the story is named, with its ways out.
    expect(await failure(files)).toMatch(/share card in \S*articles\/budget\.md: the card cannot set right-to-left text: these letters of the site's name \(site\.json name\).*or set storyCards: false/);
    const pages = await buildFiles(files, { theme: { storyCards: false } });
    const front = pages.get("/")?.content as string;
    const story = pages.get("/local/2025/10/14/budget/")?.content as string;
    const image = meta(front, "og:image") as string;
    // Whole, not cropped: a picture made for sharing already has the shape social sites show.
    expect(image).toMatch(/^https:\/\/news\.example\.org\/img\/[\w-]+-1200\.jpeg$/);
    expect([meta(front, "og:image:width"), meta(front, "og:image:height"), meta(front, "og:image:type")]).toEqual(["1200", "630", "image/jpeg"]);
    expect(meta(front, "og:image:alt")).toBe("The Ledger&#39;s name on blue");
    expect(meta(story, "og:image")).toBe(image);
    expect(jsonLd(story).image).toEqual([{ "@type": "ImageObject", url: image, width: Number(meta(front, "og:image:width")), height: Number(meta(front, "og:image:height")) }]);
    expect(pages.get("/style-guide/")?.content).toMatch(/<figure class="nr-figure"><picture>.*alt="The Ledger&#39;s name on blue"/);
  }, 120_000);

  it("a share image narrower than 1200 px stops the build, naming the setting", async () => {
    const narrow = await sharp({ create: { width: 800, height: 420, channels: 3, background: "#1d3b6f" } }).png().toBuffer();
    const files = { ...site({ shareImage: { src: "/assets/share.png", alt: "The name on blue" } }, "Council passes the budget"), "assets/share.png": narrow };
    expect(await failure(files, { storyCards: false })).toMatch(
      /site settings shareImage\.src in \S*_data\/site\.json: is 800x420 px; a share image must be at least 1200 px wide, or social sites show it as a small thumbnail: "\/assets\/share\.png"\. Fix: use a picture 1200x630 px or larger/,
    );
  });

  it("checks cardFonts before any page is built", () => {
    expect(() => resolveThemeOptions({ cardFonts: "fonts/a.ttf" as unknown as [] })).toThrow(/cardFonts: must be a list of fonts, got: "fonts\/a\.ttf"/);
    expect(() => resolveThemeOptions({ cardFonts: [{ flie: "a.ttf" } as unknown as { file: string }] })).toThrow(/cardFonts\[0\]: unknown key: "flie"\. Fix: did you mean "file"\?/);
    expect(() => resolveThemeOptions({ cardFonts: [{ file: "a.ttf", weight: 750 as 700 }] })).toThrow(/cardFonts\[0\]\.weight: must be a font weight from 100 to 900/);
    expect(() => resolveThemeOptions({ cardFonts: [{ file: "a.ttf", style: "oblique" as "italic" }] })).toThrow(/cardFonts\[0\]\.style: must be "normal" or "italic"/);
    expect(resolveThemeOptions({}).cardFonts).toEqual([]);
  });
});
