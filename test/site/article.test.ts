/**
 * The showcase publishes the source article faithfully: same words in the same order, with
 * speakers, quotations and a pull quote marked by the plugin.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToText } from "../../plugin/escape.js";
import { buildShowcase, repoRoot } from "../helpers/site-build.js";

const ARTICLE_PATH = "world/2025/09/05/zelenskyy-rejects-putin-invitation-moscow/index.html";
const ARTICLE_SOURCE = "src/articles/zelenskyy-rejects-putin-invitation-moscow.md";

let html: string;
let source: string[];

/** The story's paragraphs as text, as copying, feeds and reader modes get them (no CSS), pull quotes left out. */
function readerParagraphs(page: string): string[] {
  const body = /<div class="article__body">([\s\S]*?)<\/div>\s*(?:<footer|<\/article>)/.exec(page)?.[1] ?? "";
  return body
    .replace(/<aside class="nr-pullquote[\s\S]*?<\/aside>/g, "")
    .split("</p>")
    .map((paragraph) => paragraph.replace(/<[^>]*>/g, ""))
    .map((paragraph) => htmlToText(paragraph).replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

beforeAll(async () => {
  const site = await buildShowcase();
  html = await site.read(ARTICLE_PATH);
  await site.cleanup();
  source = (await readFile(path.join(repoRoot, "test/fixtures/source-article.txt"), "utf8")).trim().split("\n");
});

describe("the source article page", () => {
  it("has the headline and dek of the source", () => {
    expect(html).toContain(`<h1 class="article__headline">${source[0]}</h1>`);
    expect(html).toContain(`<p class="article__dek">${source[1]}</p>`);
    expect(html).toContain(`<meta name="description" content="${source[1]}">`);
  });

  it("holds every paragraph of the source, character for character with its quotation marks, in order", () => {
    expect(readerParagraphs(html)).toEqual(source.slice(2));
  });

  it("marks every direct quotation with its speaker, the marks typed in the text", () => {
    const quotationsInSource = source.slice(2).join("\n").match(/“/g)?.length ?? 0;
    expect(quotationsInSource).toBeGreaterThan(10);
    expect(html.match(/<span class="nr-q" data-speaker="[a-z]+">“/g)).toHaveLength(quotationsInSource);
    expect(html).not.toContain("<q");
  });

  it("introduces each of the seven people once, then uses the short name", () => {
    const introductions: Record<string, string> = {
      zelenskyy: "Ukrainian President Volodymyr Zelenskyy",
      putin: "Russian President Vladimir Putin",
      sybiha: "Ukraine’s foreign minister, Andrii Sybiha",
      trump: "President Donald Trump",
      macron: "French President Emmanuel Macron",
      lavrov: "Russian Foreign Minister Sergey Lavrov",
      nawrocki: "Polish President Karol Nawrocki",
    };
    const references = [...html.matchAll(/<(?:span|a) class="nr-speaker nr-speaker--([a-z-]+)" data-speaker="([a-z]+)"[^>]*>([^<]*)</g)];
    expect(new Set(references.map((match) => match[2]))).toEqual(new Set(Object.keys(introductions)));
    for (const [id, words] of Object.entries(introductions)) {
      const own = references.filter((match) => match[2] === id);
      expect(own[0]?.[3], id).toBe(words);
      for (const later of own.slice(1)) expect(later[1], `${id}: ${later[3]}`).toBe("short");
    }
  });

  it("sets the pull quote, hidden from assistive technology", () => {
    expect(html).toContain(
      '<aside class="nr-pullquote nr-pullquote--right" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>He can come to Kyiv</p></blockquote><p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Volodymyr Zelenskyy</span>, <span class="nr-pullquote__role">president of Ukraine</span></p></aside>',
    );
  });

  it("shows the publication day alone, as the source gives no time of day", () => {
    expect(html).toContain('Published <time datetime="2025-09-05" data-pagefind-sort="date[datetime]">Sept. 5, 2025</time>');
    expect(html).toContain('<meta property="article:published_time" content="2025-09-05">');
    expect(html).not.toMatch(/\d(?::\d\d)? [ap]\.m\. E[DS]T Sept\. 5/);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
    expect(ld.datePublished).toBe("2025-09-05");
    expect(ld.dateModified).toBe("2025-09-05");
  });

  it("leaks no template syntax or broken values", () => {
    for (const leak of ["{%", "{{", "Invalid", "undefined", "[object Object]", "NaN"]) expect(html).not.toContain(leak);
  });

  it("says in its front matter what was inferred", async () => {
    const markdown = await readFile(path.join(repoRoot, ARTICLE_SOURCE), "utf8");
    const frontMatter = markdown.split("---")[1] ?? "";
    expect(frontMatter).toMatch(/^inferred:\n {2}date: ".+"\n {2}byline: ".+"\n {2}dateline: ".+"/m);
    expect(frontMatter).toContain("byline: organisation");
  });
});
