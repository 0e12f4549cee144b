/**
 * Nothing is lost on failure: the Pages workflow deploys only after the tests and a complete build
 * passed, and the build script stops at the first failing step. The repository's workflow and the
 * one `init` writes into a new newsroom use the official actions at their current majors, a
 * supported Node LTS, write permissions only where the site is deployed, an image cache, and a
 * schedule that publishes embargoed stories on time.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, totalmem } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { promisify } from "node:util";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

interface WorkflowStep { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; "continue-on-error"?: unknown }
interface WorkflowJob { needs?: string | string[]; permissions?: Record<string, string>; steps: WorkflowStep[]; "continue-on-error"?: unknown }
interface Workflow {
  on: Record<string, unknown> & { schedule?: { cron: string }[] };
  permissions?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

const WORKFLOWS = {
  "the repository's workflow": ".github/workflows/pages.yml",
  "the starter's workflow": "starter/github/workflows/pages.yml",
} as const;

/**
 * The current major of each official action, read from the actions' own repositories and release
 * notes. Update together with the workflows when a new major is released.
 */
const CURRENT_MAJORS: Record<string, string> = {
  "actions/checkout": "v7",
  "actions/setup-node": "v7",
  "actions/cache": "v6",
  "actions/configure-pages": "v6",
  "actions/upload-pages-artifact": "v5",
  "actions/deploy-pages": "v5",
  "actions/upload-artifact": "v7",
};

async function workflow(file: string = WORKFLOWS["the repository's workflow"]): Promise<Workflow> {
  return yaml.load(await readFile(path.join(repoRoot, file), "utf8")) as Workflow;
}

function indexOf(steps: WorkflowStep[], match: (step: WorkflowStep) => boolean, what: string): number {
  const index = steps.findIndex(match);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
}

/** The longest wait, in minutes, between two runs of a cron schedule whose hour field is "*". */
function longestGap(cron: string): number {
  const [minutes = "", hours = ""] = cron.trim().split(/\s+/);
  expect(hours, `${cron}: runs every hour`).toBe("*");
  const step = /^\*\/(\d+)$/.exec(minutes);
  const list = step ? Array.from({ length: Math.ceil(60 / Number(step[1])) }, (_, i) => i * Number(step[1])) : minutes.split(",").map(Number);
  const sorted = [...new Set(list)].sort((a, b) => a - b);
  expect(sorted.every((minute) => Number.isInteger(minute) && minute >= 0 && minute < 60), cron).toBe(true);
  return Math.max(...sorted.map((minute, i) => ((sorted[(i + 1) % sorted.length] as number) - minute + 60) % 60 || 60));
}

