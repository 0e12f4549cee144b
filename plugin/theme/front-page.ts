/**
 * What the front page shows, in order, each story once: the editors' lead (`featured: true`, the
 * newest such story; else the newest story), the top stories after it, then a block per section of
 * the stories not already shown. Pure: the template lays it out.
 */

/** The slice of a collection item the front page reads. */
export interface FrontItem {
  url: string | false;
  date?: Date | undefined;
  data: Record<string, unknown>;
}

export interface FrontSection<T> {
  id: string;
  name: string;
  url: string;
  stories: T[];
}

export interface FrontPage<T> {
  lead: T | undefined;
  /** The stories beside the lead, newest first. */
  top: T[];
  /** Section blocks, in the registry's order; a section with nothing left to show has none. */
  sections: FrontSection<T>[];
}

export interface FrontPageSizes {
  /** Stories beside the lead. */
  top: number;
  /** Stories per section block. */
  perSection: number;
}

export const FRONT_PAGE_SIZES: FrontPageSizes = { top: 4, perSection: 3 };

/** A story the editors chose to lead: `featured: true` in its front matter (checked to be a boolean). */
export function isFeatured(item: FrontItem): boolean {
  return item.data.featured === true;
}

/** The newest featured story, else the newest story; `articles` are newest first. */
export function leadStory<T extends FrontItem>(articles: readonly T[]): T | undefined {
  return articles.find(isFeatured) ?? articles[0];
}

/**
 * The front page from the site's stories (newest first) and its sections (each with its stories,
 * newest first). No story appears twice among its headlines.
 */
export function frontPage<T extends FrontItem>(
  articles: readonly T[],
  sections: readonly { id: string; name: string; url: string; articles: readonly T[] }[],
  sizes: FrontPageSizes = FRONT_PAGE_SIZES,
): FrontPage<T> {
  const lead = leadStory(articles);
  const shown = new Set<T>(lead ? [lead] : []);
  const top: T[] = [];
  for (const article of articles) {
    if (top.length >= sizes.top) break;
    if (shown.has(article)) continue;
    top.push(article);
    shown.add(article);
  }
  const blocks: FrontSection<T>[] = [];
  for (const section of sections) {
    const stories: T[] = [];
    for (const article of section.articles) {
      if (stories.length >= sizes.perSection) break;
      if (shown.has(article)) continue;
      stories.push(article);
      shown.add(article);
    }
    if (stories.length > 0) blocks.push({ id: section.id, name: section.name, url: section.url, stories });
  }
  return { lead, top, sections: blocks };
}

/**
 * A section's first page: its lead (the newest featured story on the page, else the first) and the
 * rest in order. Later pages have no lead.
 */
export function listLead<T extends FrontItem>(items: readonly T[], pageNumber: number): { lead: T | undefined; rest: T[] } {
  if (pageNumber !== 1) return { lead: undefined, rest: [...items] };
  const lead = leadStory(items);
  return { lead, rest: items.filter((item) => item !== lead) };
}
