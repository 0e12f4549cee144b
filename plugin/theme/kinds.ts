/**
 * A story's kind and what each kind asks of it, checked with the rest of its front matter: an
 * unknown kind, an opinion without a person's byline, a review without what it reviews, a fact
 * check without claims, paid content without its sponsor — each stops the build naming the file,
 * the field and the fix, instead of publishing a story readers would take for something else.
 * Also the story's own trust fields: `backstory` and `sources`.
 */
import { NewsroomError } from "../errors.js";
import { isSafeUrl } from "../escape.js";
import { attributeOf, walkHtml } from "../html-walk.js";
import { kindRules, resolveKinds, storyKind, type KindRule, type StoryKind } from "../kinds.js";
import type { AuthorEntry } from "./front-matter.js";
import { MAX_BACKSTORY_LENGTH } from "./story-fields.js";
import { profilePageJsonLd } from "./trust.js";

/** The field each rule needs, so a field given to a kind that does not read it is refused. */
const RULE_FIELDS: Partial<Record<KindRule, string[]>> = { itemReviewed: ["itemReviewed", "rating"], claims: ["claims"], sponsor: ["sponsor"] };

function fieldError(inputPath: string, field: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `front matter ${field}`, problem, value, fix, inputPath });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Text a reader will see: non-empty. */
function requireText(inputPath: string, field: string, value: unknown, fix: string): void {
  if (typeof value !== "string" || value.trim() === "") throw fieldError(inputPath, field, value === undefined ? "is missing" : "must be non-empty text, got", value, fix);
}

/** A link a reader may follow: an http(s) URL or a site path, never one carrying a user or password. */
function requireUrl(inputPath: string, field: string, value: unknown, fix: string): void {
  if (typeof value !== "string" || !isSafeUrl(value)) throw fieldError(inputPath, field, "must be an http(s) URL or a site path, got", value, fix);
  if (/^https?:/i.test(value)) {
    const url = new URL(value);
    if (url.username || url.password) throw fieldError(inputPath, field, "holds a user name or password, which the page would publish", `${url.protocol}//***:***@${url.host}${url.pathname}`, "write the address without the user and password");
  }
}

function onlyKeys(inputPath: string, field: string, record: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) throw fieldError(inputPath, `${field}.${key}`, "unknown field (it would be ignored)", key, `use only ${keys.join(", ")}`);
  }
}

function checkSponsor(inputPath: string, sponsor: unknown): void {
  const fix = 'write sponsor: { name: "Acme Bank", url: "https://acme.example/" } (the url is optional)';
  if (!isRecord(sponsor)) throw fieldError(inputPath, "sponsor", sponsor === undefined ? "is missing: paid content must name who paid for it" : "must be the sponsor's name and optional url, got", sponsor, fix);
  onlyKeys(inputPath, "sponsor", sponsor, ["name", "url"]);
  requireText(inputPath, "sponsor.name", sponsor.name, fix);
  if (sponsor.url !== undefined) requireUrl(inputPath, "sponsor.url", sponsor.url, 'write e.g. url: "https://acme.example/"');
}

function checkReview(inputPath: string, item: unknown, rating: unknown): void {
  const fix = 'write itemReviewed: { type: Book, name: "The Salt Road" } (type is a schema.org type: Book, Movie, Restaurant, Product…; url is optional)';
  if (!isRecord(item)) throw fieldError(inputPath, "itemReviewed", item === undefined ? "is missing: a review names what it reviews" : "must be the reviewed item's type and name, got", item, fix);
  onlyKeys(inputPath, "itemReviewed", item, ["type", "name", "url"]);
  if (typeof item.type !== "string" || !/^[A-Z][A-Za-z]{1,60}$/.test(item.type)) throw fieldError(inputPath, "itemReviewed.type", "must be a schema.org type name, got", item.type, fix);
  requireText(inputPath, "itemReviewed.name", item.name, fix);
  if (item.url !== undefined) requireUrl(inputPath, "itemReviewed.url", item.url, 'write e.g. url: "https://publisher.example/the-salt-road"');
  if (rating === undefined) return;
  const ratingFix = "write rating: { value: 4, best: 5 } (worst is 1 unless given)";
  if (!isRecord(rating)) throw fieldError(inputPath, "rating", "must be a value and its scale, got", rating, ratingFix);
  onlyKeys(inputPath, "rating", rating, ["value", "best", "worst"]);
  const { value, best = 5, worst = 1 } = rating;
  for (const [key, number] of [["value", value], ["best", best], ["worst", worst]] as const) {
    if (typeof number !== "number" || !Number.isFinite(number)) throw fieldError(inputPath, `rating.${key}`, "must be a number, got", number, ratingFix);
  }
  if ((worst as number) >= (best as number) || (value as number) < (worst as number) || (value as number) > (best as number)) {
    throw fieldError(inputPath, "rating", `the value must lie between worst (${String(worst)}) and best (${String(best)}), got`, rating, ratingFix);
  }
}

