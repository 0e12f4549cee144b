import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { DEFAULT_OPTIONS, resolveOptions } from "../../plugin/options.js";
import type { Speaker } from "../../plugin/speakers.js";
import { thrownBy } from "../helpers/errors.js";

describe("DEFAULT_OPTIONS", () => {
  it("holds the documented defaults", () => {
    expect(DEFAULT_OPTIONS).toEqual({
      speakers: {},
      speakersDataKey: "speakers",
      speakerUrl: undefined,
      timeZone: undefined,
      referenceYear: undefined,
      showTimeZone: true,
      pullquoteCheck: "warn",
      pullquoteHidden: true,
      standaloneCities: [],
      siteUrl: undefined,
      publisher: undefined,
      language: undefined,
      authorsDataKey: "authors",
      sectionsDataKey: "sections",
      authorUrl: undefined,
      imageWidths: [480, 800, 1200, 1600],
      imageFormats: ["avif", "webp"],
      imageSizes: "100vw",
      imageUrlPath: "/img/",
      imageCacheDir: ".cache/newsroom-images",
      fallbackImage: undefined,
    });
  });

  it("is frozen", () => {
    expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
  });
});

describe("resolveOptions", () => {
  describe("defaults", () => {
    it("returns the defaults when called without options", () => {
      expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
    });

    it.each<[string, unknown]>([
      ["an empty object", {}],
      ["undefined", undefined],
      ["null", null],
    ])("returns the defaults for %s", (_label, input) => {
      expect(resolveOptions(input)).toEqual(DEFAULT_OPTIONS);
    });

    it("returns a new frozen object, not DEFAULT_OPTIONS itself", () => {
      const resolved = resolveOptions();
      expect(resolved).not.toBe(DEFAULT_OPTIONS);
      expect(Object.isFrozen(resolved)).toBe(true);
    });

    it("resolves once: a resolved object passed again comes back as it is", () => {
      const resolved = resolveOptions({ timeZone: "Europe/Kyiv" });
      expect(resolveOptions(resolved)).toBe(resolved);
      // A plain copy is not trusted: it is checked again.
      expect(() => resolveOptions({ ...resolved, timeZone: "Mars/Olympus" })).toThrow(/unknown time zone/);
    });
  });

  describe("merging", () => {
    it("merges given options over the defaults", () => {
      const speakerUrl = (speaker: Speaker) => `/speakers/${speaker.id}/`;
      const resolved = resolveOptions({
        timeZone: "America/New_York",
        referenceYear: 2025,
        showTimeZone: false,
        pullquoteCheck: "error",
        speakerUrl,
      });
      expect(resolved).toEqual({
        ...DEFAULT_OPTIONS,
        timeZone: "America/New_York",
        referenceYear: 2025,
        showTimeZone: false,
        pullquoteCheck: "error",
        speakerUrl,
      });
      expect(resolved.speakerUrl).toBe(speakerUrl);
    });

    it("accepts every option at once", () => {
      const speakers = { zelenskyy: { name: "Volodymyr Zelenskyy", title: "President" } };
      const resolved = resolveOptions({
        speakers,
        speakersDataKey: "people",
        speakerUrl: () => undefined,
        timeZone: "Europe/Kyiv",
        referenceYear: 2024,
        showTimeZone: false,
        pullquoteCheck: "off",
        pullquoteHidden: false,
        standaloneCities: ["Springfield"],
      });
      expect(resolved.speakers).toEqual(speakers);
      expect(resolved.speakersDataKey).toBe("people");
      expect(typeof resolved.speakerUrl).toBe("function");
      expect(resolved.timeZone).toBe("Europe/Kyiv");
      expect(resolved.referenceYear).toBe(2024);
      expect(resolved.showTimeZone).toBe(false);
      expect(resolved.pullquoteCheck).toBe("off");
      expect(resolved.pullquoteHidden).toBe(false);
      expect(resolved.standaloneCities).toEqual(["Springfield"]);
    });

    it.each(["warn", "error", "off"])('accepts pullquoteCheck "%s"', (check) => {
      expect(resolveOptions({ pullquoteCheck: check }).pullquoteCheck).toBe(check);
    });

    it('accepts timeZone "UTC"', () => {
      expect(resolveOptions({ timeZone: "UTC" }).timeZone).toBe("UTC");
    });

    it("does not change the input object", () => {
      const input = { timeZone: "Europe/Kyiv", showTimeZone: undefined };
      resolveOptions(input);
      expect(input).toEqual({ timeZone: "Europe/Kyiv", showTimeZone: undefined });
    });
  });

  describe("explicit undefined means the default", () => {
    it.each([
      "speakers",
      "speakersDataKey",
      "speakerUrl",
      "timeZone",
      "referenceYear",
      "showTimeZone",
      "pullquoteCheck",
      "pullquoteHidden",
      "standaloneCities",
    ] as const)("%s: undefined", (name) => {
      const resolved = resolveOptions({ [name]: undefined });
      expect(resolved[name]).toEqual(DEFAULT_OPTIONS[name]);
      expect(resolved).toEqual(DEFAULT_OPTIONS);
    });

    it("keeps showTimeZone true and pullquoteHidden true rather than undefined", () => {
      const resolved = resolveOptions({ showTimeZone: undefined, pullquoteHidden: undefined });
      expect(resolved.showTimeZone).toBe(true);
      expect(resolved.pullquoteHidden).toBe(true);
    });
  });

  describe("unknown options", () => {
    it('suggests "timeZone" for "timezone"', () => {
      const error = thrownBy(() => resolveOptions({ timezone: "America/New_York" }));
      expect(error.message).toBe(
        '[newsroom] addPlugin(newsroom, options): unknown option: "timezone". Fix: did you mean "timeZone"?',
      );
    });

    it.each([
      ["referenceyear", "referenceYear"],
      ["showTimezone", "showTimeZone"],
      ["pullQuoteCheck", "pullquoteCheck"],
      ["standaloneCity", "standaloneCities"],
      ["speaker", "speakers"],
    ])('suggests the closest name for "%s"', (typo, name) => {
      const error = thrownBy(() => resolveOptions({ [typo]: true }));
      expect(error.message).toContain(`unknown option: "${typo}"`);
      expect(error.message).toContain(`did you mean "${name}"?`);
    });

    it("lists the option names when nothing is close", () => {
      const error = thrownBy(() => resolveOptions({ colour: "red" }));
      expect(error.message).toContain('unknown option: "colour"');
      expect(error.message).not.toContain("did you mean");
      expect(error.message).toContain(
        "use only speakers, speakersDataKey, speakerUrl, timeZone, referenceYear, showTimeZone, pullquoteCheck, pullquoteHidden, standaloneCities",
      );
    });
  });

  describe("options that are not an object", () => {
    it.each<[string, unknown, string]>([
      ["a string", "America/New_York", '"America/New_York"'],
      ["a number", 5, "5"],
      ["true", true, "true"],
      ["an array", ["timeZone"], '["timeZone"]'],
      ["a function", () => ({}), "options must be an object"],
    ])("rejects %s", (_label, input, shown) => {
      const error = thrownBy(() => resolveOptions(input));
      expect(error.message).toContain("[newsroom] addPlugin(newsroom, options): options must be an object, got");
      expect(error.message).toContain(shown);
      expect(error.message).toContain("Fix:");
    });
  });

  describe("wrong types name the option", () => {
    it.each<[string, Record<string, unknown>, string]>([
      ["timeZone", { timeZone: 5 }, "[newsroom] option timeZone: must be a string, got: 5."],
      ["timeZone", { timeZone: "Nowhere/Else" }, '[newsroom] option timeZone: unknown time zone: "Nowhere/Else".'],
      ["timeZone", { timeZone: "" }, '[newsroom] option timeZone: unknown time zone: "".'],
      ["referenceYear", { referenceYear: 2025.5 }, "[newsroom] option referenceYear: must be a whole year, got: 2025.5."],
      ["referenceYear", { referenceYear: "2025" }, '[newsroom] option referenceYear: must be a whole year, got: "2025".'],
      ["referenceYear", { referenceYear: 0 }, "[newsroom] option referenceYear: must be a whole year, got: 0."],
      ["referenceYear", { referenceYear: -2025 }, "[newsroom] option referenceYear: must be a whole year, got: -2025."],
      ["showTimeZone", { showTimeZone: "yes" }, '[newsroom] option showTimeZone: must be true or false, got: "yes".'],
      ["showTimeZone", { showTimeZone: null }, "[newsroom] option showTimeZone: must be true or false, got: null."],
      ["pullquoteHidden", { pullquoteHidden: "no" }, '[newsroom] option pullquoteHidden: must be true or false, got: "no".'],
      ["pullquoteCheck", { pullquoteCheck: "loud" }, '[newsroom] option pullquoteCheck: must be one of warn, error, off, got: "loud".'],
      ["standaloneCities", { standaloneCities: "Springfield" }, '[newsroom] option standaloneCities: must be a list of city names, got: "Springfield".'],
      ["standaloneCities", { standaloneCities: ["Springfield", 5] }, '[newsroom] option standaloneCities: must be a list of city names, got: ["Springfield",5].'],
      ["speakersDataKey", { speakersDataKey: "" }, '[newsroom] option speakersDataKey: must be a non-empty string, got: "".'],
      ["speakersDataKey", { speakersDataKey: "   " }, '[newsroom] option speakersDataKey: must be a non-empty string, got: "   ".'],
      ["speakersDataKey", { speakersDataKey: 5 }, "[newsroom] option speakersDataKey: must be a non-empty string, got: 5."],
      ["speakerUrl", { speakerUrl: "x" }, '[newsroom] option speakerUrl: must be a function, got: "x".'],
      ["speakerUrl", { speakerUrl: "/speakers/" }, '[newsroom] option speakerUrl: must be a function, got: "/speakers/".'],
    ])("%s: %j", (name, input, start) => {
      const error = thrownBy(() => resolveOptions(input));
      expect(error.where).toBe(`option ${name}`);
      expect(error.message.startsWith(start)).toBe(true);
      expect(error.message).toContain(" Fix: ");
    });

    it("speakers: an entry without a name", () => {
      const error = thrownBy(() => resolveOptions({ speakers: { zelenskyy: { title: "President" } } }));
      expect(error.message).toContain("[newsroom] option speakers › zelenskyy: the speaker has no name");
      expect(error.message).toContain('add "name" with the person\'s full name to the "zelenskyy" entry');
    });

    it("speakers: not an object", () => {
      const error = thrownBy(() => resolveOptions({ speakers: ["zelenskyy"] }));
      expect(error.message).toContain(
        "[newsroom] option speakers: the speakers registry must be an object keyed by speaker id, got",
      );
    });

    it("speakers: a field with a typo", () => {
      const error = thrownBy(() => resolveOptions({ speakers: { zelenskyy: { name: "Volodymyr Zelenskyy", titel: "President" } } }));
      expect(error.message).toContain('[newsroom] option speakers › zelenskyy: unknown field: "titel"');
      expect(error.message).toContain('did you mean "title"?');
    });
  });

  it("checks that a time zone is valid before anything renders", () => {
    expect(() => resolveOptions({ timeZone: "Mars/Olympus" })).toThrow(NewsroomError);
    expect(() => resolveOptions({ timeZone: "Mars/Olympus" })).toThrow("unknown time zone");
  });
});

