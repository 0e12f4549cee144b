/**
 * Per-build, per-page memory: who a page has introduced and what it quoted. A full build starts
 * clean; an incremental rebuild (watch mode with --incremental) renders only the changed pages, so
 * it keeps the other pages' records and a page's records are replaced when it renders again.
 */
import type { DateInput } from "./dates.js";
import type { EleventyPage } from "./eleventy-types.js";
import { normalizeForComparison } from "./integrity.js";
import type { RenderedFragment } from "./nesting.js";
import type { QuotationRecord } from "./quotation-record.js";
import type { SpeakerRegistry } from "./speakers.js";

export interface PageState {
  introduced: Set<string>;
  quotations: QuotationRecord[];
  /** The plugin's HTML on this page, for shortcodes that find it inside their bodies. */
  fragments: Map<string, RenderedFragment>;
}

/** A page as the collection API hands it out: its content, once rendered, without the layout. */
interface RenderedItem {
  readonly templateContent?: unknown;
}

interface StoredPage extends PageState {
  /** The build that rendered the page: a page met again in a later build starts over. */
  build: number;
  inputPath: string | undefined;
}

/** A quotation as a speaker page lists it: the words and the page they appear on. */
export interface SiteQuotation extends QuotationRecord {
  pageUrl: string;
  pageTitle: string | undefined;
  pageDate: Date | undefined;
  /** The page's publication date as its data gives it (a day stays a day), for display. */
  pagePublished: DateInput | undefined;
}

export class BuildState {
  /** The merged registry for this build: global data under the plugin options. */
  registry: SpeakerRegistry;
  private readonly pages = new Map<string, StoredPage>();
  /** Each template's page keys: a paginated template has one a URL. */
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly warned = new Set<string>();
  /** Each page's data from the collection pass, for shortcodes that describe the whole page. */
  private readonly pageData = new Map<string, Record<string, unknown>>();
  /** Speaker id → page key → that page's quotations by the speaker. */
  private readonly bySpeaker = new Map<string, Map<string, SiteQuotation[]>>();
  /**
   * quotationsBy's sorted answers, frozen and handed out as they are: speaker pages ask once a
   * page, and a copy for each of an archive's thousands of pages would make the pages quadratic.
   * The answer changes only with a new quotation.
   */
  private readonly sorted = new Map<string, readonly SiteQuotation[]>();
  private build = 0;
  /** Each page's collection item, for its content without the layout (the story's body). */
  private readonly items = new Map<string, RenderedItem>();

  constructor(private readonly optionRegistry: SpeakerRegistry) {
    this.registry = { ...optionRegistry };
  }

  /** A new build: from scratch, or (incremental) keeping what pages not rendered again recorded. */
  reset(options: { keepPages?: boolean } = {}): void {
    this.build++;
    this.registry = { ...this.optionRegistry };
    this.warned.clear();
    this.pageData.clear();
    if (options.keepPages) return;
    this.pages.clear();
    this.keysOf.clear();
    this.bySpeaker.clear();
    this.sorted.clear();
    this.items.clear();
  }

  rememberPageData(page: EleventyPage, data: Record<string, unknown>, item?: RenderedItem): void {
    this.pageData.set(BuildState.keyOf(page), data);
    if (item) this.items.set(BuildState.keyOf(page), item);
  }

  /**
   * The page's own content without its layout (for an article, the story's body), once rendered;
   * undefined for a page outside the collections.
   */
  contentOf(page: EleventyPage | undefined): string | undefined {
    const item = this.items.get(BuildState.keyOf(page));
    if (!item) return undefined;
    try {
      const content = item.templateContent;
      return typeof content === "string" ? content : undefined;
    } catch {
      // Eleventy throws when the content is not rendered yet; the caller falls back to the page.
      return undefined;
    }
  }

  /** Remembers HTML the plugin rendered on a page, so an enclosing shortcode recognises it. */
  rememberFragment(page: EleventyPage | undefined, html: string, fragment: RenderedFragment): void {
    this.forPage(page).fragments.set(html, fragment);
  }

  dataOf(page: EleventyPage | undefined): Record<string, unknown> | undefined {
    return this.pageData.get(BuildState.keyOf(page));
  }

  /** Records a quotation on its page and in the speaker's list, in one step. */
  recordQuotation(page: EleventyPage | undefined, record: QuotationRecord): void {
    this.forPage(page).quotations.push(record);
    if (!record.speaker.id || !page?.url) return;
    const data = this.dataOf(page);
    let pages = this.bySpeaker.get(record.speaker.id);
    if (!pages) this.bySpeaker.set(record.speaker.id, (pages = new Map()));
    const key = BuildState.keyOf(page);
    let list = pages.get(key);
    if (!list) pages.set(key, (list = []));
    // Written out, not spread: one object shape for every record (a spread gave each its own
    // hidden class, the largest part of a speaker list's memory).
    list.push({
      kind: record.kind,
      text: record.text,
      speaker: record.speaker,
      occasion: record.occasion,
      place: record.place,
      date: record.date,
      cite: record.cite,
      pageUrl: page.url,
      pageTitle: typeof data?.title === "string" ? data.title : undefined,
      pageDate: page.date,
      pagePublished: (data?.date ?? page.date) as DateInput | undefined,
    });
    this.sorted.delete(record.speaker.id);
  }

