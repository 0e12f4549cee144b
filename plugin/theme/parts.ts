/**
 * A build in parts: an archive too large for one Eleventy process is built by several, each
 * holding a share of the stories, so memory is bounded by the share rather than the archive.
 *
 * Eleventy keeps every page it writes until its build ends. Past some tens of thousands of stories
 * one process cannot hold them (bench/RESULTS.md); splitting the stories between processes can.
 * `eleventy-plugin-newsroom build --stories-per-part N` runs, each a fresh Eleventy process:
 *
 * 1. **index**, once per part: the part's stories are read and checked (no page is written) and
 *    each is recorded as the lists need it: its URL, date and own data.
 * 2. **stories**, once per part: the part's story pages, with the other parts' stories known from
 *    their records (related stories, topics). Their quotations and links are recorded.
 * 3. **lists**, once per share of the list pages (`listPagesPerPart`): the list pages of the
 *    share, from the records. The first also writes every other page (feeds, sitemaps, the front
 *    page, the site's own pages), with the newest stories rendered again for the feeds' content,
 *    and works out how many lists parts there are. The last checks the links of every story
 *    against the finished site.
 *
 * The pages are the same, byte for byte, as one build writes (test/theme/parts.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyCollectionItem } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { filesUnder } from "../files.js";

export type BuildPhase = "index" | "stories" | "lists";

export interface BuildPart {
  phase: BuildPhase;
  /** 1-based. */
  number: number;
  storiesPerPart: number;
  /** Where the parts leave their records for the ones after them. */
  workDir: string;
}

/** The environment the build command sets for each Eleventy process it runs. */
export const PART_ENV = { part: "NEWSROOM_BUILD_PART", storiesPerPart: "NEWSROOM_STORIES_PER_PART", workDir: "NEWSROOM_BUILD_WORK" } as const;

/** The part this process builds, from the environment the build command sets; undefined for a whole build. */
export function readBuildPart(env: NodeJS.ProcessEnv = process.env): BuildPart | undefined {
  const value = env[PART_ENV.part];
  if (value === undefined || value === "") return undefined;
  // "lists" alone is the first lists part: the one that plans the others.
  const match = /^(index|stories|lists) (\d{1,9})$|^(lists)$/.exec(value.trim());
  const size = Number(env[PART_ENV.storiesPerPart]);
  const workDir = env[PART_ENV.workDir];
  if (!match || Number(match[2] ?? 1) < 1 || !Number.isInteger(size) || size < 1 || !workDir) {
    throw new NewsroomError({
      where: `environment variable ${PART_ENV.part}`,
      problem: `is set by "eleventy-plugin-newsroom build" for the processes it runs, with ${PART_ENV.storiesPerPart} and ${PART_ENV.workDir}; got`,
      value: `${value} (${PART_ENV.storiesPerPart}=${env[PART_ENV.storiesPerPart] ?? ""}, ${PART_ENV.workDir}=${workDir ?? ""})`,
      fix: `unset ${PART_ENV.part}, or build in parts with npx eleventy-plugin-newsroom build --stories-per-part N`,
    });
  }
  const phase = (match[1] ?? match[3]) as BuildPhase;
  return { phase, number: match[2] === undefined ? 1 : Number(match[2]), storiesPerPart: size, workDir };
}

/** Files in the articles folder that Eleventy renders as stories (photos and other files stay in every part). */
const STORY_FILE = /\.(?:md|njk|liquid|html|hbs|mustache|ejs|haml|pug|webc|11ty\.(?:js|cjs|mjs|ts))$/i;

/** The story files under `folder`, as paths relative to it with "/", sorted. */
export function storyFiles(folder: string): string[] {
  return filesUnder(folder)
    .filter((file) => STORY_FILE.test(path.posix.basename(file)))
    .sort(byFoldedName);
}

/**
 * Eleventy matches ignored paths without regard to case, so names that differ only in case are
 * kept together: they are sorted side by side and a part never ends between them.
 */
