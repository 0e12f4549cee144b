import { describe, expect, it } from "vitest";
import { refuseEmptyStory, refuseSecondHeadline, refuseVanishingVariables } from "../../plugin/theme/story-text.js";

const story = (body: string, frontMatter = 'title: "A story"') => `---\n${frontMatter}\n---\n${body}`;
const data = { title: "A story", section: "local", page: { fileSlug: "a-story", date: new Date("2025-09-05T12:00:00Z") }, subtitle: null };
const check = (text: string, inputPath = "./articles/a-story.md", pageData: Record<string, unknown> = data) => () => refuseVanishingVariables(text, pageData, inputPath);

describe("refuseVanishingVariables", () => {
  it("stops a story whose text prints a variable it does not have, naming the line and the fix", () => {
    const text = story("First paragraph.\n\nThe form letter began “Dear {{ name }},” every time.\n");
    expect(check(text)).toThrow(
      '[newsroom] article text, line 6 in ./articles/a-story.md: {{ name }} prints the template variable "name", which this story does not have, so it prints nothing and the words vanish from the page: "The form letter began “Dear {{ name }},” every time.". Fix: to show the braces as written, wrap them: {% raw %}{{ name }}{% endraw %}; to show a value, name one the story has, e.g. {{ title }}',
    );
  });

  it("finds the output in a code span and with whitespace control", () => {
    expect(check(story("Templates write `{{ headline }}` for the title."))).toThrow(/\{\{ headline \}\} prints the template variable "headline"/);
    expect(check(story("Tight: {{-name-}}."))).toThrow(/\{\{-name-\}\} prints the template variable "name"/);
  });

  it("names the missing part of a path, and a field that is null", () => {
    expect(check(story("At {{ page.fileSlugg }}."))).toThrow(/"page.fileSlugg"; the story's "page" has no "fileSlugg", so it prints nothing/);
    expect(check(story("At {{ pages.url }}."))).toThrow(/"pages.url"; this story has no "pages", so/);
    expect(check(story("Under {{ subtitle }}."))).toThrow(/"subtitle", which this story does not have/);
  });

  it("lets through variables the story has, and outputs with filters or literals", () => {
    expect(check(story("{{ title }} in {{ section }} at {{ page.fileSlug }}, on {{ page.date }}."))).not.toThrow();
    expect(check(story('On {{ page.date | apDate }} and {{ "2025-09-05" | apDate }}, {{ 42 }} and {{ missing | default("none") }}.'))).not.toThrow();
  });

  it("ignores raw blocks, comments and the front matter", () => {
    const raw = story("Write {% raw %}{{ name }}{% endraw %} and {%- raw -%}\n{{ other }}\n{%- endraw -%} as text.{# {{ note }} #}{% comment %}{{ x }}{% endcomment %}");
    expect(check(raw)).not.toThrow();
    expect(check(story("Plain text.", 'title: "A story"\neleventyComputed:\n  summary: "{{ dek }}"'))).not.toThrow();
  });

  it("lets through names the story's own tags define, and those the languages give loops and macros", () => {
    expect(check(story("{% set name = \"Ada\" %}Dear {{ name }}.\n{% for item in page.list %}{{ item }} {{ loop.index }}{% endfor %}"))).not.toThrow();
    expect(check(story("{% assign who = title %}{{ who }} {% for x in collections.all %}{{ forloop.index }}{% endfor %}"))).not.toThrow();
  });

  it("reads the line in the file, front matter included, with Windows line ends", () => {
    const text = "---\r\ntitle: x\r\n---\r\nOne.\r\n\r\nTwo {{ name }}.\r\n";
    expect(check(text)).toThrow(/article text, line 6 in/);
  });

  it("checks only files a template language reads", () => {
    const text = story("Braces {{ name }} as text.");
    expect(check(text, "./articles/a-story.11ty.js")).not.toThrow();
    expect(check(text, "./articles/a-story.njk")).toThrow(/"name"/);
    expect(check(text, "./articles/a-story.html")).toThrow(/"name"/);
    expect(check(text, "./articles/a-story.md", { ...data, templateEngineOverride: "md" })).not.toThrow();
    expect(check(text, "./articles/a-story.md", { ...data, templateEngineOverride: "liquid,md" })).toThrow(/"name"/);
  });
});

describe("refuseEmptyStory", () => {
  const empty = (text: string) => () => refuseEmptyStory(text, "./articles/a-story.md");

  it("stops a story with no text below its front matter", () => {
    expect(empty(story(""))).toThrow(
      "[newsroom] article text in ./articles/a-story.md: is empty: the story would be published with its headline and no words. Fix: write the story below the closing --- of its front matter, or set draft: true until it is written",
    );
    expect(empty(story("\n  \n\t\n"))).toThrow(/is empty/);
    expect(empty("---\r\ntitle: x\r\n---\r\n\r\n")).toThrow(/is empty/);
  });

  it("counts comments as no text, and anything a reader sees as text", () => {
    expect(empty(story("{# to be written #}\n<!-- lede here -->\n{% comment %}notes{% endcomment %}"))).toThrow(/is empty/);
    expect(empty(story("One line."))).not.toThrow();
    expect(empty(story('{% figure "/images/a.jpg", "A photo" %}'))).not.toThrow();
    expect(empty(story("{% raw %}{{ braces }}{% endraw %}"))).not.toThrow();
  });
});

describe("refuseSecondHeadline", () => {
  const second = (text: string, inputPath = "./articles/a-story.md", override?: string) => () => refuseSecondHeadline(text, inputPath, override);

  it("stops a level-1 heading in the story's text, naming the line", () => {
    expect(second(story("The council met.\n\n# What the budget buys\n\nBuses."))).toThrow(
      '[newsroom] article text, line 6 in ./articles/a-story.md: is a level-1 heading: the headline is the page\'s one h1, and this would be a second, set as large as the headline: "# What the budget buys". Fix: write a subheading with ## (and ### under it)',
    );
    expect(second(story("The council met.\n\nWhat the budget buys\n====\n"))).toThrow(/line 6 in \S+: is a level-1 heading[^"]*: "What the budget buys"/);
    expect(second(story('<h1 class="x">Inside HTML</h1>'))).toThrow(/line 4 in/);
    expect(second("---\r\ntitle: x\r\n---\r\n#\r\n")).toThrow(/line 4 in/);
  });

  it("lets through subheadings, hashtags, code and = lines that are not underlines", () => {
    expect(second(story("## What the budget buys\n\n### Buses\n\n#budget trends, and `<h1>` is HTML's.\n\n```md\n# In a fence\n```\n\n    # indented code\n\n- item\n===\n\n===\n"))).not.toThrow();
  });

  it("reads Markdown headings only where Markdown renders the text", () => {
    expect(second(story("# A line of text"), "./articles/a-story.njk")).not.toThrow();
    expect(second(story("# A line of text"), "./articles/a-story.md", "njk")).not.toThrow();
    expect(second(story("# A line of text"), "./articles/a-story.md", "njk,md")).toThrow(/level-1 heading/);
    expect(second(story("<h1>Title</h1>"), "./articles/a-story.njk")).toThrow(/level-1 heading/);
  });
});
