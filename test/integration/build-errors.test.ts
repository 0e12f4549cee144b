/**
 * Bad input fails the whole build with a message that names the shortcode or field, the file,
 * the value and the fix; warnings print once.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildFiles } from "../helpers/build.js";
import { makeJpeg } from "../helpers/photos.js";
import { repoRoot } from "../helpers/site-build.js";
import { messageChain } from "../helpers/errors.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";

const SPEAKERS = JSON.stringify({
  zelenskyy: { name: "Volodymyr Zelenskyy", title: "President", affiliation: "Ukrainian", description: "president of Ukraine" },
});

/** Every message in an error and the errors it wraps: Eleventy wraps ours in its own. */
async function buildError(files: Record<string, string>, plugin = {}): Promise<string> {
  try {
    await buildFiles({ "_data/speakers.json": SPEAKERS, ...files }, { plugin });
  } catch (error) {
    return messageChain(error);
  }
  throw new Error("expected the build to fail");
}

describe("build errors name the shortcode, file, value and fix", () => {
  it("unknown speaker id", async () => {
    const message = await buildError({ "story.njk": '{% speaker "zelensky" %}' });
    expect(message).toMatch(/\[newsroom\] speaker in \S*story\.njk: unknown speaker id: "zelensky"\. Fix: did you mean "zelenskyy"\?/);
  });

  it("registry entry without a name", async () => {
    const message = await buildError({
      "_data/speakers.json": JSON.stringify({ putin: { title: "President" } }),
      "story.njk": "text",
    });
    expect(message).toContain(`[newsroom] global data "speakers" › putin: the speaker has no name. Fix: add "name" with the person's full name to the "putin" entry`);
  });

  it("unknown id in front matter people", async () => {
    const message = await buildError({ "story.md": "---\npeople: [zelenskyy, nobody]\n---\nText." });
    expect(message).toMatch(/\[newsroom\] front matter people in \S*story\.md: unknown speaker id: "nobody"\. Fix: add "nobody"/);
  });

  it("pull quote whose words are not in the article, with pullquoteCheck error", async () => {
    const message = await buildError(
      { "story.njk": '<p>He can come to Kyiv.</p>{% pullquote "zelenskyy" %}He can come to Moscow{% endpullquote %}' },
      { pullquoteCheck: "error" },
    );
    expect(message).toMatch(/\[newsroom\] pullquote in \S*story\.njk: the pull quote's words do not occur in the story's text \(its headline, dek and page furniture do not count\): "He can come to Moscow"\. Fix: quote the story word for word/);
  });

  it("pull quote whose words stand only in the headline, outside the story's body", async () => {
    const message = await buildError(
      {
        "_includes/story.njk": "<h1>{{ title }}</h1><p>{{ dek }}</p><main>{{ content | safe }}</main>",
        "story.md": '---\ntitle: He can come to Kyiv\ndek: Zelenskyy answers Putin\nlayout: story.njk\n---\nZelenskyy spoke on Friday.\n\n{% pullquote "zelenskyy" %}He can come to Kyiv{% endpullquote %}\n',
      },
      { pullquoteCheck: "error" },
    );
    expect(message).toMatch(/\[newsroom\] pullquote in \S*story\.md: the pull quote's words do not occur in the story's text .*: "He can come to Kyiv"/);
  });

  it("pull quote crediting one person with words the story quotes from another", async () => {
    const message = await buildError(
      {
        "_data/speakers.json": JSON.stringify({ ...JSON.parse(SPEAKERS), putin: { name: "Vladimir Putin" } }),
        "story.md": '{% inlineQuote "putin" %}He can come to Moscow,{% endinlineQuote %} Putin said.\n\n{% pullquote "zelenskyy" %}He can come to Moscow{% endpullquote %}\n',
      },
      { pullquoteCheck: "error" },
    );
    expect(message).toMatch(
      /\[newsroom\] pullquote in \S*story\.md: the pull quote credits Volodymyr Zelenskyy with words the story quotes from Vladimir Putin: "He can come to Moscow"\. Fix: credit the pull quote to the person the story quotes \("putin"\)/,
    );
  });

  it("dateline city that needs a country", async () => {
    const message = await buildError({ "story.md": '{% dateline "Kyiv" %} Text.' });
    expect(message).toMatch(/\[newsroom\] dateline in \S*story\.md: AP style needs a state or country after this city: "Kyiv"\. Fix: write "Kyiv, <state or country>"/);
  });

  it("unparseable date in a filter, never Invalid DateTime", async () => {
    const message = await buildError({ "story.liquid": '{{ "2025-02-30" | apDate }}' });
    expect(message).toMatch(/\[newsroom\] apDate in \S*story\.liquid: cannot read this date: "2025-02-30"\. Fix:/);
    expect(message).not.toContain("Invalid DateTime");
  });

  it("unknown time zone in a filter", async () => {
    const message = await buildError({ "story.njk": '{{ "2025-09-05" | apTime("Mars/Olympus") }}' });
    expect(message).toMatch(/\[newsroom\] apTime in \S*story\.njk: unknown time zone: "Mars\/Olympus"/);
  });

  it("a quotation dated after the story's last change, when the page gives its own date", async () => {
    const quote = '{% quote "zelenskyy", "", "", "2025-09-08" %}We are ready.{% endquote %}';
    const message = await buildError({ "story.njk": `---\ndate: 2025-09-05\nupdated: 2025-09-07\n---\n${quote}` }, { timeZone: "Europe/Kyiv" });
    expect(message).toMatch(/\[newsroom\] quote in \S*story\.njk: the quotation is dated after the story's last change \(2025-09-07\): a story cannot quote words said after it: "2025-09-08"\. Fix: correct the quotation's date/);
    // An update on that day covers it; a page without a date of its own (a file's creation time) is not checked.
    await expect(buildFiles({ "_data/speakers.json": SPEAKERS, "story.njk": `---\ndate: 2025-09-05\nupdated: 2025-09-08\n---\n${quote}`, "undated.njk": quote.replace("2025-09-08", "2099-01-01") }, { plugin: { timeZone: "Europe/Kyiv" } })).resolves.toBeDefined();
  });

  it("a dateline filed after the story's last change", async () => {
    const message = await buildError({ "story.njk": '---\ndate: 2025-09-05\n---\n{% dateline "Kyiv, Ukraine", "AP", "2025-09-15" %} Text.' }, { timeZone: "Europe/Kyiv" });
    expect(message).toMatch(/\[newsroom\] dateline in \S*story\.njk: the filing date is after the story's last change \(2025-09-05\): a story cannot be filed after it was published: "2025-09-15"/);
  });

  it("too many arguments", async () => {
    const message = await buildError({ "story.njk": '{% speaker "zelenskyy", "full", "extra" %}' });
    expect(message).toMatch(/speaker in \S*story\.njk: takes/);
    expect(message).toContain('takes at most 2 arguments (id, form) but got 3: ["zelenskyy","full","extra"]');
  });

  it("an argument of the wrong type", async () => {
    const message = await buildError({ "story.njk": '{% dateline "Kyiv, Ukraine", { agency: "AP" } %}' });
    expect(message).toMatch(/dateline in \S*story\.njk: argument/);
    expect(message).toContain('argument "agency" must be text, got: "{\\"agency\\":\\"AP\\"}". Fix: pass agency as a quoted string');
  });

  it("unknown name form", async () => {
    const message = await buildError({ "story.liquid": '{% speaker "zelenskyy" "fullname" %}' });
    expect(message).toMatch(/speaker in \S*story\.liquid: unknown name form: "fullname"\. Fix: use one of "auto", "full"/);
  });

  it("empty pull quote", async () => {
    const message = await buildError({ "story.njk": '{% pullquote "zelenskyy" %}  {% endpullquote %}' });
    expect(message).toMatch(/pullquote in \S*story\.njk: has no words to quote/);
  });

  it.each([
    ["a pull quote inside a block quotation", "story.njk", '{% quote "zelenskyy" %}We will see. {% pullquote "zelenskyy" %}We will see{% endpullquote %}{% endquote %}', "pullquote", "quote"],
    ["a block quotation inside an inline one", "story.md", 'He said {% inlineQuote "zelenskyy" %}no {% quote "zelenskyy" %}Never.{% endquote %}{% endinlineQuote %}', "quote", "inlineQuote"],
    ["a pull quote inside a pull quote", "story.liquid", '{% pullquote "zelenskyy" %}Yes {% pullquote "zelenskyy" %}Yes{% endpullquote %}{% endpullquote %}', "pullquote", "pullquote"],
    ["a dateline inside an inline quotation", "story.njk", '{% inlineQuote "zelenskyy" %}{% dateline "Kyiv, Ukraine" %} we stay{% endinlineQuote %}', "dateline", "inlineQuote"],
  ])("%s is an error naming both shortcodes, the file and the fix, never escaped markup", async (_label, file, source, inner, outer) => {
    const message = await buildError({ [file]: source });
    expect(message).toContain(`[newsroom] ${outer} in `);
    expect(message).toMatch(new RegExp(`${outer} in \\S*${file.replace(".", "\\.")}: \\{% ${inner} %\\} \\(a [a-z ]+\\) cannot sit inside \\{% ${outer} %\\}, which holds only text, \\{% speaker %\\} and \\{% inlineQuote %\\}`));
    expect(message).toContain(`Fix: close the ${outer} with {% end${outer} %} before the {% ${inner} %}`);
  });

  it.each([
    ["a photo inside an inline quotation", "story.md", 'He said {% inlineQuote "zelenskyy" %}look {% figure "photo.jpg", "A bridge" %}{% endinlineQuote %}', "inlineQuote"],
    ["a photo inside a pull quote", "story.njk", '{% pullquote "zelenskyy" %}Look {% figure "photo.jpg", "A bridge" %}{% endpullquote %}', "pullquote"],
    ["a photo inside a block quotation", "story.liquid", '{% quote "zelenskyy" %}Look {% figure "photo.jpg", "A bridge" %}{% endquote %}', "quote"],
  ])("%s is an error naming both shortcodes, never the photo's markup escaped", async (_label, file, source, outer) => {
    let message = "";
    try {
      await buildFiles({ "_data/speakers.json": SPEAKERS, "photo.jpg": await makeJpeg(64, 48), [file]: source });
    } catch (error) {
      message = messageChain(error);
    }
    expect(message).toMatch(new RegExp(`${outer} in \\S*${file.replace(".", "\\.")}: \\{% figure %\\} \\(a photo\\) cannot sit inside \\{% ${outer} %\\}`));
  });

  it("unknown plugin option fails when the plugin is added", async () => {
    const message = await buildError({ "story.njk": "text" }, { timezone: "America/New_York" });
    expect(message).toContain('[newsroom] addPlugin(newsroom, options): unknown option: "timezone". Fix: did you mean "timeZone"?');
  });
});

describe("a misspelt shortcode name in Liquid gets a did-you-mean", () => {
  const SHORTCODES = "The newsroom plugin's shortcodes are {% speaker %}, {% dateline %}, {% figure %}, {% newsArticleJsonLd %}, {% pullquote %}, {% quote %}, {% inlineQuote %}";

  it.each([
    ["an opening tag", "story.liquid", 'He spoke.\n\n{% pulquote "zelenskyy" %}Come to Kyiv{% endpulquote %}', 3, "pulquote", "pullquote"],
    ["a closing tag", "story.liquid", '{% pullquote "zelenskyy" %}Come to Kyiv{% endpulquote %}', 1, "endpulquote", "endpullquote"],
    ["a shortcode", "story.liquid", '{% speakr "zelenskyy" %} spoke.', 1, "speakr", "speaker"],
    ["a name in the wrong case", "story.liquid", '{% PullQuote "zelenskyy" %}Come to Kyiv{% endpullquote %}', 1, "PullQuote", "pullquote"],
    ["Markdown run through Liquid", "story.md", 'He spoke.\n\n{% inlinequote "zelenskyy" %}Yes{% endinlineQuote %}\n', 3, "inlinequote", "inlineQuote"],
  ])("%s", async (_label, file, source, line, typo, meant) => {
    const message = await buildError({ [file]: source });
    expect(message).toMatch(new RegExp(`\\[newsroom\\] Liquid, line ${line} in \\S*/${file.replace(".", "\\.")}: unknown tag`));
    expect(message).toContain(`: unknown tag: "{% ${typo} %}". Fix: did you mean {% ${meant} %}? ${SHORTCODES}`);
  });

  it("in a partial, naming the partial's file", async () => {
    const message = await buildError({ "_includes/byline.liquid": "By {% speakr \"zelenskyy\" %}", "story.liquid": '{% include "byline.liquid" %}' });
    expect(message).toMatch(/\[newsroom\] Liquid, line 1 in \S*_includes\/byline\.liquid: unknown tag: "\{% speakr %\}"\. Fix: did you mean \{% speaker %\}\?/);
  });

  it.each(["frobnicate", "endpullquote"])("%s, no typo of the plugin's names, gets Liquid's own error", async (tag) => {
    const message = await buildError({ "story.liquid": `Text {% ${tag} %}` });
    expect(message).toContain(`tag "${tag}" not found`);
    expect(message).not.toContain("[newsroom]");
  });

  // A site's own tags of names one letter off the plugin's, registered before or after it.
  type WithLiquidTags = EleventyConfig & { addLiquidTag(name: string, tag: () => { render(): string }): void };
  const ownTags = (eleventyConfig: EleventyConfig): void => {
    (eleventyConfig as WithLiquidTags).addLiquidTag("speakr", () => ({ render: () => "own speakr" }));
    eleventyConfig.addPairedShortcode("pulquote", (body) => `own pulquote: ${String(body)}`);
  };
  it.each([
    ["before", { configureFirst: ownTags }],
    ["after", { configure: ownTags }],
  ])("a site's own tag of such a name, registered %s the plugin, keeps working", async (_order, options) => {
    const pages = await buildFiles({ "_data/speakers.json": SPEAKERS, "story.liquid": '{% speakr %} / {% pulquote %}words{% endpulquote %} / {% speaker "zelenskyy" %}' }, options);
    const html = pages.get("/story/")?.content ?? "";
    expect(html).toContain("own speakr / own pulquote: words / ");
    expect(html).toContain("Volodymyr Zelenskyy");
  });
});

describe("pull quote integrity warnings", () => {
  afterEach(() => vi.restoreAllMocks());
  const misquote = { "_data/speakers.json": SPEAKERS, "story.njk": '<p>He can come to Kyiv.</p>{% pullquote "zelenskyy" %}Come to Moscow{% endpullquote %}' };

  it("warn (the default) builds the page and prints the warning once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const pages = await buildFiles(misquote);
    expect(pages.get("/story/")?.content).toContain("nr-pullquote");
    const ours = warn.mock.calls.filter(([message]) => String(message).includes("[newsroom] pullquote"));
    expect(ours).toHaveLength(1);
    expect(String(ours[0]?.[0])).toMatch(/story\.njk: the pull quote's words do not occur in the story's text .*: "Come to Moscow"/);
  });

  it("off skips the check", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await buildFiles(misquote, { plugin: { pullquoteCheck: "off" } });
    expect(warn.mock.calls.filter(([message]) => String(message).includes("[newsroom]"))).toHaveLength(0);
  });

  it("a faithful pull quote passes even with other quote marks, case and line breaks", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await buildFiles(
      { "_data/speakers.json": SPEAKERS, "story.md": '“He can come to\nKyiv,” Zelenskyy said.\n\n{% pullquote "zelenskyy" %}he can COME to Kyiv{% endpullquote %}' },
      { plugin: { pullquoteCheck: "error" } },
    );
    expect(warn.mock.calls.filter(([message]) => String(message).includes("[newsroom]"))).toHaveLength(0);
  });
});

