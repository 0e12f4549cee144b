/**
 * A registry (`_data/sections.json`, `authors.json`, `speakers.json`, `kinds.json`) is a map of
 * entries by id, or — as the editors' CMS saves it, because a form edits a list and not a map — a
 * list of entries each with its `id`. The list is turned into the map as the file is read (the
 * theme's JSON reader, checks.ts), so every reader of the registry — the theme's templates and
 * checks, the plugin's shortcodes and structured data — sees one and the same map.
 */
import path from "node:path";
import { NewsroomError } from "../errors.js";
import { REGISTRY_FIELDS, type RegistryName } from "./registry-fields.js";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The registries' files in the data folder, by their absolute path, and the registry each holds. */
export function registryFiles(dataFolder: string, keys: Readonly<Record<RegistryName, string>>): Map<string, RegistryName> {
  return new Map(Object.entries(keys).map(([registry, key]) => [path.resolve(dataFolder, `${key}.json`), registry as RegistryName]));
}

/**
 * A registry written as a list of entries, each with its `id`, as the map the theme reads (the
 * `id` taken out of each entry). A map is returned as it is. An entry that is not an object, an
 * id missing or not text, or an id given twice stops the build naming the file, the entry and the fix.
 */
export function registryFromList(data: unknown, registry: RegistryName, file: string): unknown {
  if (!Array.isArray(data)) return data;
  const { singular } = REGISTRY_FIELDS[registry];
  const map: Record<string, unknown> = {};
  const fail = (at: number, field: string, problem: string, value: unknown, fix: string): never => {
    throw new NewsroomError({ where: `${registry} registry entry ${at + 1}${field}`, problem, value, fix, inputPath: file });
  };
  data.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) fail(index, "", "must be an object with an id, got", entry, `write it as { "id": "…", "name": "…" }`);
    const { id, ...fields } = entry as Record<string, unknown>;
    if (typeof id !== "string" || id.trim() === "") fail(index, ".id", "is missing: in a list, each entry names its id", id, `add "id": "…" (${REGISTRY_FIELDS[registry].idPattern[1]})`);
    const key = id as string;
    if (Object.hasOwn(map, key)) {
      fail(index, ".id", `is the id of another ${singular.toLowerCase()} earlier in the list; ids must differ, got`, key, `rename one of them (and the stories that name it), or remove the repeated entry`);
    }
    // A property defined, never assigned: an id such as `__proto__` stays an ordinary key, refused by the id checks.
    Object.defineProperty(map, key, { value: fields, enumerable: true, writable: true, configurable: true });
  });
  return map;
}

/**
 * A registry that arrived as a list without being read by the theme's JSON reader (written in
 * another format, or read by a JSON parser the site added after the theme's) stops the build here:
 * read as a map, its entries would take the ids 0, 1, 2…
 */
export function refuseUnreadList(data: unknown, registry: RegistryName, file: string): void {
  if (!Array.isArray(data)) return;
  throw new NewsroomError({
    where: `${registry} registry`,
    problem: "is a list, which the theme reads only from the data folder's JSON file (another format, or a JSON parser the site adds with addDataExtension, reads it as entries 0, 1, 2…), got a list of",
    value: `${data.length} entries`,
    fix: `save it as ${path.basename(file, path.extname(file))}.json in the data folder, or write it as a map: { "id": { … } }`,
    inputPath: file,
  });
}

/**
 * The registries saved as lists, each with its file as the CMS names it (from the project folder):
 * the ones the CMS edits as settings. A registry still a map is left to the repository (`cms`
 * rewrites it as a list, docs/cms.md); a file that is no JSON is the build's to report.
 */
export function registryListFiles(dataFolder: string, projectDataFolder: string, keys: Readonly<Record<RegistryName, string>>, read: (file: string) => string | undefined): { registry: RegistryName; file: string }[] {
  return (Object.entries(keys) as [RegistryName, string][]).flatMap(([registry, key]) => {
    const text = read(path.join(dataFolder, `${key}.json`));
    if (text === undefined) return [];
    try {
      return Array.isArray(JSON.parse(text)) ? [{ registry, file: `${projectDataFolder}/${key}.json` }] : [];
    } catch {
      return [];
    }
  });
}

/**
 * A registry file's text rewritten as a list of entries, each with its `id` first (for `init --cms`
 * and `cms`), or undefined when it is not a map of entries (already a list, or something the build
 * will report): the same registry, which the theme reads as the same map.
 */
export function registryAsListText(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const entries = Object.entries(data);
  if (!entries.every(([, entry]) => isRecord(entry) && !Object.hasOwn(entry, "id"))) return undefined;
  return `${JSON.stringify(entries.map(([id, entry]) => ({ id, ...(entry as Record<string, unknown>) })), null, 2)}\n`;
}