  /**
   * Every quotation by a registry speaker recorded so far this build: newest page first, in
   * page order within a page. Pages render concurrently, so sorting keeps builds reproducible.
   * The same frozen array until the speaker's quotations change: a template that reorders it
   * sorts a copy (Nunjucks' and Liquid's `sort` do), and JavaScript that sorts it in place throws.
   */
  quotationsBy(id: string): readonly SiteQuotation[] {
    let list = this.sorted.get(id);
    if (!list) {
      list = Object.freeze(
        [...(this.bySpeaker.get(id)?.values() ?? [])].flatMap(listedOnce).sort(
          (a, b) => (b.pageDate?.getTime() ?? 0) - (a.pageDate?.getTime() ?? 0) || a.pageUrl.localeCompare(b.pageUrl),
        ),
      );
      this.sorted.set(id, list);
    }
    return list;
  }

  /** A page is one output: paginated templates share an input path but not a URL. */
  static keyOf(page: EleventyPage | undefined): string {
    return `${page?.inputPath ?? "(unknown input)"}#${page?.url === false ? "(no url)" : page?.url ?? ""}`;
  }

  forPage(page: EleventyPage | undefined): PageState {
    const key = BuildState.keyOf(page);
    let state = this.pages.get(key);
    if (!state || state.build !== this.build) {
      // Rendered again (an incremental rebuild): what it recorded before no longer stands, nor
      // what it recorded at another URL (a story whose date or section changed moved).
      if (state) this.forgetQuotations(key);
      if (page?.inputPath !== undefined) this.forgetEarlierUrls(page.inputPath);
      state = { introduced: new Set(), quotations: [], fragments: new Map(), build: this.build, inputPath: page?.inputPath };
      this.pages.set(key, state);
      if (page?.inputPath !== undefined) this.keysOf.get(page.inputPath)?.add(key);
    }
    return state;
  }

  /** Drops what a template's pages recorded in earlier builds: it renders all its pages again now. */
  private forgetEarlierUrls(inputPath: string): void {
    let keys = this.keysOf.get(inputPath);
    if (!keys) this.keysOf.set(inputPath, (keys = new Set()));
    for (const key of keys) {
      const stored = this.pages.get(key);
      if (stored && stored.build === this.build) continue;
      keys.delete(key);
      this.pages.delete(key);
      this.forgetQuotations(key);
    }
  }

  /**
   * The page is rendered: hands back its quotations and lets go of what its shortcodes left for
   * enclosing ones (fragments, who was introduced), so an archive's pages do not all stay in
   * memory to the end of the build. The speaker lists keep their own records. A page that
   * recorded nothing gets no record here either.
   */
  finishPage(page: EleventyPage | undefined): QuotationRecord[] {
    const state = this.pages.get(BuildState.keyOf(page));
    if (!state || state.build !== this.build) return [];
    const { quotations } = state;
    state.fragments.clear();
    state.introduced.clear();
    state.quotations = [];
    return quotations;
  }

  /**
   * An incremental rebuild keeps what the pages it does not render again recorded; a page whose
   * file was deleted or renamed while watching never renders again, so its quotations go here.
   * `current`: the input paths of this build's templates; `exists`: whether a file is on disk
   * (a page left out of collections is not in `current`).
   */
  forgetRemovedPages(current: ReadonlySet<string>, exists: (inputPath: string) => boolean): void {
    for (const [key, stored] of this.pages) {
      if (stored.inputPath === undefined || current.has(stored.inputPath) || exists(stored.inputPath)) continue;
      this.pages.delete(key);
      this.keysOf.delete(stored.inputPath);
      this.forgetQuotations(key);
    }
  }

  private forgetQuotations(key: string): void {
    for (const [id, pages] of this.bySpeaker) {
      if (pages.delete(key)) this.sorted.delete(id);
    }
  }

  /** True the first time a message is seen this build: warnings print once. */
  firstTime(message: string): boolean {
    if (this.warned.has(message)) return false;
    this.warned.add(message);
    return true;
  }
}

/**
 * One page's quotations by one speaker, a pull quote left out when it lifts words the page
 * already quotes: the quotation is listed once, not twice. Per page, so the work stays linear.
 */
function withoutRepeatedPullquotes(onPage: readonly SiteQuotation[]): readonly SiteQuotation[] {
  const said = onPage.filter((q) => q.kind !== "pullquote").map((q) => normalizeForComparison(q.text));
  if (said.length === 0) return onPage;
  return onPage.filter((q) => q.kind !== "pullquote" || !said.some((text) => text.includes(normalizeForComparison(q.text))));
}

/**
 * withoutRepeatedPullquotes, remembered per page: a page's list only grows (a record is pushed,
 * never changed), so its length says whether the answer still holds. A rebuild under `npm start`
 * asks again for every page of every speaker after one story changes.
 */
const listedOnceAnswers = new WeakMap<readonly SiteQuotation[], { length: number; answer: readonly SiteQuotation[] }>();
function listedOnce(onPage: readonly SiteQuotation[]): readonly SiteQuotation[] {
  const remembered = listedOnceAnswers.get(onPage);
  if (remembered?.length === onPage.length) return remembered.answer;
  const answer = withoutRepeatedPullquotes(onPage);
  listedOnceAnswers.set(onPage, { length: onPage.length, answer });
  return answer;
}
