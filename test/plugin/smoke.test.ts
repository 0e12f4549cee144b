import { describe, expect, it } from "vitest";
import { formatApDate } from "../../plugin/index.js";

describe("package entry", () => {
  it("exports the pure formatters", () => {
    expect(formatApDate("2025-09-05")).toBe("Sept. 5, 2025");
  });
});