function byFoldedName(a: string, b: string): number {
  const foldedA = a.toLowerCase();
  const foldedB = b.toLowerCase();
  return foldedA < foldedB ? -1 : foldedA > foldedB ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The story files of each part: the sorted list cut into runs of about `size`. */
export function storyParts(files: readonly string[], size: number): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  for (const file of [...files].sort(byFoldedName)) {
    const previous = current[current.length - 1];
    if (current.length >= size && previous?.toLowerCase() !== file.toLowerCase()) {
      parts.push(current);
      current = [];
    }
    current.push(file);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** A glob's special characters, escaped so a file name matches only itself. */
function globLiteral(name: string): string {
  return name.replace(/[\\{}()[\]*?!+@,|^$]/g, "\\$&");
}

/** Longest ignore pattern: the glob matcher refuses patterns past 65,536 characters. */
const PATTERN_LENGTH = 60_000;

/**
 * Eleventy ignore patterns that leave `files` (relative to `folder`) out of the build. One pattern
 * a file made matching quadratic (each file checked against every pattern: 17 s for 7,500 of
 * 10,000); a few brace lists of up to 60,000 characters match in about the time of one.
 */
export function ignorePatterns(folder: string, files: readonly string[]): string[] {
  const prefix = `${globLiteral(folder.split(path.sep).join("/").replace(/\/$/, ""))}/`;
  const patterns: string[] = [];
  let names: string[] = [];
  let length = 0;
  const flush = () => {
    // A one-name list is not a brace expansion: the name stands alone.
    if (names.length === 1) patterns.push(`${prefix}${names[0]}`);
    else if (names.length > 1) patterns.push(`${prefix}{${names.join(",")}}`);
    names = [];
    length = 0;
  };
  for (const file of files) {
    const literal = globLiteral(file);
    if (length + literal.length + 1 > PATTERN_LENGTH - prefix.length - 2) flush();
    names.push(literal);
    length += literal.length + 1;
  }
  flush();
  return patterns;
}

/** A story as the lists and the other parts read it: what Eleventy's collection item holds, less the content. */
export interface StoryRecord {
  inputPath: string;
  url: string | false;
  date: Date;
  fileSlug: string;
  filePathStem: string;
  outputPath: string | false;
  /** The story's own data: front matter, directory data, computed data; not the site's global data. */
  data: Record<string, unknown>;
  /** Registry speakers the story's source quotes by id (see speakerLists). */
  quoted: string[];
}

/**
 * Keys of every page's data that are the site's or Eleventy's, not the story's; and the layout,
 * which an index part sets aside (lists never read it).
 */
const SITE_KEYS = new Set(["collections", "eleventy", "pkg", "eleventyComputed", "permalink", "layout"]);

/** The item's own data, for its record: global data (`globalKeys`) and functions left out. */
export function storyRecord(item: EleventyCollectionItem, globalKeys: ReadonlySet<string>, quoted: Iterable<string>): StoryRecord {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item.data)) {
    if (SITE_KEYS.has(key) || globalKeys.has(key) || typeof value === "function") continue;
    data[key] = key === "page" ? pageOf(value) : value;
  }
  const anyItem = item as EleventyCollectionItem & { filePathStem?: string; outputPath?: string | false };
  return {
    inputPath: item.inputPath,
    url: item.url,
    date: item.date ?? new Date(0),
    fileSlug: item.fileSlug ?? "",
    filePathStem: anyItem.filePathStem ?? "",
    outputPath: anyItem.outputPath ?? false,
    data,
    quoted: [...quoted],
  };
}

/** `page` without what only its own render needs (its source text). */
function pageOf(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const { rawInput: _rawInput, ...page } = value as Record<string, unknown>;
  return page;
}