/**
 * Builds a small site with the Eleventy command line, as a user runs it, and returns what it
 * printed and how it exited.
 */
async function cliBuild(files: Record<string, string>, { webc = false } = {}): Promise<{ code: number; stderr: string; stdout: string }> {
  const scratch = path.join(repoRoot, "test", "scratch");
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(path.join(scratch, "cli-"));
  const plugin = path.relative(dir, path.join(repoRoot, "plugin", "index.ts")).split(path.sep).join("/");
  const config = [
    `import newsroom from "${plugin}";`,
    ...(webc ? ['import pluginWebc from "@11ty/eleventy-plugin-webc";'] : []),
    "export default function (eleventyConfig) {",
    "  eleventyConfig.setUseGitIgnore(false);",
    "  eleventyConfig.addPlugin(newsroom);",
    ...(webc ? ["  eleventyConfig.addPlugin(pluginWebc);"] : []),
    '  return { markdownTemplateEngine: "njk" };',
    "}",
    "",
  ].join("\n");
  try {
    for (const [file, contents] of Object.entries({ "_data/speakers.json": SPEAKERS, "eleventy.config.ts": config, ...files })) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), contents);
    }
    const run = promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.ts"],
      { cwd: dir, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    try {
      const { stdout, stderr } = await run;
      return { code: 0, stdout, stderr };
    } catch (failure) {
      const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("on the command line, the first line is the cause", () => {
  it("an unknown speaker id in a pull quote, not the template engine's wrapper", async () => {
    const result = await cliBuild({ "story.md": 'He spoke.\n\n{% pullquote "zelensky" %}He can come to Kyiv{% endpullquote %}\n' });
    expect(result.code).not.toBe(0);
    const [first] = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(first).toBe('[newsroom] pullquote in ./story.md: unknown speaker id: "zelensky". Fix: did you mean "zelenskyy"? Otherwise add "zelensky" to your speakers registry');
    // Eleventy's own account still follows, for the rest of the story.
    expect(result.stderr).toContain("Error with Nunjucks paired shortcode `pullquote`");
  }, 60_000);

  it("an unknown speaker id in a .webc page, not WebC's wrapper and its stack trace", async () => {
    const result = await cliBuild({ "story.webc": `<p @html="speaker('zelensky')"></p>\n` }, { webc: true });
    expect(result.code).not.toBe(0);
    const [first] = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(first).toBe('[newsroom] speaker in ./story.webc: unknown speaker id: "zelensky". Fix: did you mean "zelenskyy"? Otherwise add "zelensky" to your speakers registry');
    expect(result.stderr).toContain("Having trouble rendering webc template ./story.webc");
  }, 60_000);

  it("a misspelt shortcode name gets a did-you-mean naming the plugin's shortcodes", async () => {
    const result = await cliBuild({ "story.md": 'He spoke.\n\n{% pulquote "zelenskyy" %}He can come to Kyiv{% endpullquote %}\n' });
    expect(result.code).not.toBe(0);
    const [first] = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(first).toBe(
      '[newsroom] Nunjucks, line 3: unknown tag: "{% pulquote %}". Fix: did you mean {% pullquote %}? The newsroom plugin\'s shortcodes are {% speaker %}, {% dateline %}, {% figure %}, {% newsArticleJsonLd %}, {% pullquote %}, {% quote %}, {% inlineQuote %}',
    );
    expect(result.stderr).toContain("./story.md");
  }, 60_000);

  it("a misspelt closing tag and a name in the wrong case are caught too", async () => {
    const closing = await cliBuild({ "story.njk": '{% inlineQuote "zelenskyy" %}Yes{% endinlinequote %}' });
    expect(closing.stderr.split("\n")[0]).toContain('unknown tag: "{% endinlinequote %}". Fix: did you mean {% endinlineQuote %}?');
    const lower = await cliBuild({ "story.njk": '{% inlinequote "zelenskyy" %}Yes{% endinlineQuote %}' });
    expect(lower.stderr.split("\n")[0]).toContain('unknown tag: "{% inlinequote %}". Fix: did you mean {% inlineQuote %}?');
  }, 60_000);

  it("a misspelt shortcode name in Liquid, naming the file", async () => {
    const result = await cliBuild({ "story.liquid": 'He spoke.\n\n{% pulquote "zelenskyy" %}He can come to Kyiv{% endpulquote %}\n' });
    expect(result.code).not.toBe(0);
    const [first] = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(first).toBe(
      '[newsroom] Liquid, line 3 in ./story.liquid: unknown tag: "{% pulquote %}". Fix: did you mean {% pullquote %}? The newsroom plugin\'s shortcodes are {% speaker %}, {% dateline %}, {% figure %}, {% newsArticleJsonLd %}, {% pullquote %}, {% quote %}, {% inlineQuote %}',
    );
  }, 60_000);

  it("a good build prints nothing of the plugin's", async () => {
    const result = await cliBuild({ "story.md": '{% speaker "zelenskyy" %} spoke.\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("[newsroom]");
  }, 60_000);
});
