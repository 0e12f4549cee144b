/**
 * What kind of work a story is — news, analysis, opinion, review, fact check, paid content… — its
 * label, its definition and its schema.org type. Readers and search engines tell news from opinion
 * by these (The Trust Project's "type of work"); a site relabels or adds kinds in
 * `_data/kinds.json`, and every kind keeps one of schema.org's article types.
 */
import { NewsroomError, closestMatch } from "./errors.js";

/** The schema.org types a kind may map to: NewsArticle and its subtypes, and the two articles Google labels apart. */
export const KIND_SCHEMA_TYPES = [
  "NewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "ReviewNewsArticle",
  "BackgroundNewsArticle",
  "AdvertiserContentArticle",
  "SatiricalArticle",
] as const;
export type KindSchemaType = (typeof KIND_SCHEMA_TYPES)[number];

export interface StoryKind {
  id: string;
  /** Shown before the headline and on cards: "Opinion". */
  label: string;
  /** One or two sentences for the about page, where each label links. */
  definition: string;
  schemaType: KindSchemaType;
  /** Optional URL segment put after the section in the story's address (`/world/opinion/2025/…`). */
  path?: string | undefined;
}

/** The kind of a story that names none. */
export const DEFAULT_KIND = "news";

/** The kinds every site has; `_data/kinds.json` relabels them or adds others. */
export const BUILT_IN_KINDS: Readonly<Record<string, Omit<StoryKind, "id">>> = {
  news: { label: "News", schemaType: "NewsArticle", definition: "Reporting of facts our journalists observed, verified or learned from sources they name." },
  analysis: { label: "Analysis", schemaType: "AnalysisNewsArticle", definition: "An expert's interpretation of the news, drawing on data and reporting to explain what it means." },
  opinion: { label: "Opinion", schemaType: "OpinionNewsArticle", definition: "The author's own view, argued from facts. It does not speak for the newsroom." },
  editorial: { label: "Editorial", schemaType: "OpinionNewsArticle", definition: "The view of the publication's editorial board, kept apart from its news reporting." },
  review: { label: "Review", schemaType: "ReviewNewsArticle", definition: "A critic's assessment of a work, product, service or performance." },
  explainer: { label: "Explainer", schemaType: "BackgroundNewsArticle", definition: "Background and context that help readers understand a story in the news." },
  factcheck: { label: "Fact check", schemaType: "NewsArticle", definition: "Checks a public claim against the evidence and gives a verdict on each claim." },
  sponsored: { label: "Sponsored", schemaType: "AdvertiserContentArticle", definition: "Paid content from a sponsor, named on the story. The newsroom's journalists did not write it." },
  satire: { label: "Satire", schemaType: "SatiricalArticle", definition: "Humour and invention that comment on the news. It is not true and does not pretend to be." },
};

/** What a kind asks of a story, beyond its label: worked out from its id and schema type. */
export type KindRule = "personByline" | "itemReviewed" | "claims" | "sponsor";

export function kindRules(kind: StoryKind): KindRule[] {
  const rules: KindRule[] = [];
  // An editorial speaks for the organisation; every other opinion or analysis is someone's.
  if ((kind.schemaType === "OpinionNewsArticle" || kind.schemaType === "AnalysisNewsArticle") && kind.id !== "editorial") rules.push("personByline");
  if (kind.schemaType === "ReviewNewsArticle") rules.push("itemReviewed");
  if (kind.id === "factcheck") rules.push("claims");
  if (kind.schemaType === "AdvertiserContentArticle") rules.push("sponsor");
  return rules;
}

/** The fields a kind entry may have (the CMS describes each: theme/registry-fields.ts). */
export const KIND_FIELDS: readonly string[] = ["label", "definition", "schemaType", "path"];
const resolved = new WeakMap<object, Readonly<Record<string, StoryKind>>>();
const BUILT_IN: Readonly<Record<string, StoryKind>> = Object.fromEntries(Object.entries(BUILT_IN_KINDS).map(([id, kind]) => [id, { id, ...kind }]));

/**
 * The site's kinds: the built-in ones, relabelled or added to by `_data/kinds.json` (its global data
 * `kinds`). A bad entry stops the build naming the file, the kind and the field. Remembered per data
 * object, as every page asks.
 */
