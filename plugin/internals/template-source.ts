/**
 * The fields a story itself gives — its front matter, or an 11ty.js template's `data` — as
 * Eleventy read them, apart from global and directory data. Eleventy hands each collection item
 * its template (undocumented, but relied on widely) and keeps the parse it made of the file, so
 * asking costs no second read or parse.
 */
import { skipped } from "./reliances.js";

type WithTemplate = { template?: { getFrontMatterData?: () => Promise<{ data?: Record<string, unknown> }> } };

export async function storyFrontMatter(item: object): Promise<Record<string, unknown> | undefined> {
  const template = (item as WithTemplate).template;
  if (typeof template?.getFrontMatterData !== "function") {
    skipped("storyFrontMatter");
    return undefined;
  }
  return (await template.getFrontMatterData()).data;
}

type WithContent = { template?: { inputContent?: unknown } };

/**
 * The template's text as Eleventy read it from its file (a template Eleventy made up has none).
 * Eleventy holds every template's text through the build, so reading it here costs no second read
 * of the file; undefined, said once, when the item does not hold it as expected.
 */
export async function templateText(item: object): Promise<string | undefined> {
  const template = (item as WithContent).template;
  const content = template && typeof template === "object" ? await template.inputContent : undefined;
  if (typeof content !== "string") {
    skipped("templateSource");
    return undefined;
  }
  return content;
}
