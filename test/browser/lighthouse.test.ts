/**
 * Lighthouse on a phone, once, on the front page, an article with its lead photo and one without
 * (the fixture newsroom laid out as a front, served gzipped as GitHub Pages serves it):
 * accessibility, best practices and SEO at 100, no layout shift on the pages with a photo, and a
 * page's largest paint is its lead photo, loaded at once. The article without a photo has its
 * prose, links and all, in the first screen: it shifts nothing when its preloaded face beats the
 * stylesheet, a race a busy machine can lose, so front-of-house.test.ts checks that with the
 * stylesheet held back, and `npm run lighthouse` reports its layout shift. The performance score
 * moves with the machine's load, so it is `npm run lighthouse`'s to report (best of three runs),
 * not this test's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLighthouse, type Audit, type Lighthouse } from "../../bench/lighthouse-audit.js";
import { buildFrontSite, FEATURED, WITHOUT_PHOTO } from "../helpers/front-site.js";
import type { SiteBuild } from "../helpers/site-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

let site: SiteBuild;
let server: StaticServer;
let lighthouse: Lighthouse;
const audits = new Map<string, Audit>();

beforeAll(async () => {
  site = await buildFrontSite();
  server = await serveStatic(site.output, "/", { gzip: true });
  lighthouse = await startLighthouse();
  // One after the other: two audits at once would share the machine and the browser.
  for (const page of ["", FEATURED, WITHOUT_PHOTO]) audits.set(page, await lighthouse.audit(server.url + page, "mobile"));
}, 400_000);

afterAll(async () => {
  await lighthouse?.close();
  await server?.close();
  await site?.cleanup();
});

describe.each([
  ["the front page", "", "div.lead__photo > picture > img"],
  // The lead figure sits in the article itself; figures in the text sit in its body.
  ["an article with a lead photo", FEATURED, "article.article > figure.nr-figure > picture > img"],
])("Lighthouse on a phone: %s", (_name, page, photo) => {
  const audit = () => audits.get(page) as Audit;

  it("scores 100 for accessibility, best practices and SEO", () => {
    expect({ ...audit().scores, performance: undefined }, audit().shortfalls.join("\n")).toEqual({ performance: undefined, accessibility: 1, "best-practices": 1, seo: 1 });
  });

  it("does not shift its layout", () => {
    expect(audit().cumulativeLayoutShift).toBe(0);
  });

  it("paints the lead photo largest, loaded at once with high priority", () => {
    expect(audit().lcpSelector).toContain(photo);
    expect(audit().lcpElement).toMatch(/^<img /);
    expect(audit().lcpElement).toContain('fetchpriority="high"');
    expect(audit().lcpElement).not.toContain('loading="lazy"');
  });
});

describe("Lighthouse on a phone: an article without a lead photo", () => {
  it("scores 100 for accessibility, best practices and SEO", () => {
    const audit = audits.get(WITHOUT_PHOTO) as Audit;
    expect({ ...audit.scores, performance: undefined }, audit.shortfalls.join("\n")).toEqual({ performance: undefined, accessibility: 1, "best-practices": 1, seo: 1 });
  });
});
