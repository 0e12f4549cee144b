/**
 * The registries' entry fields, described once — `_data/sections.json`, `authors.json`,
 * `speakers.json` and `kinds.json`: what each field holds, whether the build stops without it, and
 * its docs line. The theme's check of section and author entries (front-matter.ts) reads its field
 * names from here, and the editors' CMS configuration (cms-config.ts) makes its settings forms
 * from here; the speakers' and kinds' checks (../speakers.ts, ../kinds.ts) belong to the base
 * plugin, and test/theme/registry-fields.test.ts fails on a field they accept without a
 * description, so the CMS never offers a field the build would refuse, nor lacks one it reads.
 */
import { KIND_SCHEMA_TYPES } from "../kinds.js";

/** The registries, by the global data they are read from. */
export type RegistryName = "sections" | "authors" | "speakers" | "kinds";

export const REGISTRY_NAMES: readonly RegistryName[] = ["sections", "authors", "speakers", "kinds"];

/** What a registry field's value is, and so which form widget edits it. */
export type RegistryValue =
  /** One line of text. */
  | "line"
  /** A paragraph of plain text. */
  | "paragraph"
  /** An http(s) address or a site path. */
  | "url"
  /** A site path (`/images/staff/ada.jpg`). */
  | "sitePath"
  /** A list of texts, none empty. */
  | "lines"
  /** A list of absolute http(s) addresses. */
  | "links"
  /** One URL segment (lowercase letters, digits and hyphens). */
  | "segment"
  /** One of schema.org's article types a kind may map to. */
  | "schemaType";

export interface RegistryField {
  name: string;
  /** The label an editor sees. */
  label: string;
  /** The build stops on an entry without it. */
  required: boolean;
  value: RegistryValue;
  /** One line for the editor (the CMS's hint) and the docs. */
  doc: string;
}

export interface RegistryDescription {
  /** The label of the registry's settings page in the CMS. */
  label: string;
  /** The label of one entry. */
  singular: string;
  /** An entry's id as the build checks it (`validateRegistryIds`, `kindEntry`), and how to write one. */
  idPattern: readonly [string, string];
  fields: readonly RegistryField[];
}

/** Section, author and speaker ids become addresses (isSlug in front-matter.ts). */
const SLUG_ID = ["^[a-z0-9]+(?:[-_][a-z0-9]+)*$", 'lowercase letters, digits and single hyphens, e.g. "city-hall"'] as const;
/** A kind's id (kindEntry in ../kinds.ts). */
const KIND_ID = ["^[a-z0-9]+(?:-[a-z0-9]+)*$", 'lowercase letters, digits and single hyphens, e.g. "column"'] as const;

/** Every registry's fields, in the order an editor's form shows them. */
export const REGISTRY_FIELDS: Readonly<Record<RegistryName, RegistryDescription>> = {
  sections: {
    label: "Sections",
    singular: "Section",
    idPattern: SLUG_ID,
    fields: [
      { name: "name", label: "Name", required: true, value: "line", doc: "the section's name, shown in the navigation and on its stories" },
      { name: "description", label: "Description", required: false, value: "paragraph", doc: "one sentence on the section's page" },
    ],
  },
  authors: {
    label: "Authors",
    singular: "Author",
    idPattern: SLUG_ID,
    fields: [
      { name: "name", label: "Name", required: true, value: "line", doc: "the byline" },
      { name: "title", label: "Title", required: false, value: "line", doc: "e.g. Staff reporter" },
      { name: "bio", label: "Biography", required: false, value: "paragraph", doc: "a few sentences on the author's page" },
      { name: "email", label: "Email", required: false, value: "line", doc: "shown on the author's page" },
      { name: "url", label: "Address", required: false, value: "url", doc: "the author's own page: https://… or a site path" },
      { name: "sameAs", label: "Profiles", required: false, value: "links", doc: "the author's pages elsewhere, each https://…" },
      { name: "photo", label: "Portrait", required: false, value: "sitePath", doc: "a site path from the input folder, e.g. /images/staff/ada-reyes.jpg" },
      { name: "expertise", label: "Expertise", required: false, value: "lines", doc: "what the author covers, e.g. City budget" },
      { name: "location", label: "Works from", required: false, value: "line", doc: "where the author works from" },
      { name: "languages", label: "Languages", required: false, value: "lines", doc: "the languages the author reports in" },
    ],
  },
  speakers: {
    label: "Speakers",
    singular: "Speaker",
    idPattern: SLUG_ID,
    fields: [
      { name: "name", label: "Full name", required: true, value: "line", doc: "the first reference: Volodymyr Zelenskyy" },
      { name: "shortName", label: "Short name", required: false, value: "line", doc: "later references (default: the last word of the name)" },
      { name: "title", label: "Title", required: false, value: "line", doc: "the formal title before the name: President" },
      { name: "affiliation", label: "Affiliation", required: false, value: "line", doc: "before the title: Ukrainian" },
      { name: "description", label: "Description", required: false, value: "line", doc: "plain description: president of Ukraine" },
      { name: "appositive", label: "Appositive", required: false, value: "line", doc: "set off by commas next to the name (default: the description)" },
      { name: "url", label: "Address", required: false, value: "url", doc: "the person's page on this site: https://… or a site path" },
      { name: "sameAs", label: "Pages about the person", required: false, value: "links", doc: "Wikipedia, Wikidata, an official site, each https://…" },
    ],
  },
  kinds: {
    label: "Kinds",
    singular: "Kind",
    idPattern: KIND_ID,
    fields: [
      { name: "label", label: "Label", required: false, value: "line", doc: "shown before the headline; a new kind needs one" },
      { name: "definition", label: "Definition", required: false, value: "paragraph", doc: "one or two sentences on the about page; a new kind needs one" },
      { name: "schemaType", label: "schema.org type", required: false, value: "schemaType", doc: "the article type for search engines; a new kind needs one" },
      { name: "path", label: "Address segment", required: false, value: "segment", doc: "put after the section in the story's address, e.g. opinion" },
    ],
  },
};

/** The names of a registry's described fields, in order. */
export function registryFieldNames(registry: RegistryName): string[] {
  return REGISTRY_FIELDS[registry].fields.map((field) => field.name);
}

/** The schema.org types a kind may take, for the CMS's select. */
export const REGISTRY_SCHEMA_TYPES: readonly string[] = KIND_SCHEMA_TYPES;
