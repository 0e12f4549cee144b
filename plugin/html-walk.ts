/**
 * A small walk over trusted HTML (what Markdown and the plugin produced), for the places that must
 * know where a piece of text sits: which paragraph a dateline opens, which quotation a pull quote's
 * words come from. Not a validator: it follows open and close tags and nothing else.
 */

export interface HtmlTag {
  kind: "open" | "close";
  /** Lowercase element name. */
  name: string;
  /** The whole tag as written. */
  source: string;
  start: number;
  end: number;
  /** Elements currently open around this tag, outermost first (for a close tag: before it closes). */
  ancestors: readonly OpenElement[];
}

export interface OpenElement {
  name: string;
  /** The open tag as written, for reading attributes. */
  source: string;
}

export interface HtmlText {
  kind: "text";
  text: string;
  start: number;
  ancestors: readonly OpenElement[];
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose content is not markup: their text is skipped whole. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "template", "textarea", "title"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<!--[\s\S]*?-->|<![^>]*>/g;

/** Every tag and run of text in order, each with the elements open around it. */
export function* walkHtml(html: string): Generator<HtmlTag | HtmlText> {
  const open: OpenElement[] = [];
  let position = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    if (match.index > position) yield { kind: "text", text: html.slice(position, match.index), start: position, ancestors: [...open] };
    position = TAG.lastIndex;
    const [source, slash, rawName] = match;
    if (!rawName) continue; // a comment or doctype
    const name = rawName.toLowerCase();
    if (slash) {
      yield { kind: "close", name, source, start: match.index, end: position, ancestors: [...open] };
      const at = open.map((element) => element.name).lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    yield { kind: "open", name, source, start: match.index, end: position, ancestors: [...open] };
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, "ig");
      close.lastIndex = position;
      // Unclosed, it reads as markup from here on.
      if (close.exec(html)) {
        position = close.lastIndex;
        TAG.lastIndex = position;
        continue;
      }
    }
    if (!VOID_ELEMENTS.has(name) && !source.endsWith("/>")) open.push({ name, source });
  }
  if (position < html.length) yield { kind: "text", text: html.slice(position), start: position, ancestors: [...open] };
}

/** The value of an attribute in an open tag as written (entities left as they are), if present. */
export function attributeOf(tag: string, attribute: string): string | undefined {
  let pattern = attributePatterns.get(attribute);
  if (!pattern) attributePatterns.set(attribute, (pattern = new RegExp(`\\s${attribute}="([^"]*)"`, "i")));
  return pattern.exec(tag)?.[1];
}

/** One pattern per attribute name: the misquote check reads classes around every run of text. */
const attributePatterns = new Map<string, RegExp>();

/** True when the open tag's class attribute holds this class. */
export function hasClass(tag: string, className: string): boolean {
  return (attributeOf(tag, "class") ?? "").split(/\s+/).includes(className);
}
