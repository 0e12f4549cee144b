/**
 * How this Eleventy process builds the site: whole (every `npm run build`, `npm start`), or one
 * part of a build in parts (`eleventy-plugin-newsroom build --stories-per-part N`, parts.ts). The
 * rest of the theme asks this object what to do and never looks at the part itself, so each
 * difference between the two kinds of build is written once, here.
 */
import type { EleventyCollectionItem } from "../eleventy-types.js";
import { eleventyOrder, listShare, listsPartCount, pagesInShare, PartStore, quotingPageItem, readBuildPart, selectPart, storyRecord, type BuildPart, type QuotingPage, type StoryRecord } from "./parts.js";

/** Quotations as the plugin's `quotationsBy` filter gives them, as far as the parts read them. */
interface RecordedQuotation {
  pageUrl: string;
  pageDate?: Date | undefined;
}

export class BuildMode {
  /** The stories other parts render, as their records: lists and related stories show them. */
  readonly otherStories: readonly StoryRecord[];
  /** Ignore patterns that leave out the stories other parts render. */
  readonly ignores: readonly string[];
  private readonly store: PartStore | undefined;
  /** How many lists parts write the list pages, once the first has counted them. */
  private listsParts: number;
  private partQuotations: Map<string, readonly RecordedQuotation[]> | undefined;

  /** The mode the environment asks for: a whole build unless the build command set a part. */
  static fromEnvironment(articlesFolder: string, storyName: (inputPath: string) => string, feedSize: number): BuildMode {
    return new BuildMode(readBuildPart(), articlesFolder, storyName, feedSize);
  }

  private constructor(private readonly part: BuildPart | undefined, articlesFolder: string, storyName: (inputPath: string) => string, feedSize: number) {
    this.store = part ? new PartStore(part.workDir) : undefined;
    const selection = part ? selectPart(part, articlesFolder, storyName, feedSize) : undefined;
    this.otherStories = selection?.otherStories ?? [];
    this.ignores = selection?.ignores ?? [];
    this.listsParts = this.isLaterListsPart && this.store ? this.store.readListsPlan().parts : 1;
  }

  get isWhole(): boolean {
    return this.part === undefined;
  }

  /** An index part: stories are read and checked, and nothing is rendered. */
  get indexesOnly(): boolean {
    return this.part?.phase === "index";
  }

  /** Whether this process works out the list pages: a whole build, or a lists part. */
  get writesListPages(): boolean {
    return !this.part || this.part.phase === "lists";
  }

  /** Each embargoed story is said once in a build: by the whole build, or by the index part that reads it. */
  get reportsEmbargoes(): boolean {
    return !this.part || this.part.phase === "index";
  }

  /** The process that publishes the site's own pages and files: a whole build, or the first lists part. */
  get publishesSiteFiles(): boolean {
    return !this.part || (this.part.phase === "lists" && this.part.number === 1);
  }

  /** A lists part after the first: it renders list pages only. */
  get isLaterListsPart(): boolean {
    return this.part?.phase === "lists" && this.part.number > 1;
  }

  /** The first lists part, which records the pages other than stories that quote speakers. */
  get recordsQuotingPages(): boolean {
    return this.part?.phase === "lists" && this.part.number === 1;
  }

  /**
   * Whether this process renders a template at all: story parts render stories only, lists parts
   * after the first only list templates and the page that carries the site's data.
   */
  renders(isStory: boolean, isListTemplate: boolean, carriesSiteData: boolean): boolean {
    if (this.part && this.part.phase !== "lists" && !isStory) return false;
    if (this.isLaterListsPart && !isListTemplate && !carriesSiteData) return false;
    return true;
  }

  /** Every story of the build, rendered here or by another part, in Eleventy's collection order. */
  allStories(rendered: readonly EleventyCollectionItem[], recorded: readonly EleventyCollectionItem[]): EleventyCollectionItem[] {
    return recorded.length === 0 ? [...rendered].sort(eleventyOrder) : [...rendered, ...recorded].sort(eleventyOrder);
  }