export function resolveKinds(siteKinds: unknown, file = "_data/kinds.json"): Readonly<Record<string, StoryKind>> {
  if (siteKinds === undefined || siteKinds === null) return BUILT_IN;
  if (typeof siteKinds !== "object" || Array.isArray(siteKinds)) {
    throw new NewsroomError({ where: "kinds", problem: "must be an object of kinds by id, got", value: siteKinds, fix: 'write { "column": { "label": "Column", "definition": "…", "schemaType": "OpinionNewsArticle" } }', inputPath: file });
  }
  const known = resolved.get(siteKinds);
  if (known) return known;
  const kinds: Record<string, StoryKind> = { ...BUILT_IN };
  for (const [id, entry] of Object.entries(siteKinds)) kinds[id] = kindEntry(id, entry, BUILT_IN[id], file);
  resolved.set(siteKinds, kinds);
  return kinds;
}

function kindEntry(id: string, entry: unknown, builtIn: StoryKind | undefined, file: string): StoryKind {
  const fail = (field: string, problem: string, value: unknown, fix: string): never => {
    throw new NewsroomError({ where: `kinds ${id}${field ? `.${field}` : ""}`, problem, value, fix, inputPath: file });
  };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail("", "a kind's id must be a slug (lowercase letters, digits and hyphens), got", id, 'name it e.g. "column"');
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return fail("", "must be an object, got", entry, 'write { "label": "…", "definition": "…", "schemaType": "NewsArticle" }');
  const record = entry as Record<string, unknown>;
  for (const field of Object.keys(record)) {
    if (KIND_FIELDS.includes(field)) continue;
    const guess = closestMatch(field, KIND_FIELDS);
    fail(field, "unknown field (it would be ignored)", field, guess ? `did you mean "${guess}"?` : `use only ${KIND_FIELDS.join(", ")}`);
  }
  const text = (field: string): string | undefined => {
    const value = record[field];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") fail(field, "must be non-empty text, got", value, `write "${field}": "…"`);
    return (value as string).trim();
  };
  const label = text("label") ?? builtIn?.label;
  const definition = text("definition") ?? builtIn?.definition;
  const schemaType = record.schemaType ?? builtIn?.schemaType;
  const path = text("path") ?? builtIn?.path;
  if (label === undefined) return fail("label", "is missing (a new kind needs its label)", undefined, `add "label": "…"`);
  if (definition === undefined) return fail("definition", "is missing (the about page defines every label)", undefined, `add "definition": "…"`);
  if (!KIND_SCHEMA_TYPES.includes(schemaType as KindSchemaType)) {
    const guess = typeof schemaType === "string" ? closestMatch(schemaType, KIND_SCHEMA_TYPES) : undefined;
    fail("schemaType", schemaType === undefined ? "is missing (a new kind needs its schema.org type)" : "is not one of the article types a kind may have, got", schemaType, `${guess ? `did you mean "${guess}"? ` : ""}use one of ${KIND_SCHEMA_TYPES.join(", ")}`);
  }
  if (path !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(path)) fail("path", "must be one URL segment (lowercase letters, digits and hyphens), got", path, 'write e.g. "path": "opinion"');
  return { id, label, definition, schemaType: schemaType as KindSchemaType, ...(path === undefined ? {} : { path }) };
}

/**
 * A story's kind from its front matter (`kind`, default news). An unknown kind stops with the
 * closest one: `opnion` is not published as news.
 */
export function storyKind(kinds: Readonly<Record<string, StoryKind>>, given: unknown, inputPath?: string): StoryKind {
  const id = given ?? DEFAULT_KIND;
  if (typeof id === "string" && Object.hasOwn(kinds, id)) return kinds[id] as StoryKind;
  const known = Object.keys(kinds);
  const guess = typeof id === "string" ? closestMatch(id, known) : undefined;
  throw new NewsroomError({
    where: "front matter kind",
    problem: "unknown kind",
    value: id,
    fix: `${guess ? `did you mean "${guess}"? ` : ""}The kinds are ${known.join(", ")}; add one of your own in _data/kinds.json`,
    inputPath,
  });
}
