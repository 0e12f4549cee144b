import { describe, expect, it } from "vitest";
import { closestMatch, describeValue, NewsroomError } from "../../plugin/errors.js";

describe("NewsroomError", () => {
  const details = {
    where: "speaker",
    problem: "unknown speaker id",
    value: "zelensky",
    fix: 'did you mean "zelenskyy"?',
  };

  it("composes the message as where, problem, value and fix", () => {
    expect(new NewsroomError(details).message).toBe(
      '[newsroom] speaker: unknown speaker id: "zelensky". Fix: did you mean "zelenskyy"?',
    );
  });

  it("names the file when given an input path", () => {
    expect(new NewsroomError({ ...details, inputPath: "./src/posts/kyiv.md" }).message).toBe(
      '[newsroom] speaker in ./src/posts/kyiv.md: unknown speaker id: "zelensky". Fix: did you mean "zelenskyy"?',
    );
  });

  it("leaves out the value when there is none", () => {
    expect(new NewsroomError({ where: "pullquote", problem: "needs a body", fix: "write the quote" }).message).toBe(
      "[newsroom] pullquote: needs a body. Fix: write the quote",
    );
  });

  it.each<[string, unknown, string]>([
    ["null", null, "[newsroom] w: p: null. Fix: f"],
    ["false", false, "[newsroom] w: p: false. Fix: f"],
    ["zero", 0, "[newsroom] w: p: 0. Fix: f"],
    ["an empty string", "", '[newsroom] w: p: "". Fix: f'],
  ])("shows a falsy value: %s", (_label, value, message) => {
    expect(new NewsroomError({ where: "w", problem: "p", value, fix: "f" }).message).toBe(message);
  });

  it("is an Error named NewsroomError with its details as fields", () => {
    const error = new NewsroomError({ ...details, inputPath: "a.md" });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(NewsroomError);
    expect(error.name).toBe("NewsroomError");
    expect(error.where).toBe("speaker");
    expect(error.problem).toBe("unknown speaker id");
    expect(error.value).toBe("zelensky");
    expect(error.fix).toBe('did you mean "zelenskyy"?');
    expect(error.inputPath).toBe("a.md");
  });

  it("has no input path unless given one", () => {
    expect(new NewsroomError(details).inputPath).toBeUndefined();
  });

  describe("inFile", () => {
    it("returns the same error naming the page", () => {
      const error = new NewsroomError(details);
      const located = error.inFile("./src/posts/kyiv.md");
      expect(located).toBeInstanceOf(NewsroomError);
      expect(located.inputPath).toBe("./src/posts/kyiv.md");
      expect(located.message).toBe(
        '[newsroom] speaker in ./src/posts/kyiv.md: unknown speaker id: "zelensky". Fix: did you mean "zelenskyy"?',
      );
      expect(located.where).toBe(error.where);
      expect(located.problem).toBe(error.problem);
      expect(located.value).toBe(error.value);
      expect(located.fix).toBe(error.fix);
    });

    it("does not change the original error", () => {
      const error = new NewsroomError(details);
      error.inFile("./src/posts/kyiv.md");
      expect(error.inputPath).toBeUndefined();
      expect(error.message).not.toContain(" in ");
    });

    it("adds the path only once: a second inFile keeps the first path", () => {
      const located = new NewsroomError(details).inFile("./src/first.md");
      const again = located.inFile("./src/second.md");
      expect(again).toBe(located);
      expect(again.inputPath).toBe("./src/first.md");
      expect(again.message).toContain(" in ./src/first.md:");
      expect(again.message).not.toContain("second.md");
      expect(again.message.match(/ in /g)).toHaveLength(1);
    });

    it("keeps an input path given to the constructor", () => {
      const error = new NewsroomError({ ...details, inputPath: "./src/original.md" });
      expect(error.inFile("./src/other.md")).toBe(error);
    });

    it.each<[string, string | undefined]>([
      ["undefined", undefined],
      ["an empty string", ""],
    ])("returns the error unchanged for %s", (_label, path) => {
      const error = new NewsroomError(details);
      expect(error.inFile(path)).toBe(error);
    });
  });
});

