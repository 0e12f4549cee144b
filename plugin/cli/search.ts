/**
 * `eleventy-plugin-newsroom search`: the site's search index, in as many Pagefind indexes as the
 * theme's search page asks for (theme option `searchIndexSize`), so no one index holds the whole
 * archive. Pagefind needs about 0.2 MB of memory a story; at 100,000 stories one index ran out of
 * memory past 18 GB (bench/RESULTS.md). The first index is the usual `pagefind/` bundle, the others
 * `pagefind-2/`, `pagefind-3/`…; the search page merges them (`_includes/assets/search.js`).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { filesUnder } from "../files.js";

/** The part of Pagefind's Node API this command uses. */
export interface PagefindApi {
  createIndex(config?: Record<string, unknown>): Promise<{ errors: string[]; index?: PagefindIndex }>;
  close(): Promise<unknown>;
}
interface PagefindIndex {
  addHTMLFile(file: { sourcePath: string; content: string }): Promise<{ errors: string[] }>;
  writeFiles(options: { outputPath: string }): Promise<{ errors: string[] }>;
  deleteIndex(): Promise<unknown>;
}

export interface SearchIndexOptions {
  /** The built site (Eleventy's output folder). */
  site: string;
  /** The site's folder, where its node_modules has Pagefind. */
  cwd?: string;
  pagefind?: PagefindApi;
  log?: (line: string) => void;
}

export class SearchIndexError extends Error {}

/** The theme's search page, which says how many indexes to make. */
const SEARCH_PAGE = path.join("search", "index.html");

/** How many indexes the site's search page merges: its `data-search-indexes`. */
export function indexesAsked(searchPage: string): number {
  const match = /<div id="search"[^>]*\sdata-search-indexes="(\d+)"/.exec(searchPage);
  if (!match) {
    throw new SearchIndexError('the search page has no data-search-indexes: it is not the news theme\'s, or it was built by an older version. Fix: build the site with the theme first (npm run build), or index it with "pagefind --site _site"');
  }
  return Math.max(1, Number(match[1]));
}

/** The site's pages Pagefind indexes (those with `data-pagefind-body`), as sorted paths relative to `site`. */
export function searchablePages(site: string): string[] {
  return filesUnder(site)
    .filter((page) => page.endsWith(".html") && !/^pagefind(?:-\d+)?\//.test(page))
    .filter((page) => readFileSync(path.join(site, page), "utf8").includes("data-pagefind-body"))
    .sort();
}

/** The pages cut into `count` runs as even as can be, in order. */
export function indexShares<T>(pages: readonly T[], count: number): T[][] {
  const size = Math.ceil(pages.length / count);
  return Array.from({ length: count }, (_, index) => pages.slice(index * size, (index + 1) * size));
}

/** The bundle folder of the n-th index (from 1), as search.js looks for it. */
export function bundleFolder(n: number): string {
  return n === 1 ? "pagefind" : `pagefind-${n}`;
}

/**
 * Pagefind's Node API, as the site installed it (its starter lists pagefind). Pagefind exports only
 * an ES module entry, which `require.resolve` cannot find, so its package.json is looked up as Node
 * looks up node_modules.
 */
async function sitePagefind(cwd: string): Promise<PagefindApi> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", "pagefind", "package.json");
    if (existsSync(manifest)) {
      const { exports, main } = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: { ".": { import?: string } }; main?: string };
      const entry = exports?.["."]?.import ?? main ?? "index.js";
      return (await import(pathToFileURL(path.join(path.dirname(manifest), entry)).href)) as PagefindApi;
    }
    if (dir === path.dirname(dir)) break;
  }
  throw new SearchIndexError(`cannot find pagefind from ${cwd}. Fix: npm install --save-dev pagefind`);
}

/** Writes the indexes; returns how many pages each holds. */
export async function writeSearchIndexes(options: SearchIndexOptions): Promise<number[]> {
  const site = path.resolve(options.cwd ?? process.cwd(), options.site);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const searchPage = path.join(site, SEARCH_PAGE);
  if (!existsSync(searchPage)) {
    throw new SearchIndexError(`no search page at ${path.relative(process.cwd(), searchPage) || searchPage}. Fix: build the site first (npm run build), and pass its output folder with --site`);
  }
  const count = indexesAsked(readFileSync(searchPage, "utf8"));
  const shares = indexShares(searchablePages(site), count);
  // Bundles of an earlier run with more indexes would be published unread.
  for (const entry of readdirSync(site)) {
    const match = /^pagefind-(\d+)$/.exec(entry);
    if (match && Number(match[1]) > count) rmSync(path.join(site, entry), { recursive: true, force: true });
  }
  const pagefind = options.pagefind ?? (await sitePagefind(options.cwd ?? process.cwd()));
  const sizes: number[] = [];
  try {
    for (const [position, share] of shares.entries()) {
      const folder = bundleFolder(position + 1);
      log(`[newsroom] Search index ${position + 1} of ${count}: ${share.length} ${share.length === 1 ? "page" : "pages"} into ${folder}/`);
      const { errors, index } = await pagefind.createIndex({});
      if (!index) throw new SearchIndexError(`Pagefind could not start an index: ${errors.join("; ")}`);
      for (const page of share) {
        const added = await index.addHTMLFile({ sourcePath: page, content: readFileSync(path.join(site, page), "utf8") });
        if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${page}: ${added.errors.join("; ")}`);
      }
      const written = await index.writeFiles({ outputPath: path.join(site, folder) });
      if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${folder}/: ${written.errors.join("; ")}`);
      // One index in memory at a time: that is the point of several.
      await index.deleteIndex();
      sizes.push(share.length);
    }
  } finally {
    await pagefind.close();
  }
  return sizes;
}
