/**
 * The did-you-mean for a misspelt shortcode name: which names count as typos, the error's words,
 * and the Liquid guard's place under the engine's own table of tags.
 */
import { describe, expect, it, vi } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { guardLiquidShortcodeTypos, nearMisses, pluginTags, unknownTagError } from "../../plugin/shortcode-typos.js";

const TAGS = pluginTags(["speaker", "dateline", "newsArticleJsonLd"], ["pullquote", "quote", "inlineQuote"]);

describe("nearMisses", () => {
  it("holds one edit away and the all-lowercase spelling, never the real names", () => {
    const misses = nearMisses(TAGS);
    for (const typo of ["pulquote", "pullqoute", "speakr", "speakerr", "endpulquote", "inlinequote", "endinlinequote"]) expect(misses).toContain(typo);
    for (const tag of TAGS) expect(misses).not.toContain(tag);
    expect(misses).not.toContain("frobnicate");
  });
});

describe("unknownTagError", () => {
  it("names the language, the line, the file, the closest tag and every shortcode", () => {
    const error = unknownTagError("pulquote", TAGS, { language: "Liquid", line: 3, inputPath: "./story.liquid" });
    expect(error.message).toBe(
      '[newsroom] Liquid, line 3 in ./story.liquid: unknown tag: "{% pulquote %}". Fix: did you mean {% pullquote %}? The newsroom plugin\'s shortcodes are {% speaker %}, {% dateline %}, {% newsArticleJsonLd %}, {% pullquote %}, {% quote %}, {% inlineQuote %}',
    );
  });

  it("says only the language when the engine knows no line", () => {
    expect(unknownTagError("speakr", TAGS, { language: "Nunjucks" }).message).toMatch(/^\[newsroom\] Nunjucks: unknown tag: "\{% speakr %\}"\. Fix: did you mean \{% speaker %\}\?/);
  });
});

describe("guardLiquidShortcodeTypos", () => {
  /** A LiquidJS engine's table of tags as the parser reads it, with a stand-in token. */
  function guarded(registered: Record<string, unknown> = {}) {
    const liquid = { tags: Object.assign(Object.create(null) as Record<string, unknown>, registered) };
    const report = vi.fn<(error: NewsroomError) => void>();
    guardLiquidShortcodeTypos(liquid, TAGS, report);
    const parse = (name: string, line = 1): unknown => {
      const TagClass = liquid.tags[name] as (new (token: unknown) => unknown) | undefined;
      if (!TagClass) return undefined;
      return new TagClass({ name, file: "./story.liquid", getPosition: () => [line, 1] });
    };
    return { liquid, report, parse };
  }

  it.each([
    ["pulquote", "pullquote"],
    ["endpulquote", "endpullquote"],
    ["PullQuote", "pullquote"],
    ["Speaker", "speaker"],
    ["INLINEQOUTE", "inlineQuote"],
  ])("a template's %s fails naming %s, and is reported", (typo, meant) => {
    const { parse, report } = guarded();
    let thrown: unknown;
    try {
      parse(typo, 4);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NewsroomError);
    expect((thrown as NewsroomError).message).toContain(`Liquid, line 4 in ./story.liquid: unknown tag: "{% ${typo} %}". Fix: did you mean {% ${meant} %}?`);
    expect(report).toHaveBeenCalledWith(thrown);
  });

  it("leaves a name nothing like the plugin's to Liquid's own error", () => {
    const { liquid } = guarded();
    expect(liquid.tags.frobnicate).toBeUndefined();
    expect(liquid.tags.if).toBeUndefined();
  });

  it("leaves the plugin's own names alone where Liquid does not hold them (a stray closing tag)", () => {
    const { liquid } = guarded();
    expect(liquid.tags.endpullquote).toBeUndefined();
    expect(liquid.tags.pullquote).toBeUndefined();
  });

  it("never shadows a tag registered before or after it, of any name", () => {
    const before = class Before {};
    const after = class After {};
    const { liquid } = guarded({ speakr: before });
    liquid.tags.pulquote = after;
    expect(liquid.tags.speakr).toBe(before);
    expect(liquid.tags.pulquote).toBe(after);
  });

  it("adds no tag to the table: its names, `in` and own keys stay the engine's", () => {
    const { liquid } = guarded({ pullquote: class {} });
    expect(Object.keys(liquid.tags)).toEqual(["pullquote"]);
    expect("pulquote" in liquid.tags).toBe(false);
  });

  it("guards a table once, however often Eleventy amends the engine", () => {
    const liquid = { tags: Object.create(null) as Record<string, unknown> };
    guardLiquidShortcodeTypos(liquid, TAGS, () => undefined);
    const prototype = Object.getPrototypeOf(liquid.tags) as object;
    guardLiquidShortcodeTypos(liquid, TAGS, () => undefined);
    expect(Object.getPrototypeOf(liquid.tags)).toBe(prototype);
  });
});
