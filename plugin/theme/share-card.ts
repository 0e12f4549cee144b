/**
 * Share cards: a 1200x630 PNG for a story with no photo (site name, section, headline, its first
 * pull quote and speaker) and one for the site itself (front page, section pages). Drawn with
 * satori (layout to SVG, glyphs as paths) and resvg (SVG to pixels), and stored as a palette PNG,
 * from a font shipped in an npm package: no system fonts, no network, and the same input
 * gives the same bytes. Cards are kept in a cache folder between builds under a name that hashes
 * their input.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { NewsroomError } from "../errors.js";
import { copyIfChanged, fileInsideSite, isInsideFolder } from "../images.js";
import type { CardFontOption, FontWeight } from "./options.js";
import { palettePng } from "./palette-png.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a story's card says. */
export interface StoryCard {
  kind: "story";
  siteName: string;
  section?: string | undefined;
  headline: string;
  /** The story's first pull quote, as plain text. */
  quote?: string | undefined;
  /** Who said it. */
  speaker?: string | undefined;
}

/** What the site's own card says. */
export interface SiteCard {
  kind: "site";
  siteName: string;
  tagline?: string | undefined;
}

export type CardContent = StoryCard | SiteCard;

export interface CardFile {
  /** Site path, e.g. `/img/cards/3f2a….png`. */
  url: string;
  width: number;
  height: number;
  /** The card's file in the cache folder. */
  file: string;
}

// Bump when the drawing, its checks or its encoding change, so cached cards are drawn again.
// 3: a card with letters no font has is refused; design 2 drew them as boxes, and kept them.
const CARD_DESIGN_VERSION = "3";
const FONT_FAMILY = "Source Serif 4";
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese"];

const COLORS = { paper: "#ffffff", ink: "#1a1a1a", muted: "#595959", accent: "#a3001b", rule: "#d9d9d9" };

interface SatoriFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: "normal" | "italic";
}

/** The site's extra card fonts, read once: their data and a fingerprint for the cards' names. */
export interface CardFontSet {
  fonts: readonly SatoriFont[];
  /** Changes with the fonts' bytes, so adding or changing a font draws the cards again. */
  id: string;
}

export const NO_EXTRA_CARD_FONTS: CardFontSet = Object.freeze({ fonts: [], id: "" });

// The first bytes of the formats the card renderer reads (TrueType twice, OpenType, WOFF), and of
// WOFF2, which it does not.
const FONT_SIGNATURES = new Set(["00010000", "74727565", "4f54544f", "774f4646"]);
const WOFF2_SIGNATURE = "774f4632";

/** Reads the theme option `cardFonts`, relative to `root` (the project folder). */
export function loadCardFonts(options: readonly CardFontOption[], root: string): CardFontSet {
  if (options.length === 0) return NO_EXTRA_CARD_FONTS;
  const hash = createHash("sha256");
  const fonts = options.map((option, index): SatoriFont => {
    const where = `addPlugin(newsroomTheme, options) cardFonts[${index}].file`;
    const file = cardFontFile(option.file, root, where);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      throw new NewsroomError({ where, problem: "no such font file", value: option.file, fix: "give the path of a .ttf, .otf or .woff file from the project folder, e.g. \"fonts/NotoSansArmenian-Bold.ttf\"" });
    }
    const signature = data.subarray(0, 4).toString("hex");
    if (signature === WOFF2_SIGNATURE) {
      throw new NewsroomError({ where, problem: "is WOFF2, which the card renderer cannot read", value: option.file, fix: "use the font's .woff, .ttf or .otf file (fontsource packages ship .woff beside .woff2)" });
    }
    if (!FONT_SIGNATURES.has(signature)) {
      throw new NewsroomError({ where, problem: "is not a TrueType, OpenType or WOFF font", value: option.file, fix: "give a .ttf, .otf or .woff font file" });
    }
    hash.update(`${option.weight ?? 400} ${option.style ?? "normal"} `).update(data);
    // A name of its own for each file: satori takes one font per name, weight and style.
    return { name: `card font ${index + 1}`, data, weight: option.weight ?? 400, style: option.style ?? "normal" };
  });
  return { fonts, id: hash.digest("hex").slice(0, 16) };
}

