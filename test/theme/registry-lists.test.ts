/**
 * A registry's list form (entries each with an `id`, as the CMS saves it) and its map form are the
 * same registry: read as the same map, written from one to the other without loss.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { registryAsListText, registryFromList, registryListFiles, refuseUnreadList } from "../../plugin/theme/registry-lists.js";

const MAP = { quill: { name: "Rosa Quill", sameAs: ["https://example.org/quill"] }, tillery: { name: "Ben Tillery" } };

describe("registry lists", () => {
  it("reads a list as the map keyed by id, the id taken out of each entry", () => {
    expect(registryFromList([{ id: "quill", name: "Rosa Quill", sameAs: ["https://example.org/quill"] }, { id: "tillery", name: "Ben Tillery" }], "speakers", "_data/speakers.json")).toEqual(MAP);
    expect(registryFromList(MAP, "speakers", "_data/speakers.json")).toBe(MAP);
  });

  it("keeps an id such as __proto__ an ordinary key, for the id checks to refuse", () => {
    const map = registryFromList([{ id: "__proto__", name: "X" }], "sections", "_data/sections.json") as Record<string, unknown>;
    expect(Object.keys(map)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });

  it.each([
    [[{ id: "a", name: "A" }, { id: "a", name: "B" }], /sections registry entry 2\.id in _data\/sections\.json: is the id of another section earlier in the list; ids must differ, got: "a"/],
    [[{ name: "A" }], /sections registry entry 1\.id in _data\/sections\.json: is missing/],
    [[{ id: "", name: "A" }], /entry 1\.id .*is missing/],
    [[{ id: 3, name: "A" }], /entry 1\.id .*is missing/],
    [["a"], /sections registry entry 1 in _data\/sections\.json: must be an object with an id, got: "a"/],
  ])("stops on %j", (list, message) => {
    expect(() => registryFromList(list, "sections", "_data/sections.json")).toThrow(NewsroomError);
    expect(() => registryFromList(list, "sections", "_data/sections.json")).toThrow(message);
  });

  it("writes a map as a list, each id first, which reads back as the same map", () => {
    const text = registryAsListText(JSON.stringify(MAP)) as string;
    expect(JSON.parse(text)).toEqual([{ id: "quill", name: "Rosa Quill", sameAs: ["https://example.org/quill"] }, { id: "tillery", name: "Ben Tillery" }]);
    expect(Object.keys((JSON.parse(text) as object[])[0] as object)[0]).toBe("id");
    expect(registryFromList(JSON.parse(text), "speakers", "x")).toEqual(MAP);
  });

  it("leaves alone what is not a map of entries: a list, broken JSON, an entry that is no object or already has an id", () => {
    for (const text of ["[]", "{", '{"a": "text"}', '{"a": {"id": "b"}}', "3"]) expect(registryAsListText(text), text).toBeUndefined();
  });

  it("stops on a list the theme's JSON reader did not read", () => {
    expect(() => refuseUnreadList([{ id: "a" }], "authors", "_data/authors.yaml")).toThrow(/authors registry in _data\/authors\.yaml: is a list, which the theme reads only from the data folder's JSON file.*Fix: save it as authors\.json in the data folder/);
    expect(() => refuseUnreadList(MAP, "authors", "_data/authors.json")).not.toThrow();
  });

  it("names the registries saved as lists, for the CMS's settings", () => {
    const files: Record<string, string> = { sections: '[{"id": "a", "name": "A"}]', authors: JSON.stringify(MAP), kinds: "[" };
    const read = (file: string) => files[path.basename(file, ".json")];
    expect(registryListFiles("/site/_data", "_data", { sections: "sections", authors: "authors", speakers: "speakers", kinds: "kinds" }, read)).toEqual([{ registry: "sections", file: "_data/sections.json" }]);
  });
});
