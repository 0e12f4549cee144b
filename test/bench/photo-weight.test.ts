/**
 * The bench's report of what a lead photo adds to the published site, and of the story count at
 * which a site reaches GitHub Pages' 1 GB limit.
 */
import { describe, expect, it } from "vitest";
import { leadPhotoWeight, PAGES_LIMIT_BYTES, photoWeightReport, storiesUntilLimit } from "../../bench/photo-weight.js";

describe("storiesUntilLimit", () => {
  it("divides the limit by what a story costs: its pages, and its photo on the share of stories with one", () => {
    expect(PAGES_LIMIT_BYTES).toBe(1_000_000_000);
    expect(storiesUntilLimit({ pageBytes: 50_000, photoBytes: 950_000, photoShare: 1 })).toBe(1000);
    expect(storiesUntilLimit({ pageBytes: 50_000, photoBytes: 950_000, photoShare: 0 })).toBe(20_000);
    expect(storiesUntilLimit({ pageBytes: 0, photoBytes: 0, photoShare: 1 })).toBe(Infinity);
  });
});

describe("leadPhotoWeight", () => {
  it("counts every file one photo publishes: the picture's widths and formats, three crops, the thumbnail", async () => {
    const weight = await leadPhotoWeight([480, 1600]);
    expect(weight.parts.map((part) => [part.name, part.files])).toEqual([
      ["article picture (and front-page lead art)", 6],
      ["crops 16:9, 4:3, 1:1 (og:image, NewsArticle.image)", 3],
      ["card thumbnail", 6],
    ]);
    for (const part of weight.parts) expect(part.bytes).toBeGreaterThan(part.files * 1000);
    expect(weight.bytes).toBe(weight.parts.reduce((sum, part) => sum + part.bytes, 0));
    const report = photoWeightReport(weight, 40_000);
    expect(report).toContain(`| **each lead photo** | 15 | **${(weight.bytes / 1e6).toFixed(2)} MB** |`);
    expect(report).toContain(`| 100 % | ${storiesUntilLimit({ pageBytes: 40_000, photoBytes: weight.bytes, photoShare: 1 }).toLocaleString("en-US")} |`);
  }, 120_000);
});
