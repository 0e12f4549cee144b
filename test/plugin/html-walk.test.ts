import { describe, expect, it } from "vitest";
import { attributeOf, hasClass, walkHtml } from "../../plugin/html-walk.js";

const texts = (html: string) => [...walkHtml(html)].flatMap((token) => (token.kind === "text" ? [token.text] : []));

describe("walkHtml", () => {
  it("gives each run of text with the elements open around it, void elements never open", () => {
    const tokens = [...walkHtml('<p class="a">One <em>two</em><br>three</p>')];
    const three = tokens.find((token) => token.kind === "text" && token.text === "three");
    expect(three?.ancestors.map((element) => element.name)).toEqual(["p"]);
    const two = tokens.find((token) => token.kind === "text" && token.text === "two");
    expect(two?.ancestors.map((element) => element.source)).toEqual(['<p class="a">', "<em>"]);
  });

  it("skips the content of script, style, template, textarea and title whole, whatever the case of the end tag", () => {
    const html = '<p>a</p><script>if (1 < 2) "<p>x</p>";</SCRIPT ><style>p{}</style><template><p>t</p></template><textarea><b>w</b></textarea><title>T</title><p>b</p>';
    expect(texts(html)).toEqual(["a", "b"]);
  });

  it("reads an unclosed script as markup, and a custom element named like one as an element", () => {
    expect(texts("<script><p>after</p>")).toEqual(["after"]);
    expect(texts("<script-box><p>inside</p></script-box>")).toEqual(["inside"]);
  });
});

describe("attributeOf and hasClass", () => {
  it("read each attribute by its own name, as written", () => {
    const tag = '<span class="nr-q big" data-speaker="putin" data-speaker-name="V&amp;P">';
    expect(attributeOf(tag, "data-speaker")).toBe("putin");
    expect(attributeOf(tag, "data-speaker-name")).toBe("V&amp;P");
    expect(attributeOf(tag, "data-speaker")).toBe("putin");
    expect(attributeOf("<span>", "data-speaker")).toBeUndefined();
    expect(hasClass(tag, "nr-q")).toBe(true);
    expect(hasClass(tag, "nr")).toBe(false);
  });
});
