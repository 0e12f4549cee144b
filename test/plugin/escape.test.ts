import { describe, expect, it } from "vitest";
import { escapeHtml, htmlToText, isSafeUrl, jsonForScript, siteUrlFault } from "../../plugin/escape.js";

describe("escapeHtml", () => {
  it.each([
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
    ['"', "&quot;"],
    ["'", "&#39;"],
  ])("escapes %s", (char, expected) => {
    expect(escapeHtml(char)).toBe(expected);
  });

  it("escapes all five in running text and leaves the rest alone", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry’s</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry’s&lt;/a&gt;",
    );
  });

  it("escapes an existing entity again (no double-decoding shortcut)", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("returns plain text unchanged", () => {
    expect(escapeHtml("Volodymyr Zelenskyy — president of Ukraine")).toBe("Volodymyr Zelenskyy — president of Ukraine");
  });
});

describe("jsonForScript", () => {
  const hostile = [
    "</script><script>alert(1)</script>",
    "<!-- comment -->",
    "</SCRIPT >",
    "a & b > c",
    "line\u2028separator\u2029paragraph",
  ];

  it.each(hostile)("never lets %j end or confuse the script element", (text) => {
    const json = jsonForScript({ text });
    expect(json.toLowerCase()).not.toContain("</script");
    expect(json).not.toContain("<!--");
    expect(json).not.toContain("<");
    expect(json).not.toMatch(/[\u2028\u2029]/);
  });

  it.each(hostile)("round-trips %j through JSON.parse", (text) => {
    expect(JSON.parse(jsonForScript({ text }))).toEqual({ text });
  });

  it("round-trips a nested structured-data object", () => {
    const value = {
      "@context": "https://schema.org",
      "@type": "Quotation",
      text: "He can come to Kyiv </script><script>alert(1)</script>",
      spokenByCharacter: { "@type": "Person", name: "Volodymyr Zelenskyy", sameAs: ["https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy?a=1&b=2"] },
      count: 2,
      ok: true,
    };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });

  it("writes the escapes as \\u sequences", () => {
    expect(jsonForScript("</script>&\u2028")).toBe('"\\u003c/script\\u003e\\u0026\\u2028"');
  });
});

describe("isSafeUrl", () => {
  it.each([
    "https://abcnews.go.com/International/story",
    "http://example.com",
    "HTTPS://EXAMPLE.COM/",
    "/speakers/zelenskyy/",
    "/",
    "/path?a=1&b=2#frag",
  ])("accepts %s", (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "mailto:desk@example.com",
    "//evil.example",
    "//evil.example/path",
    "foo",
    "speakers/zelenskyy/",
    "",
  ])("rejects %j", (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  // Browsers (WHATWG URL parsing) treat "\" like "/" in http(s) URLs and strip tabs and newlines,
  // so these resolve to //evil.example, another host, just like "//evil.example".
  it.each(["/\\evil.example", "/\\evil.example/path", "/\t/evil.example", "/\n/evil.example"])(
    "rejects %j, which browsers read as a protocol-relative URL",
    (url) => {
      expect(new URL(url, "https://news.example/").host).toBe("evil.example");
      expect(isSafeUrl(url)).toBe(false);
    },
  );
});

describe("htmlToText", () => {
  it.each([
    ["&amp;", "&"],
    ["&#39;", "'"],
    ["&#x2014;", "—"],
    ["&#X2014;", "—"],
    ["&nbsp;", "\u00a0"],
    ["&lt;b&gt;", "<b>"],
    ["&quot;hi&quot;", '"hi"'],
    ["&apos;", "'"],
    ["&AMP;", "&"],
    ["&#8220;Kyiv&#8221;", "“Kyiv”"],
  ])("decodes %s", (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });

  it("decodes only once", () => {
    expect(htmlToText("&amp;lt;")).toBe("&lt;");
  });

  it("leaves unknown entities as they are", () => {
    expect(htmlToText("&bogus; & plain")).toBe("&bogus; & plain");
  });

  it("drops tags", () => {
    expect(htmlToText('<p class="x">He can</p><p>come</p>').replace(/\s+/g, " ").trim()).toBe("He can come");
  });

  // The HTML standard maps these numeric references to U+FFFD; a build must not crash on them.
  it.each([
    ["&#99999999;", "\ufffd"],
    ["&#x110000;", "\ufffd"],
    ["&#0;", "\ufffd"],
    ["&#xD800;", "\ufffd"],
  ])("decodes the invalid reference %s to U+FFFD instead of throwing", (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe("siteUrlFault: the site's address is an origin, and never shown with its secrets", () => {
  it.each(["https://news.example.org", "https://news.example.org/", "http://localhost:8080"])("accepts %s", (url) => {
    expect(siteUrlFault(url)).toBeUndefined();
  });

  it("refuses a user and password, masking both", () => {
    const fault = siteUrlFault("https://editor:hunter2@news.example.org");
    expect(fault?.problem).toContain("user name or password");
    expect(fault?.shown).toBe("https://***:***@news.example.org/");
    expect(JSON.stringify(fault)).not.toContain("hunter2");
    expect(JSON.stringify(fault)).not.toContain("editor");
    expect(siteUrlFault("https://:hunter2@news.example.org")?.shown).toBe("https://***:***@news.example.org/");
  });

  it.each(["https://x.org/?token=s3cret", "https://x.org/#s3cret", "https://x.org/?"])("refuses a query or fragment, masking it: %s", (url) => {
    const fault = siteUrlFault(url);
    expect(fault?.problem).toContain("query or fragment");
    expect(JSON.stringify(fault)).not.toContain("s3cret");
  });

  it("refuses a path, with the path prefix as the fix", () => {
    const fault = siteUrlFault("https://x.org/news");
    expect(fault?.problem).toContain("has a path");
    expect(fault?.fix).toBe('write the origin alone ("https://x.org") and build with the path as Eleventy\'s path prefix: npx @11ty/eleventy --pathprefix=/news/');
  });
});
