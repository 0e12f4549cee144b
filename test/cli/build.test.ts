/**
 * The order `eleventy-plugin-newsroom build --stories-per-part N` runs its Eleventy processes in,
 * with Eleventy stood in for: each part's environment and arguments, and the first failure ending
 * the build. test/integration/build-in-parts.test.ts runs the real thing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInParts } from "../../plugin/cli/build.js";

interface Call {
  part: string | undefined;
  size: string | undefined;
  args: readonly string[];
}

/**
 * Eleventy as the theme answers the build: the first index part writes the plan of `parts` parts,
 * the first lists part that of `listsParts` lists parts.
 */
function eleventyWith(parts: number | undefined, failAt?: string, listsParts = 1): { calls: Call[]; run: (args: readonly string[], env: NodeJS.ProcessEnv) => number } {
  const calls: Call[] = [];
  return {
    calls,
    run: (args, env) => {
      calls.push({ part: env.NEWSROOM_BUILD_PART, size: env.NEWSROOM_STORIES_PER_PART, args });
      const workDir = env.NEWSROOM_BUILD_WORK as string;
      if (env.NEWSROOM_BUILD_PART === "index 1" && parts !== undefined) {
        mkdirSync(workDir, { recursive: true });
        writeFileSync(path.join(workDir, "parts.json"), JSON.stringify({ parts, stories: parts * 10 }));
      }
      if (env.NEWSROOM_BUILD_PART === "lists 1") writeFileSync(path.join(workDir, "lists.json"), JSON.stringify({ parts: listsParts, listPages: listsParts * 40 }));
      return env.NEWSROOM_BUILD_PART === failAt ? 1 : 0;
    },
  };
}

describe("eleventy-plugin-newsroom build", () => {
  it("reads every part, writes every part, then the lists, passing Eleventy's options to each", () => {
    const eleventy = eleventyWith(3);
    const lines: string[] = [];
    expect(buildInParts({ storiesPerPart: 10, eleventyArgs: ["--pathprefix=/news/"], runEleventy: eleventy.run, log: (line) => lines.push(line) })).toBe(0);
    expect(eleventy.calls.map((call) => call.part)).toEqual(["index 1", "index 2", "index 3", "stories 1", "stories 2", "stories 3", "lists 1"]);
    expect(eleventy.calls.every((call) => call.size === "10" && call.args[0] === "--pathprefix=/news/")).toBe(true);
    // Reading writes nothing.
    expect(eleventy.calls.filter((call) => call.args.includes("--dryrun")).map((call) => call.part)).toEqual(["index 1", "index 2", "index 3"]);
    expect(lines).toContain("[newsroom] Writing the stories, part 2 of 3 (30 stories in all)");
  });

  it("writes the list pages in as many lists parts as the first of them plans", () => {
    const eleventy = eleventyWith(2, undefined, 3);
    const lines: string[] = [];
    expect(buildInParts({ storiesPerPart: 10, eleventyArgs: [], runEleventy: eleventy.run, log: (line) => lines.push(line) })).toBe(0);
    expect(eleventy.calls.map((call) => call.part)).toEqual(["index 1", "index 2", "stories 1", "stories 2", "lists 1", "lists 2", "lists 3"]);
    expect(lines).toContain("[newsroom] Writing the list pages, part 3 of 3");
    const failing = eleventyWith(2, "lists 2", 3);
    expect(buildInParts({ storiesPerPart: 10, eleventyArgs: [], runEleventy: failing.run, log: () => {} })).toBe(1);
    expect(failing.calls.map((call) => call.part).slice(-2)).toEqual(["lists 1", "lists 2"]);
  });

  it("stops at the first part that fails, with its exit status, and writes no lists", () => {
    const eleventy = eleventyWith(3, "stories 2");
    expect(buildInParts({ storiesPerPart: 10, eleventyArgs: [], runEleventy: eleventy.run, log: () => {} })).toBe(1);
    expect(eleventy.calls.map((call) => call.part)).toEqual(["index 1", "index 2", "index 3", "stories 1", "stories 2"]);
  });

  it("says so when the site's configuration has no theme to build in parts", () => {
    const eleventy = eleventyWith(undefined);
    const lines: string[] = [];
    expect(buildInParts({ storiesPerPart: 10, eleventyArgs: [], runEleventy: eleventy.run, log: () => {}, error: (line) => lines.push(line) })).toBe(1);
    expect(eleventy.calls).toHaveLength(1);
    expect(lines.join("\n")).toMatch(/does not add the newsroom theme \(eleventy-plugin-newsroom\/theme\)[\s\S]*Fix: build the site with eleventy/);
  });
});
