/**
 * The story fields are described once (story-fields.ts): the known-fields check and the CMS are
 * made from that list. A field the check accepts without a description for the CMS fails here,
 * so a new front-matter field cannot reach the theme without reaching the editors' form.
 */
import { resolveKinds } from "../../plugin/kinds.js";
import { describe, expect, it } from "vitest";
import { cmsStoryField, generatedCmsConfig, SETTINGS_WIDGETS } from "../../plugin/theme/cms-config.js";
import { ARTICLE_FIELDS, validateArticle } from "../../plugin/theme/front-matter.js";
import { SITE_SETTINGS } from "../../plugin/theme/site-settings.js";
import { STORY_FIELDS } from "../../plugin/theme/story-fields.js";

const registries = { sections: { world: { name: "World" } }, authors: { ada: { name: "Ada Reyes" } }, speakers: {}, kinds: { ...resolveKinds(undefined) } };

describe("story fields", () => {
  it("every field the known-fields check accepts has a CMS description", () => {
    const described = STORY_FIELDS.map((field) => field.name);
    const undescribed = ARTICLE_FIELDS.filter((field) => !described.includes(field));
    expect(undescribed, "add these to STORY_FIELDS in plugin/theme/story-fields.ts").toEqual([]);
  });

  it("every described field is one the check accepts, each once", () => {
    expect([...ARTICLE_FIELDS].sort()).toEqual(STORY_FIELDS.map((field) => field.name).sort());
    expect(new Set(STORY_FIELDS.map((field) => field.name)).size).toBe(STORY_FIELDS.length);
  });

  it("every described field becomes a field of the CMS's stories collection, with a widget", () => {
    const config = generatedCmsConfig({ storiesFolder: "articles", dataFolder: "_data", registries, extraFields: [] });
    const stories = (config.collections as { name: string; fields: { name: string; widget?: string }[] }[]).find((collection) => collection.name === "stories");
    for (const field of STORY_FIELDS) {
      const cms = stories?.fields.find((candidate) => candidate.name === field.name);
      expect(cms?.widget, field.name).toEqual(expect.any(String));
      expect(cmsStoryField(field, { registries }).required).toBe(field.required);
    }
  });

  it("the required fields are the ones validateArticle stops without", () => {
    const story = { title: "Headline", dek: "Standfirst", date: "2025-09-05", section: "world" };
    for (const field of STORY_FIELDS) {
      const without = { ...story } as Record<string, unknown>;
      delete without[field.name];
      if (field.required) expect(() => validateArticle("./a.md", without, registries), field.name).toThrow(field.name);
      else expect(() => validateArticle("./a.md", without, registries), field.name).not.toThrow();
    }
  });

  it("every site.json key has a settings widget", () => {
    expect(Object.keys(SETTINGS_WIDGETS).sort()).toEqual(Object.keys(SITE_SETTINGS).sort());
  });
});
