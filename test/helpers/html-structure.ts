/**
 * The element structure of an HTML fragment — tag names and attribute names, no text or values —
 * to prove that input changed only text and attribute values, never markup.
 */
import { Parser } from "htmlparser2";

export interface StructureNode {
  tag: string;
  attributes: string[];
}

/** Opening tags in document order, each with its sorted attribute names. */
export function elementStructure(html: string): StructureNode[] {
  const nodes: StructureNode[] = [];
  const parser = new Parser(
    { onopentag: (tag, attributes) => nodes.push({ tag, attributes: Object.keys(attributes).sort() }) },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return nodes;
}

/** The text inside the first <script> element, as a browser would read it. */
export function scriptText(html: string): string {
  let inScript = false;
  let text = "";
  let done = false;
  const parser = new Parser({
    onopentag: (tag) => {
      if (tag === "script" && !done) inScript = true;
    },
    ontext: (chunk) => {
      if (inScript) text += chunk;
    },
    onclosetag: (tag) => {
      if (tag === "script" && inScript) {
        inScript = false;
        done = true;
      }
    },
  });
  parser.write(html);
  parser.end();
  return text;
}

/**
 * HTML re-serialized with each element's attributes in name order and text entity-decoded: the
 * same markup compares equal however a template engine orders attributes or escapes text.
 */
export function canonicalHtml(html: string): string {
  let out = "";
  const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parser = new Parser(
    {
      onopentag: (tag, attributes) => {
        const sorted = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
        out += `<${tag}${sorted.map(([name, value]) => ` ${name}="${escapeText(value).replace(/"/g, "&quot;")}"`).join("")}>`;
      },
      ontext: (text) => {
        out += escapeText(text);
      },
      onclosetag: (tag, isImplied) => {
        if (!isImplied) out += `</${tag}>`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out;
}


export interface DecodedHead {
  /** The `<title>` text as a browser shows it. */
  title: string;
  /** Every `<meta>` content by its name or property, decoded; repeated ones (article:tag) in order. */
  meta: Record<string, string[]>;
  /** The text of each `<h1>`. */
  headings: string[];
}

/** The page's title, meta contents and h1 texts, entities decoded: what readers and crawlers read. */
export function decodedHead(html: string): DecodedHead {
  const result: DecodedHead = { title: "", meta: {}, headings: [] };
  let inside: "title" | "h1" | undefined;
  let heading = "";
  const parser = new Parser(
    {
      onopentag: (tag, attributes) => {
        if (tag === "title") inside = "title";
        if (tag === "h1") {
          inside = "h1";
          heading = "";
        }
        const key = attributes.name ?? attributes.property;
        if (tag === "meta" && key !== undefined && attributes.content !== undefined) (result.meta[key] ??= []).push(attributes.content);
      },
      ontext: (text) => {
        if (inside === "title") result.title += text;
        if (inside === "h1") heading += text;
      },
      onclosetag: (tag) => {
        if (tag === "h1" && inside === "h1") result.headings.push(heading);
        if (tag === "title" || tag === "h1") inside = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return result;
}
