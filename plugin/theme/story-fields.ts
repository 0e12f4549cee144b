/**
 * A story's front-matter fields, described once: what each holds, whether it is required, which
 * registry it names ids from, and its docs line. The known-fields check (`ARTICLE_FIELDS` in
 * front-matter.ts) and the editors' CMS configuration (cms-config.ts) are both made from this
 * list, so the CMS never offers a field the build would refuse, nor lacks one it reads.
 *
 * The checks themselves stay where they are (front-matter.ts, ../photo-field.ts,
 * ../corrections.ts, ../dateline.ts): this is what an editor's form needs to know of them.
 */

/** Longest `backstory` (kinds.ts checks it): a short note on why and how the story was reported, not a second story. */
export const MAX_BACKSTORY_LENGTH = 600;

/** The registries a field may name ids from, by the global data they are read from. */
export type StoryRegistry = "sections" | "authors" | "speakers" | "kinds";

/** One part of a field made of parts (a sponsor's name and address). */
export interface StorySubField {
  name: string;
  label: string;
  required: boolean;
  /** `line`: one line of text; `number`: a number; `url`: an address (http(s) or a site path). */
  value: "line" | "number" | "url";
}

/** What a field's value is, and so which form widget edits it. */
export type StoryFieldShape =
  /** One line of text. */
  | { kind: "line" }
  /** A paragraph of plain text, at most `maxLength` characters when the theme limits it. */
  | { kind: "paragraph"; maxLength?: number }
  /** A publication time: a day, or a time with its offset (never a bare UTC `Z` shown as another day). */
  | { kind: "datetime" }
  /** true or false. */
  | { kind: "boolean" }
  /** One id of a registry. */
  | { kind: "registryId"; registry: StoryRegistry }
  /** A list of ids of a registry. */
  | { kind: "registryIds"; registry: StoryRegistry }
  /** A list of short texts (topics). */
  | { kind: "lines" }
  /** The lead photo: `src` (a file stored next to the story), `alt`, `caption`, `credit`, `focus`, `decorative`. */
  | { kind: "photo" }
  /** A list of corrections, each with a `date` and a `text`. */
  | { kind: "corrections" }
  /** Notes on what was inferred where the source was silent, by the field they concern. */
  | { kind: "notes"; about: readonly string[] }
  /** One value made of parts (a sponsor: name and url). */
  | { kind: "record"; fields: readonly StorySubField[] }
  /** A list of values made of parts (sources: title and url each). */
  | { kind: "records"; fields: readonly StorySubField[] };

export interface StoryField {
  name: string;
  /** The label an editor sees. */
  label: string;
  /** The build stops on a story without it. */
  required: boolean;
  shape: StoryFieldShape;
  /** One line for the editor (the CMS's hint) and the docs. */
  doc: string;
}

/**
 * Every front-matter field a story may have, in the order an editor's form shows them. Adding a
 * field to the theme is adding it here (test/theme/story-fields.test.ts fails on a field the
 * known-fields check accepts without a description).
 */
