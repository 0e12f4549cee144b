/**
 * Which list pages a rebuild in watch mode (`npm start`) must write again.
 *
 * Eleventy's incremental mode renders again every page of every list after any edit: it cannot
 * know on which page of a paginated list a story appears. At 10,000 stories that is thousands of
 * pages for one changed word. When only stories changed since the last build that succeeded, a list
 * page that shows the same stories in the same order, in a list of the same length, none of them
 * edited, is on disk already as it would be written again: it is left out of this build.
 * Anything else changed (a layout, data, a registry, the configuration) renders every page.
 */
import type { ListPage } from "./site-index.js";

/** What a list page's item must have to be recognised between builds. */
export interface ListedItem {
  inputPath: string;
  url?: string | false | undefined;
}

export class ListPageMemory {
  /** Each list page's signature in the last build. */
  private previous = new Map<string, string>();
  private current = new Map<string, string>();
  /** The stories edited since the last build, when it succeeded and nothing else changed. */
  private editedStories: ReadonlySet<string> | undefined;
  /** Whether a later build will ask: a build that is not watched has none. */
  private remembering = true;

  /**
   * A build starts. `editedStories` (normalised input paths): the stories changed since the last
   * build, when it succeeded (every page of it is on disk) and nothing but stories changed;
   * undefined renders every page. `remember`: false when no build follows this one (a build, not
   * watch mode), which spares working out every page's signature (seconds at 100,000 stories).
   */
  startBuild(editedStories: ReadonlySet<string> | undefined, remember = true): void {
    this.previous = this.current;
    this.current = new Map();
    this.editedStories = editedStories;
    this.remembering = remember;
  }

  /** The pages of a list this build renders: all, or only those not already on disk as they would be written. */
  toRender<L, T extends ListedItem>(pages: readonly ListPage<L, T>[], normalize: (inputPath: string) => string): ListPage<L, T>[] {
    const edited = this.editedStories;
    if (!this.remembering && edited === undefined) return [...pages];
    const render: ListPage<L, T>[] = [];
    for (const page of pages) {
      // A topic's name is written as its stories spell it; other lists' names come from data.
      const name = typeof page.list === "object" && page.list !== null && "name" in page.list ? page.list.name : null;
      const signature = JSON.stringify([name, page.count, page.items.map((item) => [item.inputPath, item.url ?? null])]);
      this.current.set(page.permalink, signature);
      const unchanged = edited !== undefined && this.previous.get(page.permalink) === signature && !page.items.some((item) => edited.has(normalize(item.inputPath)));
      if (!unchanged) render.push(page);
    }
    return render;
  }
}
