import { describe, expect, it } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";
import { inlineQuotationText, quotationText, renderInlineQuotation, renderQuotation } from "../../plugin/quotation.js";
import { resolveSpeaker, resolveSpeakerId } from "../../plugin/speakers.js";
import { registry } from "../helpers/registry.js";

const zelenskyy = resolveSpeakerId("zelenskyy", registry, "quote");
const trump = resolveSpeakerId("trump", registry, "quote");

describe("renderQuotation", () => {
  it("renders the full attribution with every option", () => {
    const html = renderQuotation("He can come to Kyiv.", zelenskyy, {
      occasion: "in an interview with ABC News",
      place: "Kyiv",
      date: "2025-09-05",
      cite: "https://abcnews.go.com/International/zelenskyy-interview",
      speakerUrl: "/speakers/zelenskyy/",
    });
    expect(html).toBe(
      '<figure class="nr-quote" data-speaker="zelenskyy">' +
        '<blockquote class="nr-quote__text" cite="https://abcnews.go.com/International/zelenskyy-interview"><p>He can come to Kyiv.</p></blockquote>' +
        '<figcaption class="nr-quote__attribution">' +
        '<a class="nr-quote__speaker" href="/speakers/zelenskyy/">Volodymyr Zelenskyy</a>, ' +
        '<span class="nr-quote__role">president of Ukraine</span>, ' +
        '<span class="nr-quote__occasion">in an interview with ABC News</span>, ' +
        '<span class="nr-quote__place">Kyiv</span>, ' +
        '<time class="nr-quote__date" datetime="2025-09-05">Sept. 5, 2025</time>' +
        "</figcaption></figure>",
    );
  });

  it("renders a minimal call with the speaker only", () => {
    expect(renderQuotation("We will see.", trump)).toBe(
      '<figure class="nr-quote" data-speaker="trump"><blockquote class="nr-quote__text"><p>We will see.</p></blockquote>' +
        '<figcaption class="nr-quote__attribution"><span class="nr-quote__speaker">Donald Trump</span></figcaption></figure>',
    );
  });

  it("names a plain-name speaker in data-speaker-name", () => {
    const jane = resolveSpeaker("Jane Doe", registry, "quote");
    expect(renderQuotation("Hello.", jane)).toBe(
      '<figure class="nr-quote" data-speaker-name="Jane Doe"><blockquote class="nr-quote__text"><p>Hello.</p></blockquote>' +
        '<figcaption class="nr-quote__attribution"><span class="nr-quote__speaker">Jane Doe</span></figcaption></figure>',
    );
  });

  it("reads a time without an offset as wall-clock time in the site's zone, in ISO or YAML form", () => {
    for (const date of ["2025-10-14T09:30", "2025-10-14 09:30"]) {
      expect(renderQuotation("Hi.", trump, { date, zone: "America/Chicago" })).toContain('<time class="nr-quote__date" datetime="2025-10-14T09:30:00-05:00">Oct. 14, 2025</time>');
    }
  });

  it("drops the year when the date falls in the reference year", () => {
    expect(renderQuotation("Hi.", trump, { date: "2025-09-05", referenceYear: 2025 })).toContain(
      '<time class="nr-quote__date" datetime="2025-09-05">Sept. 5</time>',
    );
  });

  it("ignores blank optional fields", () => {
    expect(renderQuotation("We will see.", trump, { occasion: "  ", place: "", date: "", cite: " ", speakerUrl: "" })).toBe(
      renderQuotation("We will see.", trump),
    );
  });

  it("turns a multi-paragraph body into paragraphs with no newlines", () => {
    const html = renderQuotation("He can come to Kyiv.\n\nWe are ready\nto talk.", trump);
    expect(html).toContain('<blockquote class="nr-quote__text"><p>He can come to Kyiv.</p><p>We are ready to talk.</p></blockquote>');
    expect(html).not.toContain("\n");
  });

  it("does not turn an indented body (as paired shortcodes receive it) into a code block", () => {
    const html = renderQuotation("\n      He can come to Kyiv.\n\n      We are ready.\n    ", trump);
    expect(html).toContain('<blockquote class="nr-quote__text"><p>He can come to Kyiv.</p><p>We are ready.</p></blockquote>');
    expect(html).not.toContain("<pre>");
    expect(html).not.toContain("<code>");
  });

  it("renders markdown emphasis and escapes raw HTML in the body", () => {
    expect(renderQuotation("He *can* <script>x</script>", trump)).toContain(
      "<p>He <em>can</em> &lt;script&gt;x&lt;/script&gt;</p>",
    );
  });

  it.each([
    ["cite", { cite: "javascript:alert(1)" }, /quote: the source URL is not an http\(s\) URL or site path: "javascript:alert\(1\)"/],
    ["cite", { cite: "//evil.example/" }, /the source URL is not an http\(s\) URL or site path/],
    ["speakerUrl", { speakerUrl: "javascript:alert(1)" }, /the speaker page URL is not an http\(s\) URL or site path/],
  ])("throws on an unsafe %s", (_label, options, message) => {
    const run = () => renderQuotation("He can come to Kyiv.", zelenskyy, options);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(message);
  });

  it.each([[""], ["  \n  "], [undefined], [null]])("throws on an empty body (%j)", (body) => {
    const run = () => renderQuotation(body, zelenskyy);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow("[newsroom] quote: has no words to quote");
  });

  it("throws on an unreadable date", () => {
    expect(() => renderQuotation("Hi.", zelenskyy, { date: "2025-02-30" })).toThrow(/cannot read this date/);
  });

  it("refuses a quotation dated after the day the story last changed, by day in the zone", () => {
    const run = () => renderQuotation("Hi.", zelenskyy, { date: "2025-09-06", storyDate: "2025-09-05T19:00:00-04:00", zone: "America/New_York" });
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(
      "[newsroom] quote: the quotation is dated after the story's last change (2025-09-05): a story cannot quote words said after it: \"2025-09-06\". Fix: correct the quotation's date (when the words were said), or give the story an updated date on or after it",
    );
    // Later the same day is no contradiction: the story may have been updated that evening.
    expect(() => renderQuotation("Hi.", zelenskyy, { date: "2025-09-05T22:00:00-04:00", storyDate: "2025-09-05T08:00:00-04:00", zone: "America/New_York" })).not.toThrow();
    expect(() => renderQuotation("Hi.", zelenskyy, { date: "2025-09-04", storyDate: "2025-09-05", zone: "America/New_York" })).not.toThrow();
    // 1 a.m. UTC on the 6th is still the 5th in New York.
    expect(() => renderQuotation("Hi.", zelenskyy, { date: "2025-09-06T01:00:00Z", storyDate: "2025-09-05", zone: "America/New_York" })).not.toThrow();
    expect(() => renderQuotation("Hi.", zelenskyy, { date: "2025-09-06T05:00:00Z", storyDate: "2025-09-05", zone: "America/New_York" })).toThrow(/dated after the story's last change/);
  });

  it("escapes a hostile occasion, place, cite and speaker URL", () => {
    const html = renderQuotation("Hi.", zelenskyy, {
      occasion: '<img src=x onerror="alert(1)">',
      place: "Kyiv & <b>Lviv</b>",
      cite: 'https://example.com/?q="><script>',
      speakerUrl: "/speakers/z/?a=1&b='x'",
    });
    expect(html).toContain('<span class="nr-quote__occasion">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</span>');
    expect(html).toContain('<span class="nr-quote__place">Kyiv &amp; &lt;b&gt;Lviv&lt;/b&gt;</span>');
    expect(html).toContain('cite="https://example.com/?q=&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('href="/speakers/z/?a=1&amp;b=&#39;x&#39;"');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
  });
});

describe("renderInlineQuotation", () => {
  it("puts the words between real quotation marks, in a span naming the speaker", () => {
    expect(renderInlineQuotation("He can come to Kyiv,", zelenskyy)).toBe('<span class="nr-q" data-speaker="zelenskyy">“He can come to Kyiv,”</span>');
  });

  it("takes single marks inside another quotation, double again inside those", () => {
    expect(renderInlineQuotation("hold a meeting", zelenskyy, { depth: 1 })).toBe('<span class="nr-q" data-speaker="zelenskyy">‘hold a meeting’</span>');
    expect(renderInlineQuotation("hold a meeting", zelenskyy, { depth: 2 })).toBe('<span class="nr-q" data-speaker="zelenskyy">“hold a meeting”</span>');
  });

  it("trims the body and renders inline markdown on one line", () => {
    expect(renderInlineQuotation("\n  He can *come*\n  to Kyiv,\n", zelenskyy)).toBe(
      '<span class="nr-q" data-speaker="zelenskyy">“He can <em>come</em> to Kyiv,”</span>',
    );
  });

  it("leaves the source URL to the structured data: a span has no cite", () => {
    expect(renderInlineQuotation("He can come to Kyiv,", zelenskyy, { cite: "https://abcnews.go.com/x?a=1&b=2" })).toBe(
      '<span class="nr-q" data-speaker="zelenskyy">“He can come to Kyiv,”</span>',
    );
  });

  it("names a plain-name speaker in data-speaker-name", () => {
    expect(renderInlineQuotation("Hello", resolveSpeaker("Jane <Doe>", registry, "inlineQuote"))).toBe('<span class="nr-q" data-speaker-name="Jane &lt;Doe&gt;">“Hello”</span>');
  });

  it.each([
    ["“He can come to Kyiv,”"],
    ['"He can come to Kyiv,"'],
    ["‘He can come to Kyiv,’"],
    ["“He can come to Kyiv,"],
    ["He can come to Kyiv,”"],
    ["  \"He can come to Kyiv  "],
    ["«He can come to Kyiv»"],
  ])("throws on typed quote marks: %s", (body) => {
    const run = () => renderInlineQuotation(body, zelenskyy);
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(/the quoted words start or end with a quotation mark/);
    expect(run).toThrow(/remove the quotation marks/);
  });

  it("allows quote marks inside the words", () => {
    expect(renderInlineQuotation("it’s “fine” now", zelenskyy)).toBe('<span class="nr-q" data-speaker="zelenskyy">“it’s “fine” now”</span>');
  });

  it("throws on an unsafe cite", () => {
    expect(() => renderInlineQuotation("Hi", zelenskyy, { cite: "javascript:alert(1)" })).toThrow(
      /inlineQuote: the source URL is not an http\(s\) URL or site path/,
    );
  });

  it.each([[""], [" "], [undefined]])("throws on an empty body (%j)", (body) => {
    expect(() => renderInlineQuotation(body, zelenskyy)).toThrow(/inlineQuote: has no words to quote/);
  });
});

describe("quotationText", () => {
  it.each([
    ["He can come to Kyiv.", "He can come to Kyiv."],
    ["He can come to Kyiv.\n\nWe are ready.", "He can come to Kyiv. We are ready."],
    ["\n    He *can* come\n    to Kyiv &amp; Lviv.\n  ", "He can come to Kyiv & Lviv."],
  ])("gives the plain text of %j", (body, expected) => {
    expect(quotationText(body)).toBe(expected);
  });
});

describe("inlineQuotationText", () => {
  it.each([
    ["He can come to Kyiv,", "He can come to Kyiv"],
    ["He can **come**\n  to [Kyiv](/kyiv/)", "He can come to Kyiv"],
    ["Tom &amp; Jerry", "Tom & Jerry"],
  ])("gives the plain text of %j", (body, expected) => {
    expect(inlineQuotationText(body)).toBe(expected);
  });
});
