/**
 * Per-build, per-page memory: who a page has introduced and what it quoted. Reset at the start of
 * every build, so watch-mode rebuilds start clean.
 */
import type { EleventyPage } from "./eleventy-types.js";
import type { QuotationRecord } from "./quotation-record.js";
import type { SpeakerRegistry } from "./speakers.js";

export interface PageState {
  introduced: Set<string>;
  quotations: QuotationRecord[];
}

export class BuildState {
  /** The merged registry for this build: global data under the plugin options. */
  registry: SpeakerRegistry;
  private readonly pages = new Map<string, PageState>();
  private readonly warned = new Set<string>();

  constructor(private readonly optionRegistry: SpeakerRegistry) {
    this.registry = { ...optionRegistry };
  }

  reset(): void {
    this.registry = { ...this.optionRegistry };
    this.pages.clear();
    this.warned.clear();
  }

  /** A page is one output: paginated templates share an input path but not a URL. */
  static keyOf(page: EleventyPage | undefined): string {
    return `${page?.inputPath ?? "(unknown input)"}#${page?.url === false ? "(no url)" : page?.url ?? ""}`;
  }

  forPage(page: EleventyPage | undefined): PageState {
    const key = BuildState.keyOf(page);
    let state = this.pages.get(key);
    if (!state) {
      state = { introduced: new Set(), quotations: [] };
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
