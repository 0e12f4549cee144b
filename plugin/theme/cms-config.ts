/**
 * The editors' CMS configuration (`/admin/config.yml`, Decap's format, which Sveltia CMS reads),
 * generated at build time from the story fields (story-fields.ts), the site settings' schema
 * (site-settings.ts) and the site's registries, so the CMS offers exactly what the build accepts:
 * registry ids as selects, dates saved with their offset, the lead photo stored next to the story.
 * A site's own configuration is merged over the generated one, and checked: what the theme would
 * reject stops the build here, not when an editor's story fails to publish.
 */
import yaml from "js-yaml";
import { NewsroomError } from "../errors.js";
import { REGISTRY_FIELDS, REGISTRY_SCHEMA_TYPES, type RegistryField, type RegistryName } from "./registry-fields.js";
import { SITE_SETTINGS } from "./site-settings.js";
import { STORY_FIELDS, type StoryField, type StoryRegistry, type StorySubField } from "./story-fields.js";

/** A field or collection of the CMS configuration, as YAML gives it. */
export type CmsObject = Record<string, unknown>;

/** The theme option `cms`: `true`, or where the CMS saves and what the site adds to its configuration. */
export interface CmsOptions {
  /** The Git backend, e.g. `{ name: "github", repo: "owner/newsroom", branch: "main" }`. */
  backend?: CmsObject;
  /** Configuration merged over the generated one: top-level keys replace, collections and fields merge by name. */
  config?: CmsObject;
}

export interface CmsSite {
  /** The stories folder, from the project folder, with forward slashes (`articles`, `src/articles`). */
  storiesFolder: string;
  /** The data folder, from the project folder (`_data`). */
  dataFolder: string;
  registries: Record<StoryRegistry, Record<string, unknown>>;
  /**
   * The registries' files the CMS edits as settings, from the project folder: those saved as a
   * list of entries (the map form, keyed by id, is no form a CMS can edit; `cms` rewrites it).
   */
  registryFiles?: readonly { registry: RegistryName; file: string }[];
  /** The newsroom's zone (site.json `timeZone`): the date pickers' zone, and the offset dates are saved with. */
  timeZone?: string;
  /** site.json `extraFields`: the site's own front-matter fields. */
  extraFields: readonly string[];
  /** The address the site is published at, for the CMS's link to it. */
  siteUrl?: string | undefined;
  /** `GITHUB_REPOSITORY`, when the build runs in GitHub Actions: the default backend's repository. */
  repository?: string | undefined;
}

/** day.js's offset token in a site's own `format` (`Z` writes `-04:00`), outside [escaped text]. */
const OFFSET_TOKEN = /(?<!\[[^\]]*)Z{1,2}(?![^[]*\])/;

const FOCUS_PATTERN = "^\\s*\\d{1,3}(\\.\\d+)?%\\s+\\d{1,3}(\\.\\d+)?%\\s*$";

function registryOptions(registry: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(registry).map(([id, entry]) => {
    // Sections, authors and speakers have a name; kinds a label.
    const record = entry && typeof entry === "object" ? (entry as { name?: unknown; label?: unknown }) : {};
    const name = typeof record.name === "string" ? record.name : typeof record.label === "string" ? record.label : id;
    return { label: name === id ? id : `${name} (${id})`, value: id };
  });
}

/**
 * The picker's zone: the newsroom's. Sveltia reads `utc` as "save in UTC with a `Z`", so a newsroom
 * in UTC gets the zone's IANA name, whose dates are saved with `+00:00`.
 */
export function pickerZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone.toLowerCase() === "utc") return "Etc/UTC";
  return timeZone;
}

/**
 * Dates are saved with their offset (`2025-03-09T23:30:00-04:00`), so a story dated in the evening
 * keeps its day in every zone; Decap's default (UTC with `Z`) published a day off. The picker's zone
 * is the newsroom's: Sveltia saves a date picked in a named zone as `YYYY-MM-DDTHH:mm:ssZ` with that
 * zone's offset on that day — the wall-clock time the editor picked, whatever the zone of the
 * editor's computer. No `format` is given: the same tokens given as one beside the zone hang
 * Sveltia 0.221 when a second date of the form is picked.
 */
const datetimeWidget = (timeZone: string | undefined): CmsObject => ({ widget: "datetime", input_timezone: pickerZone(timeZone), output_utc: false });

