/**
 * The benchmark corpus: N articles made from the showcase story's paragraphs (bench/corpus/),
 * written five ways from the same data, so every generator builds the same stories:
 *
 *   theme/   content for the news theme: front matter and shortcodes, as an author writes it.
 *   floor/   the same site for plain Eleventy with no plugin: the HTML the shortcodes and filters
 *            produce is written out (made here with the plugin's pure functions), and the theme's
 *            templates read it instead of calling the plugin (overrides in bench/floor/).
 *   floor-shortcodes/  the floor with the shortcode calls left in the articles, answered by
 *            shortcodes that only return the HTML written in shortcodes.json: what Eleventy and
 *            Nunjucks spend on the calls themselves, whatever a plugin does in them.
 *   minimal/ the same markdown (front matter as the theme's, bodies as the floor's) for plain
 *            Eleventy with one minimal layout and no lists: the least an Eleventy site of these
 *            stories costs (the yardstick of the theme's speed target).
 *   hugo/    the same article bodies (that HTML) with minimal layouts from bench/hugo/.
 *   jekyll/  the same article bodies with minimal layouts from bench/jekyll/.
 *
 *   tsx bench/generate.ts --articles 1000 [--out bench/.work/corpus-1000]
 *
 * Deterministic: the same N gives the same files.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import {
  AP_STANDALONE_CITIES,
  formatApDate,
  formatApDateTime,
  formatApTime,
  escapeHtml,
  formatIsoDate,
  newsArticleJsonLd,
  normalizeForComparison,
  pullquoteText,
  renderDateline,
  renderInlineQuotation,
  renderJsonLdScript,
  renderPullquote,
  renderQuotation,
  renderSpeakerReference,
  resolveSpeakerId,
  validateRegistry,
  type QuotationRecord,
  type Speaker,
  type SpeakerForm,
  type SpeakerRegistry,
} from "../plugin/index.js";
import { inlineQuotationText, quotationText } from "../plugin/quotation.js";
import { suggestSlug, topicSlug } from "../plugin/theme/front-matter.js";
import { buildSiteIndex, topicUrl } from "../plugin/theme/site-index.js";
import { cardAlt, shareImageMetaTags, siteCard, storyCard, type ShareImage } from "../plugin/theme/photos.js";
import { CARD_HEIGHT, CARD_WIDTH, cardKey, type CardContent } from "../plugin/theme/share-card.js";

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, "..");

// ---------------------------------------------------------------------------------------------
// The corpus data

type Part = string | { speaker: string; form?: SpeakerForm } | { quote: string; words: string; cite?: string };

type Block =
  | { kind: "p"; parts: Part[] }
  | { kind: "pullquote"; speaker: string; variant?: string; words: string }
  | { kind: "quote"; speaker: string; words: string; occasion?: string; place?: string; date?: string; cite?: string }
  | { kind: "note" };

interface SiteSettings {
  name: string;
  tagline: string;
  url: string;
  language: string;
  timeZone: string;
  organisation: { name: string; logo: string };
  about: string;
}

interface CorpusData {
  site: SiteSettings;
  sections: Record<string, { name: string; description: string }>;
  authors: Record<string, { name: string; title?: string; bio?: string; email?: string; sameAs?: string[] }>;
  tags: string[];
  headlines: string[];
  deks: string[];
  datelines: { place: string; agency?: string }[];
  quoteContexts: Record<string, { occasion?: string; place?: string; date?: string; cite?: string }>;
  corrections: string[];
}

export interface Article {
  index: number;
  fileSlug: string;
  url: string;
  title: string;
  dek: string;
  date: string;
  updated?: string;
  section: string;
  tags: string[];
  byline: string[] | "organisation";
  people: string[];
  dateline?: string;
  datelineAgency?: string;
  correction?: string;
  correctionDate?: string;
  blocks: Block[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(benchDir, "corpus", file), "utf8")) as T;
}

export function loadCorpusData(): { data: CorpusData; paragraphs: Part[][]; speakers: SpeakerRegistry } {
  const data = readJson<CorpusData>("site-data.json");
  const { paragraphs } = readJson<{ paragraphs: Part[][] }>("paragraphs.json");
  const speakers = validateRegistry(readJson<unknown>("speakers.json"), "bench/corpus/speakers.json");
  return { data, paragraphs, speakers };
}

/** mulberry32: small, fast, and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTION_WEIGHTS: Record<string, number> = { world: 3, europe: 3, politics: 2, security: 2, economy: 1 };
const PULLQUOTE_VARIANTS = ["", "right", "left", "wide", "right exposed", "left hidden"];
const EXTRA_FORMS: SpeakerForm[] = ["name", "title-after", "full", "short"];

/** The articles, newest first: one every four and a half hours back from the story's evening. */
export function makeArticles(count: number, data: CorpusData, paragraphs: Part[][]): Article[] {
  const rng = random(20250905);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  const zone = data.site.timeZone;
  const newest = DateTime.fromISO("2025-09-05T19:00:00", { zone });
  const sectionIds = Object.keys(data.sections);
  const weighted = sectionIds.flatMap((id) => Array<string>(SECTION_WEIGHTS[id] ?? 1).fill(id));
  const authorIds = Object.keys(data.authors);
  const iso = (moment: DateTime) => moment.toISO({ suppressMilliseconds: true }) as string;

  const articles: Article[] = [];
  for (let index = 0; index < count; index++) {
    const published = newest.minus({ minutes: index * 270 + Math.floor(rng() * 240) });
    const headline = pick(data.headlines);
    const fileSlug = `${suggestSlug(headline)}-${index + 1}`;
    const section = pick(weighted);

    // 5 to all 15 paragraphs, in the story's order.
    const size = 5 + Math.floor(rng() * (paragraphs.length - 4));
    const chosen = paragraphs
      .map((_, i) => ({ i, key: rng() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, size)
      .map((entry) => entry.i)
      .sort((a, b) => a - b);
    const blocks: Block[] = chosen.map((i) => ({
      kind: "p",
      parts: (paragraphs[i] as Part[]).map((part): Part => {
        if (typeof part === "string") return part;
        if ("speaker" in part) {
          const roll = rng();
          return part.form || roll > 0.16 ? { ...part } : { ...part, form: EXTRA_FORMS[Math.floor(roll / 0.04)] as SpeakerForm };
        }
        const cite = part.quote === "zelenskyy" && rng() < 0.3 ? data.quoteContexts.zelenskyy?.cite : undefined;
        return cite ? { ...part, cite } : { ...part };
      }),
    }));

    // A block quotation: one later paragraph whose quotations are all one person's.
    if (rng() < 0.35) {
      const candidates = blocks
        .map((block, i) => ({ block, i }))
        .filter(({ block, i }) => {
          if (i === 0 || block.kind !== "p") return false;
          const quotes = block.parts.filter((part) => typeof part === "object" && "quote" in part) as { quote: string }[];
          return quotes.length > 0 && quotes.every((q) => q.quote === quotes[0]?.quote) && data.quoteContexts[quotes[0]?.quote ?? ""];
        });
      if (candidates.length) {
        const { block, i } = pick(candidates);
        const quotes = (block as { parts: Part[] }).parts.filter((part) => typeof part === "object" && "quote" in part) as { quote: string; words: string }[];
        const speaker = quotes[0]?.quote as string;
        const { date, ...context } = data.quoteContexts[speaker] ?? {};
        // A story quotes only words already said: in an earlier story the quotation goes undated.
        const said = date !== undefined && DateTime.fromISO(date, { zone }).startOf("day") <= published.startOf("day") ? { date } : {};
        blocks[i] = { kind: "quote", speaker, words: quotes.map((q) => q.words.replace(/,$/, ".")).join(" "), ...context, ...said };
      }
    }

    // A pull quote repeating words quoted in an earlier paragraph.
    if (rng() < 0.7) {
      const candidates = blocks.flatMap((block, i) =>
        block.kind === "p"
          ? (block.parts.filter((part) => typeof part === "object" && "quote" in part && part.words.length >= 15) as { quote: string; words: string }[]).map((q) => ({ q, i }))
          : [],
      );
      if (candidates.length) {
        const { q, i } = pick(candidates);
        const variant = pick(PULLQUOTE_VARIANTS);
        blocks.splice(i + 1, 0, { kind: "pullquote", speaker: q.quote, words: q.words.replace(/,$/, ""), ...(variant ? { variant } : {}) });
      }
    }
    if (rng() < 0.5) blocks.push({ kind: "note" });

    const people: string[] = [];
    const mention = (id: string) => {
      if (!people.includes(id)) people.push(id);
    };
    for (const block of blocks) {
      if (block.kind === "p") {
        for (const part of block.parts) if (typeof part === "object") mention("speaker" in part ? part.speaker : part.quote);
      } else if (block.kind !== "note") mention(block.speaker);
    }

    const tagCount = 2 + Math.floor(rng() * 3);
    const tags: string[] = [];
    while (tags.length < tagCount) {
      const tag = data.tags[Math.floor(data.tags.length * rng() ** 2)] as string;
      if (!tags.includes(tag)) tags.push(tag);
    }
    const bylineRoll = rng();
    const first = pick(authorIds);
    const byline: string[] | "organisation" =
      bylineRoll < 0.15 ? "organisation" : bylineRoll < 0.25 ? [first, pick(authorIds.filter((id) => id !== first))] : [first];

    const article: Article = {
      index,
      fileSlug,
      url: `/${section}/${published.toFormat("yyyy/MM/dd")}/${fileSlug}/`,
      title: `${headline} (Story ${index + 1})`,
      dek: pick(data.deks),
      date: iso(published),
      section,
      tags,
      byline,
      people,
      blocks,
    };
    if (rng() < 0.6) {
      const dateline = pick(data.datelines);
      article.dateline = dateline.place;
      if (dateline.agency) article.datelineAgency = dateline.agency;
    }
    if (rng() < 0.2) article.updated = iso(published.plus({ minutes: 30 + Math.floor(rng() * 600) }));
    if (rng() < 0.05) {
      article.correction = pick(data.corrections);
      article.correctionDate = iso(published.plus({ days: 1 }));
    }
    articles.push(article);
  }
  return articles;
}

// ---------------------------------------------------------------------------------------------
// The article body, two ways

const q = (value: string) => JSON.stringify(value);
const NOTE_SOURCE = '_First published at <time datetime="{{ page.date | isoDate }}">{{ page.date | apTime }}</time> on {{ page.date | apDate("day") }}._';

/** The body as an author writes it for the theme: shortcodes and filters. */
export function shortcodeBody(article: Article): string {
  return article.blocks
    .map((block) => {
      switch (block.kind) {
        case "p":
          return block.parts
            .map((part) => {
              if (typeof part === "string") return part;
              if ("speaker" in part) return `{% speaker ${q(part.speaker)}${part.form ? `, ${q(part.form)}` : ""} %}`;
              return `{% inlineQuote ${q(part.quote)}${part.cite ? `, ${q(part.cite)}` : ""} %}${part.words}{% endinlineQuote %}`;
            })
            .join("");
        case "pullquote":
          return `{% pullquote ${q(block.speaker)}${block.variant ? `, ${q(block.variant)}` : ""} %}${block.words}{% endpullquote %}`;
        case "quote": {
          const args = [block.speaker, block.occasion ?? "", block.place ?? "", block.date ?? "", block.cite ?? ""];
          while (args[args.length - 1] === "") args.pop();
          return `{% quote ${args.map(q).join(", ")} %}\n${block.words}\n{% endquote %}`;
        }
        case "note":
          return NOTE_SOURCE;
      }
    })
    .join("\n\n");
}

export interface Rendered {
  /** Markdown with the shortcodes' HTML written out (and the dateline at the start of the lead). */
  body: string;
  /** The same with the shortcode calls kept, for the floor's shortcode variant (see fragments). */
  tagged: string;
  /** Each shortcode call's HTML, in the order the calls render. */
  fragments: string[];
  /** What the shortcodes would have recorded, in page order: the JSON-LD's quotations. */
  quotations: QuotationRecord[];
}

export interface Context {
  data: CorpusData;
  registry: SpeakerRegistry;
  zone: string;
}

const speakerPath = (speaker: Speaker) => (speaker.id ? `/speakers/${speaker.id}/` : undefined);

/**
 * The body with every shortcode and filter replaced by the HTML the plugin gives for it; and the
 * body with the shortcode calls kept but everything else (dateline, dates) written out.
 */
export function renderedBody(article: Article, context: Context): Rendered {
  const { registry, zone } = context;
  const introduced = new Set<string>();
  const quotations: QuotationRecord[] = [];
  const fragments: string[] = [];
  const speaker = (id: string) => resolveSpeakerId(id, registry, "bench");
  /** The HTML of one call, and the call itself. */
  const call = (html: string, source: string): [string, string] => {
    fragments.push(html);
    return [html, source];
  };
  const blocks: [string, string][] = article.blocks.map((block): [string, string] => {
    switch (block.kind) {
      case "p": {
        const parts = block.parts.map((part): [string, string] => {
          if (typeof part === "string") return [part, part];
          if ("speaker" in part) {
            const who = speaker(part.speaker);
            return call(renderSpeakerReference(who, part.form ?? "auto", introduced, { url: speakerPath(who) }), shortcodeBody({ ...article, blocks: [{ kind: "p", parts: [part] }] }));
          }
          const who = speaker(part.quote);
          quotations.push({ kind: "inline", text: inlineQuotationText(part.words), speaker: who, cite: part.cite });
          return call(renderInlineQuotation(part.words, who, { cite: part.cite }), shortcodeBody({ ...article, blocks: [{ kind: "p", parts: [part] }] }));
        });
        return [parts.map(([html]) => html).join(""), parts.map(([, source]) => source).join("")];
      }
      case "pullquote": {
        const who = speaker(block.speaker);
        quotations.push({ kind: "pullquote", text: pullquoteText(block.words), speaker: who });
        return call(renderPullquote(block.words, who, { variant: block.variant, hidden: true }), shortcodeBody({ ...article, blocks: [block] }));
      }
      case "quote": {
        const who = speaker(block.speaker);
        const body = `\n${block.words}\n`;
        quotations.push({
          kind: "quote",
          text: quotationText(body),
          speaker: who,
          occasion: block.occasion,
          place: block.place,
          cite: block.cite,
          date: block.date === undefined ? undefined : formatIsoDate(block.date, { zone, where: "quote" }),
        });
        return call(renderQuotation(body, who, { ...block, zone, referenceYear: undefined, speakerUrl: speakerPath(who) }), shortcodeBody({ ...article, blocks: [block] }));
      }
      case "note": {
        const note = `_First published at <time datetime="${formatIsoDate(article.date, { zone })}">${formatApTime(article.date, { zone, showZone: true })}</time> on ${formatApDate(article.date, "day", { zone })}._`;
        return [note, note];
      }
    }
  });
  if (article.dateline) {
    // The theme's article layout puts the dateline at the start of the first paragraph.
    const html = renderDateline(article.dateline, { agency: article.datelineAgency, zone, standaloneCities: AP_STANDALONE_CITIES });
    const [first, source] = blocks[0] as [string, string];
    blocks[0] = [`${html} ${first}`, `${html} ${source}`];
  }
  return { body: blocks.map(([html]) => html).join("\n\n"), tagged: blocks.map(([, source]) => source).join("\n\n"), fragments, quotations };
}

/**
 * A page's share card as the theme announces it: the card is named by the hash of what it says,
 * so its address is known without drawing it (the floor draws no cards).
 */
function shareCardImage(content: CardContent, siteUrl: string): ShareImage {
  return { url: new URL(`/img/cards/${cardKey(content)}.png`, siteUrl).href, width: CARD_WIDTH, height: CARD_HEIGHT, alt: cardAlt(content), type: "image/png" };
}

/** The card of a story: its section, headline and first pull quote. */
function articleCard(article: Article, quotations: QuotationRecord[], context: Context): ShareImage {
  const { data } = context;
  return shareCardImage(storyCard({ title: article.title, section: article.section, site: data.site, sections: data.sections }, quotations.find((q) => q.kind === "pullquote")), data.site.url);
}

/** The theme's NewsArticle JSON-LD for an article, as the plugin's newsArticleJsonLd shortcode builds it. */
export function jsonLdFor(article: Article, quotations: QuotationRecord[], context: Context): string {
  const { data, zone } = context;
  const absolute = (sitePath: string) => new URL(sitePath, data.site.url).href;
  return renderJsonLdScript(
    newsArticleJsonLd({
      url: absolute(article.url),
      headline: article.title,
      description: article.dek,
      datePublished: article.date,
      // As the theme does: the latest of the update and the correction moves dateModified.
      dateModified: [article.updated, article.correctionDate].filter((value): value is string => value !== undefined).sort((a, b) => DateTime.fromISO(b).toMillis() - DateTime.fromISO(a).toMillis())[0],
      zone,
      authors: (article.byline === "organisation" ? [] : article.byline).map((id) => {
        const entry = data.authors[id] as { name: string; sameAs?: string[] };
        return { name: entry.name, url: absolute(`/authors/${id}/`), sameAs: entry.sameAs };
      }),
      publisher: {
        name: data.site.organisation.name,
        url: absolute("/"),
        // site.json gives the logo as a path alone, so the theme states no size either.
        logo: { url: absolute(data.site.organisation.logo) },
        sameAs: undefined,
      },
      section: data.sections[article.section]?.name,
      keywords: article.tags,
      dateline: article.dateline ? { place: article.dateline, agency: article.datelineAgency, standaloneCities: AP_STANDALONE_CITIES } : undefined,
      corrections: article.correction ? [{ text: article.correction, date: article.correctionDate }] : undefined,
      quotations,
      // A story without a photo is shown by its share card.
      image: [(({ url, width, height }) => ({ url, width, height }))(articleCard(article, quotations, context))],
      inLanguage: data.site.language,
      speakerUrl: (who) => {
        const url = speakerPath(who);
        return url === undefined ? undefined : absolute(url);
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Writing the four sites

/** YAML front matter; values as JSON (a subset of YAML), dates bare so YAML reads them as dates. */
function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value instanceof Bare ? value.text : JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

class Bare {
  constructor(readonly text: string) {}
}
const bare = (text: string | undefined) => (text === undefined ? undefined : new Bare(text));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function authorFields(article: Article) {
  return {
    title: article.title,
    dek: article.dek,
    date: bare(article.date),
    updated: bare(article.updated),
    section: article.section,
    tags: article.tags,
    byline: article.byline,
    people: article.people,
    dateline: article.dateline,
    datelineAgency: article.datelineAgency,
    corrections: article.correction ? [{ date: article.correctionDate, text: article.correction }] : undefined,
  };
}

function writeData(dir: string, context: Context): void {
  const { data, registry } = context;
  write(path.join(dir, "site.json"), `${JSON.stringify(data.site, null, 2)}\n`);
  write(path.join(dir, "sections.json"), `${JSON.stringify(data.sections, null, 2)}\n`);
  write(path.join(dir, "authors.json"), `${JSON.stringify(data.authors, null, 2)}\n`);
  write(path.join(dir, "speakers.json"), `${JSON.stringify(registry, null, 2)}\n`);
}

function writeTheme(dir: string, articles: Article[], context: Context): void {
  writeData(path.join(dir, "_data"), context);
  // The theme ships no logo: the site's own, at site.json's organisation.logo.
  write(path.join(dir, "assets", "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60"><text x="0" y="42" font-size="34">${context.data.site.name}</text></svg>\n`);
  write(
    path.join(dir, "articles", "articles.11tydata.json"),
    `${JSON.stringify({ layout: "layouts/article.njk", permalink: "/{{ section }}/{{ page.date | articlePath }}/{{ page.fileSlug }}/" }, null, 2)}\n`,
  );
  for (const article of articles) {
    write(path.join(dir, "articles", `${article.fileSlug}.md`), `${frontMatter(authorFields(article))}${shortcodeBody(article)}\n`);
  }
}

interface Catalogued {
  url: string;
  data: { section: string; title: string; dek: string; nr: { iso: string; ap: string } };
}

/**
 * The plain-Eleventy site: the same front matter plus, under `nr`, every value the plugin and the
 * theme compute for a page (dates in AP style, JSON-LD, related stories, month, topic links),
 * and the bodies with the shortcodes' HTML. bench/floor/ has the config and template overrides.
 */
function writeFloor(dir: string, articles: Article[], rendered: Rendered[], context: Context, variant: "html" | "shortcodes"): void {
  const { data, registry, zone } = context;
  writeData(path.join(dir, "_data"), context);
  write(path.join(dir, "articles", "articles.11tydata.json"), `${JSON.stringify({ layout: "layouts/article.njk" }, null, 2)}\n`);

  const index = buildSiteIndex(
    articles.map((article) => ({ url: article.url, date: new Date(article.date), inputPath: article.fileSlug, data: { ...article }, article })),
    { sections: data.sections, authors: data.authors, timeZone: zone },
  );
  const card = (article: Article): Catalogued => ({
    url: article.url,
    data: {
      section: article.section,
      title: article.title,
      dek: article.dek,
      nr: { iso: formatIsoDate(article.date, { zone }), ap: formatApDate(article.date, "date", { zone }) },
    },
  });

  const quotations: Record<string, { description: string | undefined; items: unknown[] }> = {};
  for (const [id, entry] of Object.entries(registry)) {
    const description = entry.description ? entry.description.charAt(0).toLocaleUpperCase("en-US") + entry.description.slice(1) : undefined;
    quotations[id] = { description, items: [] };
  }

  articles.forEach((article, i) => {
    const { body, tagged, quotations: records } = rendered[i] as Rendered;
    for (const record of records) {
      if (!record.speaker.id) continue;
      // As quotationsBy lists them: a pull quote repeating the speaker's quotation on the page is left out.
      const repeats =
        record.kind === "pullquote" &&
        records.some((other) => other.kind !== "pullquote" && other.speaker.id === record.speaker.id && normalizeForComparison(other.text).includes(normalizeForComparison(record.text)));
      if (repeats) continue;
      quotations[record.speaker.id]?.items.push({
        kind: record.kind,
        text: record.text,
        pageUrl: article.url,
        pageTitle: article.title,
        iso: formatIsoDate(article.date, { zone }),
        ap: formatApDate(article.date, "date", { zone }),
        occasion: record.occasion ? record.occasion.charAt(0).toLocaleUpperCase("en-US") + record.occasion.slice(1) : undefined,
        place: record.place,
        dateIso: record.date,
        dateAp: record.date ? formatApDate(record.date, "date", { zone }) : undefined,
      });
    }
    const local = DateTime.fromISO(article.date, { zone });
    const updatedIso = article.updated ? formatIsoDate(article.updated, { zone }) : undefined;
    // As the theme's lastModified: the latest of the story's update and its correction.
    const modified = [article.date, article.updated, article.correctionDate]
      .filter((value): value is string => value !== undefined)
      .map((value) => DateTime.fromISO(value, { zone }))
      .reduce((latest, moment) => (moment > latest ? moment : latest));
    const modifiedIso = formatIsoDate(modified, { zone });
    const nr = {
      iso: formatIsoDate(article.date, { zone }),
      ap: formatApDate(article.date, "date", { zone }),
      apDateTime: formatApDateTime(article.date, { zone, showZone: true }),
      updatedIso: updatedIso !== formatIsoDate(article.date, { zone }) ? updatedIso : undefined,
      updatedApDateTime: article.updated ? formatApDateTime(article.updated, { zone, showZone: true }) : undefined,
      modifiedIso,
      modifiedMs: modified.toMillis(),
      updatedMetaIso: modifiedIso !== formatIsoDate(article.date, { zone }) ? modifiedIso : undefined,
      correctionIso: article.correctionDate ? formatIsoDate(article.correctionDate, { zone }) : undefined,
      correctionAp: article.correctionDate ? formatApDateTime(article.correctionDate, { zone, showZone: true }) : undefined,
      month: local.toFormat("yyyy/MM"),
      // The theme's pagefindFilterValue: HTML-escaped twice (the template escapes once more).
      topics: article.tags.map((name) => ({ name, slug: topicSlug(name), url: topicUrl(name), pagefind: escapeHtml(escapeHtml(name)) })),
      sectionPagefind: escapeHtml(escapeHtml(data.sections[article.section]?.name ?? "")),
      related: (index.related.get(article.url) ?? []).map((item) => card(item.article)),
      jsonLd: jsonLdFor(article, records, context),
      shareMeta: shareImageMetaTags(articleCard(article, records, context), false),
    };
    write(
      path.join(dir, "articles", `${article.fileSlug}.md`),
      `${frontMatter({ ...authorFields(article), permalink: article.url, nr })}${variant === "html" ? body : tagged}\n`,
    );
  });
  if (variant === "shortcodes") {
    const fragments = Object.fromEntries(articles.map((article, i) => [article.fileSlug, (rendered[i] as Rendered).fragments]));
    write(path.join(dir, "shortcodes.json"), JSON.stringify(fragments));
  }
  write(path.join(dir, "_data", "quotations.json"), JSON.stringify(quotations));
  // Every other page is announced by the site's card; a noindex page without the robots hint.
  const siteImage = shareCardImage(siteCard({ site: data.site }), data.site.url);
  write(path.join(dir, "_data", "shareMeta.json"), JSON.stringify({ indexed: shareImageMetaTags(siteImage, false), noindex: shareImageMetaTags(siteImage, true) }));

  // The theme's templates with the plugin calls replaced: the theme's own files, then the overrides.
  const themeIncludes = path.join(repoRoot, "_includes");
  for (const folder of ["layouts", "partials", "assets"]) cpSync(path.join(themeIncludes, folder), path.join(dir, "_includes", folder), { recursive: true });
  cpSync(path.join(benchDir, "floor", "includes"), path.join(dir, "_includes"), { recursive: true });
  for (const file of readdirSync(path.join(themeIncludes, "pages"))) cpSync(path.join(themeIncludes, "pages", file), path.join(dir, "pages", file));
  cpSync(path.join(benchDir, "floor", "pages"), path.join(dir, "pages"), { recursive: true });
}

/** Plain Eleventy at its plainest: each story's markdown in one small layout, nothing else. */
function writeMinimal(dir: string, articles: Article[], rendered: Rendered[]): void {
  write(path.join(dir, "articles", "articles.11tydata.json"), `${JSON.stringify({ layout: "minimal.njk" }, null, 2)}\n`);
  write(
    path.join(dir, "_includes", "minimal.njk"),
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{{ title }}</title>\n</head>\n<body>\n<main>\n<h1>{{ title }}</h1>\n<p>{{ dek }}</p>\n{{ content | safe }}\n</main>\n</body>\n</html>\n',
  );
  articles.forEach((article, i) => {
    write(path.join(dir, "articles", `${article.fileSlug}.md`), `${frontMatter({ ...authorFields(article), permalink: article.url })}${(rendered[i] as Rendered).body}\n`);
  });
}

/** The style guide's components as the plugin renders them (the floor's copy), for Hugo and Jekyll. */
function styleGuideHtml(): string {
  const page = readFileSync(path.join(benchDir, "floor", "pages", "style-guide.njk"), "utf8");
  return page.split("\n---\n")[1]?.replace(/^\{#[\s\S]*?#\}/, "").trim() ?? "";
}

function writeHugo(dir: string, articles: Article[], rendered: Rendered[], context: Context): void {
  const { data, registry } = context;
  cpSync(path.join(benchDir, "hugo"), dir, { recursive: true });
  cpSync(path.join(repoRoot, "_includes", "assets"), path.join(dir, "static", "assets"), { recursive: true });
  for (const [name, value] of Object.entries({ site: data.site, sections: data.sections, authors: data.authors, speakers: registry })) {
    write(path.join(dir, "data", `${name}.json`), JSON.stringify(value));
  }
  for (const [id, section] of Object.entries(data.sections)) {
    write(path.join(dir, "content", id, "_index.md"), frontMatter({ title: section.name, description: section.description }));
  }
  for (const [name, fields] of Object.entries({
    about: { title: `About ${data.site.organisation.name}`, layout: "about" },
    search: { title: "Search", layout: "search" },
    "style-guide": { title: "Style guide", layout: "style-guide" },
  })) {
    write(path.join(dir, "content", `${name}.md`), frontMatter({ ...fields, type: "page", url: `/${name}/` }) + (name === "style-guide" ? `${styleGuideHtml()}\n` : ""));
  }
  write(path.join(dir, "content", "archive.md"), frontMatter({ title: "Archive", type: "page", layout: "archive", url: "/archive/" }));
  articles.forEach((article, i) => {
    const month = DateTime.fromISO(article.date, { zone: context.zone }).toFormat("yyyy-MM");
    write(
      path.join(dir, "content", article.section, `${article.fileSlug}.md`),
      frontMatter({
        title: article.title,
        description: article.dek,
        date: bare(article.date),
        lastmod: bare(article.updated),
        tags: article.tags,
        authors: article.byline === "organisation" ? undefined : article.byline,
        people: article.people,
        months: [month],
        correction: article.correction,
        url: article.url,
      }) + (rendered[i] as Rendered).body + "\n",
    );
  });
}

function writeJekyll(dir: string, articles: Article[], rendered: Rendered[], context: Context): void {
  const { data, registry, zone } = context;
  cpSync(path.join(benchDir, "jekyll"), dir, { recursive: true });
  cpSync(path.join(repoRoot, "_includes", "assets"), path.join(dir, "assets"), { recursive: true });
  write(path.join(dir, "_data", "sections.json"), JSON.stringify(data.sections));
  write(path.join(dir, "_data", "authors.json"), JSON.stringify(data.authors));
  write(path.join(dir, "_data", "speakers.json"), JSON.stringify(registry));
  const months = new Map<string, string>();
  articles.forEach((article, i) => {
    const local = DateTime.fromISO(article.date, { zone });
    const month = `m${local.toFormat("yyyy-MM")}`;
    months.set(month, local.toFormat("yyyy/MM"));
    write(
      path.join(dir, "_posts", `${local.toFormat("yyyy-MM-dd")}-${article.fileSlug}.md`),
      frontMatter({
        title: article.title,
        dek: article.dek,
        date: bare(article.date),
        updated: bare(article.updated),
        categories: [article.section, month],
        section: article.section,
        tags: article.tags,
        byline: article.byline,
        people: article.people,
        correction: article.correction,
        permalink: article.url,
      }) + (rendered[i] as Rendered).body + "\n",
    );
  });
  for (const [id, section] of Object.entries(data.sections)) {
    write(path.join(dir, id, "index.html"), frontMatter({ layout: "section", title: section.name, section: id, permalink: `/${id}/` }));
    write(path.join(dir, id, "feed.xml"), frontMatter({ layout: "feed", section: id, permalink: `/${id}/feed.xml` }));
  }
  for (const tag of new Set(articles.flatMap((article) => article.tags))) {
    write(path.join(dir, "tags", topicSlug(tag), "index.html"), frontMatter({ layout: "tag", title: tag, tag, permalink: `/tags/${topicSlug(tag)}/` }));
  }
  for (const [id, author] of Object.entries(data.authors)) {
    write(path.join(dir, "authors", id, "index.html"), frontMatter({ layout: "author", title: author.name, author: id, permalink: `/authors/${id}/` }));
  }
  for (const [id, speaker] of Object.entries(registry)) {
    write(path.join(dir, "speakers", id, "index.html"), frontMatter({ layout: "speaker", title: speaker.name, speaker: id, permalink: `/speakers/${id}/` }));
  }
  write(path.join(dir, "style-guide.html"), `${frontMatter({ layout: "default", title: "Style guide", permalink: "/style-guide/" })}${styleGuideHtml()}\n`);
  for (const [key, month] of months) {
    write(path.join(dir, "archive", month, "index.html"), frontMatter({ layout: "month", title: month, month: key, permalink: `/archive/${month}/` }));
  }
}

/**
 * The plugin alone in a plain site (no theme): each story calls two shortcodes (a speaker's first
 * reference and a pull quote) and one filter (an AP date), in one small layout. "plugin" keeps
 * the calls for the plugin to answer; "plugin-plain" has the plugin's HTML written in and no
 * plugin; "plugin-stubs" keeps the calls, answered by stand-ins that only look up the plugin's
 * HTML (answers.json): what Eleventy and Nunjucks spend on the calls, whoever answers them.
 * Same pages byte for byte: the differences are what installing the plugin costs.
 */
function writePluginAlone(dir: string, articles: Article[], context: Context, variant: "plugin" | "plain" | "stubs"): void {
  const { registry, zone } = context;
  const withPlugin = variant !== "plain";
  const answers: Record<string, { speaker: string; pullquote: string; apDate: string }> = {};
  write(path.join(dir, "_data", "speakers.json"), JSON.stringify(registry));
  if (variant === "plugin") write(path.join(dir, "options.json"), JSON.stringify({ timeZone: zone }));
  write(
    path.join(dir, "_includes", "story.njk"),
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{{ title }}</title>\n</head>\n<body>\n<main>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n</main>\n</body>\n</html>\n',
  );
  const pullquotes = articles.flatMap((article) => article.blocks.filter((block) => block.kind === "pullquote"));
  articles.forEach((article, i) => {
    const prose = article.blocks
      // Speakers by name and quotations in quotation marks, as plain text: the two calls below are the story's only ones.
      .flatMap((block) => (block.kind === "p" ? [block.parts.map((part) => (typeof part === "string" ? part : "speaker" in part ? resolveSpeakerId(part.speaker, registry, "bench").name : `“${part.words}”`)).join("").trim()] : []))
      .filter(Boolean)
      .slice(0, 4);
    const pull = pullquotes[i % Math.max(pullquotes.length, 1)] as Extract<Block, { kind: "pullquote" }>;
    const who = resolveSpeakerId(pull.speaker, registry, "bench");
    const html = { speaker: renderSpeakerReference(who, "auto", new Set<string>(), {}), pullquote: renderPullquote(pull.words, who, {}), apDate: formatApDate(article.date, "date", { zone }) };
    answers[article.fileSlug] = html;
    const reference = withPlugin ? `{% speaker ${JSON.stringify(pull.speaker)} %}` : html.speaker;
    const date = withPlugin ? "{{ page.date | apDate }}" : html.apDate;
    const pullquote = withPlugin ? `{% pullquote ${JSON.stringify(pull.speaker)} %}${pull.words}{% endpullquote %}` : html.pullquote;
    const body = [`${reference} spoke on ${date}: “${pull.words},” the speaker said.`, ...prose.slice(0, 2), pullquote, ...prose.slice(2)].join("\n\n");
    write(path.join(dir, "stories", `${article.fileSlug}.md`), `${frontMatter({ title: article.title, date: new Bare(article.date), layout: "story.njk", permalink: `/stories/${article.fileSlug}/` })}${body}\n`);
  });
  if (variant === "stubs") write(path.join(dir, "answers.json"), JSON.stringify(answers));
}

export const CORPUS_SITES = ["theme", "floor", "floor-shortcodes", "minimal", "hugo", "jekyll", "plugin", "plugin-plain", "plugin-stubs"] as const;
export type CorpusSite = (typeof CORPUS_SITES)[number];

/** Writes the sites for `count` articles into `out` (emptied first): all, or those named in `sites`. */
export function generateCorpus(count: number, out: string, sites: readonly CorpusSite[] = CORPUS_SITES): { articles: number; files: number } {
  const { data, paragraphs, speakers } = loadCorpusData();
  const context: Context = { data, registry: speakers, zone: data.site.timeZone };
  const articles = makeArticles(count, data, paragraphs);
  const rendered = articles.map((article) => renderedBody(article, context));
  rmSync(out, { recursive: true, force: true });
  if (sites.includes("theme")) writeTheme(path.join(out, "theme"), articles, context);
  if (sites.includes("floor")) writeFloor(path.join(out, "floor"), articles, rendered, context, "html");
  if (sites.includes("floor-shortcodes")) writeFloor(path.join(out, "floor-shortcodes"), articles, rendered, context, "shortcodes");
  if (sites.includes("minimal")) writeMinimal(path.join(out, "minimal"), articles, rendered);
  if (sites.includes("hugo")) writeHugo(path.join(out, "hugo"), articles, rendered, context);
  if (sites.includes("jekyll")) writeJekyll(path.join(out, "jekyll"), articles, rendered, context);
  if (sites.includes("plugin")) writePluginAlone(path.join(out, "plugin"), articles, context, "plugin");
  if (sites.includes("plugin-plain")) writePluginAlone(path.join(out, "plugin-plain"), articles, context, "plain");
  if (sites.includes("plugin-stubs")) writePluginAlone(path.join(out, "plugin-stubs"), articles, context, "stubs");
  return { articles: articles.length, files: readdirSync(out, { recursive: true }).length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const count = Number(value("--articles") ?? 1000);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    console.error("--articles must be a whole number from 1 to 100000");
    process.exit(2);
  }
  const out = path.resolve(value("--out") ?? path.join(benchDir, ".work", `corpus-${count}`));
  const started = performance.now();
  const result = generateCorpus(count, out);
  console.log(`${result.articles} articles, ${result.files} files in ${path.relative(process.cwd(), out)} (${Math.round(performance.now() - started)} ms)`);
}