  /** An index part records its stories for the parts after it. */
  recordStories(rendered: readonly EleventyCollectionItem[], globalKeys: () => ReadonlySet<string>, quoted: (inputPath: string) => Iterable<string>): void {
    if (this.part?.phase !== "index" || !this.store) return;
    const keys = globalKeys();
    this.store.writeRecords(this.part.number, rendered.map((item) => storyRecord(item, keys, quoted(item.inputPath))));
  }

  /** The pages other than stories that quote speakers, as the first lists part recorded them (later lists parts). */
  recordedQuotingPages(): (EleventyCollectionItem & { quoted: string[] })[] {
    return this.isLaterListsPart && this.store ? this.store.readQuotingPages().map(quotingPageItem) : [];
  }

  /**
   * The list pages this process renders, of those the build has: all of them, or in a lists part
   * its share (the first lists part counts them and plans the shares).
   */
  listPagesToRender<P>(lists: P[][]): P[][] {
    if (this.part?.phase !== "lists") return lists;
    if (this.part.number === 1) {
      const count = lists.reduce((sum, pages) => sum + pages.length, 0);
      this.listsParts = listsPartCount(count, this.part.storiesPerPart);
      this.store?.writeListsPlan({ parts: this.listsParts, listPages: count });
    }
    return pagesInShare(lists, listShare(this.part.number, this.part.storiesPerPart));
  }

  /** In a lists part: a speaker's quotations in every story part (and, after the first, the site's own pages). */
  get recordedQuotations(): ((id: string) => readonly RecordedQuotation[]) | undefined {
    const { part, store } = this;
    if (part?.phase !== "lists" || !store) return undefined;
    return (id) => (this.partQuotations ??= store.readQuotations<RecordedQuotation>(part.number > 1)).get(id) ?? [];
  }

  /**
   * After a part's build: a stories part records its stories' quotations for the speaker pages;
   * the first lists part records the pages other than stories that quote, with their quotations.
   */
  recordQuotations(speakerIds: readonly string[], quotationsBy: (id: string) => readonly RecordedQuotation[], quotingPages: readonly QuotingPage[]): void {
    if (!this.part || !this.store) return;
    if (this.part.phase === "stories") {
      const bySpeaker: Record<string, readonly unknown[]> = {};
      for (const id of speakerIds) bySpeaker[id] = quotationsBy(id);
      this.store.writeQuotations(this.part.number, bySpeaker);
    } else if (this.recordsQuotingPages) {
      const urls = new Set(quotingPages.map((page) => page.url));
      const bySpeaker: Record<string, readonly unknown[]> = {};
      for (const id of speakerIds) bySpeaker[id] = quotationsBy(id).filter((quotation) => urls.has(quotation.pageUrl));
      this.store.writeQuotingPages(quotingPages, bySpeaker);
    }
  }

  /**
   * The files the whole build wrote into the output folder, for its cleaning: in a whole build this
   * process's own; in a build in parts every part's, once the last lists part has written its own.
   * A part before the last records its files instead (undefined: it cleans nothing).
   */
  outputOfEveryPart(own: readonly string[]): readonly string[] | undefined {
    if (!this.part || !this.store) return own;
    this.store.writeWritten(`${this.part.phase} ${this.part.number}`, own);
    if (!(this.part.phase === "lists" && this.part.number === this.listsParts)) return undefined;
    return this.store.readWritten();
  }

  /**
   * The story links this process checks against the written site: in a whole build its own; in
   * a build in parts every part's, once the last lists part has written the site. A stories part
   * records its links instead and checks none (undefined).
   */
  storyLinksToCheck<L extends { target: string }>(own: readonly L[], known: (target: string) => boolean): L[] | undefined {
    const links = [...own];
    if (this.part && this.store && !(this.part.phase === "lists" && this.part.number === this.listsParts)) {
      if (this.part.phase === "stories") this.store.writeLinks(this.part.number, links);
      return undefined;
    }
    if (this.store) for (const link of this.store.readLinks<L>()) if (!known(link.target)) links.push(link);
    return links;
  }
}
