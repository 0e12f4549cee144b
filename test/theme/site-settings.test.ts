import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newsroomOptionsFromSettings, readSiteSettings, SITE_SETTINGS_KEYS, textDirection, validateSiteSettings } from "../../plugin/theme/site-settings.js";
import { buildFiles } from "../helpers/build.js";
import { thrownBy } from "../helpers/errors.js";

const GOOD = { name: "Riverton Ledger", url: "https://news.example.org", language: "en-US", timeZone: "America/Chicago", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } };

describe("validateSiteSettings", () => {
  it("accepts complete settings and gives the plugin options they stand for", () => {
    const settings = validateSiteSettings({ ...GOOD, tagline: "News", about: "About us", extraFields: ["podcast"], shareImage: { src: "/assets/share.png", alt: "The name on blue" }, organisation: { ...GOOD.organisation, url: "https://ledger.example/", sameAs: ["https://social.example/@ledger"], logo: { url: "/assets/logo.png", width: 600, height: 60 } } }, "site.json");
    expect(newsroomOptionsFromSettings(settings)).toEqual({
      siteUrl: "https://news.example.org",
      language: "en-US",
      timeZone: "America/Chicago",
      publisher: { name: "Riverton Ledger", url: "https://ledger.example/", sameAs: ["https://social.example/@ledger"], logo: { url: "/assets/logo.png", width: 600, height: 60 } },
    });
  });

  it.each([
    [{ ...GOOD, nmae: "x" }, 'site settings nmae in site.json: unknown key: "nmae". Fix: did you mean "name"?'],
    [{ ...GOOD, name: "" }, 'site settings name in site.json: must be non-empty text, got: ""'],
    [{ ...GOOD, url: undefined }, "site settings url in site.json: is missing. Fix: add the address the site is published at"],
    [{ ...GOOD, url: "https://editor:hunter2@news.example.org" }, 'site settings url in site.json: holds a user name or password, which every page, feed and sitemap would publish: "https://***:***@news.example.org/"'],
    [{ ...GOOD, url: "https://news.example.org/#top" }, 'site settings url in site.json: has a query or fragment, which the site\'s addresses cannot carry: "https://news.example.org/#…"'],
    [{ ...GOOD, url: "https://x.org/news/" }, "site settings url in site.json: has a path, which the site's addresses would lose (only the origin is used): \"https://x.org/news/\". Fix: write the origin alone (\"https://x.org\") and build with the path as Eleventy's path prefix: npx @11ty/eleventy --pathprefix=/news/"],
    [{ ...GOOD, language: "English" }, 'site settings language in site.json: must be a language tag, got: "English"'],
    [{ ...GOOD, timeZone: 5 }, "site settings timeZone in site.json: must be text, got: 5"],
    [{ ...GOOD, tagline: ["x"] }, 'site settings tagline in site.json: must be non-empty text, got: ["x"]'],
    [{ ...GOOD, extraFields: "podcast" }, 'site settings extraFields in site.json: must be a list of front-matter field names, got: "podcast"'],
    [{ ...GOOD, organisation: "Ledger" }, 'site settings organisation in site.json: must be an object, got: "Ledger"'],
    [{ ...GOOD, organisation: { logo: "/l.svg" } }, "site settings organisation.name in site.json: is missing. Fix: write the organisation's name"],
    [{ ...GOOD, organisation: { name: "L", logo: "logo.svg" } }, 'site settings organisation.logo in site.json: must be a site path starting with / or an absolute http(s) URL, got: "logo.svg"'],
    [{ ...GOOD, organisation: { name: "L", logo: { url: "/l.svg", width: "600" } } }, 'site settings organisation.logo.width in site.json: must be a whole number of pixels, got: "600"'],
    [{ ...GOOD, organisation: { name: "L", logo: "/l.svg", sameAs: "https://x.example" } }, 'site settings organisation.sameAs in site.json: must be a list of absolute http(s) URLs, got: "https://x.example"'],
    [{ ...GOOD, shareImage: "/assets/share.png" }, 'site settings shareImage in site.json: must be an object with src and alt, got: "/assets/share.png"'],
    [{ ...GOOD, shareImage: { src: "assets/share.png", alt: "x" } }, 'site settings shareImage.src in site.json: must be a site path starting with / (from the input folder), got: "assets/share.png"'],
    [{ ...GOOD, shareImage: { alt: "x" } }, "site settings shareImage.src in site.json: is missing"],
    [{ ...GOOD, shareImage: { src: "/s.png" } }, "site settings shareImage.alt in site.json: is missing. Fix: describe what the image shows"],
    [{ ...GOOD, shareImage: { src: "/s.png", alt: "x", width: 1200 } }, 'site settings shareImage.width in site.json: unknown key: "width"'],
    [[GOOD], "site settings (the whole file) in site.json: must be a JSON object"],
  ])("rejects %j", (settings, message) => {
    expect(thrownBy(() => validateSiteSettings(settings, "site.json")).message).toContain(`[newsroom] ${message}`);
  });

  it("a setting the theme's options give may be left out of the file", () => {
    const { url: _url, timeZone: _zone, organisation: _organisation, ...rest } = GOOD;
    expect(() => validateSiteSettings(rest, "site.json", { url: true, timeZone: true, organisation: true })).not.toThrow();
  });

  it("documents every key in the README", async () => {
    const { readFile } = await import("node:fs/promises");
    const docs = await Promise.all(["../../README.md", "../../docs/theme.md"].map((file) => readFile(new URL(file, import.meta.url), "utf8").catch(() => "")));
    for (const key of SITE_SETTINGS_KEYS) expect(docs.join("\n"), key).toContain(`\`${key}\``);
  });
});

