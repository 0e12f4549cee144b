import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { findMisquotes, normalizeForComparison } from "../../plugin/integrity.js";
import { plainTypographyFor, quotesFor, typographyFor } from "../../plugin/theme/typography.js";

/** The site's markdown as Eleventy makes it (html on), amended as the theme amends it. */
function siteMarkdown(language: string): MarkdownIt {
  const markdown = new MarkdownIt({ html: true });
  typographyFor(language)(markdown);
  return markdown;
}

describe("typographic quotes in story prose", () => {
  const en = siteMarkdown("en-US");

  it("curls quotes and apostrophes in the site's language", () => {
    expect(en.render(`Harbor Point's owner said "we're 'nearly' done."`)).toBe("<p>Harbor Point’s owner said “we’re ‘nearly’ done.”</p>\n");
    expect(siteMarkdown("de").render(`Er sagte "ja".`)).toBe("<p>Er sagte „ja“.</p>\n");
    expect(siteMarkdown("fr-FR").render(`Il a dit "oui".`)).toBe("<p>Il a dit «\u00a0oui\u00a0».</p>\n");
    expect(siteMarkdown("xx").render(`"Yes."`)).toBe("<p>“Yes.”</p>\n");
  });

  it("sets typed dashes, and nothing else of markdown-it's replacements", () => {
    expect(en.render("Sept. 3--5 -- a week --- or so. Item (c) and (tm)... stay.")).toBe("<p>Sept. 3–5 – a week — or so. Item (c) and (tm)... stay.</p>\n");
    expect(en.render("A rule ---- stays.")).toBe("<p>A rule ---- stays.</p>\n");
  });

  it("leaves code, URLs, link targets and HTML attributes alone", () => {
    expect(en.render('Run `say "hi" -- now` or <https://example.com/a--b"c>.')).toBe('<p>Run <code>say &quot;hi&quot; -- now</code> or <a href="https://example.com/a--b%22c">https://example.com/a--b&quot;c</a>.</p>\n');
    expect(en.render('[the "plan"](https://example.com/it\'s--here "a \\"title\\"")')).toBe('<p><a href="https://example.com/it\'s--here" title="a &quot;title&quot;">the “plan”</a></p>\n');
    expect(en.render('<span class="nr-speaker" data-speaker="o\'neil">Pat O\'Neil</span> said "no."')).toBe('<p><span class="nr-speaker" data-speaker="o\'neil">Pat O’Neil</span> said “no.”</p>\n');
    expect(en.render('```\nprint("it\'s -- fine")\n```')).toBe('<pre><code>print(&quot;it\'s -- fine&quot;)\n</code></pre>\n');
  });

  it("has a table of languages, English's marks for the others", () => {
    expect(quotesFor("en-GB")).toEqual(["“", "”", "‘", "’"]);
    expect(quotesFor("de-CH")).toEqual(["«", "»", "‹", "›"]);
    expect(quotesFor("uk")).toEqual(["«", "»", "„", "“"]);
  });
});

describe("the misquote guard with typeset prose", () => {
  it("finds a pull quote typed with straight quotes and dashes in the curled, dashed story", () => {
    const story = siteMarkdown("en-US").render(`The mayor said the plan "won't work -- not this year," and left.`);
    expect(findMisquotes(story, [{ text: `won't work -- not this year`, speaker: "mayor" }])).toEqual([]);
    expect(normalizeForComparison("a --- b -- c")).toBe(normalizeForComparison("a — b – c"));
    expect(findMisquotes(story, [{ text: "will work", speaker: "mayor" }])).toHaveLength(1);
  });
});

describe("typographic quotes in a headline and standfirst (plain text)", () => {
  it("curls quotes and apostrophes and sets dashes, in the site's language", () => {
    expect(plainTypographyFor("en")(`Harbor Point's "new" plan -- and 'more' --- soon`)).toBe("Harbor Point’s “new” plan – and ‘more’ — soon");
    expect(plainTypographyFor("de")(`Die "Stadt" sagt's`)).toBe("Die „Stadt“ sagt’s");
    expect(plainTypographyFor("fr-CH")(`Le "maire"`)).toBe("Le «\u00a0maire\u00a0»");
  });

  it("reads every other character as text: no Markdown, entity or escape, so each place escapes the words", () => {
    const line = "*Not emphasis* [not](a-link) `not code` &amp; <b>5 < 6</b> \\not an escape";
    expect(plainTypographyFor("en")(line)).toBe(line);
    expect(plainTypographyFor("en")(`<script>alert("x")</script>`)).toBe("<script>alert(“x”)</script>");
  });

  it("is the same on a second pass (a watched build reads the typeset words again)", () => {
    const once = plainTypographyFor("en")(`"Depth wins," coach says -- 'again'`);
    expect(plainTypographyFor("en")(once)).toBe(once);
  });
});