/** A record as a collection item: what list templates and filters read of a story rendered in another part. */
export function stubItem(record: StoryRecord): EleventyCollectionItem {
  const item = {
    inputPath: record.inputPath,
    url: record.url,
    date: record.date,
    fileSlug: record.fileSlug,
    filePathStem: record.filePathStem,
    outputPath: record.outputPath,
    data: record.data,
  };
  Object.defineProperty(item, "templateContent", {
    enumerable: false,
    get() {
      // Only the feeds read a story's content, and the lists part renders the feeds' stories itself.
      throw new NewsroomError({ where: "build in parts", problem: "a page read the content of a story rendered in another part", value: record.inputPath, fix: "build the site in one part (without --stories-per-part), and report this as a bug" });
    },
  });
  return item as unknown as EleventyCollectionItem;
}

/** A recorded quoting page as a collection item: what the speaker lists read of it. */
export function quotingPageItem(page: QuotingPage): EleventyCollectionItem & { quoted: string[] } {
  return { inputPath: page.inputPath, url: page.url, date: page.date, data: {}, quoted: page.quoted } as unknown as EleventyCollectionItem & { quoted: string[] };
}

/** Eleventy's collection order: date, then input path (collections.all). */
export function eleventyOrder(a: { date?: Date | undefined; inputPath: string }, b: { date?: Date | undefined; inputPath: string }): number {
  const byDate = (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0);
  if (byDate !== 0) return byDate;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/** JSON with Dates kept as Dates. */
function stringify(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, current: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.getTime() } : current;
  });
}

function parse<T>(text: string): T {
  // A walk after a plain parse: about twice as fast as a reviver on a part's records.
  return withDates(JSON.parse(text)) as T;
}

function withDates(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withDates(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.$date === "number" && Object.keys(object).length === 1) return new Date(object.$date);
  for (const key of Object.keys(object)) object[key] = withDates(object[key]);
  return object;
}

/** The files each phase leaves in the work folder. */
const FILES = {
  plan: "parts.json",
  records: (part: number) => `index-${part}.json`,
  quotations: (part: number) => `quotations-${part}.json`,
  links: (part: number) => `links-${part}.json`,
  listsPlan: "lists.json",
  quotingPages: "quoting-pages.json",
  quotingPagesQuotations: "quotations-pages.json",
  written: (part: string) => `written-${part.replace(/\s+/g, "-")}.json`,
};

/** What the first index part works out for the build command: how many parts to run. */
export interface PartPlan {
  parts: number;
  stories: number;
}

/** What the first lists part works out for the build command: how many lists parts to run. */
export interface ListsPlan {
  parts: number;
  listPages: number;
}

/**
 * A page other than a story that quotes registry speakers, as the speaker pages of the lists parts
 * after the first need it (that part alone renders the site's own pages).
 */
export interface QuotingPage {
  inputPath: string;
  url: string | false;
  date: Date | undefined;
  quoted: string[];
}

/**
 * List pages a lists part writes, for N stories a part. Measured at 100,000 stories, a written list
 * page holds about a quarter of the memory a story page does, and every part holds every story's
 * record besides (bench/RESULTS.md).
 */
export function listPagesPerPart(storiesPerPart: number): number {
  return storiesPerPart * 4;
}

/** The lists parts for `listPages` list pages: at least one, which writes every other page too. */
export function listsPartCount(listPages: number, storiesPerPart: number): number {
  return Math.max(1, Math.ceil(listPages / listPagesPerPart(storiesPerPart)));
}

/**
 * Which of the build's list pages (numbered in one order across every list, from 0) a lists part
 * writes: the part's share of `listPagesPerPart`.
 */
export function listShare(part: number, storiesPerPart: number): { from: number; to: number } {
  const size = listPagesPerPart(storiesPerPart);
  return { from: (part - 1) * size, to: part * size };
}

/**
 * Each list's pages that fall in the share, the lists taken in the order given: the share's bounds
 * count across them all.
 */
export function pagesInShare<P>(lists: readonly (readonly P[])[], share: { from: number; to: number }): P[][] {
  let first = 0;
  return lists.map((pages) => {
    const start = first;
    first += pages.length;
    return pages.slice(Math.max(0, share.from - start), Math.max(0, share.to - start));
  });
}

