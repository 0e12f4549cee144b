import { describe, expect, it } from "vitest";
import {
  findStoryCode,
  isDataFrontMatter,
  publishedFolders,
  refuseBuildKeys,
  refuseCodeFiles,
  refuseStoryCode,
  refuseStoryOutputPath,
} from "../../plugin/theme/story-code.js";
import { thrownBy } from "../helpers/errors.js";

const PAYLOAD = `{{ range.constructor("return global.process.mainModule.require('fs').writeFileSync('x', 'y')")() }}`;

describe("findStoryCode: a story's text is Markdown and literal shortcodes", () => {
  it.each([
    ["plain prose", "The council met. It voted 5-2, a {50%} rise & {braces}."],
    ["a speaker", '{% speaker "zelenskyy" %} said.'],
    ["a speaker with its form", `{% speaker "zelenskyy", "title-after" %} and {% speaker 'putin' %}`],
    ["Liquid's arguments with spaces", '{% figure "a.jpg" "Smoke" "The mill." "Sam Lee" %}'],
    ["whitespace control", '{%- speaker "zelenskyy" -%} {%-pullquote "a","right"-%}Words{%- endpullquote -%}'],
    ["a paired shortcode", '{% inlineQuote "zelenskyy" %}He can come,{% endinlineQuote %}'],
    ["a quote with every argument", '{% quote "z", "in an interview", "Kyiv", "2025-09-05", "https://abcnews.go.com/?a=1%20b" %}\nWords\n{% endquote %}'],
    ["numbers and booleans", '{% dateline "Kyiv, Ukraine", 3, true, false, -1.5 %}'],
    ["a comment", "{# a note for the editor #} Text."],
    ["a raw block", "{% raw %}{{ title }} and {% if x %}{% endraw %} shown as written"],
    ["a raw block with whitespace control", "{%- raw -%}{{ x }}{%- endraw -%}"],
    ["an unclosed comment opener (text)", "a {# b"],
  ])("allows %s", (_name, text) => {
    expect(findStoryCode(text)).toBeUndefined();
  });

  it.each([
    ["the constructor payload", PAYLOAD, PAYLOAD],
    ["a variable", "Hello {{ title }}", "{{ title }}"],
    ["an output with whitespace control", "{{- x -}}", "{{- x -}}"],
    ["an if", "{% if true %}x{% endif %}", "{% if true %}"],
    ["a set", "{% set x = 1 %}", "{% set x = 1 %}"],
    ["an include", '{% include "../../etc/passwd" %}', '{% include "../../etc/passwd" %}'],
    ["an if with whitespace control", "{%- if x -%}", "{%- if x -%}"],
    ["a shortcode with a variable argument", "{% speaker title %}", "{% speaker title %}"],
    ["a shortcode with a filter on its argument", '{% speaker "a" | upper %}', '{% speaker "a" | upper %}'],
    ["a shortcode with an expression", '{% speaker "a" + x %}', '{% speaker "a" + x %}'],
    ["a shortcode called as a function", '{% speaker("a") %}', '{% speaker("a") %}'],
    ["a literal holding a delimiter", '{% speaker "{{ x }}" %}', '{% speaker "{{ x }}" %}'],
    ["a literal with a backslash", '{% speaker "a\\" %}', '{% speaker "a\\" %}'],
    ["an end tag with an argument", '{% endquote x %}', "{% endquote x %}"],
    ["Liquid's assign", "{% assign x = 'a' | append: 'b' %}", "{% assign x = 'a' | append: 'b' %}"],
    ["Liquid's comment tag", "{% comment %}x{% endcomment %}", "{% comment %}"],
    ["a plugin shortcode not for stories", "{% newsArticleJsonLd %}", "{% newsArticleJsonLd %}"],
    ["template code inside a comment (Liquid runs it)", "{# {{ x }} #}", "{# {{ x }} #}"],
    ["a raw block hidden in a comment", "{# {% raw %} #}{{ evil }}{# {% endraw %} #}", "{# {% raw %} #}"],
    ["code after a nested raw's first end", "{% raw %}{% raw %}{% endraw %}{{ evil }}{% endraw %}", "{{ evil }}"],
    ["a raw block never closed", "{% raw %}{{ x }}", "{% raw %}"],
    ["a raw block closed oddly", "{% raw %}{{ x }} endraw {{ y }}", "{% raw %}"],
    ["an unclosed tag", '{% speaker "a"', '{% speaker "a"'],
    ["an endraw alone", "{% endraw %}", "{% endraw %}"],
    ["a tag in an HTML comment", "<!-- {{ x }} -->", "{{ x }}"],
    ["a tag in a code span", "`{{ x }}`", "{{ x }}"],
  ])("refuses %s", (_name, text, written) => {
    expect(findStoryCode(text)?.written).toBe(written);
  });
});

