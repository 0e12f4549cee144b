import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { renderSpeakerReference } from "../../plugin/speaker-reference.js";
import { resolveSpeaker, resolveSpeakerId, type Speaker } from "../../plugin/speakers.js";
import { registry } from "../helpers/registry.js";

const zelenskyy = resolveSpeakerId("zelenskyy", registry, "speaker");
const sybiha = resolveSpeakerId("sybiha", registry, "speaker");

const FULL = '<span class="nr-speaker nr-speaker--full" data-speaker="zelenskyy">Ukrainian President Volodymyr Zelenskyy</span>';
const SHORT = '<span class="nr-speaker nr-speaker--short" data-speaker="zelenskyy">Zelenskyy</span>';

describe("renderSpeakerReference: auto", () => {
  it("is full on first reference and short after", () => {
    const page = new Set<string>();
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(FULL);
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(SHORT);
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(SHORT);
  });

  it("records the introduction in the set", () => {
    const page = new Set<string>();
    renderSpeakerReference(zelenskyy, "auto", page);
    expect([...page]).toEqual(["zelenskyy"]);
  });

  it("starts over on another page (a new set)", () => {
    const first = new Set<string>();
    renderSpeakerReference(zelenskyy, "auto", first);
    expect(renderSpeakerReference(zelenskyy, "auto", first)).toBe(SHORT);
    expect(renderSpeakerReference(zelenskyy, "auto", new Set<string>())).toBe(FULL);
  });

  it("tracks each person separately", () => {
    const page = new Set<string>();
    renderSpeakerReference(zelenskyy, "auto", page);
    expect(renderSpeakerReference(sybiha, "auto", page)).toBe(
      '<span class="nr-speaker nr-speaker--full" data-speaker="sybiha">Ukrainian Foreign Minister Andrii Sybiha</span>',
    );
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(SHORT);
  });

  it("tracks a plain-name speaker by name, without data-speaker", () => {
    const jane = resolveSpeaker("Jane Doe", registry, "speaker");
    const page = new Set<string>();
    expect(renderSpeakerReference(jane, "auto", page)).toBe('<span class="nr-speaker nr-speaker--full">Jane Doe</span>');
    expect(renderSpeakerReference(jane, "auto", page)).toBe('<span class="nr-speaker nr-speaker--short">Doe</span>');
  });
});

describe("renderSpeakerReference: forced forms", () => {
  it.each([
    ["full", '<span class="nr-speaker nr-speaker--full" data-speaker="sybiha">Ukrainian Foreign Minister Andrii Sybiha</span>'],
    ["short", '<span class="nr-speaker nr-speaker--short" data-speaker="sybiha">Sybiha</span>'],
    ["name", '<span class="nr-speaker nr-speaker--name" data-speaker="sybiha">Andrii Sybiha</span>'],
    ["title-after", '<span class="nr-speaker nr-speaker--title-after" data-speaker="sybiha">Andrii Sybiha, Ukraine’s foreign minister</span>'],
    ["title-before", '<span class="nr-speaker nr-speaker--title-before" data-speaker="sybiha">Ukraine’s foreign minister, Andrii Sybiha</span>'],
  ] as const)("renders %s", (form, expected) => {
    expect(renderSpeakerReference(sybiha, form, new Set<string>())).toBe(expected);
  });

  it("a forced full form on a later reference stays full", () => {
    const page = new Set<string>(["zelenskyy"]);
    expect(renderSpeakerReference(zelenskyy, "full", page)).toBe(FULL);
  });

  it("a forced short first reference does not introduce the person", () => {
    const page = new Set<string>();
    expect(renderSpeakerReference(zelenskyy, "short", page)).toBe(SHORT);
    expect(page.has("zelenskyy")).toBe(false);
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(FULL);
  });

  it.each(["name", "title-after", "title-before", "full"] as const)("%s introduces the person", (form) => {
    const page = new Set<string>();
    renderSpeakerReference(zelenskyy, form, page);
    expect(renderSpeakerReference(zelenskyy, "auto", page)).toBe(SHORT);
  });

  it("fails a title form for a speaker with no description or appositive", () => {
    const trump = resolveSpeakerId("trump", registry, "speaker");
    expect(() => renderSpeakerReference(trump, "title-after", new Set<string>(), { where: "speaker" })).toThrow(NewsroomError);
  });
});

describe("renderSpeakerReference: url option", () => {
  const url = "/speakers/zelenskyy/";

  it("links the introducing reference and leaves later short ones as spans", () => {
    const page = new Set<string>();
    expect(renderSpeakerReference(zelenskyy, "auto", page, { url })).toBe(
      '<a class="nr-speaker nr-speaker--full" data-speaker="zelenskyy" href="/speakers/zelenskyy/">Ukrainian President Volodymyr Zelenskyy</a>',
    );
    expect(renderSpeakerReference(zelenskyy, "auto", page, { url })).toBe(SHORT);
  });

  it("does not link a forced short reference", () => {
    expect(renderSpeakerReference(zelenskyy, "short", new Set<string>(), { url })).toBe(SHORT);
  });

  it.each([
    ["name", '<a class="nr-speaker nr-speaker--name" data-speaker="zelenskyy" href="/speakers/zelenskyy/">Volodymyr Zelenskyy</a>'],
    ["title-after", '<a class="nr-speaker nr-speaker--title-after" data-speaker="zelenskyy" href="/speakers/zelenskyy/">Volodymyr Zelenskyy, president of Ukraine</a>'],
  ] as const)("links an introducing %s reference", (form, expected) => {
    expect(renderSpeakerReference(zelenskyy, form, new Set<string>(), { url })).toBe(expected);
  });

  it("links an https URL and escapes it in the attribute", () => {
    expect(renderSpeakerReference(zelenskyy, "full", new Set<string>(), { url: "https://example.com/p?a=1&b=2" })).toBe(
      '<a class="nr-speaker nr-speaker--full" data-speaker="zelenskyy" href="https://example.com/p?a=1&amp;b=2">Ukrainian President Volodymyr Zelenskyy</a>',
    );
  });

  it.each(["javascript:alert(1)", "data:text/html,hi", "//evil.example/"])("throws on an unsafe url (%s)", (bad) => {
    const run = () => renderSpeakerReference(zelenskyy, "auto", new Set<string>(), { url: bad, where: "speaker" });
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/speaker: the speaker page URL is not an http\(s\) URL or site path/);
  });
});

describe("renderSpeakerReference: escaping", () => {
  const hostile: Speaker = {
    id: 'x"><script>alert(1)</script>',
    name: '<img src=x onerror="alert(1)"> & Co',
    shortName: "<b>Co</b>",
    title: undefined,
    affiliation: undefined,
    description: undefined,
    appositive: undefined,
    url: undefined,
    sameAs: [],
  };

  it("escapes hostile names and ids", () => {
    const html = renderSpeakerReference(hostile, "auto", new Set<string>());
    expect(html).toBe(
      '<span class="nr-speaker nr-speaker--full" data-speaker="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co</span>',
    );
    // Only the span's own markup may use raw < and ": two tags, two quoted attributes.
    expect(html.match(/</g)).toHaveLength(2);
    expect(html.match(/"/g)).toHaveLength(4);
  });

  it("escapes a hostile short name", () => {
    const page = new Set<string>();
    renderSpeakerReference(hostile, "auto", page);
    expect(renderSpeakerReference(hostile, "auto", page)).toContain(">&lt;b&gt;Co&lt;/b&gt;</span>");
  });
});
