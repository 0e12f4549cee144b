import { describe, expect, it } from "vitest";
import { BUILT_IN_KINDS, KIND_SCHEMA_TYPES, kindRules, resolveKinds, storyKind } from "../../plugin/kinds.js";
import { NewsroomError } from "../../plugin/errors.js";

function thrown(work: () => unknown): NewsroomError {
  try {
    work();
  } catch (error) {
    if (error instanceof NewsroomError) return error;
    throw error;
  }
  throw new Error("expected a NewsroomError");
}

describe("the built-in kinds", () => {
  it("map each kind to its schema.org type", () => {
    const kinds = resolveKinds(undefined);
    const types = Object.fromEntries(Object.values(kinds).map((kind) => [kind.id, kind.schemaType]));
    expect(types).toEqual({
      news: "NewsArticle",
      analysis: "AnalysisNewsArticle",
      opinion: "OpinionNewsArticle",
      editorial: "OpinionNewsArticle",
      review: "ReviewNewsArticle",
      explainer: "BackgroundNewsArticle",
      factcheck: "NewsArticle",
      sponsored: "AdvertiserContentArticle",
      satire: "SatiricalArticle",
    });
    for (const kind of Object.values(BUILT_IN_KINDS)) {
      expect(KIND_SCHEMA_TYPES).toContain(kind.schemaType);
      expect(kind.label.trim()).not.toBe("");
      expect(kind.definition.length).toBeGreaterThan(20);
    }
  });

  it("a story without a kind is news; an unknown kind stops with the closest one", () => {
    const kinds = resolveKinds(undefined);
    expect(storyKind(kinds, undefined).id).toBe("news");
    expect(storyKind(kinds, "opinion").label).toBe("Opinion");
    const error = thrown(() => storyKind(kinds, "opnion", "articles/a.md"));
    expect(error.message).toMatch(/front matter kind in articles\/a\.md: unknown kind: "opnion"\. Fix: did you mean "opinion"\?/);
    // A prototype key is no kind.
    expect(thrown(() => storyKind(kinds, "constructor")).problem).toBe("unknown kind");
  });

  it("says what each kind asks of a story", () => {
    const kinds = resolveKinds(undefined);
    const rules = (id: string) => kindRules(kinds[id] as (typeof kinds)[string]);
    expect(rules("news")).toEqual([]);
    expect(rules("opinion")).toEqual(["personByline"]);
    expect(rules("analysis")).toEqual(["personByline"]);
    expect(rules("editorial")).toEqual([]);
    expect(rules("review")).toEqual(["itemReviewed"]);
    expect(rules("factcheck")).toEqual(["claims"]);
    expect(rules("sponsored")).toEqual(["sponsor"]);
    expect(rules("satire")).toEqual([]);
  });
});

describe("_data/kinds.json", () => {
  it("relabels a built-in kind, keeping its type, and adds kinds of its own", () => {
    const kinds = resolveKinds({ opinion: { label: "Comment" }, column: { label: "Column", definition: "A regular writer's view.", schemaType: "OpinionNewsArticle", path: "columns" } });
    expect(kinds.opinion).toMatchObject({ id: "opinion", label: "Comment", schemaType: "OpinionNewsArticle" });
    expect(kinds.column).toEqual({ id: "column", label: "Column", definition: "A regular writer's view.", schemaType: "OpinionNewsArticle", path: "columns" });
    expect(kindRules(kinds.column as NonNullable<typeof kinds.column>)).toEqual(["personByline"]);
    expect(kinds.news?.label).toBe("News");
  });

  it.each([
    ["a schema type outside the list", { column: { label: "Column", definition: "…", schemaType: "OpinionArticle" } }, /kinds column\.schemaType in _data\/kinds\.json: is not one of the article types a kind may have, got: "OpinionArticle"\. Fix: did you mean "OpinionNewsArticle"\?/],
    ["a new kind without its type", { column: { label: "Column", definition: "A view." } }, /kinds column\.schemaType .*is missing/],
    ["a new kind without its definition", { column: { label: "Column", schemaType: "NewsArticle" } }, /kinds column\.definition .*is missing \(the about page defines every label\)/],
    ["a misspelt field", { opinion: { lable: "Comment" } }, /kinds opinion\.lable .*unknown field \(it would be ignored\): "lable"\. Fix: did you mean "label"\?/],
    ["an id that is no slug", { "My Kind": { label: "X", definition: "Y", schemaType: "NewsArticle" } }, /a kind's id must be a slug/],
    ["a path of two segments", { opinion: { path: "views/opinion" } }, /kinds opinion\.path .*must be one URL segment/],
    ["a list", [], /kinds in _data\/kinds\.json: must be an object of kinds by id/],
  ])("stops the build on %s", (_name, siteKinds, message) => {
    expect(thrown(() => resolveKinds(siteKinds)).message).toMatch(message);
  });
});