function checkClaims(inputPath: string, claims: unknown): void {
  const fix = 'write claims: [{ claim: "Crime doubled last year", claimant: "Mayor Jane Doe", verdict: "False" }] (url, where the claim was made, is optional)';
  if (!Array.isArray(claims) || claims.length === 0) throw fieldError(inputPath, "claims", claims === undefined ? "is missing: a fact check lists the claims it checks" : "must be a list of claims, got", claims, fix);
  claims.forEach((entry: unknown, index) => {
    const at = `claims[${index}]`;
    if (!isRecord(entry)) throw fieldError(inputPath, at, "must be a claim, its claimant and the verdict, got", entry, fix);
    onlyKeys(inputPath, at, entry, ["claim", "claimant", "verdict", "url"]);
    for (const key of ["claim", "claimant", "verdict"]) requireText(inputPath, `${at}.${key}`, entry[key], fix);
    if (entry.url !== undefined) requireUrl(inputPath, `${at}.url`, entry.url, 'write e.g. url: "https://social.example/@mayor/123"');
  });
}

function checkSources(inputPath: string, sources: unknown): void {
  const fix = 'write sources: [{ title: "City budget 2025", url: "https://city.example/budget.pdf" }]';
  if (!Array.isArray(sources) || sources.length === 0) throw fieldError(inputPath, "sources", "must be a list of sources, each a title and URL, got", sources, fix);
  sources.forEach((entry: unknown, index) => {
    const at = `sources[${index}]`;
    if (!isRecord(entry)) throw fieldError(inputPath, at, "must be a title and URL, got", entry, fix);
    onlyKeys(inputPath, at, entry, ["title", "url"]);
    requireText(inputPath, `${at}.title`, entry.title, fix);
    requireUrl(inputPath, `${at}.url`, entry.url, fix);
  });
}

function checkBackstory(inputPath: string, backstory: unknown): void {
  requireText(inputPath, "backstory", backstory, 'write backstory: "Why and how we reported this story, in a few sentences."');
  const length = [...(backstory as string).trim()].length;
  if (length > MAX_BACKSTORY_LENGTH) {
    throw fieldError(inputPath, "backstory", `is ${length} characters, more than the ${MAX_BACKSTORY_LENGTH} it may have`, `${(backstory as string).slice(0, 60)}…`, "shorten it to a few sentences on why and how the story was reported; put more in the story itself");
  }
}

/**
 * Checks a story's kind and what the kind asks for, and its backstory and sources. Returns the kind.
 * `hasPersonByline`: the story's byline names authors (not the organisation).
 */
