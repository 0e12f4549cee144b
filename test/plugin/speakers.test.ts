import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import {
  assertSpeakerForm,
  firstReferenceName,
  resolveSpeaker,
  resolveSpeakerId,
  speakerWords,
  validateRegistry,
} from "../../plugin/speakers.js";
import { registry } from "../helpers/registry.js";

const at = "speaker";

describe("validateRegistry", () => {
  it("returns a good registry unchanged", () => {
    expect(validateRegistry(registry, "speakers")).toBe(registry);
  });

  it("accepts sameAs as a list of URLs", () => {
    const withLinks = { zelenskyy: { name: "Volodymyr Zelenskyy", sameAs: ["https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy"] } };
    expect(validateRegistry(withLinks, "speakers")).toBe(withLinks);
  });

  it.each([
    ["a string", "zelenskyy"],
    ["a number", 5],
    ["an array", [{ name: "Volodymyr Zelenskyy" }]],
  ])("rejects %s instead of an object", (_label, value) => {
    expect(() => validateRegistry(value, "speakers")).toThrow(NewsroomError);
    expect(() => validateRegistry(value, "speakers")).toThrow(/must be an object keyed by speaker id/);
  });

  it("rejects an id that is not slug-shaped and suggests one", () => {
    const bad = { "Zelenskyy Volodymyr": { name: "Volodymyr Zelenskyy" } };
    expect(() => validateRegistry(bad, "speakers")).toThrow(
      '[newsroom] speakers › Zelenskyy Volodymyr: speaker ids must be lowercase letters, digits, - or _, got: "Zelenskyy Volodymyr". Fix: rename the entry, e.g. "zelenskyy-volodymyr"',
    );
  });

  it.each([
    ["a string", "Volodymyr Zelenskyy"],
    ["null", null],
    ["an array", ["Volodymyr Zelenskyy"]],
  ])("rejects an entry that is %s", (_label, entry) => {
    expect(() => validateRegistry({ zelenskyy: entry }, "speakers")).toThrow(/speakers › zelenskyy: a speaker entry must be an object/);
  });

  it.each([
    ["missing", { shortName: "Zelenskyy" }],
    ["empty", { name: "" }],
    ["blank", { name: "   " }],
    ["not text", { name: 5 }],
  ])("rejects a %s name, naming the id and asking for \"name\"", (_label, entry) => {
    const run = () => validateRegistry({ zelenskyy: entry }, "speakers");
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/speakers › zelenskyy: the speaker has no name/);
    expect(run).toThrow(/add "name" with the person's full name to the "zelenskyy" entry/);
  });

  it("rejects an unknown field with a did-you-mean", () => {
    const run = () => validateRegistry({ zelenskyy: { name: "Volodymyr Zelenskyy", shortname: "Zelenskyy" } }, "speakers");
    expect(run).toThrow(/unknown field: "shortname"/);
    expect(run).toThrow(/did you mean "shortName"\?/);
  });

  it("rejects an unknown field that resembles nothing, listing the allowed fields", () => {
    const run = () => validateRegistry({ zelenskyy: { name: "Volodymyr Zelenskyy", birthplace: "Kryvyi Rih" } }, "speakers");
    expect(run).toThrow(/unknown field: "birthplace"/);
    expect(run).toThrow(/use only name, shortName, title, affiliation, description, appositive, url, sameAs/);
  });

  it.each([
    ["title", 5, /speakers › zelenskyy › title: must be text, got: 5/],
    ["shortName", ["Zelenskyy"], /speakers › zelenskyy › shortName: must be text/],
    ["sameAs", "x", /speakers › zelenskyy › sameAs: must be a list of absolute http\(s\) URLs, got: "x"/],
    ["sameAs", ["https://example.com", 5], /speakers › zelenskyy › sameAs: must be a list of absolute http\(s\) URLs/],
    ["sameAs", ["en.wikipedia.org/wiki/Volodymyr_Zelenskyy"], /speakers › zelenskyy › sameAs: must be a list of absolute http\(s\) URLs, got: \["en\.wikipedia\.org\/wiki\/Volodymyr_Zelenskyy"\]\. Fix: write it as \["https:\/\/…"\]/],
    ["sameAs", ["javascript:alert(1)"], /sameAs: must be a list of absolute http\(s\) URLs/],
  ])("rejects %s of the wrong type (%j)", (field, value, message) => {
    const run = () => validateRegistry({ zelenskyy: { name: "Volodymyr Zelenskyy", [field]: value } }, "speakers");
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(message);
  });
});