export class PartStore {
  constructor(private readonly workDir: string) {}

  private write(file: string, value: unknown): void {
    mkdirSync(this.workDir, { recursive: true });
    writeFileSync(path.join(this.workDir, file), stringify(value));
  }

  private read<T>(file: string): T {
    const at = path.join(this.workDir, file);
    if (!existsSync(at)) {
      throw new NewsroomError({ where: "build in parts", problem: "an earlier part left no record here", value: at, fix: "run the whole build again with eleventy-plugin-newsroom build; its parts must run in order" });
    }
    return parse<T>(readFileSync(at, "utf8"));
  }

  writePlan(plan: PartPlan): void {
    this.write(FILES.plan, plan);
  }

  /** Whether the first index part has run, and with the theme: a site without it writes no plan. */
  hasPlan(): boolean {
    return existsSync(path.join(this.workDir, FILES.plan));
  }

  readPlan(): PartPlan {
    return this.read<PartPlan>(FILES.plan);
  }

  writeRecords(part: number, records: readonly StoryRecord[]): void {
    this.write(FILES.records(part), records);
  }

  /** Every part's records; two stories at one address stop the build, as one Eleventy build would. */
  readRecords(): StoryRecord[] {
    const { parts } = this.readPlan();
    const records: StoryRecord[] = [];
    const byUrl = new Map<string, string>();
    for (let part = 1; part <= parts; part++) {
      for (const record of this.read<StoryRecord[]>(FILES.records(part))) {
        if (typeof record.url === "string") {
          const other = byUrl.get(record.url);
          if (other !== undefined) {
            throw new NewsroomError({
              where: "story address",
              problem: `two stories would be written to one page, ${record.url} (the other is ${other})`,
              value: record.url,
              fix: "give one of them another file name or permalink",
              inputPath: record.inputPath,
            });
          }
          byUrl.set(record.url, record.inputPath);
        }
        records.push(record);
      }
    }
    return records;
  }

  writeQuotations(part: number, bySpeaker: Record<string, readonly unknown[]>): void {
    this.write(FILES.quotations(part), bySpeaker);
  }

  /**
   * Each speaker's quotations from every part, in the order the plugin's `quotationsBy` gives
   * them in one build: newest page first, then by URL; a page's own in page order (a page is in
   * one part, and the sort is stable). `withQuotingPages`: with those of the pages other than
   * stories, which the first lists part recorded.
   */
  readQuotations<Q extends { pageDate?: Date | undefined; pageUrl: string }>(withQuotingPages = false): Map<string, readonly Q[]> {
    const { parts } = this.readPlan();
    const files = Array.from({ length: parts }, (_, index) => FILES.quotations(index + 1));
    // The lists parts after the first render none of the site's own pages: their quotations are recorded.
    if (withQuotingPages) files.push(FILES.quotingPagesQuotations);
    const merged = new Map<string, Q[]>();
    for (const file of files) {
      for (const [id, list] of Object.entries(this.read<Record<string, Q[]>>(file))) {
        const all = merged.get(id) ?? [];
        all.push(...list);
        merged.set(id, all);
      }
    }
    const sorted = new Map<string, readonly Q[]>();
    for (const [id, list] of merged) {
      sorted.set(id, Object.freeze(list.sort((a, b) => (b.pageDate?.getTime() ?? 0) - (a.pageDate?.getTime() ?? 0) || a.pageUrl.localeCompare(b.pageUrl))));
    }
    return sorted;
  }

  writeLinks(part: number, links: readonly unknown[]): void {
    this.write(FILES.links(part), links);
  }

  readLinks<L>(): L[] {
    const { parts } = this.readPlan();
    const links: L[] = [];
    for (let part = 1; part <= parts; part++) links.push(...this.read<L[]>(FILES.links(part)));
    return links;
  }

  writeListsPlan(plan: ListsPlan): void {
    this.write(FILES.listsPlan, plan);
  }

