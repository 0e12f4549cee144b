import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublished, missingFragments, refuseBrokenLinks, siteLinks } from "../../plugin/theme/story-links.js";

const PAGE = "/news/2025/10/14/budget/";
const targets = (html: string) => siteLinks(html, PAGE, "./articles/budget.md").map((link) => link.target);

describe("siteLinks", () => {
  it("resolves links into the site against the story's address, decoded, without query or fragment", () => {
    expect(targets('<a href="agenda.pdf">a</a> <a href="../../13/vote/">b</a> <img src="/images/map%20one.png" alt=""> <a href=\'/news/?page=2#top\'>c</a>')).toEqual([
      "/news/2025/10/14/budget/agenda.pdf",
      "/news/2025/10/13/vote/",
      "/images/map one.png",
      "/news/",
    ]);
    expect(targets('<a href="/tags/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0/">t</a> <a href="/a?x=1&amp;y=2">q</a>')).toEqual(["/tags/україна/", "/a"]);
  });

  it("leaves out links that leave the site or stay on the page", () => {
    expect(targets('<a href="https://example.com/x">a</a> <a href="//cdn.example/y">b</a> <a href="\\\\cdn.example/z">b2</a> <a href="mailto:a@b.example">c</a> <a href="tel:+15555550100">d</a> <a href="#notes">e</a> <a href="?q=1">f</a> <a href="">g</a>')).toEqual([]);
  });

  it("keeps what the author wrote, to name it in the error", () => {
    expect(siteLinks('<a href="agenda.pdf">a</a>', PAGE, "./articles/budget.md")).toEqual([{ inputPath: "./articles/budget.md", written: "agenda.pdf", target: "/news/2025/10/14/budget/agenda.pdf" }]);
  });
});

describe("isPublished and refuseBrokenLinks", () => {
  let output: string;
  beforeAll(async () => {
    output = await mkdtemp(path.join(os.tmpdir(), "story-links-"));
    await mkdir(path.join(output, "news", "2025", "10", "13", "vote"), { recursive: true });
    await writeFile(path.join(output, "news", "2025", "10", "13", "vote", "index.html"), "<p>vote</p>");
    await mkdir(path.join(output, "assets"), { recursive: true });
    await writeFile(path.join(output, "assets", "budget.pdf"), "%PDF");
    await writeFile(path.join(output, "about.html"), "<p>about</p>");
  });
  afterAll(() => rm(output, { recursive: true, force: true }));

  it("finds a page's index.html, a file, and a page written as name.html", () => {
    expect(isPublished(output, "/news/2025/10/13/vote/")).toBe(true);
    expect(isPublished(output, "/news/2025/10/13/vote")).toBe(true);
    expect(isPublished(output, "/assets/budget.pdf")).toBe(true);
    expect(isPublished(output, "/about")).toBe(true);
    expect(isPublished(output, "/assets/agenda.pdf")).toBe(false);
    expect(isPublished(output, "/news/2025/10/12/")).toBe(false);
  });

  it("names the first broken link with its story and fix, and counts the others", () => {
    const links = siteLinks('<a href="agenda.pdf">a</a> <a href="/assets/budget.pdf">b</a> <a href="/files/map.png">c</a>', PAGE, "./articles/budget.md");
    expect(() => refuseBrokenLinks(links, output)).toThrow(
      `[newsroom] story link in ./articles/budget.md: "agenda.pdf" leads to /news/2025/10/14/budget/agenda.pdf, where this build publishes no page or file (and 1 more: "/files/map.png" in ./articles/budget.md). Fix: a link without a leading "/" starts from the story's own address. Link a page of the site by its address (/local/2025/10/14/story/), put a file in the site's assets/ folder and link /assets/…, or write the full https:// address of a page elsewhere`,
    );
    expect(() => refuseBrokenLinks(links.slice(1, 2), output)).not.toThrow();
  });
});

describe("missingFragments", () => {
  it("finds links to places the page has no id or name for", () => {
    const page = '<main id="main"><h2 id="the-vote">The vote</h2><a name="old-anchor"></a><h2 id="caf&eacute;">x</h2><h2 id="budget &quot;26">y</h2></main>';
    const text = '<a href="#the-vote">a</a> <a href="#main">b</a> <a href="#old-anchor">c</a> <a href="#nowhere">d</a> <a href="#The-Vote">e</a> <a href="#budget%20%2226">f</a>';
    expect(missingFragments(text, page)).toEqual(["#nowhere", "#The-Vote"]);
  });

  it("lets through the top of the page, and links that are not fragments", () => {
    expect(missingFragments('<a href="#">a</a> <a href="#top">b</a> <a href="#TOP">c</a> <a href="/x/#y">d</a> <a href="https://example.com/#z">e</a>', "<main></main>")).toEqual([]);
  });
});
