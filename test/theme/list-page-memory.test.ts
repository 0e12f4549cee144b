/**
 * In watch mode, after edits to stories only, a list page is written again only if it changed: it
 * shows an edited story, its stories or their order changed, its list grew or shrank, or its
 * topic's name is spelt otherwise. Any other rebuild writes every page.
 */
import { describe, expect, it } from "vitest";
import { ListPageMemory } from "../../plugin/theme/list-page-memory.js";
import { paginate } from "../../plugin/theme/site-index.js";

const normalize = (inputPath: string) => inputPath.replace(/^\.\//, "");
const story = (n: number) => ({ inputPath: `./articles/story-${n}.md`, url: `/news/story-${n}/` });
/** Stories n…1, newest first, in pages of two. */
const newsPages = (stories: ReturnType<typeof story>[], name = "News") => paginate({ name }, "/news/", stories, 2);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => story(from - i));
const urls = (pages: { permalink: string }[]) => pages.map((page) => page.permalink);

describe("ListPageMemory", () => {
  it("renders every page in a build that does not follow a story-only edit", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined);
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/", "/news/page/2/", "/news/page/3/"]);
    // A later full build (a layout or data changed) renders them all again.
    memory.startBuild(undefined);
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/", "/news/page/2/", "/news/page/3/"]);
  });

  it("remembers nothing of a build that no build follows (eleventy without --watch), and keeps no page after it", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined, false);
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/", "/news/page/2/", "/news/page/3/"]);
    memory.startBuild(new Set(["articles/story-3.md"]));
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/", "/news/page/2/", "/news/page/3/"]);
  });

  it("after an edit to one story, renders only the page that shows it", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined);
    memory.toRender(newsPages(range(6, 1)), normalize);
    memory.startBuild(new Set(["articles/story-3.md"]));
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/page/2/"]);
    // The next edit compares with this build, whose pages are all on disk.
    memory.startBuild(new Set(["articles/story-6.md"]));
    expect(urls(memory.toRender(newsPages(range(6, 1)), normalize))).toEqual(["/news/"]);
  });

  it("renders the pages whose stories moved when a story is added, and every page when the count changes", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined);
    memory.toRender(newsPages(range(6, 1)), normalize);
    // A seventh story: every page's stories shift by one and a fourth page appears.
    memory.startBuild(new Set(["articles/story-7.md"]));
    expect(urls(memory.toRender(newsPages(range(7, 1)), normalize))).toEqual(["/news/", "/news/page/2/", "/news/page/3/", "/news/page/4/"]);
    // An eighth story fills the last page: the others' stories all moved again.
    memory.startBuild(new Set(["articles/story-8.md"]));
    expect(urls(memory.toRender(newsPages(range(8, 1)), normalize))).toHaveLength(4);
    // The oldest story leaves the list (moved to another section, say) and the page count stays:
    // the first pages keep their stories; only the last changes.
    memory.startBuild(new Set(["articles/story-1.md"]));
    expect(urls(memory.toRender(newsPages(range(8, 2)), normalize))).toEqual(["/news/page/4/"]);
  });

  it("renders every page of a topic whose name is now spelt otherwise", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined);
    memory.toRender(newsPages(range(4, 1), "Budget"), normalize);
    memory.startBuild(new Set(["articles/story-4.md"]));
    expect(urls(memory.toRender(newsPages(range(4, 1), "budget"), normalize))).toEqual(["/news/", "/news/page/2/"]);
  });

  it("renders a page whose story's address changed, and a page not in the last build", () => {
    const memory = new ListPageMemory();
    memory.startBuild(undefined);
    memory.toRender(newsPages(range(4, 1)), normalize);
    memory.startBuild(new Set(["articles/other.md"]));
    const moved = range(4, 1).map((item) => (item.inputPath.endsWith("story-1.md") ? { ...item, url: "/sports/story-1/" } : item));
    expect(urls(memory.toRender(newsPages(moved), normalize))).toEqual(["/news/page/2/"]);
    expect(urls(memory.toRender(paginate({ name: "Sports" }, "/sports/", [story(9)], 2), normalize))).toEqual(["/sports/"]);
  });
});
