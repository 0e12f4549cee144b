/**
 * Nothing is lost on failure: the Pages workflow deploys only after the tests and a complete build
 * passed, and the build script stops at the first failing step.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

interface WorkflowStep { name?: string; uses?: string; run?: string; if?: string; "continue-on-error"?: unknown }
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string | string[]; steps: WorkflowStep[]; "continue-on-error"?: unknown }>;
}

async function workflow(): Promise<Workflow> {
  return yaml.load(await readFile(path.join(repoRoot, ".github/workflows/pages.yml"), "utf8")) as Workflow;
}

function indexOf(steps: WorkflowStep[], match: (step: WorkflowStep) => boolean, what: string): number {
  const index = steps.findIndex(match);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
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
    expect(permissions).toMatchObject({ pages: "write", "id-token": "write", contents: "read" });
  });
});

describe("npm run build stops at the first failure", () => {
  it("a broken article exits non-zero and Pagefind never runs, so no partial site is indexed", async () => {
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
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
