/**
 * Share cards are PNGs of 1200x630, drawn from a font in an npm package: the same input gives the
 * same bytes (in this process and in another), another input other bytes, and nothing reads the
 * machine's fonts or the network.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  CARD_CACHE_FOLDER,
  cardKey,
  drawCard,
  loadCardFonts,
  removeOtherDesigns,
  renderCardPng,
  rightToLeftLetters,
  ShareCards,
  shorten,
  UndrawableLettersError,
  type CardContent,
  type StoryCard,
} from "../../plugin/theme/share-card.js";
import { repoRoot } from "../helpers/site-build.js";

const STORY: StoryCard = {
  kind: "story",
  siteName: "The Newsroom",
  section: "World",
  headline: "Zelenskyy Rejects Putin’s Invitation for Meeting in Moscow: ‘He Can Come to Kyiv’",
  quote: "He can come to Kyiv",
  speaker: "Volodymyr Zelenskyy",
};

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("share cards", () => {
  it("are 1200x630 PNGs", async () => {
    const found = await sharp(await renderCardPng(STORY)).metadata();
    expect([found.format, found.width, found.height]).toEqual(["png", 1200, 630]);
  });

  it("are palette PNGs that keep every pixel of the drawing", async () => {
    const cards: CardContent[] = [STORY, { kind: "site", siteName: "The Newsroom", tagline: "Independent news" }, { ...STORY, headline: "Київ: Łódź Żółć" }];
    for (const card of cards) {
      const label = card.kind === "story" ? card.headline : card.siteName;
      const png = await renderCardPng(card);
      // IHDR's colour type, byte 25 of the file: 3 is a palette image.
      expect(png[25], label).toBe(3);
      const drawn = await drawCard(card);
      const decoded = await sharp(png).ensureAlpha().raw().toBuffer();
      expect(decoded.equals(drawn.pixels), label).toBe(true);
    }
  }, 60_000);

  it("give the same bytes for the same input, in this process and in a fresh one", async () => {
    const first = await renderCardPng(STORY);
    const second = await renderCardPng({ ...STORY });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const script = `import { renderCardPng } from "./plugin/theme/share-card.ts"; import { createHash } from "node:crypto";
      const png = await renderCardPng(${JSON.stringify(STORY)}); process.stdout.write(createHash("sha256").update(png).digest("hex"));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--input-type=module", "-e", script], { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "" } });
    expect(stdout.trim()).toBe(sha(first));
  }, 60_000);

  it("change with what they say", async () => {
    const plain = await renderCardPng(STORY);
    const noQuote = await renderCardPng({ ...STORY, quote: undefined, speaker: undefined });
    const site = await renderCardPng({ kind: "site", siteName: "The Newsroom", tagline: "Independent news" });
    expect(new Set([sha(plain), sha(noQuote), sha(site)]).size).toBe(3);
    expect(cardKey(STORY)).toBe(cardKey({ ...STORY }));
    expect(cardKey(STORY)).not.toBe(cardKey({ ...STORY, headline: "Another headline" }));
  });

  it("draw every script the font covers, none as the empty box of a missing letter", async () => {
    // A letter the font lacks is drawn as the same box whatever the letter: each of these must
    // give a picture of its own, unlike "漢" (Chinese, which the card font does not cover).
    const letters = ["A", "é", "Ł", "Ż", "ő", "Ї", "Ж", "Ω", "ệ"];
    const picture = async (headline: string) => {
      const drawn = await drawCard({ kind: "story", siteName: "", headline });
      // What the card reports missing agrees with what it draws.
      expect(drawn.missing, headline).toBe(headline === "漢" ? "漢" : "");
      return sha(drawn.pixels);
    };
    const missing = await picture("漢");
    const seen = new Map<string, string>();
    for (const letter of letters) {
      const hash = await picture(letter);
      expect(hash, `${letter} is drawn as a missing letter`).not.toBe(missing);
      expect(seen.get(hash), `${letter} is drawn like ${seen.get(hash)}`).toBeUndefined();
      seen.set(hash, letter);
    }
  }, 60_000);

  it("are cached by design: an earlier design's cards leave the cache, nothing else does", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "cards-"));
    try {
      const cardsDir = path.join(root, "cache", "cards");
      const kept = ["README.txt", CARD_CACHE_FOLDER];
      mkdirSync(path.join(cardsDir, "v1"), { recursive: true });
      mkdirSync(path.join(cardsDir, CARD_CACHE_FOLDER), { recursive: true });
      writeFileSync(path.join(cardsDir, "v1", "fedcba9876543210.png"), "old");
      for (const file of ["0123456789abcdef.png", "0123456789abcdef.png.4242.partial", "README.txt"]) writeFileSync(path.join(cardsDir, file), "old");
      const publishing = { cacheDir: path.join(root, "cache"), outputDir: path.join(root, "_site"), urlPath: "/img/cards/" };
      const card = await new ShareCards().card(STORY, publishing);
      expect(card.url).toBe(`/img/cards/${cardKey(STORY)}.png`);
      expect(card.file).toBe(path.join(cardsDir, CARD_CACHE_FOLDER, `${cardKey(STORY)}.png`));
      expect(existsSync(path.join(root, "_site", "img", "cards", `${cardKey(STORY)}.png`))).toBe(true);
      expect(readdirSync(cardsDir).sort()).toEqual([...kept].sort());
      expect(readdirSync(path.join(cardsDir, CARD_CACHE_FOLDER))).toEqual([`${cardKey(STORY)}.png`]);
      // A first build has no card folder yet.
      await expect(removeOtherDesigns(path.join(root, "nothing", "cards"))).resolves.toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuse a letter no font has, naming it, rather than draw an empty box", async () => {
    // Chinese, an emoji and a check mark: Source Serif 4 has none of them.
    const card: StoryCard = { ...STORY, headline: "Riverton twins with 漢口 🎉", quote: "We did it ✓" };
    expect((await drawCard(card)).missing).toBe("漢口🎉✓");
    expect((await drawCard(STORY)).missing).toBe("");
    const refused = await renderCardPng(card).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(UndrawableLettersError);
    expect(refused).toMatchObject({ letters: "漢口🎉✓", reason: "missing" });
  }, 60_000);

  it("refuse right-to-left letters, which would read backwards, before drawing", async () => {
    expect(rightToLeftLetters({ ...STORY, headline: "Talks in שלום and سلام" })).toBe("שלוםسلام");
    expect(rightToLeftLetters(STORY)).toBe("");
    await expect(renderCardPng({ kind: "site", siteName: "חדשות" })).rejects.toMatchObject({ letters: "חדשות", reason: "right-to-left" });
  });

  it("either draw a headline whole or refuse it naming only letters it holds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), async (headline) => {
        const card: StoryCard = { kind: "story", siteName: "The Newsroom", headline };
        const outcome = await renderCardPng(card).then(() => undefined, (error: unknown) => error);
        if (outcome === undefined) return;
        expect(outcome).toBeInstanceOf(UndrawableLettersError);
        const { letters } = outcome as UndrawableLettersError;
        expect(letters).not.toBe("");
        for (const letter of letters) expect(headline).toContain(letter);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("draw characters pasted from word processors as what they look like, not refuse them", async () => {
    // A variation selector (text or emoji form), a non-breaking hyphen, a figure dash, a horizontal
    // bar, a ligature, degrees Celsius and a third: the font has the look of each.
    const pasted = "Vote\uFE0F today: well\u2011known \u2012 \u2015 \uFB01nal 40\u2103 \u2153";
    expect(shorten(pasted, 80)).toBe("Vote today: well-known – — final 40°C 1⁄3");
    expect((await drawCard({ ...STORY, headline: pasted })).missing).toBe("");
  }, 60_000);

  it("draw the letters of a site's own card fonts, and change name with them", async () => {
    const fontFile = "node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff";
    const armenian: StoryCard = { ...STORY, headline: "Երևան" };
    expect((await drawCard(armenian)).missing).toBe("Երևան");
    const fonts = loadCardFonts([{ file: fontFile, weight: 700 }], repoRoot);
    const drawn = await drawCard(armenian, fonts);
    expect(drawn.missing).toBe("");
    // Each letter its own picture, none the missing letter's box.
    const picture = async (headline: string) => sha((await drawCard({ kind: "story", siteName: "", headline }, fonts)).pixels);
    const shapes = new Set(await Promise.all(["Ե", "ր", "և", "ա", "ն", "漢"].map(picture)));
    expect(shapes.size).toBe(6);
    // Latin keeps the card's own font: the extra font changes nothing it did not have to.
    expect(sha((await drawCard(STORY, fonts)).pixels)).toBe(sha((await drawCard(STORY)).pixels));
    expect(cardKey(STORY, fonts)).not.toBe(cardKey(STORY));
    expect(cardKey(STORY, loadCardFonts([{ file: fontFile, weight: 700 }], repoRoot))).toBe(cardKey(STORY, fonts));
  }, 60_000);

  it("name the font option and the fix when a font file cannot be used", () => {
    const message = (file: string) => {
      try {
        loadCardFonts([{ file }], repoRoot);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message("fonts/missing.ttf")).toMatch(/cardFonts\[0\]\.file: no such font file: "fonts\/missing\.ttf"\. Fix: give the path of a \.ttf, \.otf or \.woff file/);
    expect(message("node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff2")).toMatch(/is WOFF2, which the card renderer cannot read.*Fix: use the font's \.woff, \.ttf or \.otf file/);
    expect(message("package.json")).toMatch(/is not a TrueType, OpenType or WOFF font: "package\.json"/);
  });

  it("read no font file outside the project folder, and take one from an installed package", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "card-fonts-"));
    const project = path.join(root, "project");
    const armenian = path.join(repoRoot, "node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff");
    try {
      mkdirSync(path.join(project, "fonts"), { recursive: true });
      mkdirSync(path.join(project, "node_modules", "@fontsource"), { recursive: true });
      symlinkSync(armenian, path.join(project, "fonts", "outside.woff"));
      // npm links a package from elsewhere (npm link, workspaces): still the project's installed package.
      symlinkSync(path.dirname(path.dirname(armenian)), path.join(project, "node_modules", "@fontsource", "noto-sans-armenian"));
      const load = (file: string) => () => loadCardFonts([{ file, weight: 700 }], project);
      const outside = /cardFonts\[0\]\.file: the path leads outside the site's folder, and the build reads no file outside it: .*Fix: give the path of a font file inside the project folder/;
      expect(load(armenian)).toThrow(outside);
      expect(load(path.relative(project, armenian))).toThrow(outside);
      expect(load("fonts/outside.woff")).toThrow(outside);
      expect(load("node_modules/../../x.woff")).toThrow(outside);
      expect(load("node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff")().fonts).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("stop the build naming the letters, the field and the ways out", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "cards-"));
    const publishing = { cacheDir: path.join(root, "cache"), outputDir: path.join(root, "_site"), urlPath: "/img/cards/" };
    const refusal = (content: CardContent) => new ShareCards().card(content, publishing).then(() => "", (error: unknown) => (error as Error).message);
    try {
      expect(await refusal({ ...STORY, headline: "Riverton twins with 漢口" })).toBe(
        '[newsroom] share card: the card\'s fonts cannot draw these letters of the headline (front matter title), which would show as empty boxes: "漢口". Fix: add a font that has them with the theme option cardFonts, e.g. addPlugin(newsroomTheme, { cardFonts: [{ file: "fonts/NotoSansArmenian-Bold.ttf", weight: 700 }] }) (docs/theme.md, "Share cards"); or write them another way (a symbol in words); or give the story a lead photo (front matter image), shared instead of a card; or set storyCards: false to share stories without a photo with the site\'s card or share image',
      );
      expect(await refusal({ kind: "site", siteName: "חדשות", tagline: "Local news" })).toBe(
        '[newsroom] the site\'s share card: the card cannot set right-to-left text: these letters of the site\'s name (site.json name) would read backwards: "חדשות". Fix: give the site a share image of its own in site.json: "shareImage": { "src": "/assets/share.png", "alt": "…" }, and set the theme option storyCards: false (a story\'s own card shows the site\'s name too)',
      );
      expect(await refusal({ kind: "site", siteName: "Ledger", tagline: "חדשות" })).toMatch(/letters of the site's tagline \(site\.json tagline\) would read backwards: "חדשות"\. Fix: give the site a share image of its own in site\.json: "shareImage": \{ "src": "\/assets\/share\.png", "alt": "…" \}$/);
      expect(await refusal({ ...STORY, quote: "Ծանր", speaker: "Արամ" })).toMatch(/letters of the story's first pull quote and the pull quote's speaker, which would show/);
      // Nothing half-made is left behind.
      expect(existsSync(path.join(root, "_site"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("shorten long text at a word, marking the cut", () => {
    expect(shorten("He can come to Kyiv", 40)).toBe("He can come to Kyiv");
    expect(shorten("one two three four five six", 15)).toBe("one two three…");
    expect(shorten("  spaced   out  ", 40)).toBe("spaced out");
  });
});
