/**
 * The CMS's editor components for the block shortcodes (`figure`, `pullquote`, `quote`,
 * `dateline`): a form for each, read from the shortcode's text and written back as exactly that
 * text. One source serves the tests and the browser: `componentsScript` writes these very
 * functions (their source) into `/admin/newsroom-components.js`, so what is tested is what runs.
 *
 * A component reads the form the docs write — arguments in double quotes, or in single quotes
 * around a text that holds a double quote, separated by a comma and a space, no trailing empty
 * argument — which is the form it writes; a shortcode written otherwise (spaces between the
 * arguments, `{%-`) is left in the text as it is, never rewritten.
 */

/** One block shortcode as a form: its arguments in order, and the field holding its body if it has one. */
export interface ShortcodeSpec {
  name: string;
  label: string;
  /** The arguments' field names, in the shortcode's order; the first is required. */
  args: readonly string[];
  /** The paired shortcode's body (the words between it and its end tag). */
  body?: string;
  /** The pattern only finds the shortcode at the start of a paragraph (the dateline leads its paragraph). */
  leading?: boolean;
  fields: readonly Record<string, unknown>[];
}

const text = (name: string, label: string, hint?: string): Record<string, unknown> => ({ name, label, widget: "string", required: false, ...(hint ? { hint } : {}) });

const SPEAKER_HINT = "a speaker id from _data/speakers.json, or a name";

export const SHORTCODE_SPECS: readonly ShortcodeSpec[] = [
  {
    name: "figure",
    label: "Figure (photo)",
    args: ["src", "alt", "caption", "credit"],
    fields: [
      { name: "src", label: "Photo", widget: "image", required: true, hint: "stored next to the story" },
      { name: "alt", label: "Alt text", widget: "string", required: true, hint: "what the photo shows, for readers who cannot see it" },
      text("caption", "Caption", "Markdown for emphasis allowed"),
      text("credit", "Credit", "e.g. Sam Lee/Riverton Ledger"),
    ],
  },
  {
    name: "pullquote",
    label: "Pull quote",
    args: ["speaker", "variant"],
    body: "words",
    fields: [
      { name: "speaker", label: "Speaker", widget: "string", required: true, hint: SPEAKER_HINT },
      text("variant", "Placement", "left, right or wide (and hidden or exposed); empty for the column"),
      { name: "words", label: "Words", widget: "text", required: true, hint: "the speaker's words as the story quotes them" },
    ],
  },
  {
    name: "quote",
    label: "Quotation",
    args: ["speaker", "occasion", "place", "date", "sourceUrl"],
    body: "words",
    fields: [
      { name: "speaker", label: "Speaker", widget: "string", required: true, hint: SPEAKER_HINT },
      text("occasion", "Occasion", "e.g. at a news conference"),
      text("place", "Place"),
      text("date", "Date", "e.g. 2025-09-05"),
      text("sourceUrl", "Source URL"),
      { name: "words", label: "Words", widget: "text", required: true },
    ],
  },
  {
    name: "dateline",
    label: "Dateline",
    args: ["place", "agency", "date"],
    leading: true,
    fields: [{ name: "place", label: "Place", widget: "string", required: true, hint: 'e.g. "Kyiv, Ukraine"' }, text("agency", "Agency", "e.g. AP"), text("date", "Date")],
  },
];

/*
 * The functions below run in the browser as written here (componentsScript copies their source):
 * each stands alone, using only its arguments and the functions named in SCRIPT_FUNCTIONS.
 */

/** A text as a shortcode argument: in double quotes, or single quotes when it holds a double quote. */
export function shortcodeLiteral(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  // Neither language reads an escape in a shortcode's argument: the straight double quotes become typographic ones.
  let opened = false;
  return `"${value.replaceAll('"', () => ((opened = !opened) ? "\u201c" : "\u201d"))}"`;
}

