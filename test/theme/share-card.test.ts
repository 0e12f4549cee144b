/**
 * Share cards are PNGs of 1200x630, drawn from a font in an npm package: the same input gives the
 * same bytes (in this process and in another), another input other bytes, and nothing reads the
 * machine's fonts or the network.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CARD_CACHE_FOLDER, cardKey, drawCard, removeOtherDesigns, renderCardPng, ShareCards, shorten, type CardContent, type StoryCard } from "../../plugin/theme/share-card.js";
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
    const picture = async (headline: string) => sha((await drawCard({ kind: "story", siteName: "", headline })).pixels);
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

  it("shorten long text at a word, marking the cut", () => {
    expect(shorten("He can come to Kyiv", 40)).toBe("He can come to Kyiv");
    expect(shorten("one two three four five six", 15)).toBe("one two three…");
    expect(shorten("  spaced   out  ", 40)).toBe("spaced out");
  });
});
