/**
 * One pass over the articles builds every list the theme's pages need — sections, tags, authors,
 * months, related stories — so no page scans the whole site again (build time stays linear).
 */
import { toDateTime } from "../dates.js";
import type { AuthorEntry, SectionEntry } from "./front-matter.js";

/** The slice of an Eleventy collection item the index reads. */
export interface ArticleItem {
  url: string | false;
  date?: Date;
  inputPath: string;
  data: Record<string, unknown>;
}

export interface SectionPage<T> { id: string; name: string; description: string | undefined; url: string; articles: T[] }
export interface TagPage<T> { name: string; slug: string; url: string; articles: T[] }
export interface AuthorPage<T> { id: string; entry: AuthorEntry; url: string; articles: T[] }
export interface MonthPage<T> { year: number; month: number; label: string; url: string; articles: T[] }

export interface SiteIndex<T extends ArticleItem> {
  /** Newest first. */
  articles: T[];
  sections: SectionPage<T>[];
  tags: TagPage<T>[];
  authors: AuthorPage<T>[];
  months: MonthPage<T>[];
  /** Related stories by page URL. */
  related: Map<string, T[]>;
}

/** URL-safe slug for tag names: "R&D <b>" → "r-d-b". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "topic";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function time(item: ArticleItem): number {
  return item.date?.getTime() ?? 0;
}

function tagsOf(item: ArticleItem): string[] {
  return Array.isArray(item.data.tags) ? (item.data.tags as string[]) : [];
}

export interface SiteIndexOptions {
  sections: Record<string, SectionEntry>;
  authors: Record<string, AuthorEntry>;
  /** Zone that decides which month an article belongs to. */
  timeZone?: string | undefined;
  relatedCount?: number;
}

export function buildSiteIndex<T extends ArticleItem>(items: readonly T[], options: SiteIndexOptions): SiteIndex<T> {
  const articles = [...items].sort((a, b) => time(b) - time(a));
  const bySection = new Map<string, T[]>();
  const byTag = new Map<string, { name: string; articles: T[] }>();
  const byAuthor = new Map<string, T[]>();
  const byMonth = new Map<string, { year: number; month: number; articles: T[] }>();

  for (const article of articles) {
    const section = String(article.data.section);
    const inSection = bySection.get(section) ?? [];
    inSection.push(article);
    bySection.set(section, inSection);
    for (const tag of tagsOf(article)) {
      const slug = slugify(tag);
      const entry = byTag.get(slug) ?? { name: tag, articles: [] };
      entry.articles.push(article);
      byTag.set(slug, entry);
    }
    for (const author of Array.isArray(article.data.byline) ? (article.data.byline as string[]) : []) {
      const list = byAuthor.get(author) ?? [];
      list.push(article);
      byAuthor.set(author, list);
    }
    const local = toDateTime(article.date ?? new Date(0), { zone: options.timeZone ?? "utc", where: "site index" });
    const key = `${local.year}/${String(local.month).padStart(2, "0")}`;
    const month = byMonth.get(key) ?? { year: local.year, month: local.month, articles: [] };
    month.articles.push(article);
    byMonth.set(key, month);
  }

  // Related: the newest stories sharing a tag, nearest tags first. Each tag list is read only as
  // far as needed, so a tag on every article does not make this quadratic.
  const relatedCount = options.relatedCount ?? 3;
  const related = new Map<string, T[]>();
  for (const article of articles) {
    if (article.url === false) continue;
    const picked: T[] = [];
    for (const tag of tagsOf(article)) {
      for (const candidate of byTag.get(slugify(tag))?.articles ?? []) {
        if (picked.length >= relatedCount) break;
        if (candidate !== article && !picked.includes(candidate)) picked.push(candidate);
      }
    }
    related.set(article.url, picked);
  }

  return {
    articles,
    sections: Object.entries(options.sections).map(([id, entry]) => ({
      id,
      name: entry.name,
      description: entry.description,
      url: `/${id}/`,
      articles: bySection.get(id) ?? [],
    })),
    tags: [...byTag.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, { name, articles: tagged }]) => ({ name, slug, url: `/tags/${slug}/`, articles: tagged })),
    authors: Object.entries(options.authors).map(([id, entry]) => ({ id, entry, url: `/authors/${id}/`, articles: byAuthor.get(id) ?? [] })),
    months: [...byMonth.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([key, month]) => ({ ...month, label: `${MONTHS[month.month - 1]} ${month.year}`, url: `/archive/${key}/` })),
    related,
  };
}
