import { describe, expect, it } from "vitest";
import { attributedText, findMisquotes, normalizeForComparison, speakersAt, type PullquoteClaim } from "../../plugin/integrity.js";

/** The story's body as the guard reads it: the page's content without its layout. */
function page(body: string): string {
  return `<div class="story">${body}</div>`;
}

/** The texts of the misquotes found for these pull quotes, all credited to Zelenskyy. */
function misquoted(body: string, quotes: string[], speaker = "zelenskyy"): string[] {
  const claims: PullquoteClaim[] = quotes.map((text) => ({ text, speaker }));
  return findMisquotes(body, claims).map((misquote) => misquote.claim.text);
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

describe("attributedText", () => {
  it("keeps the body text and drops scripts, styles, templates and pull quotes", () => {
    const html = page(`<p>Body text</p>${PULLQUOTE}<script>var inScript = 1;</script><style>p { color: red }</style><template><p>in template</p></template>`);
    expect(attributedText(html).text).toBe("bodytext");
  });

  it("knows who is quoted at each character: inline quotations and the words of block ones", () => {
    const html =
      '<p>He said <span class="nr-q" data-speaker="putin">“we <span class="nr-q" data-speaker-name="Jane Doe">‘go’</span>”</span> now.</p>' +
      '<figure class="nr-quote" data-speaker="trump"><blockquote class="nr-quote__text"><p>Deal</p></blockquote><figcaption class="nr-quote__attribution">Donald Trump</figcaption></figure>';
    const body = attributedText(html);
    const at = (word: string) => speakersAt(body, body.text.indexOf(word));
    expect(at("hesaid")).toEqual([]);
    expect(at("we")).toEqual(["putin"]);
    expect(at("go")).toEqual(["putin", "Jane Doe"]);
    expect(at("now")).toEqual([]);
    expect(at("deal")).toEqual(["trump"]);
    expect(at("donaldtrump")).toEqual([]);
  });
});

describe("findMisquotes", () => {
  it("returns nothing when there are no pull quotes", () => {
    expect(misquoted(page("<p>Anything</p>"), [])).toEqual([]);
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
    expect(misquoted(page(`${body}${PULLQUOTE}`), [quote])).toEqual([]);
  });

  it("reports a misquote", () => {
    expect(misquoted(page(`<p>“He can come to Kyiv,” he said</p>${PULLQUOTE}`), ["He can come to Lviv"])).toEqual([
      "He can come to Lviv",
    ]);
  });

  it("reports only the misquotes, in the order given", () => {
    const html = page("<p>“He can come to Kyiv,” he said. “We are ready,” he added.</p>");
    expect(misquoted(html, ["We are not ready", "He can come to Kyiv", "We are ready", "He will come"])).toEqual([
      "We are not ready",
      "He will come",
    ]);
  });

  it("does not let a pull quote find itself in its own aside", () => {
    expect(misquoted(page(`<p>The president spoke.</p>${PULLQUOTE}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });

  it("ignores every pull quote aside on the page", () => {
    const exposed = PULLQUOTE.replace(' aria-hidden="true"', "").replace("nr-pullquote--right", "nr-pullquote--left");
    expect(misquoted(page(`${PULLQUOTE}<p>Between</p>${exposed}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });

  it("still reads text after a pull quote", () => {
    expect(misquoted(page(`${PULLQUOTE}<p>He can come to Kyiv, he said.</p>`), ["He can come to Kyiv"])).toEqual([]);
  });

  it("fails words said by someone else, naming who said them", () => {
    const html = page('<p><span class="nr-q" data-speaker="putin">“He can come to Moscow,”</span> Putin said.</p>');
    expect(findMisquotes(html, [{ text: "He can come to Moscow", speaker: "zelenskyy" }])).toEqual([
      { claim: { text: "He can come to Moscow", speaker: "zelenskyy" }, problem: "misattributed", saidBy: ["putin"] },
    ]);
    expect(findMisquotes(html, [{ text: "He can come to Moscow", speaker: "putin" }])).toEqual([]);
  });

  it("fails a pull quote that runs from one person's quotation into another's", () => {
    const html = page('<p><span class="nr-q" data-speaker="zelenskyy">“Come to Kyiv.”</span> <span class="nr-q" data-speaker="putin">“Come to Moscow.”</span></p>');
    expect(misquoted(html, ["Come to Kyiv. Come to Moscow."])).toEqual(["Come to Kyiv. Come to Moscow."]);
    expect(misquoted(html, ["Come to Kyiv."])).toEqual([]);
  });

  it("passes when any occurrence of the words is the speaker's own", () => {
    const html = page('<p><span class="nr-q" data-speaker="putin">“We are ready.”</span> <span class="nr-q" data-speaker="zelenskyy">“We are ready.”</span></p>');
    expect(misquoted(html, ["We are ready"])).toEqual([]);
  });

  it("lets the story's own sentences be lifted, and checks plain-name speakers by name", () => {
    expect(misquoted(page("<p>The talks stalled again.</p>"), ["The talks stalled"])).toEqual([]);
    const html = page('<p><span class="nr-q" data-speaker-name="Jane Doe">“Not yet.”</span></p>');
    expect(misquoted(html, ["Not yet"], "Jane Doe")).toEqual([]);
    expect(misquoted(html, ["Not yet"], "John Roe")).toEqual(["Not yet"]);
  });

  it("checks a block quotation's words but not its caption", () => {
    const html = page(
      '<figure class="nr-quote" data-speaker="putin"><blockquote class="nr-quote__text"><p>Moscow is best.</p></blockquote><figcaption class="nr-quote__attribution"><span class="nr-quote__speaker">Vladimir Putin</span></figcaption></figure>',
    );
    expect(misquoted(html, ["Moscow is best"])).toEqual(["Moscow is best"]);
    expect(misquoted(html, ["Moscow is best"], "putin")).toEqual([]);
  });

  it.each([
    ["<script>", '<script type="application/ld+json">{"text": "He can come to Kyiv"}</script>'],
    ["<style>", "<style>/* He can come to Kyiv */</style>"],
  ])("ignores text in %s", (_label, element) => {
    expect(misquoted(page(`<p>The president spoke.</p>${element}`), ["He can come to Kyiv"])).toEqual(["He can come to Kyiv"]);
  });
});