describe("structured-data options", () => {
  it.each([
    ["siteUrl", "news.example.com", "must be an absolute http(s) URL"],
    ["siteUrl", "ftp://news.example.com", "must be an absolute http(s) URL"],
    ["siteUrl", "https://editor:hunter2@news.example.com", 'holds a user name or password, which every page, feed and sitemap would publish: "https://***:***@news.example.com/"'],
    ["siteUrl", "https://news.example.com/?key=1", 'has a query or fragment, which the site\'s addresses cannot carry: "https://news.example.com/?…"'],
    ["siteUrl", "https://x.org/news/", 'has a path, which the site\'s addresses would lose (only the origin is used): "https://x.org/news/". Fix: write the origin alone ("https://x.org") and build with the path as Eleventy\'s path prefix: npx @11ty/eleventy --pathprefix=/news/'],
    ["language", "English", "must be a language tag"],
    ["authorsDataKey", "", "must be a non-empty string"],
    ["sectionsDataKey", 3, "must be a non-empty string"],
    ["authorUrl", "/authors/", "must be a function"],
    ["publisher", "The Newsroom", "must be an object"],
    ["publisher", { logo: "/logo.png" }, "needs a name"],
    ["publisher", { name: "The Newsroom" }, "needs a logo"],
    ["publisher", { name: "The Newsroom", logo: "/logo.png", url: "/home" }, "url must be an absolute http(s) URL"],
    ["publisher", { name: "The Newsroom", logo: "/logo.png", sameas: ["https://social.example/@paper"] }, 'unknown key: "sameas". Fix: did you mean "sameAs"?'],
    ["publisher", { name: "The Newsroom", logo: "/logo.png", sameAs: "https://social.example/@paper" }, 'sameAs must be a list of absolute http(s) URLs, got: "https://social.example/@paper"'],
    ["publisher", { name: "The Newsroom", logo: "/logo.png", sameAs: ["social.example/@paper"] }, "sameAs must be a list of absolute http(s) URLs"],
    ["imageFormats", ["jpeg"], 'must be a list of "avif" and "webp" (the JPEG is always published), got: ["jpeg"]. Fix: use e.g. ["avif", "webp"], ["webp"] or []'],
    ["imageFormats", ["webp", "webp"], 'must be a list of "avif" and "webp"'],
    ["imageFormats", "webp", 'must be a list of "avif" and "webp"'],
  ])("rejects %s = %j", (name, value, problem) => {
    expect(() => resolveOptions({ [name]: value })).toThrow(`[newsroom] option ${name}: ${problem}`);
  });

  it("accepts a complete set", () => {
    const resolved = resolveOptions({
      siteUrl: "https://news.example.com",
      language: "en-US",
      publisher: { name: "The Newsroom", logo: { url: "/assets/logo.png", width: 600, height: 60 } },
      authorUrl: (id: string) => `/authors/${id}/`,
    });
    expect(resolved.publisher?.name).toBe("The Newsroom");
    expect(resolved.authorUrl?.("ada", { name: "Ada" })).toBe("/authors/ada/");
  });
});
