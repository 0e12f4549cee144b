/**
 * Test photos, made with sharp at test time: a smooth gradient with a few blocks, so encoders do
 * real work and crops are tellable apart. No downloaded images.
 */
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";
import sharp from "sharp";

export async function makeJpeg(width: number, height: number, options: { quality?: number } = {}): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const block = (Math.floor(x / (width / 6)) + Math.floor(y / (height / 4))) % 2 === 0 ? 30 : 0;
      raw[i] = Math.round(60 + (x * 140) / width) + block;
      raw[i + 1] = Math.round(80 + (y * 120) / height);
      raw[i + 2] = 150 - block;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: options.quality ?? 70 }).toBuffer();
}

/**
 * A PNG that says it is `width` x `height` pixels but holds almost nothing: what a photo too large
 * to process looks like to the header reader, without making gigabytes of pixels.
 */
export function makeGiantPngHeader(width: number, height: number): Buffer {
  const crc32 = (bytes: Buffer) => {
    let crc = 0xffffffff;
    for (const byte of bytes) {
      let c = (crc ^ byte) & 0xff;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crc = (crc >>> 8) ^ c;
    }
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.alloc(100))), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * The fixture newsroom's photos, written next to its stories before a build (git-ignored: they
 * are made here, not committed). Written under a temporary name and renamed, so builds that
 * start together never read half a file.
 */
export const FIXTURE_PHOTOS: Record<string, { width: number; height: number }> = {
  "articles/photos/memorial-field-lights.jpg": { width: 3000, height: 2000 },
  "articles/photos/light-pole-base.jpg": { width: 1600, height: 1200 },
  "images/lena-park.jpg": { width: 600, height: 600 },
};

/** The right-to-left fixture site's share image (site.json shareImage): the shape social sites show. */
export const RTL_FIXTURE_PHOTOS: Record<string, { width: number; height: number }> = {
  "assets/share.jpg": { width: 1200, height: 630 },
};

export async function ensureFixturePhotos(siteDir: string, photos: Record<string, { width: number; height: number }> = FIXTURE_PHOTOS): Promise<void> {
  await Promise.all(
    Object.entries(photos).map(async ([file, { width, height }]) => {
      const target = path.join(siteDir, file);
      if (existsSync(target)) return;
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
      await writeFile(partial, await makeJpeg(width, height));
      await rename(partial, target);
    }),
  );
}