describe("resolveSpeakerId", () => {
  it("resolves a registry id to a full speaker", () => {
    expect(resolveSpeakerId("sybiha", registry, at)).toEqual({
      id: "sybiha",
      name: "Andrii Sybiha",
      shortName: "Sybiha",
      title: "Foreign Minister",
      affiliation: "Ukrainian",
      description: "foreign minister of Ukraine",
      appositive: "Ukraine’s foreign minister",
      url: undefined,
      sameAs: [],
    });
  });

  it("defaults shortName to the last word of the name", () => {
    expect(resolveSpeakerId("trump", registry, at).shortName).toBe("Trump");
  });

  it("rejects an unknown id with a did-you-mean", () => {
    const run = () => resolveSpeakerId("zelensky", registry, at);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/speaker: unknown speaker id: "zelensky"/);
    expect(run).toThrow(/did you mean "zelenskyy"\?/);
  });

  it("lists the known ids when nothing is close", () => {
    expect(() => resolveSpeakerId("macron", registry, at)).toThrow(/\(known ids: zelenskyy, sybiha, trump\)/);
  });

  it.each([[42], [undefined], [""], ["   "]])("rejects a non-string or empty id (%j)", (id) => {
    const run = () => resolveSpeakerId(id, registry, at);
    expect(run).toThrow(/needs a speaker id as its first argument/);
    expect(run).toThrow(/known ids: zelenskyy, sybiha, trump/);
  });

  it("does not resolve inherited object properties as ids", () => {
    expect(() => resolveSpeakerId("constructor", registry, at)).toThrow(/unknown speaker id/);
  });
});

describe("resolveSpeaker", () => {
  it("resolves a registry id", () => {
    expect(resolveSpeaker("zelenskyy", registry, at)).toMatchObject({ id: "zelenskyy", name: "Volodymyr Zelenskyy", shortName: "Zelenskyy" });
  });

  it("treats a plain name as a speaker without an id", () => {
    expect(resolveSpeaker("Jane Doe", registry, at)).toEqual({
      id: undefined,
      name: "Jane Doe",
      shortName: "Doe",
      title: undefined,
      affiliation: undefined,
      description: undefined,
      appositive: undefined,
      url: undefined,
      sameAs: [],
    });
  });

  it("tidies the whitespace of a plain name", () => {
    expect(resolveSpeaker("  Jane \n Doe ", registry, at)).toMatchObject({ name: "Jane Doe", shortName: "Doe" });
  });

  it("treats an id-shaped string that is not in the registry as a typo", () => {
    const run = () => resolveSpeaker("zelensky", registry, at);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/unknown speaker id: "zelensky".*did you mean "zelenskyy"/);
  });

  it.each([[null], [7], [""]])("rejects a missing speaker (%j)", (value) => {
    expect(() => resolveSpeaker(value, registry, at)).toThrow(/needs a speaker \(registry id or plain name\)/);
  });
});

describe("firstReferenceName", () => {
  it.each([
    ["zelenskyy", "Ukrainian President Volodymyr Zelenskyy"],
    ["sybiha", "Ukrainian Foreign Minister Andrii Sybiha"],
    ["trump", "President Donald Trump"],
  ])("names %s as %s", (id, expected) => {
    expect(firstReferenceName(resolveSpeakerId(id, registry, at))).toBe(expected);
  });

  it("is the bare name for a plain-name speaker", () => {
    expect(firstReferenceName(resolveSpeaker("Jane Doe", registry, at))).toBe("Jane Doe");
  });
});

describe("speakerWords", () => {
  const sybiha = resolveSpeakerId("sybiha", registry, at);
  const zelenskyy = resolveSpeakerId("zelenskyy", registry, at);

  it.each([
    ["full", "Ukrainian Foreign Minister Andrii Sybiha"],
    ["short", "Sybiha"],
    ["name", "Andrii Sybiha"],
    ["title-after", "Andrii Sybiha, Ukraine’s foreign minister"],
    ["title-before", "Ukraine’s foreign minister, Andrii Sybiha"],
  ] as const)("gives the %s form", (form, expected) => {
    expect(speakerWords(sybiha, form, at)).toBe(expected);
  });

  it.each([
    ["title-after", "Volodymyr Zelenskyy, president of Ukraine"],
    ["title-before", "president of Ukraine, Volodymyr Zelenskyy"],
  ] as const)("falls back to the description for %s when there is no appositive", (form, expected) => {
    expect(speakerWords(zelenskyy, form, at)).toBe(expected);
  });

  it.each(["title-after", "title-before"] as const)("fails %s when there is neither appositive nor description", (form) => {
    const trump = resolveSpeakerId("trump", registry, at);
    const run = () => speakerWords(trump, form, at);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(`the "${form}" form needs a description or appositive for speaker: "trump"`);
  });

  it("names a plain-name speaker by name in that error", () => {
    expect(() => speakerWords(resolveSpeaker("Jane Doe", registry, at), "title-after", at)).toThrow(/for speaker: "Jane Doe"/);
  });
});

describe("assertSpeakerForm", () => {
  it.each(["auto", "full", "short", "name", "title-after", "title-before"])("accepts %s", (form) => {
    expect(assertSpeakerForm(form, at)).toBe(form);
  });

  it.each([["fullname"], ["Full"], [undefined], [1]])("rejects %j", (form) => {
    const run = () => assertSpeakerForm(form, at);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/unknown name form/);
  });

  it("lists the forms in the error", () => {
    expect(() => assertSpeakerForm("fullname", at)).toThrow(
      '[newsroom] speaker: unknown name form: "fullname". Fix: use one of "auto", "full", "short", "name", "title-after", "title-before"',
    );
  });
});
