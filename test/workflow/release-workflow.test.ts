/**
 * The release workflow publishes only what was tested, only from a version tag that is the
 * package's version, with a provenance statement, and with the one write permission it needs (the
 * OIDC token that signs the provenance) given to the publish job alone.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

const run = promisify(execFile);

interface WorkflowStep { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; "continue-on-error"?: unknown }
interface WorkflowJob { needs?: string | string[]; permissions?: Record<string, string>; env?: Record<string, string>; steps: WorkflowStep[]; "continue-on-error"?: unknown }
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

async function workflow(file: string): Promise<Workflow> {
  return yaml.load(await readFile(path.join(repoRoot, file), "utf8")) as Workflow;
}

const release = () => workflow(".github/workflows/release.yml");

async function packageVersion(): Promise<string> {
  return (JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** A GitHub Actions tag filter as a regular expression: `*` is any run of characters but `/`. */
function tagFilter(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*");
  return new RegExp(`^${escaped}$`);
}

/** Runs a step's script as GitHub runs it: bash, stopping at the first failure. */
function bash(script: string, env: Record<string, string>, cwd = repoRoot): Promise<{ code: number; output: string }> {
  return run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}

function publishStep(job: WorkflowJob | undefined): number {
  const index = (job?.steps ?? []).findIndex((step) => /(^|\s)npm publish\b/.test(step.run ?? ""));
  expect(index, "a step that runs npm publish").toBeGreaterThanOrEqual(0);
  return index;
}

