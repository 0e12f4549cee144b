/**
 * The editor components turn a block shortcode into a form and back into exactly the text they
 * read: every example in the docs, the starter and the fixtures, escaped quotes included. The
 * browser's script is checked too, run as the CMS runs it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { componentsScript, SHORTCODE_SPECS, shortcodeFromBlock, shortcodeLiteral, shortcodePattern, shortcodeToBlock, type ShortcodeSpec } from "../../plugin/theme/cms-components.js";
import { findStoryCode } from "../../plugin/theme/story-code.js";
import { repoRoot } from "../helpers/site-build.js";

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (name === "node_modules" || name === "scratch") return [];
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith(".md") ? [file] : [];
  });
}

const sources = ["docs", "starter", "src", "test/fixtures", "README.md"].flatMap((entry) => {
  const at = path.join(repoRoot, entry);
  return statSync(at).isDirectory() ? markdownFiles(at) : [at];
});
const spec = (name: string) => SHORTCODE_SPECS.find((candidate) => candidate.name === name) as ShortcodeSpec;

/** Every place a shortcode opens in the text, and the component's match there, if any. */
function occurrences(specOf: ShortcodeSpec, text: string): { at: number; match: RegExpExecArray | null }[] {
  const found: { at: number; match: RegExpExecArray | null }[] = [];
  const opener = new RegExp(`\\{%-? ${specOf.name} `, "g");
  const pattern = new RegExp(shortcodePattern(specOf).replace(/^\^/, "").replace(/\$$/, ""), "y");
  for (let hit = opener.exec(text); hit; hit = opener.exec(text)) {
    pattern.lastIndex = hit.index;
    found.push({ at: hit.index, match: pattern.exec(text) });
  }
  return found;
}

describe("editor components", () => {
  it.each(SHORTCODE_SPECS.map((entry) => entry.name))("%s: every example in the docs and fixtures turns back into exactly its text", (name) => {
    let read = 0;
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const { match } of occurrences(spec(name), text)) {
        if (!match) continue;
        read++;
        expect(shortcodeToBlock(spec(name), shortcodeFromBlock(spec(name), match)), path.relative(repoRoot, file)).toBe(match[0]);
      }
    }
    expect(read).toBeGreaterThanOrEqual(name === "dateline" ? 3 : 4);
  });

  it("reads the form the docs write, and leaves any other as text", () => {
    const figure = spec("figure");
    const read = (text: string) => new RegExp(shortcodePattern(figure)).exec(text);
    expect(read('{% figure "a.jpg", "Alt" %}')).not.toBeNull();
    expect(read('{% figure "a.jpg" "Alt" %}')).toBeNull();
    expect(read('{%- figure "a.jpg", "Alt" -%}')).toBeNull();
    // A trailing empty argument would be written back without it.
    expect(read('{% figure "a.jpg", "Alt", "" %}')).toBeNull();
    expect(read('{% figure "a.jpg", "Alt", "", "Credit" %}')).not.toBeNull();
  });

  it.each([
    ['{% figure "mill.jpg", \'The sign reads "Closed"\', "It\'s the mill.", "Sam Lee/Ledger" %}', { src: "mill.jpg", alt: 'The sign reads "Closed"', caption: "It's the mill.", credit: "Sam Lee/Ledger" }],
    ['{% pullquote "quill", "right" %}We said "no" and meant it{% endpullquote %}', { speaker: "quill", variant: "right", words: 'We said "no" and meant it' }],
    ['{% quote \'Jane "JJ" Doe\', "at the opening" %}\nIt\'s open.\n{% endquote %}', { speaker: 'Jane "JJ" Doe', occasion: "at the opening", place: "", date: "", sourceUrl: "", words: "\nIt's open.\n" }],
    ['{% dateline "Kyiv, Ukraine", "AP" %}', { place: "Kyiv, Ukraine", agency: "AP", date: "" }],
  ])("round trip with quotes inside: %s", (text, data) => {
    const name = /\{% (\w+)/.exec(text)?.[1] as string;
    const match = new RegExp(shortcodePattern(spec(name))).exec(text);
    expect(match).not.toBeNull();
    expect(shortcodeFromBlock(spec(name), match as RegExpExecArray)).toEqual(data);
    expect(shortcodeToBlock(spec(name), data)).toBe(text);
    // What an editor's form writes is a story the theme accepts: literal arguments only.
    expect(findStoryCode(shortcodeToBlock(spec(name), data))).toBeUndefined();
  });

  it("finds a paired shortcode as Sveltia looks for it: in the rest of the story from its line, ending a line", () => {
    // Sveltia treats a pattern with [\s\S] as a block, matches it against the story from the
    // line it starts on to the end, and replaces whole lines: the end tag must end a line.
    const rest = (text: string) => new RegExp(shortcodePattern(spec("pullquote"))).exec(text)?.[0];
    expect(rest('{% pullquote "quill" %}Words{% endpullquote %}\n\nThe next paragraph.\n')).toBe('{% pullquote "quill" %}Words{% endpullquote %}');
    expect(new RegExp(shortcodePattern(spec("quote"))).exec('{% quote "quill" %}\nWords\n{% endquote %}\n\nMore.')?.[0]).toBe('{% quote "quill" %}\nWords\n{% endquote %}');
    // Text after the end tag on its line would be lost with the lines Sveltia replaces: left as text.
    expect(rest('{% pullquote "quill" %}Words{% endpullquote %} and more.')).toBeUndefined();
    for (const entry of SHORTCODE_SPECS) expect(/\[\\s\\S\]/.test(shortcodePattern(entry)), entry.name).toBe(entry.body !== undefined);
  });

  it("writes a text holding both kinds of quote with typographic double quotes, never a broken argument", () => {
    expect(shortcodeLiteral(`He said "it's fine"`)).toBe(`"He said \u201cit's fine\u201d"`);
    const block = shortcodeToBlock(spec("figure"), { src: "a.jpg", alt: `He said "it's fine"` });
    expect(findStoryCode(block)).toBeUndefined();
  });

  it("the browser's script registers each component with the same behaviour", () => {
    const registered: { id: string; pattern: RegExp; fromBlock: (match: RegExpExecArray) => Record<string, string>; toBlock: (data: Record<string, string>) => string; toPreview: (data: Record<string, string>) => string }[] = [];
    const window = { CMS: { registerEditorComponent: (component: (typeof registered)[number]) => registered.push(component) } };
    vm.runInNewContext(componentsScript(), { window });
    expect(registered.map((component) => component.id)).toEqual(["figure", "pullquote", "quote", "dateline"]);
    const text = '{% pullquote "quill", "right" %}A station was always a place to start a journey{% endpullquote %}';
    const pullquote = registered[1] as (typeof registered)[number];
    const match = pullquote.pattern.exec(text) as RegExpExecArray;
    expect(pullquote.toBlock(pullquote.fromBlock(match))).toBe(text);
    expect(pullquote.toPreview({ speaker: "<img src=x onerror=alert(1)>", words: "a & b" })).not.toMatch(/<img|a & b/);
  });
});