/** The CMS field of one story field: its widget, from its shape. */
export function cmsStoryField(field: StoryField, site: Pick<CmsSite, "registries" | "timeZone">): CmsObject {
  const base: CmsObject = { name: field.name, label: field.label, required: field.required, hint: field.doc };
  const shape = field.shape;
  switch (shape.kind) {
    case "line":
      return { ...base, widget: "string" };
    case "paragraph":
      return { ...base, widget: "text", ...(shape.maxLength === undefined ? {} : { maxlength: shape.maxLength }) };
    case "datetime":
      return { ...base, ...datetimeWidget(site.timeZone) };
    case "boolean":
      return { ...base, widget: "boolean", default: false };
    case "registryId":
      return { ...base, widget: "select", options: registryOptions(site.registries[shape.registry]) };
    case "registryIds":
      return { ...base, widget: "select", multiple: true, options: registryOptions(site.registries[shape.registry]) };
    case "lines":
      return { ...base, widget: "list" };
    case "photo":
      return {
        ...base,
        widget: "object",
        fields: [
          { name: "src", label: "Photo", widget: "image", required: true, hint: "stored next to the story" },
          { name: "alt", label: "Alt text", widget: "string", required: true, hint: "what the photo shows, for readers who cannot see it" },
          { name: "caption", label: "Caption", widget: "string", required: false },
          { name: "credit", label: "Credit", widget: "string", required: false, hint: "e.g. Sam Lee/Riverton Ledger" },
          { name: "focus", label: "Focus", widget: "string", required: false, pattern: [FOCUS_PATTERN, 'two percentages, from the left and from the top, e.g. "30% 40%"'], hint: "what crops keep in view" },
        ],
      };
    case "corrections":
      return {
        ...base,
        widget: "list",
        fields: [
          { name: "date", label: "Corrected", required: true, ...datetimeWidget(site.timeZone) },
          { name: "text", label: "Correction", widget: "text", required: true },
        ],
      };
    case "notes":
      return { ...base, widget: "object", fields: shape.about.map((about) => ({ name: about, label: about, widget: "string", required: false })) };
    case "record":
      return { ...base, widget: "object", fields: shape.fields.map(cmsSubField) };
    case "records":
      return { ...base, widget: "list", fields: shape.fields.map(cmsSubField) };
  }
}

// A site path, never `//host` (a link off the site, which the theme's address checks refuse).
const URL_PATTERN = ["^(https?://|/(?!/))", "an address beginning with https:// or a site path beginning with /"];

/** The CMS field of one part of a field made of parts. */
function cmsSubField(field: StorySubField): CmsObject {
  const base: CmsObject = { name: field.name, label: field.label, required: field.required };
  if (field.value === "number") return { ...base, widget: "number", value_type: "float" };
  if (field.value === "url") return { ...base, widget: "string", pattern: URL_PATTERN };
  return { ...base, widget: "string" };
}

/** The CMS field of one field of a registry's entries: its widget, from its value. */
export function cmsRegistryField(field: RegistryField): CmsObject {
  const base: CmsObject = { name: field.name, label: field.label, required: field.required, hint: field.doc };
  switch (field.value) {
    case "line":
      return { ...base, widget: "string" };
    case "paragraph":
      return { ...base, widget: "text" };
    case "url":
      return { ...base, widget: "string", pattern: URL_PATTERN };
    case "sitePath":
      return { ...base, widget: "string", pattern: ["^/(?!/)", "a site path beginning with /, e.g. /images/staff/ada-reyes.jpg"] };
    case "lines":
      // Each item required: the build refuses an empty text in the list.
      return { ...base, widget: "list", field: { name: "item", label: field.label, widget: "string", required: true } };
    case "links":
      return { ...base, widget: "list", field: { name: "link", label: "Address", widget: "string", required: true, pattern: ["^https?://", "an address beginning with https://"] } };
    case "segment":
      return { ...base, widget: "string", pattern: ["^[a-z0-9]+(?:-[a-z0-9]+)*$", "one address segment: lowercase letters, digits and hyphens"] };
    case "schemaType":
      return { ...base, widget: "select", options: [...REGISTRY_SCHEMA_TYPES] };
  }
}

/**
 * A registry's settings file: the whole file one list (`root: true`, Sveltia's top-level list) of
 * entries, each its `id` (checked as the build checks it) and the registry's fields.
 */
