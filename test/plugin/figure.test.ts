/**
 * The figure markup as a pure function: picture sources in order, width and height on the img,
 * lead photos eager and first in line, inline photos lazy, the credit apart from the caption,
 * everything escaped; and the front-matter photo field's checks.
 */
import { describe, expect, it } from "vitest";
import { renderFigure, type ProcessedPhoto } from "../../plugin/figure.js";
import { cropRegion } from "../../plugin/images.js";
import { parseFocus, parseLeadPhoto } from "../../plugin/photo-field.js";
import { thrownBy } from "../helpers/errors.js";

const file = (format: "avif" | "webp" | "jpeg", width: number) => ({ url: `/img/abc-${width}.${format}`, width, height: (width * 2) / 3, format });
const PHOTO: ProcessedPhoto = {
  width: 3000,
  height: 2000,
  files: { avif: [file("avif", 480), file("avif", 1200)], webp: [file("webp", 480), file("webp", 1200)], jpeg: [file("jpeg", 480), file("jpeg", 1200)] },
};

describe("renderFigure", () => {
  it("gives AVIF, then WebP sources, then a JPEG img with the largest file's size", () => {
    const html = renderFigure(PHOTO, { alt: "Firefighters", caption: "A fire", credit: "Jane Doe/AP" }, { sizes: "100vw", priority: "inline" });
    expect(html).toBe(
      '<figure class="nr-figure"><picture>' +
        '<source type="image/avif" srcset="/img/abc-480.avif 480w, /img/abc-1200.avif 1200w" sizes="100vw">' +
        '<source type="image/webp" srcset="/img/abc-480.webp 480w, /img/abc-1200.webp 1200w" sizes="100vw">' +
        '<img src="/img/abc-1200.jpeg" srcset="/img/abc-480.jpeg 480w, /img/abc-1200.jpeg 1200w" sizes="100vw" width="1200" height="800" alt="Firefighters" loading="lazy" decoding="async">' +
        '</picture><figcaption><span class="nr-figure__caption">A fire</span> <span class="nr-figure__credit">Jane Doe/AP</span></figcaption></figure>',
    );
  });

  it("loads the lead photo at once with high priority", () => {
    const html = renderFigure(PHOTO, { alt: "A" }, { sizes: "100vw", priority: "lead", className: "article__photo" });
    expect(html).toContain('loading="eager" fetchpriority="high"');
    expect(html).not.toContain("lazy");
    expect(html).toContain('<figure class="nr-figure article__photo">');
    expect(html).not.toContain("<figcaption>");
  });

  it("escapes alt, caption, credit and sizes", () => {
    const html = renderFigure(PHOTO, { alt: '"><script>', caption: "<b>x</b>", credit: "<i>AP</i>" }, { sizes: '"x', priority: "inline" });
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).toContain("&lt;i&gt;AP&lt;/i&gt;");
    expect(html).toContain('sizes="&quot;x"');
    expect(html).not.toMatch(/<script|<b>|<i>/);
  });

  it("requires alt text unless the photo is decorative", () => {
    expect(thrownBy(() => renderFigure(PHOTO, { alt: " " }, { sizes: "100vw", priority: "inline" })).message).toMatch(/^\[newsroom\] figure: a photo needs alt text.*Fix: pass the alt text as the second argument/);
    expect(renderFigure(PHOTO, { decorative: true }, { sizes: "100vw", priority: "inline" })).toContain('alt=""');
  });
});

describe("parseLeadPhoto", () => {
  it("reads src, alt, caption, credit and focus", () => {
    expect(parseLeadPhoto({ src: "fire.jpg", alt: "Smoke", caption: "Smoke over Riverton", credit: "Ada Reyes", focus: "30% 40%" }, "a.md")).toEqual({
      src: "fire.jpg", alt: "Smoke", decorative: false, caption: "Smoke over Riverton", credit: "Ada Reyes", focus: { x: 30, y: 40 },
    });
    expect(parseLeadPhoto(undefined)).toBeUndefined();
  });

  it("allows an explicitly decorative photo without alt, and only that", () => {
    expect(parseLeadPhoto({ src: "a.jpg", decorative: true })?.alt).toBe("");
    expect(parseLeadPhoto({ src: "a.jpg", alt: "", decorative: true })?.decorative).toBe(true);
    expect(thrownBy(() => parseLeadPhoto({ src: "a.jpg", alt: "" }, "story.md")).message).toBe(
      '[newsroom] front matter image.alt in story.md: is missing: a photo needs alt text (what it shows, for readers who cannot see it): "". Fix: add alt: "What the photo shows", or decorative: true (with no alt) if the photo adds nothing a reader needs',
    );
    expect(thrownBy(() => parseLeadPhoto({ src: "a.jpg", alt: "Smoke", decorative: true })).message).toMatch(/image\.alt.*a decorative photo has no alt text/);
  });

  it("names the field for every other mistake", () => {
    expect(thrownBy(() => parseLeadPhoto("fire.jpg", "s.md")).message).toMatch(/front matter image in s\.md: must be a photo with src and alt/);
    expect(thrownBy(() => parseLeadPhoto({ alt: "x" })).message).toMatch(/front matter image\.src: is missing/);
    expect(thrownBy(() => parseLeadPhoto({ src: "a.jpg", alt: "x", credits: "AP" })).message).toMatch(/has an unknown field: "credits"/);
    expect(thrownBy(() => parseLeadPhoto({ src: "a.jpg", alt: "x", caption: 3 })).message).toMatch(/image\.caption: must be text/);
    expect(thrownBy(() => parseFocus("left top")).message).toMatch(/image\.focus: must be two percentages/);
    expect(thrownBy(() => parseFocus("120% 10%")).message).toMatch(/image\.focus/);
  });
});

describe("cropRegion", () => {
  it("keeps the focal point in view, inside the photo", () => {
    expect(cropRegion({ width: 3000, height: 2000 }, { width: 1, height: 1 }, { x: 50, y: 50 })).toEqual({ left: 500, top: 0, width: 2000, height: 2000 });
    expect(cropRegion({ width: 3000, height: 2000 }, { width: 1, height: 1 }, { x: 0, y: 50 })).toEqual({ left: 0, top: 0, width: 2000, height: 2000 });
    expect(cropRegion({ width: 3000, height: 2000 }, { width: 1, height: 1 }, { x: 90, y: 50 })).toEqual({ left: 1000, top: 0, width: 2000, height: 2000 });
    expect(cropRegion({ width: 3000, height: 2000 }, { width: 16, height: 9 }, { x: 50, y: 10 })).toEqual({ left: 0, top: 0, width: 3000, height: 1688 });
    expect(cropRegion({ width: 3000, height: 2000 }, { width: 16, height: 9 }, { x: 50, y: 100 })).toEqual({ left: 0, top: 312, width: 3000, height: 1688 });
  });
});
