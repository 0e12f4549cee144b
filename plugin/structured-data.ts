/**
 * schema.org `NewsArticle` JSON-LD for a story page, and the `<script>` element that carries it.
 * Pure functions: the Eleventy glue collects the page's data and quotations and calls these.
 */
import { datelineText, parseDatelinePlace } from "./dateline.js";
import { formatIsoDate, type DateInput } from "./dates.js";
import { NewsroomError } from "./errors.js";
import { jsonForScript } from "./escape.js";
import type { KindSchemaType } from "./kinds.js";
import type { QuotationRecord } from "./quotation-record.js";
import type { Speaker } from "./speakers.js";

const WHERE = "newsArticleJsonLd";

export interface JsonLdPerson {
  name: string;
  /** Page about the author; a site-relative path is resolved against the article URL. */
  url?: string;
  sameAs?: string[];
  description?: string;
  /** Absolute URL of the author's photo. */
  image?: string;
  /** `organization` for a byline such as "Staff" or a partner outlet. Defaults to `person`. */
  kind?: "person" | "organization";
}

export interface JsonLdPublisher {
  name: string;
  /** Absolute http(s) URL of the publication's home page. */
  url: string;
  /** Absolute http(s) URL of the logo image. */
  logo: { url: string; width?: number; height?: number };
  sameAs?: string[];
  /**
   * The Trust Project's policies, by schema.org property (`publishingPrinciples`,
   * `correctionsPolicy`, `ethicsPolicy`, …): absolute URLs, or site paths resolved against the article.
   */
  policies?: Partial<Record<PublisherPolicy, string>>;
}

/** The publisher's policies schema.org names, in the order the Standards list shows them. */
export const PUBLISHER_POLICIES = [
  "publishingPrinciples",
  "ethicsPolicy",
  "correctionsPolicy",
  "verificationFactCheckingPolicy",
  "unnamedSourcesPolicy",
  "noBylinesPolicy",
  "diversityPolicy",
  "missionCoveragePrioritiesPolicy",
  "ownershipFundingInfo",
  "actionableFeedbackPolicy",
  "masthead",
] as const;
export type PublisherPolicy = (typeof PUBLISHER_POLICIES)[number];

/** A claim a fact check rates: one `ClaimReview` each. */
export interface CheckedClaim {
  claim: string;
  claimant: string;
  verdict: string;
  /** Where the claim was made. */
  url?: string;
}

export interface NewsArticleData {
  /** Absolute canonical URL of the article; also `mainEntityOfPage`. */
  url: string;
  headline: string;
  description?: string;
  datePublished: DateInput;
  /** Defaults to `datePublished`. */
  dateModified?: DateInput;
  /** IANA zone for the ISO output (the offset is always present). */
  zone?: string;
  /** Empty or undefined: the publisher (as a NewsMediaOrganization) is the author. */
  authors?: JsonLdPerson[];
  publisher: JsonLdPublisher;
  /** `articleSection`. */
  section?: string;
  keywords?: string[];
  dateline?: { place: string; agency?: string; date?: DateInput; standaloneCities?: readonly string[] };
  /** Each becomes a `CorrectionComment` in `correction`, in the order given. */
  corrections?: { text: string; date?: DateInput }[];
  quotations?: QuotationRecord[];
  /** The story's photo: absolute http(s) URLs, or ImageObjects with their size (Google's 16:9, 4:3 and 1:1 crops). */
  image?: (string | { url: string; width?: number; height?: number })[];
  inLanguage?: string;
  /** Absolute URL of a quoted person's page; falls back to the registry entry's `url`. */
  speakerUrl?: (speaker: Speaker) => string | undefined;
  /** The story's kind as a schema.org type. Default `NewsArticle`. */
  type?: KindSchemaType;
  /** A review's subject: its schema.org type and name. */
  itemReviewed?: { type: string; name: string; url?: string };
  /** A review's rating; `best` defaults to 5 and `worst` to 1. */
  rating?: { value: number; best?: number; worst?: number };
  /** Paid content's sponsor. */
  sponsor?: { name: string; url?: string };
  /** Why and how the story was reported. */
  backstory?: string;
  /** The story's sources: each a `citation`. */
  sources?: { title: string; url: string }[];
}

type JsonObject = Record<string, unknown>;

