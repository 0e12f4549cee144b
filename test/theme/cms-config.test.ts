/**
 * The CMS configuration is made from the theme's field rules and the site's registries, and a
 * site's own configuration over it is checked: what the build would refuse stops here.
 */
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkCmsConfig, cmsConfigYaml, generatedCmsConfig, mergeConfig, packageRepository, pickerZone, type CmsObject, type CmsSite } from "../../plugin/theme/cms-config.js";
import { MAX_BACKSTORY_LENGTH } from "../../plugin/theme/story-fields.js";
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
  timeZone: "America/Chicago",
  registryFiles: [
    { registry: "sections", file: "_data/sections.json" },
    { registry: "authors", file: "_data/authors.json" },
  ],
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

  it("saves dates with their offset in the newsroom's zone, never in UTC", () => {
    for (const name of ["date", "updated"]) expect(storyField(config, name)).toEqual(expect.objectContaining({ widget: "datetime", input_timezone: "America/Chicago", output_utc: false }));
    // Sveltia saves a date picked in a named zone with its offset (YYYY-MM-DDTHH:mm:ssZ) when no
    // format is given; it warns on picker_utc beside the zone options.
    for (const key of ["format", "date_format", "time_format", "picker_utc"]) expect(storyField(config, "date"), key).not.toHaveProperty(key);
    expect(storyField(config, "corrections").fields?.find((field) => field.name === "date")).toMatchObject({ widget: "datetime", input_timezone: "America/Chicago", output_utc: false });
  });

  it("picks dates in UTC by the zone's name for a newsroom in UTC (saved +00:00, never Z)", () => {
    for (const timeZone of ["utc", "UTC", undefined]) expect(pickerZone(timeZone)).toBe("Etc/UTC");
    const utcSite = yaml.load(cmsConfigYaml({ ...site, timeZone: "utc" })) as CmsObject;
    expect(storyField(utcSite, "date")).toMatchObject({ input_timezone: "Etc/UTC", output_utc: false });
  });

  it("limits the backstory to the characters the theme allows", () => {
    expect(storyField(config, "backstory")).toMatchObject({ widget: "text", maxlength: MAX_BACKSTORY_LENGTH });
  });

  it("makes the registries saved as lists editable as settings: each one list saved as the whole file", () => {
    const settings = collection(config, "settings") as { files: (CmsObject & { name: string; fields: Field[] })[] };
    expect(settings.files.map((file) => [file.name, file.file])).toEqual([["site", "_data/site.json"], ["sections", "_data/sections.json"], ["authors", "_data/authors.json"]]);
    const authors = settings.files.find((file) => file.name === "authors")?.fields[0] as Field;
    expect(authors).toMatchObject({ widget: "list", root: true, label_singular: "Author" });
    expect(authors.fields?.map((field) => field.name)).toEqual(["id", "name", "title", "bio", "email", "url", "sameAs", "photo", "expertise", "location", "languages"]);
    expect(authors.fields?.[0]).toMatchObject({ name: "id", widget: "string", required: true, pattern: ["^[a-z0-9]+(?:[-_][a-z0-9]+)*$", expect.any(String)] });
    expect(authors.fields?.find((field) => field.name === "name")?.required).toBe(true);
    // A registry still a map is not offered: a list form would read it as empty, and a save would lose it.
    expect(settings.files.map((file) => file.name)).not.toContain("speakers");
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

  it.each([
    ["riverton/ledger", "riverton/ledger"],
    ["github:riverton/ledger", "riverton/ledger"],
    ["https://github.com/riverton/ledger", "riverton/ledger"],
    ["git+https://github.com/riverton/ledger.git", "riverton/ledger"],
    ["git@github.com:riverton/ledger.git", "riverton/ledger"],
    [{ type: "git", url: "https://github.com/riverton/the.ledger.git" }, "riverton/the.ledger"],
    ["https://gitlab.com/riverton/ledger", undefined],
    ["gitlab:riverton/ledger", undefined],
    [undefined, undefined],
  ])("reads the repository %j from the site's package.json as %j", (repository, expected) => {
    expect(packageRepository({ name: "desk", repository })).toBe(expected);
  });

  it("saves to the Actions run's repository by default, or the backend given", () => {
    expect(generatedCmsConfig({ ...site, repository: "riverton/ledger" }).backend).toEqual({ name: "github", repo: "riverton/ledger", branch: "main" });
    expect(generatedCmsConfig(site, { backend: { name: "gitlab", repo: "a/b" } }).backend).toEqual({ name: "gitlab", repo: "a/b" });
  });
});

describe("a site's own configuration over the generated one", () => {
  const own = (config: CmsObject) => () => cmsConfigYaml(site, { config });

  it("accepts a date saved in a format with its offset, in any named zone", () => {
    expect(own({ collections: [{ name: "stories", fields: [{ name: "date", format: "YYYY-MM-DDTHH:mm:ssZ" }] }] })).not.toThrow();
    expect(own({ collections: [{ name: "stories", fields: [{ name: "date", input_timezone: "Europe/Paris" }] }] })).not.toThrow();
  });

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
    [{ collections: [{ name: "stories", fields: [{ name: "date", picker_utc: true }] }] }, /stories\.fields date: saves a date without its offset, or in UTC/],
    [{ collections: [{ name: "stories", fields: [{ name: "date", output_utc: true }] }] }, /stories\.fields date: saves a date without its offset, or in UTC.*"output_utc":true/],
    [{ collections: [{ name: "stories", fields: [{ name: "date", input_timezone: "utc" }] }] }, /stories\.fields date: saves a date without its offset, or in UTC.*the newsroom's zone, America\/Chicago/],
    [{ collections: [{ name: "stories", fields: [{ name: "corrections", fields: [{ name: "date", output_utc: true }] }] }] }, /stories\.fields corrections: saves a date without its offset, or in UTC/],
    [{ collections: [{ name: "stories", fields: [{ name: "updated", format: "YYYY-MM-DD HH:mm" }] }] }, /stories\.fields updated: saves a date without its offset/],
    [{ collections: [{ name: "stories", fields: [{ name: "updated", date_format: "YYYY-MM-DD" }] }] }, /stories\.fields updated: saves a date without its offset/],
    [{ collections: [{ name: "stories", fields: [{ name: "date", input_timezone: "local" }] }] }, /stories\.fields date: saves a date without its offset/],
    [{ collections: [{ name: "settings", files: [{ name: "authors", fields: [{ name: "authors", fields: [{ name: "twitter", widget: "string" }] }] }] }] }, /settings\.files authors twitter: is a field the theme does not read in authors entries.*Fix: remove it; the fields are id, name, title/],
    [{ collections: [{ name: "settings", files: [{ name: "sections", fields: [{ name: "sections", fields: [{ name: "name", required: false }] }] }] }] }, /settings\.files sections name: is required by the theme/],
    [{ collections: [{ name: "settings", files: [{ name: "sections", fields: [{ name: "sections", fields: [{ name: "id", pattern: [".*", "anything"] }] }] }] }] }, /settings\.files sections id\.pattern: would let an id through that the build refuses/],
    [{ collections: [{ name: "settings", files: [{ name: "sections", fields: [{ name: "sections", root: false }] }] }] }, /settings\.files sections\.fields: must be one list saved as the whole file \(root: true\)/],
    [{ collections: [{ name: "settings", files: [{ name: "sections", file: "_data/desks.json" }] }] }, /settings\.files sections\.file: must be the registry's file \(_data\/sections\.json\)/],
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
