import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { parsePullquoteVariant, pullquoteText, renderPullquote } from "../../plugin/pullquote.js";
import { resolveSpeaker, resolveSpeakerId } from "../../plugin/speakers.js";
import { registry } from "../helpers/registry.js";

const zelenskyy = resolveSpeakerId("zelenskyy", registry, "pullquote");
const BODY = "He can come to Kyiv";
const QUOTE = '<blockquote class="nr-pullquote__quote"><p>He can come to Kyiv</p></blockquote>';
const ATTRIBUTION =
  '<p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Volodymyr Zelenskyy</span>, <span class="nr-pullquote__role">president of Ukraine</span></p>';

describe("renderPullquote", () => {
  it("renders the default: hidden from assistive technology, no placement", () => {
    expect(renderPullquote(BODY, zelenskyy)).toBe(
      '<aside class="nr-pullquote" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>He can come to Kyiv</p></blockquote><p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Volodymyr Zelenskyy</span>, <span class="nr-pullquote__role">president of Ukraine</span></p></aside>',
    );
  });

  it("leaves out the role for a plain-name speaker without a description", () => {
    const jane = resolveSpeaker("Jane Doe", registry, "pullquote");
    expect(renderPullquote(BODY, jane)).toBe(
      `<aside class="nr-pullquote" aria-hidden="true">${QUOTE}<p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Jane Doe</span></p></aside>`,
    );
  });

  it.each([
    ["left", '<aside class="nr-pullquote nr-pullquote--left" aria-hidden="true">'],
    ["right", '<aside class="nr-pullquote nr-pullquote--right" aria-hidden="true">'],
    ["wide", '<aside class="nr-pullquote nr-pullquote--wide" aria-hidden="true">'],
    ["exposed", '<aside class="nr-pullquote">'],
    ["right exposed", '<aside class="nr-pullquote nr-pullquote--right">'],
    ["  wide   hidden ", '<aside class="nr-pullquote nr-pullquote--wide" aria-hidden="true">'],
  ])("renders variant %j", (variant, opening) => {
    expect(renderPullquote(BODY, zelenskyy, { variant })).toBe(`${opening}${QUOTE}${ATTRIBUTION}</aside>`);
  });

  it("exposes it when the hidden option is false", () => {
    expect(renderPullquote(BODY, zelenskyy, { hidden: false })).toBe(`<aside class="nr-pullquote">${QUOTE}${ATTRIBUTION}</aside>`);
  });

  it("lets the hidden variant override hidden: false", () => {
    expect(renderPullquote(BODY, zelenskyy, { hidden: false, variant: "hidden" })).toBe(
      `<aside class="nr-pullquote" aria-hidden="true">${QUOTE}${ATTRIBUTION}</aside>`,
    );
  });

  it("rejects an unknown variant", () => {
    const run = () => renderPullquote(BODY, zelenskyy, { variant: "rigth" });
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(
      '[newsroom] pullquote: unknown variant: "rigth". Fix: use "left", "right", "wide", "hidden", "exposed", separated by spaces',
    );
  });

  it("rejects a variant that is not a string", () => {
    expect(() => renderPullquote(BODY, zelenskyy, { variant: 3 as unknown as string })).toThrow(/the variant must be text, got: 3/);
  });

  it("renders inline markdown", () => {
    expect(renderPullquote("He can *come* to **Kyiv**", zelenskyy)).toContain(
      "<p>He can <em>come</em> to <strong>Kyiv</strong></p>",
    );
  });

  it("escapes raw HTML in the body", () => {
    const html = renderPullquote('<script>alert(1)</script> <b onclick="x">Kyiv</b>', zelenskyy);
    expect(html).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;Kyiv&lt;/b&gt;</p>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b ");
  });

  it("escapes a hostile speaker name and description", () => {
    const hostile = { ...zelenskyy, name: "<i>Z</i>", description: 'a "b" & c' };
    expect(renderPullquote(BODY, hostile)).toContain(
      '<span class="nr-pullquote__name">&lt;i&gt;Z&lt;/i&gt;</span>, <span class="nr-pullquote__role">a &quot;b&quot; &amp; c</span>',
    );
  });

  it.each([
    ["a markdown link", "He can come to [Kyiv](https://example.com)"],
    ["an autolink", "He can come to <https://example.com>"],
  ])("throws on %s in a hidden pull quote", (_label, body) => {
    const run = () => renderPullquote(body, zelenskyy);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/a hidden pull quote cannot hold a link/);
  });

  it("throws on a link when hidden only through the variant", () => {
    expect(() => renderPullquote("[Kyiv](/kyiv/)", zelenskyy, { hidden: false, variant: "hidden" })).toThrow(/cannot hold a link/);
  });

  it("renders a link in an exposed pull quote", () => {
    expect(renderPullquote("He can come to [Kyiv](https://example.com)", zelenskyy, { variant: "exposed" })).toBe(
      `<aside class="nr-pullquote"><blockquote class="nr-pullquote__quote"><p>He can come to <a href="https://example.com">Kyiv</a></p></blockquote>${ATTRIBUTION}</aside>`,
    );
  });

  it.each([[""], ["   \n\t "], [undefined], [42]])("throws on an empty or missing body (%j)", (body) => {
    const run = () => renderPullquote(body, zelenskyy);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/pullquote: has no words to quote/);
  });

  it("uses options.where in errors", () => {
    expect(() => renderPullquote("", zelenskyy, { where: "pq" })).toThrow(/^\[newsroom\] pq: has no words to quote/);
  });

  it("comes out as one unindented line, even from an indented multi-line body", () => {
    const html = renderPullquote("\n    He can come\n\n    to Kyiv\n  ", zelenskyy);
    expect(html).toBe(`<aside class="nr-pullquote" aria-hidden="true">${QUOTE}${ATTRIBUTION}</aside>`);
    expect(html).not.toContain("\n\n");
    expect(html).not.toContain("\n");
    expect(html).not.toMatch(/^\s/);
    expect(html).not.toContain("<pre>");
  });

  it("puts the attribution outside the blockquote and uses no <cite>", () => {
    const html = renderPullquote(BODY, zelenskyy);
    const quote = html.slice(html.indexOf("<blockquote"), html.indexOf("</blockquote>"));
    expect(quote).not.toContain("nr-pullquote__attribution");
    expect(html.indexOf("nr-pullquote__attribution")).toBeGreaterThan(html.indexOf("</blockquote>"));
    expect(html).not.toContain("<cite");
  });
});