/**
 * A card font's file, checked before it is read: it must lie in the project folder, or in a package
 * installed under its node_modules (which npm may link from elsewhere), symlinks followed.
 */
export function cardFontFile(given: string, root: string, where: string): string {
  const file = path.resolve(root, given);
  const fix = 'give the path of a font file inside the project folder, e.g. "fonts/NotoSansArmenian-Bold.ttf", or of an installed package, e.g. "node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff"';
  if (isInsideFolder(file, path.join(path.resolve(root), "node_modules"))) return file;
  return fileInsideSite(file, { folder: root, src: given, where, fix });
}

let fonts: SatoriFont[] | undefined;

/**
 * The card font's files, from @fontsource/source-serif-4 (WOFF: satori reads it, not WOFF2), one
 * file per script. Each script's files get a name of their own: satori takes one font per name,
 * weight and style, and looks in the other names for a letter that font lacks. Under one name,
 * Cyrillic and most Central European letters were drawn as empty boxes.
 */
function cardFonts(): SatoriFont[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const list: SatoriFont[] = [];
  for (const [weight, style] of [[700, "normal"], [400, "normal"], [400, "italic"]] as const) {
    for (const subset of SUBSETS) {
      const file = require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-${style}.woff`);
      list.push({ name: subset === "latin" ? FONT_FAMILY : `${FONT_FAMILY} ${subset}`, data: readFileSync(file), weight, style });
    }
  }
  fonts = list;
  return list;
}

let coveredRanges: [number, number][] | undefined;

/**
 * Whether the card's own fonts (no `cardFonts`) have every letter of `text`, by the ranges the
 * font's files declare: for `init`, which names a new site before any card is drawn.
 */
export function cardFontsCover(text: string): boolean {
  if (!coveredRanges) {
    const require = createRequire(import.meta.url);
    const aFile = require.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff");
    const ranges = JSON.parse(readFileSync(path.join(path.dirname(aFile), "..", "unicode.json"), "utf8")) as Record<string, string>;
    coveredRanges = SUBSETS.flatMap((subset) =>
      (ranges[subset] ?? "").split(",").map((range) => {
        const [from, to = from] = range.trim().replace(/^U\+/i, "").split("-") as [string, string?];
        return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as [number, number];
      }),
    );
  }
  const ranges = coveredRanges;
  return [...text].every((letter) => letter.trim() === "" || ranges.some(([from, to]) => (letter.codePointAt(0) as number) >= from && (letter.codePointAt(0) as number) <= to));
}

const fontLists = new WeakMap<CardFontSet, SatoriFont[]>();

/** The card's fonts and the site's, as one list kept for the build: satori keeps its parsed fonts by the list. */
function fontsWith(extraFonts: CardFontSet): SatoriFont[] {
  let list = fontLists.get(extraFonts);
  if (!list) {
    list = [...cardFonts(), ...extraFonts.fonts];
    fontLists.set(extraFonts, list);
  }
  return list;
}

// Characters the card's font lacks that look the same as ones it has: pasted from a word processor
// or a PDF, they are drawn as what they show rather than refused.
const SAME_LOOK: Record<string, string> = { "\u2011": "-", "\u2012": "–", "\u2015": "—" };

/** Text as the card draws it: the same look in the font's own characters. */
function sameLook(text: string): string {
  return (
    text
      // Variation selectors choose between a letter's text and emoji forms; a card draws only text.
      .replace(/[\uFE00-\uFE0F]/gu, "")
      .replace(/[\u2011\u2012\u2015]/gu, (character) => SAME_LOOK[character] ?? character)
      // Ligatures (ﬁ), ℃ and ℉, and vulgar fractions (⅓) in their compatibility forms: fi, °C, 1⁄3.
      .replace(/[\uFB00-\uFB06\u2103\u2109\u2150-\u215F\u2189]/gu, (character) => character.normalize("NFKC"))
  );
}

/** Cuts text at a word boundary to at most `max` characters, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = sameLook(text).replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?—–-]+$/u, "")}…`;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };

function el(type: string, style: Record<string, unknown>, children?: Node | Node[] | string): Node {
  return { type, props: { style, children } };
}

function headlineSize(headline: string, hasQuote: boolean): number {
  const length = headline.length;
  if (length <= 50) return hasQuote ? 64 : 76;
  if (length <= 90) return hasQuote ? 54 : 64;
  return hasQuote ? 44 : 54;
}

function cardTree(content: CardContent): Node {
  const bar = el("div", { width: "100%", height: 16, backgroundColor: COLORS.accent });
  const frame = (children: Node[]) =>
    el("div", { width: CARD_WIDTH, height: CARD_HEIGHT, display: "flex", flexDirection: "column", backgroundColor: COLORS.paper, fontFamily: FONT_FAMILY, color: COLORS.ink }, [
      bar,
      el("div", { display: "flex", flexDirection: "column", flexGrow: 1, padding: "48px 72px 56px" }, children),
    ]);

  if (content.kind === "site") {
    return frame([
      el("div", { display: "flex", flexGrow: 1, flexDirection: "column", justifyContent: "center" }, [
        el("div", { fontSize: 96, fontWeight: 700, lineHeight: 1.1 }, shorten(content.siteName, 40)),
        el("div", { marginTop: 28, width: 160, height: 6, backgroundColor: COLORS.accent }),
        ...(content.tagline ? [el("div", { marginTop: 28, fontSize: 40, color: COLORS.muted, lineHeight: 1.3 }, shorten(content.tagline, 110))] : []),
      ]),
    ]);
  }

  const quote = content.quote ? shorten(content.quote, 150) : undefined;
  const headline = shorten(content.headline, quote ? 120 : 170);
  const top = el("div", { display: "flex", alignItems: "center", fontSize: 30, fontWeight: 700, letterSpacing: 1 }, [
    el("div", { color: COLORS.ink }, shorten(content.siteName, 40)),
    ...(content.section ? [el("div", { marginLeft: 20, paddingLeft: 20, borderLeft: `3px solid ${COLORS.rule}`, color: COLORS.accent, textTransform: "uppercase" }, shorten(content.section, 30))] : []),
  ]);
  const children = [
    top,
    el("div", { display: "flex", marginTop: 36, fontSize: headlineSize(headline, quote !== undefined), fontWeight: 700, lineHeight: 1.12 }, headline),
  ];
  if (quote) {
    children.push(
      el("div", { display: "flex", flexDirection: "column", marginTop: "auto", paddingLeft: 28, borderLeft: `8px solid ${COLORS.accent}` }, [
        el("div", { fontSize: 34, fontStyle: "italic", lineHeight: 1.25 }, `“${quote}”`),
        ...(content.speaker ? [el("div", { marginTop: 12, fontSize: 28, color: COLORS.muted }, `— ${shorten(content.speaker, 60)}`)] : []),
      ]),
    );
  }
  return frame(children);
}

/** A card's pixels: RGBA, row by row. */
export interface CardPixels {
  pixels: Buffer;
  width: number;
  height: number;
  /** Letters none of the fonts has, drawn as empty boxes; `""` when every letter is drawn. */
  missing: string;
}

/** Why a card cannot be drawn as written: a letter no font has, or a script written right to left. */
export type UndrawableReason = "missing" | "right-to-left";

/** A card would show some of its letters wrongly: as empty boxes, or in reverse order. */
export class UndrawableLettersError extends Error {
  constructor(
    readonly letters: string,
    readonly reason: UndrawableReason,
  ) {
    super(reason === "missing" ? `the card's fonts have no ${JSON.stringify(letters)}` : `the card cannot set right-to-left ${JSON.stringify(letters)}`);
    this.name = "UndrawableLettersError";
  }
}

// Scripts written right to left. satori lays every line out left to right (it has no bidi
// algorithm), so their words would read backwards, whatever the font.
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/gu;

/** The card's letters of right-to-left scripts, each once. */
export function rightToLeftLetters(content: CardContent): string {
  const letters = new Set<string>();
  for (const value of Object.values(content)) if (typeof value === "string") for (const [letter] of value.matchAll(RIGHT_TO_LEFT)) letters.add(letter);
  return [...letters].join("");
}

/** The card drawn: satori lays it out as SVG, resvg paints it. */
export async function drawCard(content: CardContent, extraFonts: CardFontSet = NO_EXTRA_CARD_FONTS): Promise<CardPixels> {
  const [{ default: satori }, { renderAsync }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const missing = new Set<string>();
  // satori's element type is React's; the plain object tree is what it reads.
  const svg = await satori(cardTree(content) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fontsWith(extraFonts),
    // satori asks here for the letters no font has (and would draw as boxes); none is loaded, so
    // the card is refused rather than published with boxes.
    loadAdditionalAsset: async (_language: string, letters: string) => {
      for (const letter of letters) if (letter.trim() !== "") missing.add(letter);
      return [];
    },
  });
  // Glyphs are already paths; resvg must not look for system fonts either. Rendered off the main
  // thread, so the cards of many stories are drawn on every core while Eleventy goes on.
  const image = await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } });
  return { pixels: image.pixels, width: image.width, height: image.height, missing: [...missing].join("") };
}