export function checkStoryKind(inputPath: string, data: Record<string, unknown>, kinds: Readonly<Record<string, StoryKind>>): StoryKind {
  if (data.kind !== undefined && typeof data.kind !== "string") throw fieldError(inputPath, "kind", "must be one kind's name, got", data.kind, "write e.g. kind: opinion");
  const kind = storyKind(kinds, data.kind, inputPath);
  const rules = kindRules(kind);
  if (rules.includes("personByline") && !(Array.isArray(data.byline) && data.byline.length > 0)) {
    throw fieldError(inputPath, "byline", `${kind.label.toLowerCase()} carries a person's byline (only an editorial may be the organisation's), got`, data.byline ?? "organisation", "write byline: [author-id], an id from _data/authors.json");
  }
  for (const [rule, fields] of Object.entries(RULE_FIELDS) as [KindRule, string[]][]) {
    if (rules.includes(rule)) continue;
    const given = fields.find((field) => data[field] !== undefined);
    if (given) throw fieldError(inputPath, given, `is only read for kind ${rule === "sponsor" ? "sponsored" : rule === "claims" ? "factcheck" : "review"}, and this story is ${kind.id} (it would be ignored)`, data[given], `give kind: ${rule === "sponsor" ? "sponsored" : rule === "claims" ? "factcheck" : "review"}, or remove ${given}`);
  }
  if (rules.includes("sponsor")) checkSponsor(inputPath, data.sponsor);
  if (rules.includes("itemReviewed")) checkReview(inputPath, data.itemReviewed, data.rating);
  if (rules.includes("claims")) checkClaims(inputPath, data.claims);
  if (data.backstory !== undefined) checkBackstory(inputPath, data.backstory);
  if (data.sources !== undefined) checkSources(inputPath, data.sources);
  return kind;
}

/**
 * The links of a paid story that leave the site, with `rel="sponsored"` (Google's way to say a link
 * was paid for): an absolute link to another host, or one without a scheme (`//host/`).
 */
export function sponsoredLinks(html: string, siteUrl: string | undefined): string {
  const siteHost = siteUrl === undefined ? undefined : new URL(siteUrl).host;
  let result = "";
  let position = 0;
  for (const token of walkHtml(html)) {
    if (token.kind !== "open" || token.name !== "a") continue;
    const href = attributeOf(token.source, "href");
    if (href === undefined || !isOutside(href, siteHost)) continue;
    const rel = attributeOf(token.source, "rel");
    let tag: string;
    if (rel === undefined) tag = token.source.replace(/^<a\b/i, '<a rel="sponsored"');
    else if (rel.split(/\s+/).includes("sponsored")) continue;
    else tag = token.source.replace(/(\srel=")([^"]*)"/i, (_match, start: string, value: string) => `${start}${value} sponsored"`);
    result += html.slice(position, token.start) + tag;
    position = token.end;
  }
  return position === 0 ? html : result + html.slice(position);
}

function isOutside(href: string, siteHost: string | undefined): boolean {
  const decoded = href.replace(/&amp;/g, "&").trim();
  if (!/^(?:https?:)?\/\//i.test(decoded)) return false;
  try {
    return new URL(decoded, "https://site.invalid/").host !== siteHost;
  } catch {
    return true;
  }
}

/** The theme's filters for kinds: a story's kind for its label, the list for the about page, paid links. */
export function kindFilters(siteUrl: string | undefined) {
  return {
    /** The kind of a story (`kind` as written, default news) among the site's kinds (global data `kinds`). */
    storyKind: (kind: unknown, siteKinds: unknown) => storyKind(resolveKinds(siteKinds), kind),
    /** Every kind of the site, in the order of the built-in ones then the site's, for the about page. */
    siteKinds: (siteKinds: unknown) => Object.values(resolveKinds(siteKinds)),
    /** An author page's structured data: a ProfilePage about the author. */
    profilePageJsonLd: (entry: unknown, pageUrl: unknown) => profilePageJsonLd(entry as AuthorEntry, String(pageUrl)),
    /** A paid story's outside links marked sponsored; other stories' bodies as they are. */
    sponsoredLinks: (html: unknown, sponsor: unknown) => (sponsor === undefined || sponsor === null ? html : sponsoredLinks(String(html ?? ""), siteUrl)),
  };
}

/**
 * The URL segment a story's kind puts after its section (`opinion/`), or "" when the kind has
 * none. An unknown kind gives none here: the story's check stops the build with a did-you-mean.
 */
export function kindSegment(siteKinds: unknown, kind: unknown, kindsFile: string): string {
  const kinds = resolveKinds(siteKinds, kindsFile);
  const id = typeof kind === "string" ? kind : "news";
  const segment = Object.hasOwn(kinds, id) ? kinds[id]?.path : undefined;
  return segment === undefined ? "" : `${segment}/`;
}