describe("readSiteSettings", () => {
  it("names the file when it is missing or not JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "site-settings-"));
    try {
      expect(thrownBy(() => readSiteSettings(dir)).message).toContain(`[newsroom] site settings: the site has no settings file: ${JSON.stringify(path.join(dir, "site.json"))}`);
      await writeFile(path.join(dir, "site.json"), '{ "name": "x", }');
      expect(thrownBy(() => readSiteSettings(dir)).message).toContain(`[newsroom] site settings (the whole file) in ${path.join(dir, "site.json")}: is not valid JSON`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("textDirection", () => {
  it.each([
    ["en-US", "ltr"],
    ["uk", "ltr"],
    ["sr-Cyrl-RS", "ltr"],
    ["ar-EG", "rtl"],
    ["he", "rtl"],
    ["fa-IR", "rtl"],
    ["ur-PK", "rtl"],
    ["ku-Arab", "rtl"],
    ["az-Latn", "ltr"],
  ])("%s is written %s", (language, direction) => {
    expect(textDirection(language)).toBe(direction);
  });
});

describe("settings the theme's options give instead", () => {
  const files = (settings: object): Record<string, string> => ({
    "_data/site.json": JSON.stringify({ name: "Riverton Ledger", url: "https://news.example.org", timeZone: "America/Chicago", ...settings }),
    "_data/sections.json": JSON.stringify({ local: { name: "Local" } }),
    "_data/authors.json": "{}",
    "_data/speakers.json": "{}",
    "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text y="40">Riverton Ledger</text></svg>',
    "articles/budget.md": '---\ntitle: "Council passes the budget"\ndek: "A 5-2 vote."\ndate: 2025-10-14T18:30:00-05:00\nsection: local\n---\nThe council met on Tuesday.\n',
  });

  it("are what every page, feed and sitemap shows, not site.json's", async () => {
    const pages = await buildFiles(files({ language: "en-US" }), { theme: { storyCards: false, newsroom: { language: "en-GB", publisher: { name: "Riverton Media Group", logo: "/assets/logo.svg" } } } });
    const story = pages.get("/local/2025/10/14/budget/")?.content as string;
    expect(story).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(story).toContain('<meta property="og:locale" content="en_GB">');
    // An unsigned story is by the publisher, named in its byline and footer.
    expect(story).toContain('<a rel="author" href="/about/">Riverton Media Group</a>');
    expect(story).toContain("© Riverton Media Group.");
    expect(pages.get("/feed.xml")?.content).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en-GB">[\s\S]*<author><name>Riverton Media Group<\/name><\/author>/);
    expect(JSON.parse(pages.get("/feed.json")?.content as string)).toMatchObject({ language: "en-GB", authors: [{ name: "Riverton Media Group" }] });
    expect(pages.get("/about/")?.content).toContain("<title>About Riverton Media Group | Riverton Ledger</title>");
  });

  it("a site in a language written right to left has pages written right to left", async () => {
    const pages = await buildFiles(files({ language: "ar-EG", organisation: { name: "Riverton Ledger", logo: "/assets/logo.svg" } }), { theme: { storyCards: false } });
    for (const url of ["/", "/local/2025/10/14/budget/"]) expect(pages.get(url)?.content, url).toMatch(/^<!DOCTYPE html>\n<html lang="ar-EG" dir="rtl">/);
  });
});