/**
 * The card as PNG bytes. Deterministic: no clock, no randomness, fonts from the package only.
 * A palette PNG, exact and under half the bytes of a full-colour one: at thousands of stories the
 * cards are most of a site's bytes, and GitHub Pages publishes 1 GB.
 */
export async function renderCardPng(content: CardContent, extraFonts: CardFontSet = NO_EXTRA_CARD_FONTS): Promise<Uint8Array> {
  const rightToLeft = rightToLeftLetters(content);
  if (rightToLeft) throw new UndrawableLettersError(rightToLeft, "right-to-left");
  const { pixels, width, height, missing } = await drawCard(content, extraFonts);
  if (missing) throw new UndrawableLettersError(missing, "missing");
  const png = palettePng(pixels, width, height);
  if (png) return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  // More than 256 colours (no design so far has them): a full-colour PNG, just as exact.
  const { default: sharp } = await import("sharp");
  const full = await sharp(pixels, { raw: { width, height, channels: 4 } }).png().toBuffer();
  return new Uint8Array(full.buffer, full.byteOffset, full.byteLength);
}

/** A stable name for a card: the hash of what it says, of the design version and of the site's extra fonts. */
export function cardKey(content: CardContent, extraFonts: CardFontSet = NO_EXTRA_CARD_FONTS): string {
  const input = extraFonts.id ? [CARD_DESIGN_VERSION, content, extraFonts.id] : [CARD_DESIGN_VERSION, content];
  return createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 16);
}