describe("refuseStoryCode", () => {
  it("names the file's line, the code and the fix", () => {
    const error = thrownBy(() => refuseStoryCode("One.\n\nTwo {% speaker x %}.\n", "./articles/a.md", () => 6));
    expect(error.message).toBe(
      '[newsroom] article text, line 8 in ./articles/a.md: passes the shortcode "speaker" an argument that is not written out (a variable, filter or expression), which a story may not run: "{% speaker x %}". Fix: write each argument as quoted text ("zelenskyy"), a number or true/false; a site whose stories are trusted code sets the theme option trustedStories: true (docs/security.md)',
    );
  });

  it("says how to show braces as written", () => {
    expect(thrownBy(() => refuseStoryCode("{{ x }}", "a.md")).fix).toContain("{% raw %}…{% endraw %}");
  });

  it("asks for the line only when there is something to say", () => {
    refuseStoryCode('Plain {% speaker "a" %}', "a.md", () => {
      throw new Error("asked");
    });
  });
});

describe("isDataFrontMatter", () => {
  it("takes YAML and JSON, never JavaScript", () => {
    expect(isDataFrontMatter("")).toBe(true);
    expect(isDataFrontMatter("json")).toBe(true);
    expect(isDataFrontMatter(" yaml")).toBe(true);
    expect(isDataFrontMatter("javascript")).toBe(false);
    expect(isDataFrontMatter("JS")).toBe(false);
    expect(isDataFrontMatter("jsLegacy")).toBe(false);
  });
});

describe("refuseBuildKeys: a story sets none of Eleventy's keys that change the build", () => {
  it.each(["layout", "templateEngineOverride", "eleventyComputed", "pagination", "eleventyExcludeFromCollections", "eleventyImport", "eleventyNavigation", "dynamicPermalink", "permalinkBypassOutputDir", "eleventyDataSchema", "eleventySomethingNew"])("refuses %s", (key) => {
    const error = thrownBy(() => refuseBuildKeys({ title: "A", [key]: "x" }, "a.md", "news"));
    expect(error.where).toBe(`front matter ${key}`);
    expect(error.fix).toContain("trustedStories");
  });

  it.each(["../eleventy.config.js", "../../x/index.html", "/assets/site.css", "/news/{{ title }}/", "/sports/a/", "/news/", "/news/a/../b/", "/news/a", "news/a/", 42, true])("refuses the permalink %j", (permalink) => {
    expect(thrownBy(() => refuseBuildKeys({ permalink }, "a.md", "news")).where).toBe("front matter permalink");
  });

  it.each(["/news/council-budget/", "/news/2025/budget-vote/", "/news/budget.html", "/news/Ünïcode-слово/"])("allows the permalink %j in the story's section", (permalink) => {
    refuseBuildKeys({ permalink, title: "A", tags: ["x"] }, "a.md", "news");
  });

  it("leaves permalink: false to its own error", () => {
    refuseBuildKeys({ permalink: false }, "a.md", "news");
  });
});

describe("refuseCodeFiles", () => {
  it.each(["a.11ty.js", "b/a.11ty.cjs", "a.11ty.mjs", "a.11ty.ts", "a.webc", "articles.11tydata.js", "a.11tydata.mjs", "a.vto", "a.11ty.tsx"])("refuses %s", (file) => {
    const error = thrownBy(() => refuseCodeFiles(["ok.md", file], "src/articles"));
    expect(error.where).toBe("articles folder");
    expect(error.inputPath).toBe(`src/articles/${file}`);
  });
  it("allows stories, photos and data", () => {
    refuseCodeFiles(["a.md", "b.njk", "c.liquid", "d.html", "photos/x.jpg", "articles.11tydata.json", "notes.js"], "src/articles");
  });
});

describe("refuseStoryOutputPath", () => {
  const folders = publishedFolders("/img/");
  const check = (outputPath: string) => () => refuseStoryOutputPath(outputPath, "_site", folders, "src/articles/a.md");
  it.each(["eleventy.config.js", "_site/../eleventy.config.js", "x/index.html", "../x/index.html", "_site/assets/site.css", "_site/assets/story/index.html", "_site/img/a/index.html", "_site/pagefind/index.html", "_site/robots.txt", "_site/feed.xml", "_site/sitemap.xml", "_site/index.html", "_site/404.html", "_site"])("refuses %s", (outputPath) => {
    expect(thrownBy(check(outputPath)).where).toBe("story page");
  });
  it.each(["_site/news/2025/10/14/a/index.html", "_site/news/a.html", "_site/about-us.html"])("allows %s", (outputPath) => {
    check(outputPath)();
  });
  it("lists the photos' folder as the plugin's option gives it", () => {
    expect(publishedFolders("/media/photos/")).toContain("media");
  });
});
