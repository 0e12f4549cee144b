import { describe, expect, it } from "vitest";
import { validateArticle } from "../../plugin/theme/front-matter.js";
import { frontPage, leadStory, listLead, type FrontItem } from "../../plugin/theme/front-page.js";

/** Stories newest first: s0 is the newest. */
function stories(sections: string[], featured: number[] = []): (FrontItem & { id: string })[] {
  return sections.map((section, index) => ({
    id: `s${index}`,
    url: `/s${index}/`,
    date: new Date(Date.UTC(2025, 8, 30 - index)),
    data: { section, ...(featured.includes(index) ? { featured: true } : {}) },
  }));
}

function sectionsOf(items: ReturnType<typeof stories>, ids: string[]) {
  return ids.map((id) => ({ id, name: id.toUpperCase(), url: `/${id}/`, articles: items.filter((item) => item.data.section === id) }));
}

const headlines = (front: ReturnType<typeof frontPage<ReturnType<typeof stories>[number]>>) =>
  [front.lead, ...front.top, ...front.sections.flatMap((block) => block.stories)].filter(Boolean).map((item) => item?.id);

describe("the front page's lead", () => {
  it("is the newest story when none is featured", () => {
    const items = stories(["news", "sports", "news"]);
    expect(leadStory(items)?.id).toBe("s0");
  });

  it("is the newest featured story, however many newer stories there are", () => {
    const items = stories(["news", "sports", "news", "sports", "news"], [2, 4]);
    expect(leadStory(items)?.id).toBe("s2");
  });

  it("is only a story whose featured is exactly true", () => {
    const items = stories(["news", "news"]);
    (items[1] as FrontItem).data.featured = "true";
    expect(leadStory(items)?.id).toBe("s0");
  });

  it("is nothing on a site without stories", () => {
    expect(frontPage([], [])).toEqual({ lead: undefined, top: [], sections: [] });
  });
});

describe("the front page", () => {
  it("shows the lead, the top stories, then each section's other stories, never a story twice", () => {
    const items = stories(["news", "sports", "news", "business", "sports", "news", "business", "sports", "news", "news", "sports", "business"], [3]);
    const front = frontPage(items, sectionsOf(items, ["news", "sports", "business"]), { top: 4, perSection: 3 });
    expect(front.lead?.id).toBe("s3");
    expect(front.top.map((item) => item.id)).toEqual(["s0", "s1", "s2", "s4"]);
    expect(front.sections.map((block) => [block.id, block.stories.map((item) => item.id)])).toEqual([
      ["news", ["s5", "s8", "s9"]],
      ["sports", ["s7", "s10"]],
      ["business", ["s6", "s11"]],
    ]);
    const shown = headlines(front);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("leaves out a section whose stories are all shown already, so no block is empty", () => {
    const items = stories(["news", "sports", "news"]);
    const front = frontPage(items, sectionsOf(items, ["news", "sports", "business"]));
    expect(front.lead?.id).toBe("s0");
    expect(front.top.map((item) => item.id)).toEqual(["s1", "s2"]);
    expect(front.sections).toEqual([]);
  });
});

describe("a section's first page", () => {
  it("is led by its newest featured story, the others in order after it", () => {
    const items = stories(["news", "news", "news"], [1]);
    const { lead, rest } = listLead(items, 1);
    expect(lead?.id).toBe("s1");
    expect(rest.map((item) => item.id)).toEqual(["s0", "s2"]);
  });

  it("later pages have no lead", () => {
    const items = stories(["news", "news"]);
    expect(listLead(items, 2)).toEqual({ lead: undefined, rest: items });
  });
});

describe("featured in front matter", () => {
  const registries = { sections: { world: { name: "World" } }, authors: {} };
  const good = { title: "Headline", dek: "Standfirst", date: new Date("2025-09-05T23:00:00Z"), section: "world" };

  it("is a known field, true or false", () => {
    expect(() => validateArticle("./a.md", { ...good, featured: true }, { ...registries, frontMatter: { ...good, featured: true } })).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, featured: false }, registries)).not.toThrow();
  });

  it.each([["yes"], [1], ["true"], [null]])("stops the build when it is %j, naming file, field, value and fix", (value) => {
    expect(() => validateArticle("./a.md", { ...good, featured: value }, registries)).toThrow(
      `[newsroom] front matter featured in ./a.md: must be true or false, got: ${JSON.stringify(value)}. Fix: write featured: true to make this story the front page's lead, or remove the line`,
    );
  });
});
