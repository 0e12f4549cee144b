import { describe, expect, it } from "vitest";
import { impossibleWrittenDate, validateArticle } from "../../plugin/theme/front-matter.js";

const registries = { sections: { world: { name: "World" } }, authors: { ada: { name: "Ada Reyes" } } };
const good = { title: "Headline", dek: "Standfirst", date: new Date("2025-09-05T23:00:00Z"), section: "world", byline: ["ada"], tags: ["Ukraine"] };

describe("impossibleWrittenDate", () => {
  it.each([
    ["---\ndate: 2025-02-30\n---\n", "date", "2025-02-30"],
    ["---\ntitle: x\ndate: 2025-13-01T10:00:00Z\n---\n", "date", "2025-13-01T10:00"],
    ["---\nupdated: 2025-09-05 24:30\n---\n", "updated", "2025-09-05 24:30"],
  ])("finds %j", (text, field, value) => {
    expect(impossibleWrittenDate(text, field)).toBe(value);
  });

  it.each([
    ["---\ndate: 2024-02-29T23:59:00-05:00\n---\n", "date"],
    ["---\ndate: \"2025-09-05\"\n---\n", "date"],
    ["---\ntitle: x\n---\ndate: 2025-02-30 in the body is not front matter\n", "date"],
    ["---\nupdated: 2025-02-30\n---\n", "date"],
  ])("accepts %j", (text, field) => {
    expect(impossibleWrittenDate(text, field)).toBeUndefined();
  });
});

describe("validateArticle", () => {
  it("accepts a sound article", () => {
    expect(() => validateArticle("./a.md", good, registries)).not.toThrow();
    expect(() => validateArticle("./a.md", { ...good, byline: "organisation" }, registries)).not.toThrow();
  });

  it("rejects an impossible date as written in the file", () => {
    expect(() => validateArticle("./a.md", good, registries, "---\ndate: 2025-02-30\n---\n")).toThrow(
      '[newsroom] front matter date in ./a.md: this day or time does not exist (YAML would quietly turn it into another date): "2025-02-30". Fix: correct the date, e.g. 2025-02-28',
    );
  });

  it.each([
    [{ title: undefined }, "front matter title in ./a.md: is missing"],
    [{ dek: "  " }, 'front matter dek in ./a.md: must be non-empty text, got: "  "'],
    [{ section: "wrld" }, 'front matter section in ./a.md: unknown section id: "wrld". Fix: did you mean "world"?'],
    [{ byline: [] }, 'front matter byline in ./a.md: must be a list of author ids or "organisation", got: []'],
    [{ tags: "Ukraine" }, 'front matter tags in ./a.md: must be a list of topic names, got: "Ukraine"'],
    [{ dateline: "Kyiv" }, 'front matter dateline in ./a.md: AP style needs a state or country after this city: "Kyiv"'],
    [{ correctionDate: "soon" }, 'front matter correctionDate in ./a.md: is no longer read (a story can now have several corrections, each with its date): "soon"'],
    [{ corrections: [{ date: "soon", text: "Fixed." }] }, 'front matter corrections[0].date in ./a.md: cannot read this date: "soon"'],
  ])("rejects %j", (fields, message) => {
    expect(() => validateArticle("./a.md", { ...good, ...fields }, registries)).toThrow(`[newsroom] ${message}`);
  });
});