/** Where a card's text comes from, named as the newsroom writes it. */
const CARD_FIELDS: Record<string, string> = {
  siteName: "the site's name (site.json name)",
  tagline: "the site's tagline (site.json tagline)",
  section: "the section's name",
  headline: "the headline (front matter title)",
  quote: "the story's first pull quote",
  speaker: "the pull quote's speaker",
};

const FONT_FIX = 'add a font that has them with the theme option cardFonts, e.g. addPlugin(newsroomTheme, { cardFonts: [{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }] }) (docs/theme.md, "Share cards"); or write them another way (a symbol in words)';
const SITE_IMAGE_FIX = 'give the site a share image of its own in site.json: "shareImage": { "src": "/assets/share.png", "alt": "…" }';
const STORY_FIXES = "give the story a lead photo (front matter image), shared instead of a card; or set storyCards: false to share stories without a photo with the site's card or share image";

/** The build's error for a card that would show letters wrongly: which, in which of its fields, and the ways out. */
export function undrawableLettersError(content: CardContent, { letters, reason }: UndrawableLettersError): NewsroomError {
  const fields = Object.entries(content)
    .filter(([field, value]) => field in CARD_FIELDS && typeof value === "string" && [...letters].some((letter) => value.includes(letter)))
    .map(([field]) => CARD_FIELDS[field]);
  const where = fields.join(" and ") || "its text";
  const story = content.kind === "story";
  // Every story card shows the site's name too: a name no card can show needs both ways out at once.
  const siteImageFix = [...letters].some((letter) => content.siteName.includes(letter)) ? `${SITE_IMAGE_FIX}, and set the theme option storyCards: false (a story's own card shows the site's name too)` : SITE_IMAGE_FIX;
  const otherFixes = story ? STORY_FIXES : siteImageFix;
  const fixes = reason === "missing" ? [FONT_FIX, otherFixes] : [otherFixes];
  return new NewsroomError({
    where: story ? "share card" : "the site's share card",
    problem:
      reason === "missing"
        ? `the card's fonts cannot draw these letters of ${where}, which would show as empty boxes`
        : `the card cannot set right-to-left text: these letters of ${where} would read backwards`,
    value: letters,
    fix: fixes.join("; or "),
  });
}