describe("the release workflow", () => {
  it("runs on version tags alone", async () => {
    const { on } = await release();
    expect(Object.keys(on)).toEqual(["push"]);
    const push = on.push as { tags?: string[]; branches?: unknown; "tags-ignore"?: unknown; paths?: unknown };
    expect(Object.keys(push)).toEqual(["tags"]);
    const filters = (push.tags ?? []).map(tagFilter);
    expect(filters.length).toBeGreaterThan(0);
    const matches = (tag: string) => filters.some((filter) => filter.test(tag));
    for (const tag of ["v0.2.0", "v1.10.3", `v${await packageVersion()}`]) expect(matches(tag), tag).toBe(true);
    for (const tag of ["main", "latest", "0.2.0", "v1", "v1.2", "release-1.2.3", "docs/v1.2.3"]) expect(matches(tag), tag).toBe(false);
  });

  it("may only read, except for the OIDC token of the publish job", async () => {
    const { permissions, jobs } = await release();
    expect(permissions).toEqual({ contents: "read" });
    expect(jobs.publish?.permissions).toEqual({ contents: "read", "id-token": "write" });
    for (const [name, job] of Object.entries(jobs)) {
      if (name === "publish") continue;
      expect(job.permissions?.["id-token"], name).toBeUndefined();
      expect(Object.values(job.permissions ?? {}), name).not.toContain("write");
    }
  });

  it("publishes only after the tests passed, with none of them allowed to fail quietly", async () => {
    const { jobs } = await release();
    const needs = jobs.publish?.needs;
    expect(Array.isArray(needs) ? needs : [needs]).toContain("test");
    const testRuns = (jobs.test?.steps ?? []).map((step) => step.run ?? "");
    const ci = await readFile(path.join(repoRoot, ".ci/run"), "utf8");
    // npm test directly, or the CI entry point, which ends with it.
    expect(testRuns.some((script) => /^npm test$/m.test(script) || (/^bash \.ci\/run$/m.test(script) && /^npm test$/m.test(ci)))).toBe(true);
    for (const job of Object.values(jobs)) {
      expect(job["continue-on-error"]).toBeUndefined();
      for (const step of job.steps) {
        expect(step["continue-on-error"], step.name ?? step.uses ?? step.run).toBeUndefined();
        expect(step.if, step.name ?? step.uses ?? step.run).toBeUndefined();
      }
    }
  });

  it("publishes publicly with a provenance statement, with the token in the publish step alone", async () => {
    const workflowFile = await release();
    const steps = workflowFile.jobs.publish?.steps ?? [];
    const publish = steps[publishStep(workflowFile.jobs.publish)] as WorkflowStep;
    expect(publish.run).toMatch(/npm publish .*--provenance/);
    expect(publish.run).toMatch(/--access public/);
    expect(publish.env).toEqual({ NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}" });
    // npm ci runs the dependencies' install scripts: they must not see the token.
    expect(workflowFile.env).toBeUndefined();
    for (const [name, job] of Object.entries(workflowFile.jobs)) {
      expect(job.env, name).toBeUndefined();
      for (const step of job.steps) if (step !== publish) expect(JSON.stringify(step), `${name}: ${step.name ?? step.run}`).not.toContain("secrets.");
    }
    expect(steps.findIndex((step) => step.run === "npm ci")).toBeLessThan(steps.indexOf(publish));
  });

  it("stops, saying so, when the tag is not v and package.json's version", async () => {
    const workflowFile = await release();
    const steps = workflowFile.jobs.publish?.steps ?? [];
    const check = steps.findIndex((step) => step.run?.includes("GITHUB_REF_NAME") ?? false);
    expect(check, "a step that compares the tag with the version").toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(publishStep(workflowFile.jobs.publish));
    const script = steps[check]?.run as string;
    const version = await packageVersion();
    expect((await bash(script, { GITHUB_REF_NAME: `v${version}` })).code).toBe(0);
    for (const tag of ["v9.9.9", `v${version}-rc.1`, version]) {
      const { code, output } = await bash(script, { GITHUB_REF_NAME: tag });
      expect(code, tag).not.toBe(0);
      expect(output, tag).toContain(`::error::The tag ${tag} `);
      expect(output, tag).toContain(`v${version}`);
    }
  });

  it("stops, saying so, when package.json's repository is not the one publishing (npm would refuse the provenance)", async () => {
    const workflowFile = await release();
    const steps = workflowFile.jobs.publish?.steps ?? [];
    const check = steps.findIndex((step) => step.run?.includes("repository") ?? false);
    expect(check, "a step that compares repository.url with the repository").toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(publishStep(workflowFile.jobs.publish));
    const script = steps[check]?.run as string;
    const dir = await mkdtemp(path.join(tmpdir(), "newsroom-repository-"));
    try {
      const withRepository = async (repository: unknown) => {
        await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", ...(repository === undefined ? {} : { repository }) }));
        return bash(script, { GITHUB_REPOSITORY: "newsroom/paper" }, dir);
      };
      expect((await withRepository({ type: "git", url: "git+https://github.com/newsroom/paper.git" })).code).toBe(0);
      for (const repository of [undefined, { url: "git+https://github.com/someone/else.git" }, { url: "git+https://github.com/newsroom/paper-fork.git" }]) {
        const { code, output } = await withRepository(repository);
        expect(code, JSON.stringify(repository)).not.toBe(0);
        expect(output).toContain("::error::package.json's repository.url");
        expect(output).toContain("git+https://github.com/newsroom/paper.git");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("scopes the token to the registry npm publishes to, without writing the token anywhere", async () => {
    const steps = (await release()).jobs.publish?.steps ?? [];
    const setting = steps.find((step) => step.run?.includes(":_authToken") ?? false);
    expect(setting, "a step that gives npm the token").toBeDefined();
    const dir = await mkdtemp(path.join(tmpdir(), "newsroom-npmrc-"));
    try {
      const userconfig = path.join(dir, "npmrc");
      const env = { NPM_CONFIG_USERCONFIG: userconfig, NODE_AUTH_TOKEN: "" };
      const result = await bash(setting?.run ?? "", env);
      expect(result.code, result.output).toBe(0);
      const { stdout } = await run("npm", ["config", "get", "registry"], { cwd: repoRoot, env: { ...process.env, ...env } });
      const registry = new URL(stdout.trim());
      // npm's own key for a registry's token: "//host/path/:_authToken", the value read from the
      // environment when npm runs.
      expect(await readFile(userconfig, "utf8")).toBe(`//${registry.host}${registry.pathname.replace(/\/?$/, "/")}:_authToken=\${NODE_AUTH_TOKEN}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("uses the official actions at the majors the Pages workflow uses, with no dependency cache where the token is", async () => {
    const pages = await workflow(".github/workflows/pages.yml");
    const majors = new Map(Object.values(pages.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses.split("@") as [string, string]] : []))));
    const { jobs } = await release();
    for (const [name, job] of Object.entries(jobs)) {
      const used = job.steps.flatMap((step) => (step.uses ? [step.uses] : []));
      expect(used.map((uses) => uses.split("@")[0]), name).toEqual(["actions/checkout", "actions/setup-node"]);
      for (const uses of used) {
        const [action = "", version] = uses.split("@");
        expect(version, `${name}: ${action}`).toBe(majors.get(action));
      }
    }
    const setup = jobs.publish?.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.cache).toBeUndefined();
    expect(setup?.with?.["package-manager-cache"]).toBe(false);
  });
});
