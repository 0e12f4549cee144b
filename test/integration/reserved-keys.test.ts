/**
 * `__proto__`, `constructor` and `prototype` as keys: Eleventy merges data key by key, so
 * `__proto__` would be merged into every object of the build. Refused, naming the file and key,
 * in front matter (any page), the registries and site.json.
 */
import { describe, expect, it } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { messageChain } from "../helpers/errors.js";

const SETTINGS = { name: "Key Echo", url: "https://news.example.com", language: "en-US", timeZone: "UTC", organisation: { name: "Key Echo", logo: "/assets/logo.svg" } };
const SITE = {
  "_data/site.json": JSON.stringify(SETTINGS),
  "_data/sections.json": JSON.stringify({ news: { name: "News" } }),
  "_data/authors.json": JSON.stringify({ "ada-reyes": { name: "Ada Reyes" } }),
};
const story = (extra: string): string => `---\ntitle: "T"\ndek: "D"\ndate: 2025-10-14T18:30:00-05:00\nsection: news\nbyline: [ada-reyes]\n${extra}\n---\nThe council met.\n`;

async function buildError(files: Record<string, string>): Promise<string> {
  try {
    await buildFiles({ ...SITE, ...files }, { theme: {} });
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

describe("reserved keys stop the build, naming the file and the key", () => {
  it.each([
    ["__proto__ holding an object", "__proto__: {addTag: 1}", /front matter __proto__ in \S*story\.md: this key is a name every JavaScript object already has/],
    ["__proto__ left empty", "__proto__:", /front matter __proto__ in \S*story\.md/],
    ["constructor", "constructor: {a: 1}", /front matter constructor in \S*story\.md/],
    ["prototype deep inside a field", "people:\n  - prototype: x", /front matter people\.0\.prototype in \S*story\.md/],
  ])("front matter: %s", async (_name, line, expected) => {
    const message = await buildError({ "articles/story.md": story(line) });
    expect(message).toMatch(expected);
    expect(message).toMatch(/Fix: give the key another name, or remove it/);
    expect(({} as Record<string, unknown>).addTag).toBeUndefined();
  });

  it("front matter of a page that is not a story", async () => {
    expect(await buildError({ "about.md": "---\n__proto__: {a: 1}\n---\nAbout.\n" })).toMatch(/front matter __proto__ in \S*about\.md/);
  });

  it("a registry", async () => {
    const message = await buildError({ "_data/sections.json": '{"news": {"name": "News", "__proto__": {"addTag": 1}}}', "articles/story.md": story("") });
    expect(message).toMatch(/data file key news\.__proto__ in \S*sections\.json: this key is a name every JavaScript object already has/);
    expect(({} as Record<string, unknown>).addTag).toBeUndefined();
  });

  it("site.json", async () => {
    const settings = JSON.stringify(SETTINGS).replace('"organisation":{', '"organisation":{"constructor":1,');
    expect(await buildError({ "_data/site.json": settings, "articles/story.md": story("") })).toMatch(/site settings organisation\.constructor in \S*site\.json: this key is a name/);
  });
});