export function registrySettingsFile(registry: RegistryName, file: string): CmsObject {
  const description = REGISTRY_FIELDS[registry];
  const id: CmsObject = { name: "id", label: "Id", widget: "string", required: true, pattern: [...description.idPattern], hint: "names the entry in stories and in its page's address; renaming it means renaming it in every story" };
  const title = registry === "kinds" ? "label" : "name";
  return {
    name: registry,
    label: description.label,
    file,
    format: "json",
    fields: [{ name: registry, label: description.label, label_singular: description.singular, widget: "list", root: true, summary: `{{fields.${title}}} ({{fields.id}})`, fields: [id, ...description.fields.map(cmsRegistryField)] }],
  };
}

/** The CMS field of each `site.json` key (SITE_SETTINGS); a key without one fails test/theme/cms-config.test.ts. */
export const SETTINGS_WIDGETS: Record<keyof typeof SITE_SETTINGS, CmsObject> = {
  name: { widget: "string" },
  url: { widget: "string", pattern: ["^https?://[^/?#@]+$", "the site's origin alone, e.g. https://news.example.org"] },
  language: { widget: "string", pattern: ["^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "a language tag, e.g. en-US"] },
  timeZone: { widget: "string", hint: "an IANA zone, e.g. America/Chicago" },
  organisation: {
    widget: "object",
    fields: [
      { name: "name", widget: "string", required: true },
      { name: "logo", widget: "string", required: true, hint: "a site path, e.g. /assets/logo.svg" },
      { name: "url", widget: "string", required: false },
      { name: "sameAs", widget: "list", required: false },
    ],
  },
  tagline: { widget: "string" },
  about: { widget: "text" },
  shareImage: {
    widget: "object",
    fields: [
      { name: "src", widget: "string", required: true, hint: "a site path, e.g. /assets/share.png" },
      { name: "alt", widget: "string", required: true },
    ],
  },
  extraFields: { widget: "list" },
};

function settingsFields(): CmsObject[] {
  return Object.entries(SITE_SETTINGS).map(([key, declared]) => ({
    name: key,
    label: key,
    required: declared.required,
    hint: declared.doc.replace(/\s*\(\[[^\]]*\]\([^)]*\)\)/g, ""),
    ...SETTINGS_WIDGETS[key as keyof typeof SITE_SETTINGS],
  }));
}

/**
 * The GitHub repository (`owner/name`) a site's package.json names in `repository`, as npm writes
 * it (`owner/name`, `github:owner/name`, a github.com address in any of git's forms, or
 * `{ "url": … }`), or undefined: the default backend's repository outside GitHub Actions.
 */
export function packageRepository(manifest: unknown): string | undefined {
  const field = manifest && typeof manifest === "object" ? (manifest as { repository?: unknown }).repository : undefined;
  const given = typeof field === "string" ? field : field && typeof field === "object" ? (field as { url?: unknown }).url : undefined;
  if (typeof given !== "string") return undefined;
  const match = /^(?:github:|(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com\/|git@github\.com:)?([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(given.trim());
  return match?.[1];
}

/** The configuration the theme generates, before the site's own. */
export function generatedCmsConfig(site: CmsSite, options: CmsOptions = {}): CmsObject {
  return {
    backend: options.backend ?? { name: "github", repo: site.repository ?? "owner/newsroom", branch: "main" },
    publish_mode: "editorial_workflow",
    ...(site.siteUrl ? { site_url: site.siteUrl, display_url: site.siteUrl } : {}),
    media_folder: "assets/uploads",
    public_folder: "/assets/uploads",
    // Sveltia: an optional field left empty is left out, as the theme reads an absent field.
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: "stories",
        label: "Stories",
        label_singular: "Story",
        folder: site.storiesFolder,
        extension: "md",
        format: "frontmatter",
        create: true,
        slug: "{{slug}}",
        // Empty: a photo is stored next to the story, and its `src` is the file's name, as the theme reads it.
        media_folder: "",
        public_folder: "",
        summary: "{{title}}",
        sortable_fields: ["date", "title"],
        fields: [...STORY_FIELDS.map((field) => cmsStoryField(field, site)), { name: "body", label: "Story", widget: "markdown", modes: ["rich_text", "raw"] }],
      },
      {
        name: "settings",
        label: "Settings",
        editor: { preview: false },
        files: [
          { name: "site", label: "Site settings", file: `${site.dataFolder}/site.json`, format: "json", fields: settingsFields() },
          ...(site.registryFiles ?? []).map(({ registry, file }) => registrySettingsFile(registry, file)),
        ],
      },
    ],
  };
}

const isObject = (value: unknown): value is CmsObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Lists of named entries (collections, fields, files) merged by name; anything else replaced. */
function mergeNamed(generated: unknown, own: unknown): unknown {
  if (!Array.isArray(generated) || !Array.isArray(own) || !own.every((entry) => isObject(entry) && typeof entry.name === "string")) return own;
  const merged = generated.map((entry) => {
    const mine = own.find((candidate: CmsObject) => isObject(entry) && candidate.name === entry.name) as CmsObject | undefined;
    return mine && isObject(entry) ? mergeConfig(entry, mine) : entry;
  });
  const added = own.filter((candidate: CmsObject) => !generated.some((entry) => isObject(entry) && entry.name === candidate.name));
  return [...merged, ...added];
}

/** The site's configuration over the generated one: keys replace, `collections`, `fields` and `files` merge by name. */
export function mergeConfig(generated: CmsObject, own: CmsObject): CmsObject {
  const merged: CmsObject = { ...generated };
  for (const [key, value] of Object.entries(own)) {
    if (["collections", "fields", "files"].includes(key)) merged[key] = mergeNamed(generated[key], value);
    else if (isObject(value) && isObject(generated[key])) merged[key] = { ...(generated[key] as CmsObject), ...value };
    else merged[key] = value;
  }
  return merged;
}

function cmsError(where: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `addPlugin(newsroomTheme, options) cms.config ${where}`, problem, value, fix });
}

