/**
 * Per-build, per-page memory: who a page has introduced and what it quoted. Reset at the start of
 * every build, so watch-mode rebuilds start clean.
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
  private readonly pages = new Map<string, PageState>();
  private readonly warned = new Set<string>();
  /** Each page's data from the collection pass, for shortcodes that describe the whole page. */
  private readonly pageData = new Map<string, Record<string, unknown>>();
  private readonly bySpeaker = new Map<string, SiteQuotation[]>();
  /** Each page's collection item, for its content without the layout (the story's body). */
  private readonly items = new Map<string, RenderedItem>();

  constructor(private readonly optionRegistry: SpeakerRegistry) {
    this.registry = { ...optionRegistry };
  }

  reset(): void {
    this.registry = { ...this.optionRegistry };
    this.pages.clear();
    this.warned.clear();
    this.pageData.clear();
    this.bySpeaker.clear();
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
    const list = this.bySpeaker.get(record.speaker.id) ?? [];
    list.push({
      ...record,
      pageUrl: page.url,
      pageTitle: typeof data?.title === "string" ? data.title : undefined,
      pageDate: page.date,
      pagePublished: (data?.date ?? page.date) as DateInput | undefined,
    });
    this.bySpeaker.set(record.speaker.id, list);
  }

  /**
   * Every quotation by a registry speaker recorded so far this build: newest page first, in
   * page order within a page. Pages render concurrently, so sorting keeps builds reproducible.
   */
  quotationsBy(id: string): SiteQuotation[] {
    const all = this.bySpeaker.get(id) ?? [];
    // A pull quote lifts words the story already quotes: list the quotation once, not twice.
    const said = all.filter((q) => q.kind !== "pullquote");
    const listed = all.filter(
      (q) => q.kind !== "pullquote" || !said.some((other) => other.pageUrl === q.pageUrl && normalizeForComparison(other.text).includes(normalizeForComparison(q.text))),
    );
    return listed.sort(
      (a, b) => (b.pageDate?.getTime() ?? 0) - (a.pageDate?.getTime() ?? 0) || a.pageUrl.localeCompare(b.pageUrl),
    );
  }

  /** A page is one output: paginated templates share an input path but not a URL. */
  static keyOf(page: EleventyPage | undefined): string {
    return `${page?.inputPath ?? "(unknown input)"}#${page?.url === false ? "(no url)" : page?.url ?? ""}`;
  }

  forPage(page: EleventyPage | undefined): PageState {
    const key = BuildState.keyOf(page);
    let state = this.pages.get(key);
    if (!state) {
      state = { introduced: new Set(), quotations: [], fragments: new Map() };
      this.pages.set(key, state);
    }
    return state;
  }

  /** True the first time a message is seen this build: warnings print once. */
  firstTime(message: string): boolean {
    if (this.warned.has(message)) return false;
    this.warned.add(message);
    return true;
  }
}
