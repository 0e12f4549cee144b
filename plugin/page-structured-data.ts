/**
 * From an Eleventy page's data to the NewsArticle structured data: which front-matter field and
 * which registry feeds which schema.org property, and how site paths become absolute URLs.
 */
import { lastModified, readCorrections } from "./corrections.js";
import type { DateInput } from "./dates.js";
import type { EleventyPage } from "./eleventy-types.js";
import { NewsroomError } from "./errors.js";
import type { AuthorRegistryEntry, ImageReference, ResolvedNewsroomOptions } from "./options.js";
import type { QuotationRecord } from "./quotation-record.js";
import type { Speaker } from "./speakers.js";
import { resolveKinds, storyKind } from "./kinds.js";
import { newsArticleJsonLd, type CheckedClaim, type JsonLdPublisher, type NewsArticleData } from "./structured-data.js";

export interface PageStructuredDataInput {
  page: EleventyPage | undefined;
  /** The page's data cascade (front matter and global data). */
  data: Record<string, unknown> | undefined;
  quotations: QuotationRecord[];
  options: ResolvedNewsroomOptions;
  /** Eleventy's path prefix ("/" or "/REPO/"). */
  pathPrefix: string | undefined;
  speakerLink: (speaker: Speaker) => string | undefined;
  standaloneCities: readonly string[];
  /** The page's photo in Google's aspect ratios (or its share card), as site paths or URLs. */
  images?: ImageReference[] | undefined;
  /** Site path or URL of each byline author's photo, by author id. */
  authorImages?: Record<string, string> | undefined;
}

/** An absolute URL for a site path: the siteUrl's origin, Eleventy's path prefix, the path. */
export function absoluteSiteUrl(sitePath: string, siteUrl: string, pathPrefix = "/"): string {
  if (/^https?:\/\//.test(sitePath)) return new URL(sitePath).href;
  const prefix = pathPrefix.replace(/\/+$/, "");
  return new URL(`${prefix}${sitePath.startsWith("/") ? "" : "/"}${sitePath}`, siteUrl).href;
}

export function pageStructuredData({ page, data, quotations, options, pathPrefix, speakerLink, standaloneCities, images, authorImages }: PageStructuredDataInput): Record<string, unknown> {
  const { siteUrl, publisher } = options;
  if (!siteUrl || !publisher) {
    throw new NewsroomError({
      where: "newsArticleJsonLd",
      problem: "needs the siteUrl and publisher options",
      value: { siteUrl, publisher: publisher?.name },
      fix: 'add siteUrl: "https://news.example.com" and publisher: { name: "…", logo: "/assets/logo.png" } to the plugin options',
    });
  }
  if (!data || !page?.url) {
    throw new NewsroomError({
      where: "newsArticleJsonLd",
      problem: "found no data for this page (is it an output page of this build?)",
      value: page?.url,
      fix: "use the shortcode in a page's layout, not in a page with permalink: false",
    });
  }
  const absolute = (sitePath: string) => absoluteSiteUrl(sitePath, siteUrl, pathPrefix);
  const authorRegistry = (data[options.authorsDataKey] ?? {}) as Record<string, AuthorRegistryEntry>;
  const sectionRegistry = (data[options.sectionsDataKey] ?? {}) as Record<string, { name?: string }>;
  const authorIds = Array.isArray(data.byline) ? (data.byline as string[]) : [];
  const logo = typeof publisher.logo === "string" ? { url: publisher.logo } : publisher.logo;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const kind = storyKind(resolveKinds(data.kinds), data.kind, page.inputPath);

  return newsArticleJsonLd({
    url: absolute(page.url),
    headline: String(data.title ?? ""),
    description: text(data.dek) ?? text(data.description),
    // Front-matter dates: the dates module checks them and names the field when they are not dates.
    datePublished: (data.date ?? page.date) as DateInput,
    // The latest of `updated` and the corrections: a correction changes the story.
    dateModified: lastModified(data, page.inputPath, options.timeZone),
    zone: options.timeZone,
    authors: authorIds.map((id) => {
      const entry = authorRegistry[id];
      if (!entry) {
        throw new NewsroomError({ where: "newsArticleJsonLd", problem: "unknown author id", value: id, fix: `add "${id}" to _data/${options.authorsDataKey}.json`, inputPath: page.inputPath });
      }
      const url = options.authorUrl?.(id, entry) ?? entry.url;
      const image = authorImages?.[id];
      return { name: entry.name, url: url === undefined ? undefined : absolute(url), sameAs: entry.sameAs, ...(image === undefined ? {} : { image: absolute(image) }) };
    }),
    publisher: { name: publisher.name, url: publisher.url ?? absolute("/"), logo: { ...logo, url: absolute(logo.url) }, sameAs: publisher.sameAs, policies: policyUrls(publisher.policies, absolute) },
    section: typeof data.section === "string" ? (sectionRegistry[data.section]?.name ?? data.section) : undefined,
    keywords: Array.isArray(data.tags) ? (data.tags as string[]) : undefined,
    dateline: typeof data.dateline === "string" ? { place: data.dateline, agency: text(data.datelineAgency), standaloneCities } : undefined,
    corrections: readCorrections(data, page.inputPath, options.timeZone),
    quotations,
    image: images?.map((image) => ({ ...image, url: absolute(image.url) })),
    inLanguage: options.language,
    speakerUrl: (speaker) => {
      const url = speakerLink(speaker);
      return url === undefined ? undefined : absolute(url);
    },
    // The kind's type, and what the kind's fields say (the theme checked them against the kind).
    type: kind.schemaType,
    itemReviewed: siteLinks(data.itemReviewed as NewsArticleData["itemReviewed"], absolute),
    rating: data.rating as NewsArticleData["rating"],
    sponsor: siteLinks(data.sponsor as NewsArticleData["sponsor"], absolute),
    backstory: text(data.backstory),
    sources: (data.sources as NewsArticleData["sources"])?.map((source) => siteLinks(source, absolute) ?? source),
  });
}

/** A fact check's claims from its front matter (`claims`), for `claimReviewsJsonLd`; a site path made absolute. */
export function pageClaims(data: Record<string, unknown> | undefined, siteUrl: string | undefined, pathPrefix: string | undefined): CheckedClaim[] {
  if (!Array.isArray(data?.claims) || siteUrl === undefined) return [];
  return (data.claims as CheckedClaim[]).map((claim) => siteLinks(claim, (sitePath) => absoluteSiteUrl(sitePath, siteUrl, pathPrefix)) ?? claim);
}

/** Site paths made absolute with the path prefix: a `url` like "/about/ethics/" names a page of this site. */
function siteLinks<T extends { url?: string | undefined }>(value: T | undefined, absolute: (sitePath: string) => string): T | undefined {
  if (value?.url === undefined || !value.url.startsWith("/")) return value;
  return { ...value, url: absolute(value.url) };
}

function policyUrls(policies: JsonLdPublisher["policies"], absolute: (sitePath: string) => string): JsonLdPublisher["policies"] {
  if (policies === undefined) return undefined;
  return Object.fromEntries(Object.entries(policies).map(([policy, url]) => [policy, absolute(url)]));
}
