/**
 * Typographic quotes, apostrophes and dashes in story prose: markdown-it's typographer, with the
 * quotation marks of the site's language. It works on the story's text only, after the shortcodes
 * ran (their arguments are gone by then, their HTML is left alone), never inside code, and never
 * in a URL (markdown-it leaves link targets and autolinks be). Of markdown-it's replacements only
 * the dashes are kept: "(c)" turning into "©" would rewrite a list marker in a council motion.
 */
import MarkdownIt from "markdown-it";
import type { EleventyConfig, MarkdownCoreState, MarkdownLibrary } from "../eleventy-types.js";

/** Double then single quotation marks, opening and closing, by language (its primary subtag). */
const QUOTES: Record<string, readonly [string, string, string, string]> = {
  en: ["“", "”", "‘", "’"],
  de: ["„", "“", "‚", "‘"],
  fr: ["«\u00a0", "\u00a0»", "“", "”"],
  es: ["«", "»", "“", "”"],
  it: ["«", "»", "“", "”"],
  pt: ["«", "»", "“", "”"],
  ru: ["«", "»", "„", "“"],
  uk: ["«", "»", "„", "“"],
  pl: ["„", "”", "«", "»"],
  cs: ["„", "“", "‚", "‘"],
  nl: ["“", "”", "‘", "’"],
  sv: ["”", "”", "’", "’"],
  fi: ["”", "”", "’", "’"],
  da: ["»", "«", "›", "‹"],
  nb: ["«", "»", "‘", "’"],
  no: ["«", "»", "‘", "’"],
  ja: ["「", "」", "『", "』"],
  zh: ["“", "”", "‘", "’"],
  ar: ["«", "»", "“", "”"],
  he: ["”", "”", "’", "’"],
};

/** The site's quotation marks: its language's, else English's. Swiss German and Swiss French use guillemets. */
export function quotesFor(language: string): readonly [string, string, string, string] {
  const tag = language.toLowerCase();
  if (tag === "de-ch") return ["«", "»", "‹", "›"];
  if (tag === "fr-ch") return ["«\u00a0", "\u00a0»", "‹\u00a0", "\u00a0›"];
  return QUOTES[tag.split("-")[0] ?? "en"] ?? (QUOTES.en as readonly [string, string, string, string]);
}

/** `---` to an em dash, `--` to an en dash, in text tokens outside code and autolinks. */
function dashes(state: MarkdownCoreState): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let insideAutolink = 0;
    for (const token of block.children) {
      if (token.type === "link_open" && token.info === "auto") insideAutolink++;
      else if (token.type === "link_close" && token.info === "auto") insideAutolink--;
      else if (token.type === "text" && insideAutolink === 0 && token.content.includes("--")) {
        token.content = token.content.replace(/(^|[^-])---(?=[^-]|$)/gm, "$1\u2014").replace(/(^|[^-])--(?=[^-]|$)/gm, "$1\u2013");
      }
    }
  }
}

/** Turns the typographer on for the site's markdown, in the site's language. */
export function typographyFor(language: string): (markdown: MarkdownLibrary) => void {
  return (markdown) => {
    markdown.set({ typographer: true, quotes: [...quotesFor(language)] });
    markdown.disable("replacements");
    markdown.core.ruler.push("newsroom_dashes", dashes);
  };
}

/**
 * The same quotes, apostrophes and dashes for a line of plain text: a story's headline and
 * standfirst, which are front matter, not Markdown. markdown-it's "zero" preset reads every
 * character as text (no emphasis, links, escapes or entities), so only the typographer's quotes
 * and the dashes change the line, and the text stays plain for each place to escape.
 */
export function plainTypographyFor(language: string): (text: string) => string {
  const markdown = new MarkdownIt("zero", { typographer: true, quotes: [...quotesFor(language)] });
  markdown.enable("smartquotes");
  // Its line-ending and NUL clean-up is for Markdown files; a headline keeps every character.
  markdown.disable("normalize");
  markdown.core.ruler.push("newsroom_dashes", dashes as unknown as Parameters<typeof markdown.core.ruler.push>[1]);
  return (text) => {
    if (!/["'-]/.test(text)) return text;
    const [line] = markdown.parseInline(text, {});
    return line?.children ? line.children.map((token) => token.content).join("") : text;
  };
}

export function addTypography(eleventyConfig: EleventyConfig, language: string): void {
  eleventyConfig.amendLibrary("md", typographyFor(language));
}