export interface CardPublishing {
  cacheDir: string;
  outputDir: string;
  /** Site path of the folder cards are published in, e.g. `/img/cards/`. */
  urlPath: string;
}

/** Draws (or takes from the cache) each card once per build and copies it to the output folder. */
export class ShareCards {
  private readonly jobs = new Map<string, Promise<CardFile>>();
  private readonly tidied = new Map<string, Promise<void>>();

  constructor(private readonly extraFonts: CardFontSet = NO_EXTRA_CARD_FONTS) {}

  reset(): void {
    this.jobs.clear();
  }

  card(content: CardContent, publishing: CardPublishing): Promise<CardFile> {
    const key = cardKey(content, this.extraFonts);
    let job = this.jobs.get(key);
    if (!job) {
      job = this.tidy(publishing.cacheDir)
        .then(() => publishCard(key, content, publishing, this.extraFonts))
        .catch((error: unknown) => {
          throw error instanceof UndrawableLettersError ? undrawableLettersError(content, error) : error;
        });
      this.jobs.set(key, job);
    }
    return job;
  }

  /** Once per cache folder and process: cards of earlier designs go (see removeOtherDesigns). */
  private tidy(cacheDir: string): Promise<void> {
    let done = this.tidied.get(cacheDir);
    if (!done) {
      done = removeOtherDesigns(path.join(cacheDir, "cards"));
      this.tidied.set(cacheDir, done);
    }
    return done;
  }
}

/** The cache folder of this design's cards: a new design never reads an old card. */
export const CARD_CACHE_FOLDER = `v${CARD_DESIGN_VERSION}`;

/**
 * Removes what a card folder holds besides this design's: an earlier design's cards are never
 * used again, and the Pages workflow would otherwise restore them with every build (at 10,000
 * stories, hundreds of megabytes).
 */
export async function removeOtherDesigns(cardsDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(cardsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  // Only what the theme writes there: cards of the first design (a hash and .png) and design folders.
  const stale = entries.filter((name) => name !== CARD_CACHE_FOLDER && (/^[0-9a-f]{16}\.png(\.\d+\.partial)?$/.test(name) || /^v\d+$/.test(name)));
  await Promise.all(stale.map((name) => rm(path.join(cardsDir, name), { recursive: true, force: true })));
}

/**
 * Cards drawn at once. Eleventy renders every page concurrently, and a card in the making holds
 * its SVG and a 1200x630 pixmap: unbounded, a first build of 1,000 stories peaked near 4 GB. One
 * per core keeps every core busy and the memory flat.
 */
const DRAWING_SLOTS = Math.max(1, os.availableParallelism());
let drawing = 0;
const waiting: (() => void)[] = [];

async function drawn<T>(work: () => Promise<T>): Promise<T> {
  // A freed slot passes straight to the next waiting card, so no newcomer can take it in between.
  if (drawing >= DRAWING_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else drawing++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else drawing--;
  }
}

async function publishCard(key: string, content: CardContent, publishing: CardPublishing, extraFonts: CardFontSet): Promise<CardFile> {
  const cached = path.join(publishing.cacheDir, "cards", CARD_CACHE_FOLDER, `${key}.png`);
  if (!existsSync(cached)) {
    await mkdir(path.dirname(cached), { recursive: true });
    // Written under another name first: a build stopped halfway leaves no half card in the cache.
    const partial = `${cached}.${process.pid}.partial`;
    await writeFile(partial, await drawn(() => renderCardPng(content, extraFonts)));
    await rename(partial, cached);
  }
  await copyIfChanged(cached, path.join(publishing.outputDir, publishing.urlPath, `${key}.png`));
  return { url: `${publishing.urlPath}${key}.png`, width: CARD_WIDTH, height: CARD_HEIGHT, file: cached };
}