/** The regular expression (as source) that finds a shortcode in the form `shortcodeToBlock` writes. */
export function shortcodePattern(spec: ShortcodeSpec): string {
  const arg = "(\"[^\"]*\"|'[^'\"]*\"[^']*')";
  let args = arg;
  for (let i = 1; i < spec.args.length; i++) args += `(?:, ${arg})?`;
  // A trailing empty argument is not written: `"a", ""` is read as text, so it is never rewritten as `"a"`.
  const head = `\\{% ${spec.name} ${args}(?<!, "") %\\}`;
  // A paired shortcode spans lines: Sveltia matches it against the rest of the story from the
  // line it starts on (a pattern with `[\s\S]` is a block to it) and takes whole lines, so its
  // end tag must end a line (`$` alone would be the story's end).
  return spec.body === undefined ? `^${head}` + (spec.leading ? "" : "$") : `^${head}([\\s\\S]*?)\\{% end${spec.name} %\\}(?=\\n|$)`;
}

/** The form's values from a match of `shortcodePattern`. */
export function shortcodeFromBlock(spec: ShortcodeSpec, match: readonly (string | undefined)[]): Record<string, string> {
  const data: Record<string, string> = {};
  spec.args.forEach((name, index) => {
    const literal = match[index + 1];
    data[name] = literal === undefined ? "" : literal.slice(1, -1);
  });
  if (spec.body !== undefined) data[spec.body] = match[spec.args.length + 1] ?? "";
  return data;
}

/** The shortcode's text from the form's values: arguments up to the last one given. */
export function shortcodeToBlock(spec: ShortcodeSpec, data: Record<string, unknown>): string {
  const values = spec.args.map((name) => (typeof data[name] === "string" ? (data[name] as string) : data[name] === undefined || data[name] === null ? "" : String(data[name])));
  let last = values.length;
  while (last > 1 && values[last - 1] === "") last--;
  const head = `{% ${spec.name} ${values.slice(0, last).map(shortcodeLiteral).join(", ")} %}`;
  if (spec.body === undefined) return head;
  const body = data[spec.body];
  return `${head}${typeof body === "string" ? body : ""}{% end${spec.name} %}`;
}

/** What the editor's preview shows of a component: its values as text, escaped. */
export function shortcodePreview(spec: ShortcodeSpec, data: Record<string, unknown>): string {
  const escape = (value: unknown) => Array.from(String(value ?? ""), (character) => ("&<>\"'".includes(character) ? `&#${character.charCodeAt(0)};` : character)).join("");
  const parts = spec.args.filter((name) => data[name]).map((name) => `${escape(name)}: ${escape(data[name])}`);
  const body = spec.body !== undefined && data[spec.body] ? `<blockquote>${escape(data[spec.body])}</blockquote>` : "";
  return `<aside><strong>${escape(spec.label)}</strong> ${parts.join(" · ")}${body}</aside>`;
}

const SCRIPT_FUNCTIONS = [shortcodeLiteral, shortcodePattern, shortcodeFromBlock, shortcodeToBlock, shortcodePreview];

/**
 * `/admin/newsroom-components.js`: registers a component per block shortcode with the CMS loaded
 * before it. The functions' own source, so the browser runs what the tests run.
 */
export function componentsScript(specs: readonly ShortcodeSpec[] = SHORTCODE_SPECS): string {
  const functions = SCRIPT_FUNCTIONS.map((fn) => fn.toString()).join("\n");
  return `// Generated by eleventy-plugin-newsroom: the editor components for the block shortcodes.
(function () {
  "use strict";
  // A compiler may name functions with a helper; here, names need nothing.
  var __name = function (fn) { return fn; };
${functions}
  var specs = ${JSON.stringify(specs)};
  specs.forEach(function (spec) {
    window.CMS.registerEditorComponent({
      id: spec.name,
      label: spec.label,
      fields: spec.fields,
      pattern: new RegExp(shortcodePattern(spec)),
      fromBlock: function (match) { return shortcodeFromBlock(spec, match); },
      toBlock: function (data) { return shortcodeToBlock(spec, data); },
      toPreview: function (data) { return shortcodePreview(spec, data); }
    });
  });
})();
`;
}
