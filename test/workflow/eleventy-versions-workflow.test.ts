/**
 * The Eleventy versions workflow runs the tests against both ends of the Eleventy range the
 * package declares (the first version it allows and the newest of its last major), on every Node
 * from the oldest the package allows, read-only, on pushes, pull requests and a schedule.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

interface WorkflowStep { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; "continue-on-error"?: unknown }
interface WorkflowJob {
  permissions?: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix?: { node?: unknown[]; eleventy?: unknown[]; include?: unknown; exclude?: unknown } };
  steps: WorkflowStep[];
  "continue-on-error"?: unknown;
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null> & { schedule?: { cron: string }[] };
  permissions?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

async function workflow(): Promise<Workflow> {
  return yaml.load(await readFile(path.join(repoRoot, ".github/workflows/eleventy-versions.yml"), "utf8")) as Workflow;
}

async function manifest(): Promise<{ engines: { node: string }; peerDependencies: Record<string, string> }> {
  return JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { engines: { node: string }; peerDependencies: Record<string, string> };
}

/** The one job, with its matrix. */
async function matrixJob(): Promise<WorkflowJob> {
  const { jobs } = await workflow();
  expect(Object.keys(jobs)).toHaveLength(1);
  return Object.values(jobs)[0] as WorkflowJob;
}

function stepIndex(steps: WorkflowStep[], match: (run: string) => boolean, what: string): number {
  const index = steps.findIndex((step) => match(step.run ?? ""));
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
}

describe("the Eleventy versions workflow", () => {
  it("tests the first Eleventy of the peer range and the newest of its last major", async () => {
    const range = (await manifest()).peerDependencies["@11ty/eleventy"] ?? "";
    // A bounded range: from a first version up to (not into) the next major.
    const bounds = /^>=(\d+\.\d+\.\d+) <(\d+)$/.exec(range);
    expect(bounds, `peerDependencies @11ty/eleventy is "${range}"`).not.toBeNull();
    const [, first = "", nextMajor = ""] = bounds as RegExpExecArray;
    const { strategy } = await matrixJob();
    expect(strategy?.matrix?.include).toBeUndefined();
    expect(strategy?.matrix?.exclude).toBeUndefined();
    const versions = (strategy?.matrix?.eleventy ?? []).map(String);
    expect(versions).toContain(first);
    expect(versions).toContain(String(Number(nextMajor) - 1));
    // Nothing outside the range.
    for (const version of versions) expect(Number(version.split(".")[0]), version).toBe(Number(nextMajor) - 1);
  });

  it("runs on every Node from the oldest the package allows, and on more than that one", async () => {
    const oldest = Number(/^>=(\d+)$/.exec((await manifest()).engines.node)?.[1]);
    expect(oldest).toBe(20);
    const nodes = ((await matrixJob()).strategy?.matrix?.node ?? []).map(Number);
    expect(nodes).toContain(oldest);
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) expect(node, String(node)).toBeGreaterThanOrEqual(oldest);
    // Every even (LTS) major from the oldest up to the newest listed, none skipped.
    const newest = Math.max(...nodes);
    for (let major = oldest; major <= newest; major += 2) expect(nodes, `Node ${major}`).toContain(major);
  });

  it("installs the locked packages, then the matrix's Eleventy without saving it, shows it, then tests", async () => {
    const { steps, strategy } = await matrixJob();
    const ci = stepIndex(steps, (run) => run === "npm ci", "npm ci");
    const swap = stepIndex(steps, (run) => /^npm install .*--no-save .*"?@11ty\/eleventy@\$\{\{ matrix\.eleventy \}\}"?$/.test(run), "npm install --no-save @11ty/eleventy@${{ matrix.eleventy }}");
    const show = stepIndex(steps, (run) => run.includes("node_modules/@11ty/eleventy/package.json"), "a step that prints the installed version");
    const test = stepIndex(steps, (run) => run === "npm test", "npm test");
    expect(ci).toBeLessThan(swap);
    expect(swap).toBeLessThan(show);
    expect(show).toBeLessThan(test);
    expect(steps.filter((step) => step.run === "npm ci" || step.run === "npm install")).toHaveLength(1);
    const setup = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["node-version"]).toBe("${{ matrix.node }}");
    expect(strategy?.["fail-fast"]).toBe(false);
    for (const step of steps) {
      expect(step["continue-on-error"], step.name ?? step.run).toBeUndefined();
      expect(step.if, step.name ?? step.run).toBeUndefined();
    }
  });

  it("runs on pushes and pull requests to main and every week, and may only read", async () => {
    const { on, permissions, jobs } = await workflow();
    expect(on.push?.branches).toEqual(["main"]);
    expect(on.pull_request?.branches).toEqual(["main"]);
    expect(on.schedule).toHaveLength(1);
    // Minute, hour, any day of the month, any month, one day of the week.
    expect(on.schedule?.[0]?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* [0-6]$/);
    expect(permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(jobs)) expect(Object.values(job.permissions ?? {}), name).not.toContain("write");
  });

  it("uses the official actions at the majors the Pages workflow uses", async () => {
    const pages = yaml.load(await readFile(path.join(repoRoot, ".github/workflows/pages.yml"), "utf8")) as Workflow;
    const majors = new Map(Object.values(pages.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses.split("@") as [string, string]] : []))));
    const used = (await matrixJob()).steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.map((uses) => uses.split("@")[0])).toEqual(["actions/checkout", "actions/setup-node"]);
    for (const uses of used) expect(uses.split("@")[1], uses).toBe(majors.get(uses.split("@")[0] as string));
  });
});