describe("the GitHub Pages workflow", () => {
  it("installs, tests, builds with the repository's base path, then uploads — in that order", async () => {
    const { jobs } = await workflow();
    const steps = jobs.build?.steps ?? [];
    const install = indexOf(steps, (step) => step.run === "npm ci", "npm ci");
    const test = indexOf(steps, (step) => step.run === "npm test", "npm test");
    const configure = indexOf(steps, (step) => step.uses?.startsWith("actions/configure-pages@") ?? false, "configure-pages");
    const build = indexOf(steps, (step) => step.run?.startsWith("npm run build -- --pathprefix=") ?? false, "npm run build");
    const upload = indexOf(steps, (step) => step.uses?.startsWith("actions/upload-pages-artifact@") ?? false, "upload-pages-artifact");
    expect(install).toBeLessThan(test);
    expect(test).toBeLessThan(build);
    expect(configure).toBeLessThan(build);
    expect(build).toBeLessThan(upload);
    expect(steps[build]?.run).toContain("steps.pages.outputs.base_path");
  });

  it("deploys only from a build job that passed, with no step allowed to fail quietly", async () => {
    const { jobs, permissions } = await workflow();
    expect(jobs.deploy?.needs).toBe("build");
    expect(jobs.deploy?.steps.map((step) => step.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
    for (const job of Object.values(jobs)) {
      expect(job["continue-on-error"]).toBeUndefined();
      for (const step of job.steps) {
        expect(step["continue-on-error"], step.name ?? step.uses ?? step.run).toBeUndefined();
        // Only a report-keeping step may run after a failure, and it must not publish.
        if (step.if?.includes("always()")) expect(step.uses ?? "").toMatch(/^actions\/upload-artifact@/);
      }
    }
    expect(permissions).toEqual({});
  });

  it("skips only the tests on a scheduled run, which rebuilds a commit already tested", async () => {
    const steps = (await workflow()).jobs.build?.steps ?? [];
    const conditional = steps.filter((step) => step.if !== undefined && !step.if.includes("always()"));
    expect(conditional.map((step) => [step.run, step.if])).toEqual([["npm test", "github.event_name != 'schedule'"]]);
  });
});

describe.each(Object.entries(WORKFLOWS))("%s", (_, file) => {
  it("grants write permissions to the deploy job only, and nothing by default", async () => {
    const { permissions, jobs } = await workflow(file);
    expect(permissions).toEqual({});
    expect(jobs.build?.permissions).toEqual({ contents: "read", pages: "read" });
    expect(jobs.deploy?.permissions).toEqual({ pages: "write", "id-token": "write" });
    for (const [name, job] of Object.entries(jobs)) {
      if (name !== "deploy") expect(Object.values(job.permissions ?? {}), name).not.toContain("write");
    }
  });

  it("uses only official actions, each at its current major", async () => {
    const { jobs } = await workflow(file);
    const used = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.uses).filter((uses): uses is string => uses !== undefined));
    expect(used.length).toBeGreaterThan(0);
    for (const uses of used) {
      const [action = "", version] = uses.split("@");
      expect(Object.keys(CURRENT_MAJORS), uses).toContain(action);
      expect(version, action).toBe(CURRENT_MAJORS[action]);
    }
    for (const action of ["actions/checkout", "actions/setup-node", "actions/cache", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]) {
      expect(used.map((uses) => uses.split("@")[0]), action).toContain(action);
    }
  });

  it("builds on a supported Node LTS while the packages still allow Node 20", async () => {
    const steps = (await workflow(file)).jobs.build?.steps ?? [];
    const setup = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect([22, 24]).toContain(Number(setup?.with?.["node-version"]));
    const repoManifest = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } };
    expect(repoManifest.engines.node).toBe(">=20");
  });

  it("keeps processed images in a cache of .cache/ restored before the build", async () => {
    const steps = (await workflow(file)).jobs.build?.steps ?? [];
    const cache = steps.findIndex((step) => step.uses?.startsWith("actions/cache@"));
    const build = steps.findIndex((step) => step.run?.startsWith("npm run build") ?? false);
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(build);
    expect(steps[cache]?.with?.path).toBe(".cache");
    // Restored before npm ci, so the key's file hash sees the site's own pictures, not node_modules.
    expect(cache).toBeLessThan(steps.findIndex((step) => step.run === "npm ci"));
    expect(String(steps[cache]?.with?.key)).toContain("hashFiles(");
    // Share cards change with a story's headline and pull quote: a key of the pictures alone would
    // hit the old cache and never save the cards drawn since.
    expect(String(steps[cache]?.with?.key)).toMatch(/hashFiles\('(?:articles|src)\/\*\*', '_data\/\*\*', /);
    expect(steps[cache]?.with?.["restore-keys"]).toBeTruthy();
  });

  it("runs at least every 30 minutes, so embargoed stories go live on time", async () => {
    const { on } = await workflow(file);
    expect(on.schedule?.length).toBeGreaterThan(0);
    for (const { cron } of on.schedule ?? []) expect(longestGap(cron), cron).toBeLessThanOrEqual(30);
    expect(Object.keys(on)).toEqual(expect.arrayContaining(["push", "workflow_dispatch", "schedule"]));
  });

  it("gives the build three quarters of the runner's memory, which a large archive needs", async () => {
    const steps = (await workflow(file)).jobs.build?.steps ?? [];
    const memory = indexOf(steps, (step) => step.run?.includes("--max-old-space-size=") ?? false, "a heap limit for the build");
    expect(memory).toBeLessThan(steps.findIndex((step) => step.run?.startsWith("npm run build") ?? false));
    const dir = await mkdtemp(path.join(tmpdir(), "newsroom-env-"));
    try {
      // Run as GitHub runs a step: bash, stopping at the first failure.
      const env = path.join(dir, "github-env");
      await promisify(execFile)("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", steps[memory]?.run ?? ""], { env: { ...process.env, GITHUB_ENV: env } });
      const expected = Math.floor((Math.floor(totalmem() / 2 ** 20) * 3) / 4);
      expect(await readFile(env, "utf8")).toBe(`NODE_OPTIONS=--max-old-space-size=${expected}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("builds with the Pages base path and address, uploads the whole site and deploys only after the build", async () => {
    const { jobs } = await workflow(file);
    const steps = jobs.build?.steps ?? [];
    const configure = steps.findIndex((step) => step.uses?.startsWith("actions/configure-pages@"));
    const build = steps.findIndex((step) => step.run?.startsWith("npm run build -- --pathprefix=") ?? false);
    const upload = steps.findIndex((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(configure).toBeGreaterThanOrEqual(0);
    expect(configure).toBeLessThan(build);
    expect(build).toBeLessThan(upload);
    expect(steps[build]?.run).toContain("steps.pages.outputs.base_path");
    // The origin alone: a SITE_URL with the project's path stops the build (the path is the prefix).
    expect(steps[build]?.env?.SITE_URL).toContain("steps.pages.outputs.origin");
    expect(steps[upload]?.with).toMatchObject({ path: "_site", "include-hidden-files": true });
    expect(jobs.deploy?.needs).toBe("build");
    for (const job of Object.values(jobs)) {
      expect(job["continue-on-error"]).toBeUndefined();
      for (const step of job.steps) expect(step["continue-on-error"]).toBeUndefined();
    }
  });
});

describe("npm run build stops at the first failure", () => {
  it("a broken article exits non-zero, Pagefind never runs and the output folder is gone", async () => {
    const dir = await mkdtemp(path.join(repoRoot, "test", "scratch-build-"));
    try {
      const fixture = path.join(repoRoot, "test/fixtures/newsroom-site");
      for (const file of ["_data/site.json", "_data/sections.json", "_data/authors.json", "_data/speakers.json", "assets/logo.svg"]) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), await readFile(path.join(fixture, file)));
      }
      await mkdir(path.join(dir, "articles"), { recursive: true });
      await writeFile(path.join(dir, "articles/story.md"), "---\ntitle: A story\ndate: 2025-10-14T18:30:00-05:00\nsection: politics\n---\nNo dek.\n");
      const input = path.relative(repoRoot, dir);
      const output = path.join(dir, "_site");
      // What an earlier, good build left: it must not survive to be deployed with a failed one.
      await mkdir(output, { recursive: true });
      await writeFile(path.join(output, ".nojekyll"), "");
      await writeFile(path.join(output, "index.html"), "<!DOCTYPE html><title>Yesterday</title>");
      const result = await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build.ts", `--output=${output}`], {
        cwd: repoRoot,
        env: { ...process.env, NODE_OPTIONS: "", NEWSROOM_INPUT: input, NEWSROOM_DATA: path.join(input, "_data") },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("[newsroom] front matter dek");
      expect(existsSync(path.join(output, "pagefind"))).toBe(false);
      expect(existsSync(output)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Runs scripts/build.ts on the fixture newsroom; resolves with the exit code and stderr. */
function runBuild(outputArgs: string[]): Promise<{ code: number; stderr: string }> {
  return promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/build.ts", ...outputArgs], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: "", NEWSROOM_INPUT: "test/fixtures/newsroom-site", NEWSROOM_DATA: "test/fixtures/newsroom-site/_data" },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => error,
  );
}

/** Every word Pagefind indexed: its fragments are gzipped JSON, one per page. */
async function indexedText(output: string): Promise<string> {
  const folder = path.join(output, "pagefind", "fragment");
  const fragments = await readdir(folder);
  expect(fragments.length).toBeGreaterThan(0);
  return (await Promise.all(fragments.map(async (file) => gunzipSync(await readFile(path.join(folder, file))).toString("utf8")))).join("\n");
}

describe("npm run build starts from an empty output folder", () => {
  it("a page of a deleted story survives neither in the site nor in its search index", async () => {
    const output = await mkdtemp(path.join(tmpdir(), "newsroom-clean-"));
    try {
      // The page and index an earlier build wrote for a story that has since been deleted.
      const stale = path.join(output, "politics/2025/10/01/deleted-story/index.html");
      await mkdir(path.dirname(stale), { recursive: true });
      await writeFile(path.join(output, ".nojekyll"), "");
      await writeFile(stale, '<!DOCTYPE html><html lang="en"><title>Gone</title><main data-pagefind-body><p>Quinceborough withdrew its zoning appeal.</p></main></html>');
      const result = await runBuild([`--output=${output}`]);
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(path.join(output, "politics/2025/10/14/council-approves-2026-budget/index.html"))).toBe(true);
      const indexed = await indexedText(output);
      expect(indexed).toContain("Council Approves");
      expect(indexed).not.toContain("Quinceborough");
      // Drafts and embargoed stories are not in the search index either.
      expect(indexed).not.toMatch(/Budget Memo Shows|Naming-Rights Sponsor/);
    } finally {
      await rm(output, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    ["the project folder", "--output=."],
    ["a folder holding the sources", "--output=test"],
  ])("refuses to empty %s", async (_name, argument) => {
    const result = await runBuild([argument]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("[newsroom] npm run build: the output folder");
    expect(result.stderr).toContain("holds the project or its sources");
    expect(existsSync(path.join(repoRoot, "package.json"))).toBe(true);
  });

  it("refuses to empty a folder it did not write", async () => {
    const output = await mkdtemp(path.join(tmpdir(), "newsroom-foreign-"));
    try {
      await writeFile(path.join(output, "notes.txt"), "someone's notes");
      const result = await runBuild([`--output=${output}`]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("was not written by this build (it has no .nojekyll)");
      expect(await readFile(path.join(output, "notes.txt"), "utf8")).toBe("someone's notes");
    } finally {
      await rm(output, { recursive: true, force: true });
    }
  });
});
