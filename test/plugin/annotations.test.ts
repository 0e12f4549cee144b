/**
 * In GitHub Actions each newsroom error is printed again as a workflow annotation naming the file
 * and line, escaped by GitHub's rules for workflow commands.
 */
import { describe, expect, it } from "vitest";
import { annotationFor, annotationLine, escapeAnnotationData, escapeAnnotationProperty } from "../../plugin/annotations.js";
import { NewsroomError } from "../../plugin/errors.js";

const story = "---\ntitle: Budget\ndek: The council voted.\nsection: nowhere\ndate: 2025-10-14\n---\nText.\n";

describe("workflow annotations", () => {
  it("escape %, CR and LF in the message, and : and , in properties too", () => {
    expect(escapeAnnotationData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeAnnotationProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("name the line of the field in the front matter, or the line the error names", () => {
    expect(annotationLine("front matter section", story)).toBe(4);
    expect(annotationLine("front matter image.alt", "---\ntitle: x\nimage:\n  alt: y\n---\n")).toBe(3);
    expect(annotationLine("article text, line 12", undefined)).toBe(12);
    expect(annotationLine("front matter kind", story)).toBeUndefined();
  });

  it("turn a printed newsroom error into one ::error command with file, line, title and the whole message", () => {
    const error = new NewsroomError({ where: "front matter section", inputPath: "./articles/budget.md", problem: "unknown section id", value: "nowhere", fix: 'use one of "local", or add it to _data/sections.json' });
    const read = (file: string) => (file === "articles/budget.md" ? story : undefined);
    const expected = `::error file=articles/budget.md,line=4,title=newsroom%3A front matter section::${error.message}`;
    expect(annotationFor(`2. ${error.message} (via NewsroomError)`, read)).toBe(expected);
    // As Eleventy's CLI prints it.
    expect(annotationFor(`[11ty] ${error.message} (via NewsroomError)`, read)).toBe(expected);
  });

  it("keep a message with a percent sign and a line break on one command line", () => {
    const error = new NewsroomError({ where: "front matter dek", inputPath: "articles/a.md", problem: "is 100% wrong", value: "a\nb", fix: "fix it" });
    const annotation = annotationFor(error.message, () => undefined) as string;
    expect(annotation).toMatch(/^::error file=articles\/a\.md,title=newsroom%3A front matter dek::\[newsroom\] front matter dek in articles\/a\.md: is 100%25 wrong/);
    expect(annotation).not.toMatch(/\n/);
  });

  it("leave other lines alone", () => {
    expect(annotationFor("[11ty] Wrote 27 files in 1.3 seconds")).toBeUndefined();
    expect(annotationFor("[newsroom] option pageSize: must be a whole number, got: 0. Fix: use e.g. 20")).toBeUndefined();
  });
});