/** Stops on a configuration whose stories the build would refuse. */
export function checkCmsConfig(config: CmsObject, site: CmsSite): void {
  const collections = Array.isArray(config.collections) ? (config.collections as unknown[]) : [];
  const stories = collections.find((collection) => isObject(collection) && collection.name === "stories");
  if (!isObject(stories)) throw cmsError("collections", "has no stories collection", undefined, 'keep the collection named "stories" (merge into it by name)');
  if (stories.folder !== site.storiesFolder) throw cmsError("stories.folder", `must be the theme's stories folder (${site.storiesFolder}), got`, stories.folder, "leave folder out; the theme option articlesDir moves the stories");
  const fields = Array.isArray(stories.fields) ? (stories.fields as unknown[]).filter(isObject) : [];
  const known = [...STORY_FIELDS.map((field) => field.name), ...site.extraFields, "body"];
  for (const field of fields) {
    const name = String(field.name);
    if (!known.includes(name)) {
      throw cmsError(`stories.fields ${name}`, "is a front-matter field the theme does not know, so every story saved with it would stop the build", name, `declare it in _data/site.json: "extraFields": ["${name}"], or remove it`);
    }
    const described = STORY_FIELDS.find((story) => story.name === name);
    if (described?.required && (field.required === false || field.widget === "hidden")) {
      throw cmsError(`stories.fields ${name}`, "is required by the theme, so a story saved without it would stop the build, got required", field.required ?? field.widget, "leave required out (the generated field is required)");
    }
    checkFieldValues(field, described, site);
  }
  for (const story of STORY_FIELDS.filter((field) => field.required)) {
    if (!fields.some((field) => field.name === story.name)) throw cmsError("stories.fields", "leaves out a field the theme requires", story.name, `keep the field "${story.name}"`);
  }
  checkRegistrySettings(collections, site);
}