describe("describeValue", () => {
  it.each<[string, unknown, string]>([
    ["a string, quoted", "Kyiv", '"Kyiv"'],
    ["an empty string", "", '""'],
    ["a string with quotes and newlines, JSON-escaped", 'say "hi"\nnow', '"say \\"hi\\"\\nnow"'],
    ["a number", 2025.5, "2025.5"],
    ["NaN", Number.NaN, "NaN"],
    ["a boolean", true, "true"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["a bigint", 10n, "10"],
    ["a symbol", Symbol("id"), "Symbol(id)"],
    ["a Date, as ISO", new Date("2025-09-05T19:00:00Z"), "2025-09-05T19:00:00.000Z"],
    ["an invalid Date", new Date("nope"), "Invalid Date"],
    ["an object, as JSON", { name: "Kyiv", year: 2025 }, '{"name":"Kyiv","year":2025}'],
    ["an array, as JSON", ["a", 1], '["a",1]'],
    ["an empty object", {}, "{}"],
    ["a zero-width space, escaped and named with its position", "\u200b", '"\\u200b" (invisible: U+200B ZERO WIDTH SPACE at character 1)'],
    ["a soft hyphen and a bidi override", "Bud\u00adget \u202eabc", '"Bud\\u00adget \\u202eabc" (invisible: U+00AD SOFT HYPHEN at character 4, U+202E RIGHT-TO-LEFT OVERRIDE at character 9)'],
    ["a byte-order mark after an emoji, counted in characters", "🗳\ufeff", '"🗳\\ufeff" (invisible: U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark) at character 2)'],
    ["a control character", "a\u000bb", '"a\\u000bb" (invisible: U+000B (a control character) at character 2)'],
    ["a tag character, outside the Basic Multilingual Plane", "a\u{E0001}", '"a\\u{e0001}" (invisible: U+E0001 (a format character) at character 2)'],
  ])("shows %s", (_label, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it("shows an object of exactly 120 characters in full", () => {
    const value = { text: "x".repeat(109) };
    const json = JSON.stringify(value);
    expect(json).toHaveLength(120);
    expect(describeValue(value)).toBe(json);
  });

  it("truncates a long object to 120 characters ending in ...", () => {
    const value = { text: "x".repeat(500) };
    const shown = describeValue(value);
    expect(shown).toHaveLength(120);
    expect(shown).toBe(`${JSON.stringify(value).slice(0, 117)}...`);
    expect(shown.startsWith('{"text":"xxx')).toBe(true);
  });

  it("truncates at 121 characters", () => {
    const value = { text: "x".repeat(110) };
    expect(JSON.stringify(value)).toHaveLength(121);
    expect(describeValue(value)).toHaveLength(120);
    expect(describeValue(value).endsWith("...")).toBe(true);
  });

  it("does not throw on a circular object, and never shows [object Object]", () => {
    const value: Record<string, unknown> = { name: "loop" };
    value.self = value;
    let shown = "";
    expect(() => {
      shown = describeValue(value);
    }).not.toThrow();
    expect(typeof shown).toBe("string");
    expect(shown.length).toBeGreaterThan(0);
    // The doc comment promises messages never show `[object Object]`.
    expect(shown).not.toContain("[object Object]");
  });

  it("never shows [object Object] for a plain object", () => {
    expect(describeValue({ a: { b: { c: 1 } } })).toBe('{"a":{"b":{"c":1}}}');
  });
});

describe("closestMatch", () => {
  const options = ["speakers", "speakersDataKey", "speakerUrl", "timeZone", "referenceYear", "showTimeZone"];

  it.each([
    ["timezone", "timeZone"],
    ["timeZon", "timeZone"],
    ["tmieZone", "timeZone"],
    ["referenceyear", "referenceYear"],
    ["showTimezone", "showTimeZone"],
    ["speaker", "speakers"],
    ["speakerURL", "speakerUrl"],
  ])("suggests a small typo: %s → %s", (input, expected) => {
    expect(closestMatch(input, options)).toBe(expected);
  });

  it("suggests a misspelt speaker id", () => {
    expect(closestMatch("zelensky", ["zelenskyy", "sybiha"])).toBe("zelenskyy");
    expect(closestMatch("sibiha", ["zelenskyy", "sybiha"])).toBe("sybiha");
  });

  it("returns the candidate as written, not lowercased", () => {
    expect(closestMatch("TIMEZONE", ["timeZone"])).toBe("timeZone");
  });

  it.each(["banana", "colour", "pullquote", "xyz"])("returns undefined for an unrelated word: %s", (input) => {
    expect(closestMatch(input, options)).toBeUndefined();
  });

  it("returns undefined with no candidates", () => {
    expect(closestMatch("timezone", [])).toBeUndefined();
  });

  it("allows more edits for longer words", () => {
    // A 10-letter input may be 3 edits away.
    expect(closestMatch("refrnceYer", ["referenceYear"])).toBe("referenceYear");
  });

  it("does not suggest a word that shares no letter with a short input", () => {
    // Two edits rewrite all of "wu": "li" is a different speaker, not a typo.
    expect(closestMatch("wu", ["li"])).toBeUndefined();
  });
});
