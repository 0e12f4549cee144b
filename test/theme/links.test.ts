/**
 * Built for a GitHub Pages project site (a non-empty path prefix), every internal link and asset
 * resolves and carries the prefix; fragment links point at ids that exist.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, buildSite, listFiles, type SiteBuild } from "../helpers/site-build.js";

const PREFIX = "/gazette/";

interface Problem { page: string; link: string; reason: string }

function decode(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Every href/src on every page, checked against the files the build wrote. */
async function brokenLinks(site: SiteBuild, siteUrl: string): Promise<{ checked: number; problems: Problem[] }> {
  const files = await listFiles(site.output);
  const pages = files.filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
  const ids = new Map<string, Set<string>>();
  const htmlOf = new Map<string, string>();
  for (const page of pages) {
    const html = await site.read(page);
    htmlOf.set(page, html);
    ids.set(page, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string)));
  }
  const problems: Problem[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const match of (htmlOf.get(page) as string).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      let link = decode(match[1] as string);
      // Share links, and the fixture's links to other sites (its policies and sources, on hosts of example.org).
      if (/^(mailto:|https:\/\/(bsky\.app|www\.facebook\.com|www\.linkedin\.com|[a-z]+\.example\.org)\/)/.test(link)) continue;
      if (link.startsWith(siteUrl)) link = link.slice(siteUrl.length);
      checked++;
      if (link.startsWith("#")) {
        if (!ids.get(page)?.has(link.slice(1))) problems.push({ page, link, reason: "no element with this id" });
        continue;
      }
      if (!link.startsWith(PREFIX)) {
        problems.push({ page, link, reason: "not under the path prefix" });
        continue;
      }
      const [withoutFragment = "", fragment] = link.slice(PREFIX.length).split("#");
      const target = withoutFragment.split("?")[0] as string;
      const file = target === "" || target.endsWith("/") ? `${target}index.html` : target;
      if (!existsSync(path.join(site.output, file))) problems.push({ page, link, reason: "no such file" });
      else if (fragment && !ids.get(file)?.has(fragment)) problems.push({ page, link, reason: "no element with this id" });
    }
  }
  return { checked, problems };
}

describe("a build with a path prefix has no broken or unprefixed internal link", () => {
  let fixture: SiteBuild;
  let showcase: SiteBuild;
  beforeAll(async () => {
    [fixture, showcase] = await Promise.all([
      // Two stories a list page, so the small fixture has page 2, 3… links to check.
      buildFixtureSite({ args: [`--pathprefix=${PREFIX}`], env: { SITE_URL: "https://fixture.example", NEWSROOM_PAGE_SIZE: "2" }, search: true }),
      buildSite({ args: [`--pathprefix=${PREFIX}`], env: { SITE_URL: "https://fixture.example" }, search: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fixture?.cleanup(), showcase?.cleanup()]);
  });

  it("the fixture newsroom", async () => {
    const { checked, problems } = await brokenLinks(fixture, "https://fixture.example");
    expect(checked).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it("the showcase", async () => {
    const { checked, problems } = await brokenLinks(showcase, "https://fixture.example");
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("absolute URLs in feeds and sitemaps carry the prefix too", async () => {
    expect(await fixture.read("sitemap.xml")).toContain("<loc>https://fixture.example/gazette/sitemap-1.xml</loc>");
    expect(await fixture.read("sitemap-1.xml")).toContain("<loc>https://fixture.example/gazette/politics/2025/10/14/council-approves-2026-budget/</loc>");
    expect(await fixture.read("politics/page/2/index.html")).toContain('<link rel="prev" href="https://fixture.example/gazette/politics/">');
    expect(await fixture.read("feed.xml")).toContain('<link href="https://fixture.example/gazette/feed.xml" rel="self"');
    expect(await fixture.read("robots.txt")).toContain("Sitemap: https://fixture.example/gazette/sitemap.xml");
  });

  it("Pagefind indexed the articles for search", async () => {
    const files = await listFiles(fixture.output);
    expect(files).toContain("pagefind/pagefind-ui.js");
    expect(files.filter((file) => file.startsWith("pagefind/fragment/")).length).toBeGreaterThanOrEqual(13);
  });
});
