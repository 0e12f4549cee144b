/**
 * Shortcodes inside shortcodes. A paired shortcode's body arrives with the shortcodes inside it
 * already rendered: a speaker reference or a quotation within a quotation is plugin HTML, not
 * author text, and must reach the page as markup while the author's own text stays escaped
 * Markdown. Only inline shortcodes may sit inside one; a block (a pull quote, a block quotation,
 * a dateline, a photo) where only inline content is allowed stops the build.
 */
import { NewsroomError } from "./errors.js";

/** What the plugin rendered on a page, remembered so an enclosing shortcode can recognise it. */
export interface RenderedFragment {
  shortcode: string;
  /** Inline fragments may sit inside another shortcode's body; block ones may not. */
  inline: boolean;
  /** The fragment again at a nesting depth (a quotation inside a quotation takes ‘single’ marks). */
  atDepth?: (depth: number) => string;
}

/** A body with the plugin's fragments lifted out, and the way to put them back after Markdown. */
export interface LiftedBody {
  /** The author's text, each fragment replaced by a placeholder that Markdown leaves alone. */
  text: string;
  /** True when fragments were lifted (the body then holds more than the author's text). */
  nested: boolean;
  /** Puts the fragments back into rendered HTML, each at `depth`. */
  restore(html: string, depth: number): string;
  /** The fragments lifted, in the order they were found. */
  fragments: readonly RenderedFragment[];
}

// Private-use characters: Markdown passes them through as text, and HTML never needs them here.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");

const NOTHING_LIFTED = (body: string): LiftedBody => ({ text: body, nested: false, restore: (html) => html, fragments: [] });

/**
 * Finds the plugin's own fragments in a body. `where` is the enclosing shortcode; a block
 * fragment inside it is an error naming both and the fix.
 */
export function liftFragments(body: string, rendered: ReadonlyMap<string, RenderedFragment>, where: string): LiftedBody {
  // Every fragment is markup, so a body without "<" holds none.
  if (!body.includes("<") || rendered.size === 0) return NOTHING_LIFTED(body);
  const found: [string, RenderedFragment][] = [];
  // Longest first: a quotation's HTML holds the speaker references inside it.
  const candidates = [...rendered].filter(([html]) => body.includes(html)).sort(([a], [b]) => b.length - a.length);
  let text = body;
  for (const [html, fragment] of candidates) {
    if (!text.includes(html)) continue;
    if (!fragment.inline) throw nestedBlockError(fragment.shortcode, where, body);
    text = text.split(html).join(`${OPEN}${found.length}${CLOSE}`);
    found.push([html, fragment]);
  }
  if (found.length === 0) return NOTHING_LIFTED(body);
  return {
    text,
    nested: true,
    fragments: found.map(([, fragment]) => fragment),
    restore(html: string, depth: number): string {
      return html.replace(PLACEHOLDER, (placeholder, index: string) => {
        const entry = found[Number(index)];
        if (!entry) return placeholder;
        const [original, fragment] = entry;
        return fragment.atDepth ? fragment.atDepth(depth) : original;
      });
    },
  };
}

const BLOCK_NAMES: Record<string, string> = {
  pullquote: "a pull quote",
  quote: "a block quotation",
  dateline: "a dateline",
  figure: "a photo",
};

function nestedBlockError(inner: string, outer: string, body: string): NewsroomError {
  const closing = `{% end${outer} %}`;
  return new NewsroomError({
    where: outer,
    problem: `{% ${inner} %} (${BLOCK_NAMES[inner] ?? "a block"}) cannot sit inside {% ${outer} %}, which holds only text, {% speaker %} and {% inlineQuote %}`,
    value: body.trim().length > 160 ? `${body.trim().slice(0, 157)}...` : body.trim(),
    fix: `close the ${outer} with ${closing} before the {% ${inner} %}, so the ${inner} stands on its own`,
  });
}

/** True when any lifted fragment is a link (focusable content). */
export function holdsLink(lifted: LiftedBody, rendered: ReadonlyMap<string, RenderedFragment>): boolean {
  if (!lifted.nested) return false;
  for (const [html, fragment] of rendered) if (lifted.fragments.includes(fragment) && /<a\s/.test(html)) return true;
  return false;
}