/** Drops undefined values, empty strings and empty arrays, so the output never carries placeholders. */
function compact(entries: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

/** Trimmed text, or undefined for missing/blank input. */
function text(value: string | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Non-blank entries, trimmed. */
function texts(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => text(value)).filter((value): value is string => value !== undefined);
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === "https:" || url.protocol === "http:";
}

/** An absolute http(s) URL, or a NewsroomError naming the field. */
function absoluteUrl(value: unknown, field: string, fix: string): string {
  if (typeof value === "string" && value.trim() !== "") {
    try {
      // Kept as written: the canonical URL must match the page's <link rel="canonical"> exactly.
      if (isHttpUrl(new URL(value.trim()))) return value.trim();
    } catch {
      // fall through to the error below
    }
  }
  throw new NewsroomError({
    where: WHERE,
    problem: `${field} must be an absolute http(s) URL, got`,
    value,
    fix,
  });
}

/**
 * A URL that may be site-relative (speaker pages, sources, author pages), made absolute against
 * the article URL: JSON-LD consumers do not resolve relative `url` values.
 */
function resolvedUrl(value: string | undefined, base: string, field: string): string | undefined {
  const trimmed = text(value);
  if (trimmed === undefined) return undefined;
  let url: URL | undefined;
  let absolute = false;
  try {
    url = new URL(trimmed, base);
    absolute = URL.canParse(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || !isHttpUrl(url)) {
    throw new NewsroomError({
      where: WHERE,
      problem: `${field} must be an http(s) URL or a site-relative path, got`,
      value,
      fix: 'use a path like "/speakers/zelenskyy/" or a full https:// URL',
    });
  }
  return absolute ? trimmed : url.href;
}

function isoDate(input: DateInput, zone: string | undefined, field: string): string {
  return formatIsoDate(input, { zone, where: `${WHERE} › ${field}` });
}

function requiredName(value: unknown, field: string, fix: string): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw new NewsroomError({ where: WHERE, problem: `${field} is empty`, value, fix });
}

function publisherJsonLd(publisher: JsonLdPublisher): JsonObject {
  const name = requiredName(publisher?.name, "publisher.name", "set the publication's name, e.g. \"The Daily Planet\"");
  const url = absoluteUrl(publisher.url, "publisher.url", 'set the home page as a full URL, e.g. "https://news.example.com/"');
  const logoUrl = absoluteUrl(
    publisher.logo?.url,
    "publisher.logo.url",
    'set the logo as a full URL, e.g. "https://news.example.com/logo.png"',
  );
  return compact({
    "@type": "NewsMediaOrganization",
    name,
    url,
    logo: compact({
      "@type": "ImageObject",
      url: logoUrl,
      width: publisher.logo.width,
      height: publisher.logo.height,
    }),
    sameAs: texts(publisher.sameAs),
    ...policiesJsonLd(publisher, url),
  });
}

/** Each policy the publisher gives, as an absolute URL under its schema.org property. */
function policiesJsonLd(publisher: JsonLdPublisher, base: string): JsonObject {
  const result: JsonObject = {};
  for (const policy of PUBLISHER_POLICIES) {
    const url = resolvedUrl(publisher.policies?.[policy], base, `publisher.policies.${policy}`);
    if (url !== undefined) result[policy] = url;
  }
  return result;
}

/** A review's subject and rating, paid content's sponsor, the backstory and the sources. */
function kindJsonLd(data: NewsArticleData, url: string): JsonObject {
  const rating = data.rating;
  return compact({
    itemReviewed: data.itemReviewed && compact({ "@type": requiredName(data.itemReviewed.type, "itemReviewed.type", "give the reviewed item's schema.org type, e.g. Book"), name: requiredName(data.itemReviewed.name, "itemReviewed.name", "name what the review reviews"), url: resolvedUrl(data.itemReviewed.url, url, "itemReviewed.url") }),
    reviewRating: rating && { "@type": "Rating", ratingValue: rating.value, bestRating: rating.best ?? 5, worstRating: rating.worst ?? 1 },
    sponsor: data.sponsor && compact({ "@type": "Organization", name: requiredName(data.sponsor.name, "sponsor.name", "name the sponsor"), url: resolvedUrl(data.sponsor.url, url, "sponsor.url") }),
    backstory: text(data.backstory),
    citation: (data.sources ?? []).map((source, index) => compact({ "@type": "CreativeWork", name: requiredName(source.title, `sources[${index}].title`, "give each source a title"), url: resolvedUrl(source.url, url, `sources[${index}].url`) })),
  });
}

/**
 * One schema.org `ClaimReview` per claim a fact check rates, each by the publisher and pointing at
 * the story. Google retired the fact-check rich result in 2025; fact-check tools still read these.
 */
export function claimReviewsJsonLd(article: Record<string, unknown>, claims: readonly CheckedClaim[]): Record<string, unknown>[] {
  const url = String(article.url);
  const publisher = article.publisher as JsonObject;
  return claims.map((entry, index) =>
    compact({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url,
      claimReviewed: requiredName(entry.claim, `claims[${index}].claim`, "write the claim as it was made"),
      datePublished: article.datePublished,
      author: { "@type": publisher["@type"], name: publisher.name, url: publisher.url },
      itemReviewed: compact({
        "@type": "Claim",
        // A claimant may be a person or an organisation: the name alone, rather than a wrong type.
        author: { name: requiredName(entry.claimant, `claims[${index}].claimant`, "name who made the claim") },
        appearance: entry.url === undefined ? undefined : { "@type": "CreativeWork", url: resolvedUrl(entry.url, url, `claims[${index}].url`) },
      }),
      reviewRating: { "@type": "Rating", alternateName: requiredName(entry.verdict, `claims[${index}].verdict`, "give the verdict, e.g. False") },
    }),
  );
}

function authorsJsonLd(data: NewsArticleData, publisher: JsonObject): JsonObject[] {
  const authors = data.authors ?? [];
  if (authors.length === 0) {
    return [{ "@type": "NewsMediaOrganization", name: publisher.name, url: publisher.url }];
  }
  return authors.map((author, index) =>
    compact({
      "@type": author.kind === "organization" ? "Organization" : "Person",
      name: requiredName(author?.name, `authors[${index}].name`, "give every author a name, or leave authors empty to credit the publisher"),
      url: resolvedUrl(author.url, data.url, `authors[${index}].url`),
      sameAs: texts(author.sameAs),
      description: text(author.description),
      image: author.image === undefined ? undefined : absoluteUrl(author.image, `authors[${index}].image`, "give the author's photo as a full URL"),
    }),
  );
}

function quotationsJsonLd(data: NewsArticleData): JsonObject[] {
  const seen = new Set<string>();
  const result: JsonObject[] = [];
  for (const record of data.quotations ?? []) {
    const words = text(record.text)?.replace(/\s+/g, " ");
    if (words === undefined) continue;
    const speaker = record.speaker;
    // A pull quote repeats words already quoted in the story, often without the comma that led
    // into the attribution: one Quotation per words (trailing punctuation aside) and speaker.
    const key = JSON.stringify([words.replace(/[\s,.;:!?…]+$/u, "").toLowerCase(), speaker.name]);
    if (seen.has(key)) continue;
    seen.add(key);
    const speakerUrl = data.speakerUrl?.(speaker) ?? speaker.url;
    result.push(
      compact({
        "@type": "Quotation",
        text: words,
        creator: compact({
          "@type": "Person",
          name: speaker.name,
          description: text(speaker.description),
          sameAs: texts(speaker.sameAs),
          url: resolvedUrl(speakerUrl, data.url, `the URL of speaker "${speaker.id ?? speaker.name}"`),
        }),
        dateCreated: text(record.date),
        citation: resolvedUrl(record.cite, data.url, "a quotation's source URL (cite)"),
      }),
    );
  }
  return result;
}

/**
 * The schema.org `NewsArticle` for a story: Google's required and recommended Article fields,
 * dateline and place, corrections, and the story's quotations as `hasPart` Quotations.
 * Throws a NewsroomError for anything a search engine would reject (empty headline, relative
 * URLs, unreadable dates).
 */
export function newsArticleJsonLd(data: NewsArticleData): Record<string, unknown> {
  // Google shows at most 110 characters of a headline, but truncating here would misquote it.
  const headline = requiredName(data?.headline, "headline", "give the article a headline (front matter `title`)");
  const url = absoluteUrl(data.url, "url", 'pass the canonical page URL including the site origin, e.g. "https://news.example.com/2025/09/kyiv/"');
  const publisher = publisherJsonLd(data.publisher);
  const datePublished = isoDate(data.datePublished, data.zone, "datePublished");
  const dateModified = data.dateModified === undefined ? datePublished : isoDate(data.dateModified, data.zone, "dateModified");

  let dateline: string | undefined;
  let locationCreated: JsonObject | undefined;
  if (data.dateline) {
    const { place, agency, date, standaloneCities } = data.dateline;
    const options = { agency, date, zone: data.zone, standaloneCities, where: `${WHERE} › dateline` };
    dateline = datelineText(place, options);
    locationCreated = { "@type": "Place", name: parseDatelinePlace(place, options).name };
  }

  const correction = (data.corrections ?? []).map((entry, index) =>
    compact({
      "@type": "CorrectionComment",
      text: requiredName(entry?.text, `corrections[${index}].text`, "write the correction, or leave it out"),
      datePublished: entry.date === undefined ? undefined : isoDate(entry.date, data.zone, `corrections[${index}].date`),
    }),
  );

  return compact({
    "@context": "https://schema.org",
    "@type": data.type ?? "NewsArticle",
    headline,
    description: text(data.description),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished,
    dateModified,
    author: authorsJsonLd({ ...data, url }, publisher),
    publisher,
    articleSection: text(data.section),
    keywords: texts(data.keywords),
    inLanguage: text(data.inLanguage),
    image: (data.image ?? []).map((image, index) => {
      const fix = 'give images as full URLs, e.g. "https://news.example.com/photo.jpg"';
      if (typeof image === "string") return absoluteUrl(image, `image[${index}]`, fix);
      return compact({ "@type": "ImageObject", url: absoluteUrl(image?.url, `image[${index}].url`, fix), width: image.width, height: image.height });
    }),
    dateline,
    locationCreated,
    correction,
    hasPart: quotationsJsonLd({ ...data, url }),
    ...kindJsonLd(data, url),
  });
}

/** `<script type="application/ld+json">…</script>` on one line; `</script>` and `<!--` cannot break out. */
export function renderJsonLdScript(value: unknown): string {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    throw new NewsroomError({
      where: "renderJsonLdScript",
      problem: "needs a JSON value, got",
      value: typeof value === "function" ? "a function" : String(value),
      fix: "pass the object returned by newsArticleJsonLd",
    });
  }
  return `<script type="application/ld+json">${jsonForScript(value)}</script>`;
}
