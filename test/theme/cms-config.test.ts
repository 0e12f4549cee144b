/**
 * The CMS configuration is made from the theme's field rules and the site's registries, and a
 * site's own configuration over it is checked: what the build would refuse stops here.
 */
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkCmsConfig, cmsConfigYaml, DATE_FORMAT, generatedCmsConfig, mergeConfig, type CmsObject, type CmsSite } from "../../plugin/theme/cms-config.js";
import { NewsroomError } from "../../plugin/errors.js";

const site: CmsSite = {
  storiesFolder: "articles",
  dataFolder: "_data",
  registries: {
    sections: { local: { name: "Local" }, sports: { name: "Sports" } },
    authors: { "ada-reyes": { name: "Ada Reyes" } },
    speakers: { quill: { name: "Rosa Quill" } },
    kinds: { news: { label: "News" }, opinion: { label: "Opinion" } },
  },
  extraFields: ["podcast"],
  siteUrl: "https://news.example.org",
};

type Field = CmsObject & { name: string; fields?: Field[] };
const collection = (config: CmsObject, name: string) => (config.collections as (CmsObject & { name: string })[]).find((entry) => entry.name === name) as CmsObject;
const storyField = (config: CmsObject, name: string) => (collection(config, "stories").fields as Field[]).find((field) => field.name === name) as Field;

describe("the generated CMS configuration", () => {
  const config = yaml.load(cmsConfigYaml(site)) as CmsObject;

  it("names the stories folder, Markdown with front matter, photos stored next to each story", () => {
    expect(collection(config, "stories")).toMatchObject({ folder: "articles", extension: "md", format: "frontmatter", create: true, media_folder: "", public_folder: "" });
  });

  it("offers the registries' ids as selects: section one, byline and people several", () => {
    expect(storyField(config, "section")).toMatchObject({ widget: "select", required: true, options: [{ value: "local", label: "Local (local)" }, { value: "sports", label: "Sports (sports)" }] });
    expect(storyField(config, "byline")).toMatchObject({ widget: "select", multiple: true, required: false, options: [{ value: "ada-reyes" }] });
    expect(storyField(config, "people")).toMatchObject({ widget: "select", multiple: true, options: [{ value: "quill", label: "Rosa Quill (quill)" }] });
  });

  it("saves dates with their offset, never in UTC", () => {
    for (const name of ["date", "updated"]) expect(storyField(config, name)).toMatchObject({ widget: "datetime", format: DATE_FORMAT, picker_utc: false });
    expect(DATE_FORMAT).toMatch(/Z$/);
    expect(storyField(config, "corrections").fields?.find((field) => field.name === "date")).toMatchObject({ widget: "datetime", format: DATE_FORMAT });
  });

  it("gives the lead photo src, alt, caption and credit, and corrections as a list of date and text", () => {
    const photo = storyField(config, "image");
    expect(photo.widget).toBe("object");
    expect(photo.fields?.map((field) => [field.name, field.widget, field.required])).toEqual([
      ["src", "image", true],
      ["alt", "string", true],
      ["caption", "string", false],
      ["credit", "string", false],
      ["focus", "string", false],
    ]);
    expect(storyField(config, "corrections")).toMatchObject({ widget: "list", required: false });
    expect(storyField(config, "corrections").fields?.map((field) => field.name)).toEqual(["date", "text"]);
  });

  it("requires what the theme requires", () => {
    for (const name of ["title", "dek", "date", "section"]) expect(storyField(config, name).required, name).toBe(true);
    for (const name of ["updated", "tags", "dateline", "draft", "image"]) expect(storyField(config, name).required, name).toBe(false);
  });

  it("makes site.json editable as settings, keyed by its schema", () => {
    const settings = collection(config, "settings") as { files: { file: string; fields: Field[] }[] };
    expect(settings.files[0]?.file).toBe("_data/site.json");
    expect(settings.files[0]?.fields.map((field) => field.name)).toEqual(["name", "url", "language", "timeZone", "organisation", "tagline", "about", "shareImage", "extraFields"]);
    expect(settings.files[0]?.fields.find((field) => field.name === "name")?.required).toBe(true);
  });

  it("saves to the Actions run's repository by default, or the backend given", () => {
    expect(generatedCmsConfig({ ...site, repository: "riverton/ledger" }).backend).toEqual({ name: "github", repo: "riverton/ledger", branch: "main" });
    expect(generatedCmsConfig(site, { backend: { name: "gitlab", repo: "a/b" } }).backend).toEqual({ name: "gitlab", repo: "a/b" });
  });
});

describe("a site's own configuration over the generated one", () => {
  const own = (config: CmsObject) => () => cmsConfigYaml(site, { config });

  it("merges collections and fields by name, and adds new ones", () => {
    const merged = mergeConfig(generatedCmsConfig(site), { locale: "fr", collections: [{ name: "stories", fields: [{ name: "dek", label: "Chapeau" }, { name: "podcast", widget: "string", required: false }] }, { name: "pages", folder: "pages" }] });
    expect(merged.locale).toBe("fr");
    expect(storyField(merged, "dek")).toMatchObject({ label: "Chapeau", widget: "text", required: true });
    expect(storyField(merged, "podcast")).toMatchObject({ widget: "string" });
    expect(collection(merged, "pages")).toEqual({ name: "pages", folder: "pages" });
    expect(() => checkCmsConfig(merged, site)).not.toThrow();
  });

  it.each([
    [{ collections: [{ name: "stories", fields: [{ name: "subtitle", widget: "string" }] }] }, /stories\.fields subtitle: is a front-matter field the theme does not know.*"extraFields": \["subtitle"\]/],
    [{ collections: [{ name: "stories", fields: [{ name: "dek", required: false }] }] }, /stories\.fields dek: is required by the theme/],
    [{ collections: [{ name: "stories", fields: [{ name: "date", picker_utc: true }] }] }, /stories\.fields date: saves a date without its offset/],
    [{ collections: [{ name: "stories", fields: [{ name: "updated", format: "YYYY-MM-DD HH:mm" }] }] }, /stories\.fields updated: saves a date without its offset/],
    [{ collections: [{ name: "stories", fields: [{ name: "section", options: ["local", "opinion"] }] }] }, /section\.options: offers an id that is not in the sections registry.*"opinion"/],
    [{ collections: [{ name: "stories", folder: "posts" }] }, /stories\.folder: must be the theme's stories folder \(articles\)/],
  ])("stops on %j", (config, message) => {
    expect(own(config)).toThrow(NewsroomError);
    expect(own(config)).toThrow(message);
  });

  it("stops when the stories collection or a required field is gone", () => {
    const generated = generatedCmsConfig(site);
    expect(() => checkCmsConfig({ ...generated, collections: [] }, site)).toThrow(/has no stories collection/);
    const stories = collection(generated, "stories");
    const withoutTitle = { ...generated, collections: [{ ...stories, fields: (stories.fields as Field[]).filter((field) => field.name !== "title") }] };
    expect(() => checkCmsConfig(withoutTitle, site)).toThrow(/leaves out a field the theme requires: "title"/);
  });
});