/** Stops on a registry's settings form whose entries the build would refuse. */
function checkRegistrySettings(collections: unknown[], site: CmsSite): void {
  const settings = collections.find((collection) => isObject(collection) && collection.name === "settings");
  const files = isObject(settings) && Array.isArray(settings.files) ? (settings.files as unknown[]).filter(isObject) : [];
  for (const { registry, file } of site.registryFiles ?? []) {
    const form = files.find((entry) => entry.name === registry);
    if (!form) continue;
    const where = `settings.files ${registry}`;
    if (form.file !== file) throw cmsError(`${where}.file`, `must be the registry's file (${file}), got`, form.file, "leave file out");
    const list = Array.isArray(form.fields) && form.fields.length === 1 && isObject(form.fields[0]) ? form.fields[0] : undefined;
    if (!list || list.widget !== "list" || list.root !== true || !Array.isArray(list.fields)) {
      throw cmsError(`${where}.fields`, "must be one list saved as the whole file (root: true), the form the theme reads, got", form.fields, "leave fields out, or merge into the fields of the list by name");
    }
    const described = REGISTRY_FIELDS[registry].fields;
    for (const field of (list.fields as unknown[]).filter(isObject)) {
      const name = String(field.name);
      const own = described.find((entry) => entry.name === name);
      if (name !== "id" && !own) {
        throw cmsError(`${where} ${name}`, `is a field the theme does not read in ${registry} entries, so every save with it would stop the build`, name, `remove it; the fields are id, ${described.map((entry) => entry.name).join(", ")}`);
      }
      if ((name === "id" || own?.required) && (field.required === false || field.widget === "hidden")) {
        throw cmsError(`${where} ${name}`, "is required by the theme, so an entry saved without it would stop the build, got required", field.required ?? field.widget, "leave required out (the generated field is required)");
      }
      if (name === "id" && field.pattern !== undefined && JSON.stringify(field.pattern) !== JSON.stringify(REGISTRY_FIELDS[registry].idPattern)) {
        throw cmsError(`${where} id.pattern`, "would let an id through that the build refuses (ids become addresses), got", field.pattern, "leave pattern out");
      }
    }
    for (const name of ["id", ...described.filter((entry) => entry.required).map((entry) => entry.name)]) {
      if (!(list.fields as unknown[]).some((field) => isObject(field) && field.name === name)) throw cmsError(`${where}.fields`, "leaves out a field the theme requires", name, `keep the field "${name}"`);
    }
  }
}

/**
 * Whether a datetime field saves its offset, never UTC: either a `format` with day.js's `Z`, or
 * Sveltia's own format in a named zone (no format at all: `date_format` or `time_format` alone
 * would be read as one).
 */
function savesOffset(date: CmsObject): boolean {
  const zone = typeof date.input_timezone === "string" ? date.input_timezone.toLowerCase() : "local";
  if (date.picker_utc === true || date.output_utc === true || zone === "utc") return false;
  if (typeof date.format === "string") return OFFSET_TOKEN.test(date.format);
  return date.format === undefined && date.date_format === undefined && date.time_format === undefined && zone !== "local" && zone !== "any";
}

function checkFieldValues(field: CmsObject, described: StoryField | undefined, site: CmsSite): void {
  const name = String(field.name);
  const dates = [...(field.widget === "datetime" ? [field] : []), ...(Array.isArray(field.fields) ? (field.fields as CmsObject[]).filter((inner) => isObject(inner) && inner.widget === "datetime") : [])];
  for (const date of dates) {
    if (!savesOffset(date)) {
      const value = { format: date.format, date_format: date.date_format, time_format: date.time_format, picker_utc: date.picker_utc, output_utc: date.output_utc, input_timezone: date.input_timezone };
      throw cmsError(`stories.fields ${name}`, "saves a date without its offset, or in UTC (a time saved in UTC shows as another day)", value, `leave format, date_format, time_format, picker_utc and output_utc out, and input_timezone (the newsroom's zone, ${pickerZone(site.timeZone)})`);
    }
  }
  const shape = described?.shape;
  if ((shape?.kind === "registryId" || shape?.kind === "registryIds") && Array.isArray(field.options)) {
    const ids = Object.keys(site.registries[shape.registry]);
    for (const option of field.options as unknown[]) {
      const value = isObject(option) ? option.value : option;
      if (typeof value !== "string" || !ids.includes(value)) {
        throw cmsError(`stories.fields ${name}.options`, `offers an id that is not in the ${shape.registry} registry, which the build would refuse`, value, `add it to _data/${shape.registry}.json, or leave options out (they are the registry's ids)`);
      }
    }
  }
}

/** `/admin/config.yml`: the generated configuration, the site's over it, checked. */
export function cmsConfigYaml(site: CmsSite, options: CmsOptions = {}): string {
  const config = options.config ? mergeConfig(generatedCmsConfig(site, options), options.config) : generatedCmsConfig(site, options);
  checkCmsConfig(config, site);
  return `# Generated by eleventy-plugin-newsroom at every build from the theme's field rules and the\n# site's registries: edit the theme option cms, not this file.\n${yaml.dump(config, { lineWidth: -1, noRefs: true })}`;
}
