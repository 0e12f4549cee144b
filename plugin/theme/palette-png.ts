/**
 * A lossless palette PNG (colour type 3) from RGBA pixels of at most 256 colours. A share card is
 * flat colours and their anti-aliased edges, under a hundred colours: as a palette image it keeps
 * every pixel at less than half the bytes of a full-colour PNG, and costs less to write than one.
 * (sharp's palette output quantizes, which is slower and exact only by luck.)
 */
import { deflateSync } from "node:zlib";

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
const MAX_COLOURS = 256;
// zlib's default: level 9 saves a tenth of the bytes for ten times the time.
const DEFLATE_LEVEL = 6;

let crcTable: Int32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = -1;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The pixels (RGBA, 4 bytes each, row by row) as a palette PNG, or undefined when they hold more
 * than 256 colours (the caller then writes a full-colour PNG).
 */
export function palettePng(pixels: Uint8Array, width: number, height: number): Buffer | undefined {
  if (pixels.length !== width * height * 4) throw new RangeError(`palettePng: ${pixels.length} bytes are not ${width}x${height} RGBA pixels`);
  const palette = new Map<number, number>();
  const rows = Buffer.alloc((width + 1) * height);
  let out = 0;
  let lastColour = -1;
  let lastIndex = 0;
  // A colour is read as one 32-bit number: its 4 bytes in memory order, whatever the machine's.
  const view = new DataView(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  for (let y = 0, at = 0; y < height; y++) {
    rows[out++] = 0; // filter type None: the PNG specification's advice for palette images
    for (let x = 0; x < width; x++, at += 4) {
      const colour = view.getUint32(at);
      // Runs of one colour are most of a card: skip the lookup while the colour repeats.
      if (colour !== lastColour) {
        let index = palette.get(colour);
        if (index === undefined) {
          if (palette.size === MAX_COLOURS) return undefined;
          index = palette.size;
          palette.set(colour, index);
        }
        lastColour = colour;
        lastIndex = index;
      }
      rows[out++] = lastIndex;
    }
  }

  const plte = Buffer.alloc(palette.size * 3);
  const alphas = Buffer.alloc(palette.size);
  let opaque = true;
  for (const [colour, index] of palette) {
    plte[index * 3] = colour >>> 24;
    plte[index * 3 + 1] = (colour >>> 16) & 0xff;
    plte[index * 3 + 2] = (colour >>> 8) & 0xff;
    alphas[index] = colour & 0xff;
    if ((colour & 0xff) !== 0xff) opaque = false;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per palette index
  header[9] = 3; // colour type: palette
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("PLTE", plte),
    ...(opaque ? [] : [chunk("tRNS", alphas)]),
    chunk("IDAT", deflateSync(rows, { level: DEFLATE_LEVEL })),
    chunk("IEND", new Uint8Array()),
  ]);
}