export const STORY_FIELDS: readonly StoryField[] = [
  { name: "title", label: "Headline", required: true, shape: { kind: "line" }, doc: "the story's headline" },
  { name: "dek", label: "Standfirst", required: true, shape: { kind: "paragraph" }, doc: "one sentence under the headline; also the page's description in search results" },
  { name: "date", label: "Published", required: true, shape: { kind: "datetime" }, doc: "first publication, saved with its offset; a story dated later waits for the first build after that time" },
  { name: "updated", label: "Updated", required: false, shape: { kind: "datetime" }, doc: "when the story was last updated; not before it was published, not a day still to come" },
  { name: "section", label: "Section", required: true, shape: { kind: "registryId", registry: "sections" }, doc: "the section the story runs in" },
  { name: "tags", label: "Topics", required: false, shape: { kind: "lines" }, doc: "topics, each with its own page, e.g. Budget" },
  { name: "byline", label: "Byline", required: false, shape: { kind: "registryIds", registry: "authors" }, doc: "the story's authors; none gives the publication's own byline" },
  { name: "people", label: "People quoted", required: false, shape: { kind: "registryIds", registry: "speakers" }, doc: "the people the story quotes, from the speakers registry" },
  { name: "dateline", label: "Dateline", required: false, shape: { kind: "line" }, doc: 'where the story was filed from, e.g. "Kyiv, Ukraine"; shown AP style at its start' },
  { name: "datelineAgency", label: "Dateline agency", required: false, shape: { kind: "line" }, doc: "the agency in the dateline, e.g. AP (needs a dateline)" },
  { name: "corrections", label: "Corrections", required: false, shape: { kind: "corrections" }, doc: "each correction with the day (or time) it was made and what was wrong and what is right" },
  { name: "featured", label: "Lead the front page", required: false, shape: { kind: "boolean" }, doc: "on, the story leads the front page (the newest featured story wins; without one, the newest story)" },
  { name: "draft", label: "Draft", required: false, shape: { kind: "boolean" }, doc: "on, the story stays out of the site (the preview shows it with a banner)" },
  { name: "inferred", label: "Inferred", required: false, shape: { kind: "notes", about: ["date", "byline", "dateline"] }, doc: "where the source was silent, what was inferred and how" },
  { name: "image", label: "Lead photo", required: false, shape: { kind: "photo" }, doc: "the lead photo, stored next to the story, with alt text (what it shows), caption and credit" },
  // The kind of work and the trust fields (kinds.ts checks them).
  { name: "kind", label: "Kind", required: false, shape: { kind: "registryId", registry: "kinds" }, doc: "what the story is: news (the default), analysis, opinion, editorial, review, explainer, fact check, paid content, satire" },
  { name: "backstory", label: "Behind the story", required: false, shape: { kind: "paragraph", maxLength: MAX_BACKSTORY_LENGTH }, doc: `why and how the story was reported, at most ${MAX_BACKSTORY_LENGTH} characters` },
  {
    name: "sources",
    label: "Sources",
    required: false,
    shape: { kind: "records", fields: [{ name: "title", label: "Title", required: true, value: "line" }, { name: "url", label: "Address", required: true, value: "url" }] },
    doc: "the documents and data the story relies on, each a title and its address",
  },
  {
    name: "sponsor",
    label: "Sponsor",
    required: false,
    shape: { kind: "record", fields: [{ name: "name", label: "Name", required: true, value: "line" }, { name: "url", label: "Address", required: false, value: "url" }] },
    doc: "paid content only (kind: sponsored): who paid for it",
  },
  {
    name: "itemReviewed",
    label: "Item reviewed",
    required: false,
    shape: { kind: "record", fields: [{ name: "type", label: "Type (schema.org: Book, Movie, Restaurant…)", required: true, value: "line" }, { name: "name", label: "Name", required: true, value: "line" }, { name: "url", label: "Address", required: false, value: "url" }] },
    doc: "reviews only (kind: review): what the review is of",
  },
  {
    name: "rating",
    label: "Rating",
    required: false,
    shape: { kind: "record", fields: [{ name: "value", label: "Rating", required: true, value: "number" }, { name: "best", label: "Best (default 5)", required: false, value: "number" }, { name: "worst", label: "Worst (default 1)", required: false, value: "number" }] },
    doc: "reviews only: the rating and its scale",
  },
  {
    name: "claims",
    label: "Claims checked",
    required: false,
    shape: { kind: "records", fields: [{ name: "claim", label: "Claim", required: true, value: "line" }, { name: "claimant", label: "Who made it", required: true, value: "line" }, { name: "verdict", label: "Verdict", required: true, value: "line" }, { name: "url", label: "Where it was made", required: false, value: "url" }] },
    doc: "fact checks only (kind: factcheck): each claim, who made it and the verdict",
  },
];

/** The names of the fields described, in order. */
export function storyFieldNames(): string[] {
  return STORY_FIELDS.map((field) => field.name);
}
