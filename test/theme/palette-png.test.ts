/**
 * palettePng writes pixels of up to 256 colours as a palette PNG that decodes to the very same
 * pixels (transparency included), and declines more colours.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { palettePng } from "../../plugin/theme/palette-png.js";

/** Pixels of `width` x `height` whose colour is `colourAt(x, y)` (RGBA). */
function pixels(width: number, height: number, colourAt: (x: number, y: number) => [number, number, number, number]): Buffer {
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.set(colourAt(x, y), (y * width + x) * 4);
  return out;
}

async function decoded(png: Buffer): Promise<Buffer> {
  return sharp(png).ensureAlpha().raw().toBuffer();
}

describe("palettePng", () => {
  it("keeps every pixel of an opaque image and writes no transparency", async () => {
    const image = pixels(37, 11, (x, y) => [(x % 8) * 32, y * 20, (x * y) % 2, 255]); // 8 x 11 x 2 colours at most
    const png = palettePng(image, 37, 11)!;
    expect(png[25]).toBe(3);
    expect(png.includes(Buffer.from("tRNS"))).toBe(false);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 37, 11]);
    expect((await decoded(png)).equals(image)).toBe(true);
  });

  it("keeps transparency", async () => {
    const image = pixels(16, 16, (x, y) => [200, 10 * x, 10 * y, (x * 16) % 256]);
    const png = palettePng(image, 16, 16)!;
    expect(png.includes(Buffer.from("tRNS"))).toBe(true);
    expect((await decoded(png)).equals(image)).toBe(true);
  });

  it("takes exactly 256 colours and declines 257", async () => {
    const exactly = pixels(256, 2, (x) => [x, 255 - x, 0, 255]);
    expect((await decoded(palettePng(exactly, 256, 2)!)).equals(exactly)).toBe(true);
    const over = pixels(257, 1, (x) => [x % 256, x === 256 ? 1 : 0, 0, 255]);
    expect(palettePng(over, 257, 1)).toBeUndefined();
  });

  it("reads pixels that do not start at the beginning of their buffer", async () => {
    const image = pixels(5, 3, (x, y) => [x * 40, y * 80, 7, 255]);
    const shifted = Buffer.alloc(image.length + 3);
    image.copy(shifted, 3);
    const view = shifted.subarray(3);
    expect((await decoded(palettePng(view, 5, 3)!)).equals(image)).toBe(true);
  });

  it("refuses pixels that do not match the size", () => {
    expect(() => palettePng(Buffer.alloc(10), 2, 2)).toThrow(/not 2x2 RGBA/);
  });
});
