/**
 * The registries' entry fields are described once (registry-fields.ts): the theme's checks of
 * section and author entries read their names from there, and the CMS's settings forms are made
 * from there. A field a registry's check accepts without a description fails here, so a new
 * registry field cannot reach the build without reaching the editors' form — and the form offers
 * nothing the check refuses.
 */
import { describe, expect, it } from "vitest";
import { isSafeUrl } from "../../plugin/escape.js";
import { KIND_FIELDS, resolveKinds } from "../../plugin/kinds.js";
import { SPEAKER_ENTRY_FIELDS, validateRegistry } from "../../plugin/speakers.js";
import { cmsRegistryField, registrySettingsFile } from "../../plugin/theme/cms-config.js";
import { validateRegistryIds } from "../../plugin/theme/checks.js";
import { checkRegistryEntries } from "../../plugin/theme/front-matter.js";
import { REGISTRY_FIELDS, REGISTRY_NAMES, type RegistryField, type RegistryName } from "../../plugin/theme/registry-fields.js";

/** A value of each kind the check accepts, as an editor's form would save it. */
const SAMPLES: Record<RegistryField["value"], unknown> = {
  line: "Text",
  paragraph: "A sentence.",
  url: "https://news.example.org/staff/ada/",
  sitePath: "/images/staff/ada.jpg",
  lines: ["City budget"],
  links: ["https://social.example/@ada"],
  segment: "column",
  schemaType: "OpinionNewsArticle",
};

/** The registry's own check of one entry, as the build runs it. */
function check(registry: RegistryName, id: string, entry: Record<string, unknown>): void {
  if (registry === "sections" || registry === "authors") checkRegistryEntries(registry, { [id]: entry }, "_data/x.json");
  if (registry === "speakers") validateRegistry({ [id]: entry }, "_data/speakers.json");
  if (registry === "kinds") resolveKinds({ [id]: entry });
  validateRegistryIds({ sections: {}, authors: {}, speakers: {}, ...(registry === "kinds" ? {} : { [registry]: { [id]: entry } }) }, "_data", { sectionsDataKey: "sections", authorsDataKey: "authors", speakersDataKey: "speakers", imageUrlPath: "/img/" });
}

const full = (registry: RegistryName) => Object.fromEntries(REGISTRY_FIELDS[registry].fields.map((field) => [field.name, SAMPLES[field.value]]));

describe("registry fields", () => {
  it("every field the speakers' and kinds' checks accept is described, and nothing else", () => {
    expect(REGISTRY_FIELDS.speakers.fields.map((field) => field.name).sort(), "describe it in plugin/theme/registry-fields.ts").toEqual([...SPEAKER_ENTRY_FIELDS].sort());
    expect(REGISTRY_FIELDS.kinds.fields.map((field) => field.name).sort(), "describe it in plugin/theme/registry-fields.ts").toEqual([...KIND_FIELDS].sort());
  });

  it.each(REGISTRY_NAMES)("%s: an entry with every described field, each as its widget saves it, passes the build's check", (registry) => {
    expect(() => check(registry, "city-hall", full(registry))).not.toThrow();
  });

  it.each(REGISTRY_NAMES)("%s: a field the description lacks is refused by the build's check", (registry) => {
    expect(() => check(registry, "city-hall", { ...full(registry), nickname: "Text" })).toThrow(/nickname/);
  });

  it.each(REGISTRY_NAMES)("%s: the required fields are the ones the build stops without", (registry) => {
    for (const field of REGISTRY_FIELDS[registry].fields) {
      const without = full(registry);
      delete without[field.name];
      // A new kind (no built-in one under its id) needs all three; the description leaves them optional for relabelling a built-in kind.
      const id = registry === "kinds" ? "news" : "city-hall";
      if (field.required) expect(() => check(registry, id, without), field.name).toThrow(field.name);
      else expect(() => check(registry, id, without), field.name).not.toThrow();
    }
  });

  it.each(REGISTRY_NAMES)("%s: the id pattern the form checks lets through exactly the ids the build accepts", (registry) => {
    const pattern = new RegExp(REGISTRY_FIELDS[registry].idPattern[0]);
    for (const id of ["city-hall", "a1", "news-2", "City", "r&d", "-x", "x-", "a--b", "é"]) {
      let accepted = true;
      try {
        check(registry, id, full(registry));
      } catch {
        accepted = false;
      }
      expect(pattern.test(id), `${registry} id ${id}`).toBe(accepted);
    }
  });

  it("the address and path patterns refuse what the build refuses: an address to another host written //host", () => {
    const url = cmsRegistryField({ name: "url", label: "Address", required: false, value: "url", doc: "" }) as { pattern: [string, string] };
    for (const [value, accepted] of [["https://news.example.org/", true], ["/staff/ada/", true], ["//evil.example/x", false], ["javascript:alert(1)", false]] as const) {
      expect(new RegExp(url.pattern[0]).test(value), value).toBe(accepted);
      expect(isSafeUrl(value), value).toBe(accepted);
    }
  });

  it("each field has a widget, and the settings form is one list saved as the whole file, the id first and required", () => {
    for (const registry of REGISTRY_NAMES) {
      for (const field of REGISTRY_FIELDS[registry].fields) expect(cmsRegistryField(field), `${registry}.${field.name}`).toMatchObject({ name: field.name, required: field.required, widget: expect.any(String) });
      const form = registrySettingsFile(registry, `_data/${registry}.json`) as { fields: { widget: string; root: boolean; fields: { name: string; required: boolean }[] }[] };
      expect(form.fields).toHaveLength(1);
      expect(form.fields[0]).toMatchObject({ widget: "list", root: true });
      expect(form.fields[0]?.fields.map((field) => field.name)).toEqual(["id", ...REGISTRY_FIELDS[registry].fields.map((field) => field.name)]);
      expect(form.fields[0]?.fields[0]?.required).toBe(true);
    }
  });
});
