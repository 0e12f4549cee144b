/**
 * What one build remembers for the next under `npm start` (Eleventy's watch mode): the files
 * changed since, which stories were checked and what each quotes, which list pages are on disk as
 * they would be written again, and each story's front matter as written. A build that no build
 * follows keeps nothing it does not need.
 */
import type { EleventyEventDetails } from "../eleventy-types.js";
import { normalizeInputPath } from "./config.js";
import { ListPageMemory } from "./list-page-memory.js";
import { SourceFiles } from "./publishing.js";

/** A file whose change is a story's own, when it is in the articles folder: not directory data, which every story there reads. */
const STORY_TEMPLATE = /\.(?:md|markdown|njk|liquid|html)$/i;

export class WatchMemory {
  /** Which list pages a rebuild must write again. */
  readonly listPages = new ListPageMemory();
  /** Each story's front matter as written: read once a build, kept between incremental builds. */
  readonly sources = new SourceFiles();
  /** Files changed since the last build, in watch mode. */
  private changedFiles: string[] | undefined;
  private lastBuildSucceeded = false;
  /**
   * In an incremental rebuild: the stories edited since the last build, when it succeeded and
   * nothing but stories changed. What the last build checked and wrote of the others still holds.
   */
  private storyEdits: ReadonlySet<string> | undefined;
  /** The stories the last build checked, with the speakers each quotes. */
  private checked = new Map<string, Set<string>>();

  constructor(private readonly isArticle: (inputPath: string) => boolean) {}

  /** Eleventy's list of the files changed before a rebuild (`eleventy.beforeWatch`). */
  filesChanged(queue: string[]): void {
    this.changedFiles = queue;
  }

  startBuild(event: EleventyEventDetails | undefined): void {
    const changed = this.changedFiles;
    // An incremental rebuild after edits to stories only may keep list pages they did not change.
    const storiesOnly = event?.incremental === true && this.lastBuildSucceeded && changed !== undefined && changed.length > 0 && changed.every((file) => this.isArticle(file) && STORY_TEMPLATE.test(file));
    this.storyEdits = storiesOnly ? new Set(changed?.map(normalizeInputPath)) : undefined;
    // Only watch mode (npm start) builds again and compares.
    this.listPages.startBuild(this.storyEdits, event?.runMode !== undefined ? event.runMode !== "build" : process.env.ELEVENTY_RUN_MODE !== "build");
    // A file's front matter as written changes only with the file, whatever else changed.
    this.sources.startBuild({ keep: event?.incremental === true, changedFiles: changed && new Set(changed.map(normalizeInputPath)) }, normalizeInputPath);
    this.changedFiles = undefined;
    this.lastBuildSucceeded = false;
  }

  /** The build wrote every page: the next may keep what this one wrote. */
  buildSucceeded(): void {
    this.lastBuildSucceeded = true;
  }

  /** The speakers a story quotes, when it is unchanged since a build that checked it with the same data and registries. */
  checkedBefore(inputPath: string): Set<string> | undefined {
    return this.storyEdits && !this.storyEdits.has(normalizeInputPath(inputPath)) ? this.checked.get(inputPath) : undefined;
  }

  /** The stories this build checked, each with the speakers it quotes. */
  rememberChecked(checked: Map<string, Set<string>>): void {
    this.checked = checked;
  }
}