  readListsPlan(): ListsPlan {
    return this.read<ListsPlan>(FILES.listsPlan);
  }

  /** The pages other than stories that quote speakers, and their quotations by speaker (first lists part). */
  writeQuotingPages(pages: readonly QuotingPage[], bySpeaker: Record<string, readonly unknown[]>): void {
    this.write(FILES.quotingPages, pages);
    this.write(FILES.quotingPagesQuotations, bySpeaker);
  }

  readQuotingPages(): QuotingPage[] {
    return this.read<QuotingPage[]>(FILES.quotingPages);
  }

  /** The files one part wrote into the output folder (its name: "stories 2"). */
  writeWritten(part: string, files: readonly string[]): void {
    this.write(FILES.written(part), files);
  }

  /** The files every part so far wrote into the output folder. */
  readWritten(): string[] {
    const names = existsSync(this.workDir) ? readdirSync(this.workDir).filter((name) => name.startsWith("written-") && name.endsWith(".json")) : [];
    return names.flatMap((name) => this.read<string[]>(name));
  }

}

/** What a part builds: the ignore patterns that leave other stories out, and those stories' records. */
export interface PartSelection {
  ignores: string[];
  /** The stories other parts render: lists, related stories and sitemaps know them from these. */
  otherStories: StoryRecord[];
}

/**
 * The stories this part renders and the records of the rest. An index or stories part renders its
 * share; the first lists part renders the stories the feeds carry (their text is in the feeds) and
 * knows the others from their records; the other lists parts know every story from its record. The first index part writes the plan the build command reads.
 * `storyName` turns an Eleventy input path into a path in `articlesFolder`.
 */
export function selectPart(part: BuildPart, articlesFolder: string, storyName: (inputPath: string) => string, feedSize: number, runMode = process.env.ELEVENTY_RUN_MODE): PartSelection {
  if (runMode !== undefined && runMode !== "build") {
    throw new NewsroomError({ where: "build in parts", problem: "builds the site for publishing; the preview and watch mode build it whole", value: runMode, fix: `run npm start as it is, without ${PART_ENV.part}` });
  }
  const store = new PartStore(part.workDir);
  const files = storyFiles(articlesFolder);
  const parts = storyParts(files, part.storiesPerPart);
  if (part.phase === "index" && part.number === 1) store.writePlan({ parts: Math.max(1, parts.length), stories: files.length });
  let kept: Set<string>;
  let otherStories: StoryRecord[] = [];
  if (part.phase === "lists") {
    const records = store.readRecords();
    // The first lists part writes the feeds; the others, list pages only, render no story.
    const feeds = part.number === 1 ? feedStories(records, feedSize) : new Set<string>();
    kept = new Set([...feeds].map(storyName));
    otherStories = records.filter((record) => !feeds.has(record.inputPath));
  } else {
    kept = new Set(parts[part.number - 1] ?? []);
    if (part.phase === "stories") otherStories = store.readRecords().filter((record) => !kept.has(storyName(record.inputPath)));
  }
  return { ignores: ignorePatterns(articlesFolder, files.filter((file) => !kept.has(file))), otherStories };
}

/** The stories whose content the feeds carry: the newest `feedSize` of the site and of each section. */
export function feedStories(records: readonly StoryRecord[], feedSize: number): Set<string> {
  // As buildSiteIndex orders the site's stories: newest first, equal dates in Eleventy's order.
  const newestFirst = [...records].sort(eleventyOrder).sort((a, b) => b.date.getTime() - a.date.getTime());
  const chosen = new Set<string>();
  const perSection = new Map<string, number>();
  newestFirst.forEach((record, position) => {
    if (position < feedSize) chosen.add(record.inputPath);
    const section = String(record.data.section);
    const count = perSection.get(section) ?? 0;
    if (count < feedSize) chosen.add(record.inputPath);
    perSection.set(section, count + 1);
  });
  return chosen;
}
