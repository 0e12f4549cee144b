import { describe, expect, it } from "vitest";
import { articleTextForComparison, findMisquotes, normalizeForComparison } from "../../plugin/integrity.js";

function page(body: string, head = "<title>Zelenskyy interview</title>"): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body><main><article>${body}</article></main></body></html>`;
}

const PULLQUOTE =
  '<aside class="nr-pullquote nr-pullquote--right" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>He can come to Kyiv</p></blockquote>' +
  '<p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Volodymyr Zelenskyy</span></p></aside>';

describe("normalizeForComparison", () => {
  it.each([
    ["case", "He Can Come To KYIV", "he can come to kyiv"],
    ["curly vs straight double quotes", "“He can come to Kyiv,”", '"He can come to Kyiv,"'],
    ["curly vs straight apostrophes", "Ukraine’s ‘army’", "Ukraine's 'army'"],
    ["guillemets and backticks", "«He can» `come`", "He can come"],
    ["whitespace and line breaks", "He can\n   come\tto\u00a0Kyiv", "He can come to Kyiv"],
    ["Unicode composition", "Cafe\u0301", "Caf\u00e9"],
  ])("ignores %s", (_label, a, b) => {
    expect(normalizeForComparison(a)).toBe(normalizeForComparison(b));
  });

  it("gives the lowercase text without quote marks or whitespace", () => {
    expect(normalizeForComparison("“He can come to Kyiv,” he said")).toBe("hecancometokyiv,hesaid");
  });

  it.each([
    ["different words", "He can come to Kyiv", "He can come to Lviv"],
    ["different punctuation", "Kyiv.", "Kyiv,"],
  ])("keeps %s apart", (_label, a, b) => {
    expect(normalizeForComparison(a)).not.toBe(normalizeForComparison(b));
  });
});

describe("articleTextForComparison", () => {
  it("keeps the body text and drops head, scripts, styles, templates and pull quotes", () => {
    const html = page(
      `<p>Body text</p>${PULLQUOTE}<script>var inScript = 1;</script><style>p { color: red }</style><template><p>in template</p></template>`,
      "<title>Head title</title>",
    );
    expect(articleTextForComparison(html)).toBe("bodytext");
  });
});

describe("findMisquotes", () => {
  it("returns nothing when there are no pull quotes", () => {
    expect(findMisquotes(page("<p>Anything</p>"), [])).toEqual([]);
  });

  it.each([
    ["with different quote marks", '<p>"He can come to Kyiv," he said.</p>', "“He can come to Kyiv”"],
    ["with inline tags splitting it", "<p>“He can <em>come</em> to Kyiv,” he said</p>", "He can come to Kyiv"],
    ["across a line break", "<p>“He can\n      come to <a href=\"/kyiv/\">Kyiv</a>,” he said</p>", "He can come to Kyiv"],
    ["in different case", "<p>HE CAN COME TO KYIV</p>", "He can come to Kyiv"],
    ["behind entities", "<p>Ukraine&#39;s &amp; Europe&#x2019;s future</p>", "Ukraine’s & Europe’s future"],
    ["with a non-breaking space", "<p>He can&nbsp;come to Kyiv</p>", "He can come to Kyiv"],
    ["inside a <header> (not <head>)", "<header><p>He can come to Kyiv</p></header>", "He can come to Kyiv"],
  ])("finds a quote present in the text %s", (_label, body, quote) => {
    expect(findMisquotes(page(`${body}${PULLQUOTE}`), [quote])).toEqual([]);
  });

  it("reports a misquote", () => {
    expect(findMisquotes(page(`<p>“He can come to Kyiv,” he said</p>${PULLQUOTE}`), ["He can come to Lviv"])).toEqual([
      "He can come to Lviv",
    ]);
  });

  it("reports only the misquotes, in the order given", () => {
    const html = page("<p>“He can come to Kyiv,” he said. “We are ready,” he added.</p>");
    expect(findMisquotes(html, ["We are not ready", "He can come to Kyiv", "We are ready", "He will come"])).toEqual([
      "We are not ready",
      "He will come",
    ]);
  });

  it("does not let a pull quote find itself in its own aside", () => {
    expect(findMisquotes(page(`<p>The president spoke.</p>${PULLQUOTE}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });

  it("ignores every pull quote aside on the page", () => {
    const exposed = PULLQUOTE.replace(' aria-hidden="true"', "").replace("nr-pullquote--right", "nr-pullquote--left");
    expect(findMisquotes(page(`${PULLQUOTE}<p>Between</p>${exposed}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });

  it("still reads text after a pull quote", () => {
    expect(findMisquotes(page(`${PULLQUOTE}<p>He can come to Kyiv, he said.</p>`), ["He can come to Kyiv"])).toEqual([]);
  });

  it("ignores text in <head>", () => {
    const html = page("<p>The president spoke.</p>", '<title>He can come to Kyiv</title><meta name="description" content="He can come to Kyiv">');
    expect(findMisquotes(html, ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });

  it.each([
    ["<script>", '<script type="application/ld+json">{"text": "He can come to Kyiv"}</script>'],
    ["<style>", "<style>/* He can come to Kyiv */</style>"],
  ])("ignores text in %s", (_label, element) => {
    expect(findMisquotes(page(`<p>The president spoke.</p>${element}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });
});