describe("parsePullquoteVariant", () => {
  it.each([
    [undefined, true, { placement: undefined, hidden: true }],
    [null, false, { placement: undefined, hidden: false }],
    ["", true, { placement: undefined, hidden: true }],
    ["left", true, { placement: "left", hidden: true }],
    ["wide", false, { placement: "wide", hidden: false }],
    ["exposed", true, { placement: undefined, hidden: false }],
    ["hidden", false, { placement: undefined, hidden: true }],
    ["right exposed", true, { placement: "right", hidden: false }],
    ["exposed right", true, { placement: "right", hidden: false }],
  ])("reads %j (hidden by default: %s)", (variant, hiddenByDefault, expected) => {
    expect(parsePullquoteVariant(variant, hiddenByDefault)).toEqual(expected);
  });

  it("rejects an unknown token among known ones, naming it", () => {
    expect(() => parsePullquoteVariant("right centre", true)).toThrow(/unknown variant: "centre"/);
  });

  it("rejects a non-string, naming where", () => {
    expect(() => parsePullquoteVariant(["right"], true, "pq")).toThrow(/^\[newsroom\] pq: the variant must be text/);
  });
});

describe("pullquoteText", () => {
  it.each([
    ["He can *come* to **Kyiv**", "He can come to Kyiv"],
    ["He can come to [Kyiv](/kyiv/)", "He can come to Kyiv"],
    ["Tom &amp; Jerry &#x2014; it&#39;s &quot;fine&quot;", "Tom & Jerry — it's \"fine\""],
    ["a <b>bold</b> claim", "a <b>bold</b> claim"],
    ["\n   He can come\n   to Kyiv\n", "He can come to Kyiv"],
  ])("gives the plain text of %j", (body, expected) => {
    expect(pullquoteText(body)).toBe(expected);
  });

  // Plain text is also used for structured data, so inline markup must not add spaces.
  it.each([
    ["He *can*, he said", "He can, he said"],
    ["It was *un*believable", "It was unbelievable"],
  ])("does not insert spaces where inline markup was (%j)", (body, expected) => {
    expect(pullquoteText(body)).toBe(expected);
  });
});
