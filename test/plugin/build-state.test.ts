/**
 * The build's memory of quotations: what quotationsBy hands out, and when its answer changes.
 */
import { describe, expect, it } from "vitest";
import { BuildState } from "../../plugin/build-state.js";
import type { QuotationRecord } from "../../plugin/quotation-record.js";

const speaker = { id: "putin", name: "Vladimir Putin", shortName: "Putin", title: undefined, affiliation: undefined, description: undefined, appositive: undefined, url: undefined, sameAs: [] };
const said = (text: string): QuotationRecord => ({ kind: "quote", text, speaker });
const page = (n: number) => ({ inputPath: `./story-${n}.md`, url: `/story-${n}/`, date: new Date(Date.UTC(2025, 0, n)) });

describe("BuildState.quotationsBy", () => {
  it("hands out one frozen list, newest page first, until the speaker is quoted again", () => {
    const state = new BuildState({});
    state.recordQuotation(page(1), said("First"));
    state.recordQuotation(page(2), said("Second"));
    const list = state.quotationsBy("putin");
    expect(list.map((q) => q.text)).toEqual(["Second", "First"]);
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => (list as unknown as unknown[]).push(said("More"))).toThrow(TypeError);
    // Speaker pages ask once a page: the same array, not a copy of it each time.
    expect(state.quotationsBy("putin")).toBe(list);

    state.recordQuotation(page(3), said("Third"));
    const after = state.quotationsBy("putin");
    expect(after).not.toBe(list);
    expect(after.map((q) => q.text)).toEqual(["Third", "Second", "First"]);
    expect(list.map((q) => q.text)).toEqual(["Second", "First"]);
  });

  it("lists a pull quote once its page quotes other words, and not once the page quotes its words, asked between", () => {
    const state = new BuildState({});
    const pullquote = (text: string): QuotationRecord => ({ kind: "pullquote", text, speaker });
    state.recordQuotation(page(1), pullquote("we can have it"));
    expect(state.quotationsBy("putin").map((q) => q.kind)).toEqual(["pullquote"]);
    state.recordQuotation(page(1), said("Something else"));
    expect(state.quotationsBy("putin").map((q) => q.kind)).toEqual(["pullquote", "quote"]);
    state.recordQuotation(page(1), said("If it is well prepared, “We can have it,” he said"));
    expect(state.quotationsBy("putin").map((q) => q.text)).toEqual(["Something else", "If it is well prepared, “We can have it,” he said"]);
    state.reset({ keepPages: true });
    state.recordQuotation(page(1), pullquote("we can have it"));
    expect(state.quotationsBy("putin").map((q) => q.kind)).toEqual(["pullquote"]);
  });

  it("drops a page's quotations when the page renders again in an incremental build", () => {
    const state = new BuildState({});
    state.recordQuotation(page(1), said("Before the edit"));
    state.reset({ keepPages: true });
    state.recordQuotation(page(1), said("After the edit"));
    expect(state.quotationsBy("putin").map((q) => q.text)).toEqual(["After the edit"]);
  });

  it("drops the quotations of a page whose file was deleted while watching, and keeps the others'", () => {
    const state = new BuildState({});
    state.recordQuotation(page(1), said("Kept"));
    state.recordQuotation(page(2), said("Deleted"));
    state.recordQuotation(page(3), said("Left out of collections"));
    state.reset({ keepPages: true });
    // story-2 is gone; story-3 is not among the collection's pages but its file is there.
    state.forgetRemovedPages(new Set(["./story-1.md"]), (inputPath) => inputPath === "./story-3.md");
    expect(state.quotationsBy("putin").map((q) => q.text)).toEqual(["Left out of collections", "Kept"]);
  });
});

describe("BuildState: a page that moved", () => {
  it("drops what a story recorded at its old URL when it renders at a new one, and keeps a paginated template's pages", () => {
    const state = new BuildState({});
    const at = (url: string) => ({ ...page(1), url });
    state.recordQuotation(at("/politics/story-1/"), said("At the old address"));
    state.reset({ keepPages: true });
    state.recordQuotation(at("/business/story-1/"), said("At the new address"));
    expect(state.quotationsBy("putin").map((q) => q.pageUrl)).toEqual(["/business/story-1/"]);
    // Two pages of one template in one build are both kept.
    state.reset({ keepPages: true });
    state.recordQuotation(at("/list/"), said("Page one"));
    state.recordQuotation(at("/list/page/2/"), said("Page two"));
    expect(state.quotationsBy("putin").map((q) => q.text).sort()).toEqual(["Page one", "Page two"]);
  });
});

describe("BuildState.finishPage", () => {
  it("hands back the page's quotations and lets go of what its shortcodes left for enclosing ones", () => {
    const state = new BuildState({});
    state.forPage(page(1)).introduced.add("putin");
    state.rememberFragment(page(1), "<span>x</span>", { shortcode: "inlineQuote", inline: true });
    state.recordQuotation(page(1), said("Words"));
    expect(state.finishPage(page(1)).map((q) => q.text)).toEqual(["Words"]);
    const after = state.forPage(page(1));
    expect([after.fragments.size, after.introduced.size, after.quotations.length]).toEqual([0, 0, 0]);
    // The speaker pages keep their own list.
    expect(state.quotationsBy("putin").map((q) => q.text)).toEqual(["Words"]);
  });

  it("keeps no record of a page that recorded nothing", () => {
    const state = new BuildState({});
    expect(state.finishPage(page(2))).toEqual([]);
    expect((state as unknown as { pages: Map<string, unknown> }).pages.size).toBe(0);
  });

  it("still replaces a finished page's quotations when it renders again in an incremental build", () => {
    const state = new BuildState({});
    state.recordQuotation(page(1), said("Before the edit"));
    state.finishPage(page(1));
    state.reset({ keepPages: true });
    state.recordQuotation(page(1), said("After the edit"));
    expect(state.quotationsBy("putin").map((q) => q.text)).toEqual(["After the edit"]);
  });
});
