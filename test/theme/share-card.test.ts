/**
 * Share cards are PNGs of 1200x630, drawn from a font in an npm package: the same input gives the
 * same bytes (in this process and in another), another input other bytes, and nothing reads the
 * machine's fonts or the network.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardKey, renderCardPng, shorten, type StoryCard } from "../../plugin/theme/share-card.js";
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

  it("draw text with the package's font: glyphs for Latin, accented and Cyrillic letters", async () => {
    // With no font for a letter satori would draw nothing there; the ink differs from a blank headline.
    const ink = async (headline: string) => (await sharp(await renderCardPng({ kind: "story", siteName: "", headline })).stats()).channels[0]?.mean ?? 0;
    const blank = await ink(" ");
    for (const headline of ["Kyiv", "Łódź Żółć", "Київ"]) expect(await ink(headline), headline).toBeLessThan(blank);
  });

  it("shorten long text at a word, marking the cut", () => {
    expect(shorten("He can come to Kyiv", 40)).toBe("He can come to Kyiv");
    expect(shorten("one two three four five six", 15)).toBe("one two three…");
    expect(shorten("  spaced   out  ", 40)).toBe("spaced out");
  });
});
