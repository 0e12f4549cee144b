/**
 * The starter's pull-request check builds each pull request as the publish workflow would, with
 * read-only permissions and no secrets (a pull request may come from a fork), so its errors show
 * on the pull request as annotations before a story is merged.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, { permissions?: unknown; steps: Step[] }> }

const file = path.join(repoRoot, "starter/github/workflows/check.yml");

describe("the starter's pull-request check", () => {
  it("runs on pull requests only, reads the repository and nothing more", async () => {
    const workflow = yaml.load(await readFile(file, "utf8")) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions ?? workflow.permissions).toEqual({ contents: "read" });
  });

  it("installs and builds as the publish workflow does, keeps no credential, and uses no secret", async () => {
    const text = await readFile(file, "utf8");
    const workflow = yaml.load(text) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(["npm ci", "npm run build"]);
    expect(steps.find((step) => step.uses?.startsWith("actions/checkout@"))?.with).toMatchObject({ "persist-credentials": false });
    expect(text).not.toMatch(/secrets\.|GITHUB_TOKEN|pull_request_target|write/);
    // The same actions, at the same majors, as the publish workflow.
    const pages = yaml.load(await readFile(path.join(repoRoot, "starter/github/workflows/pages.yml"), "utf8")) as Workflow;
    const used = new Set(Object.values(pages.jobs).flatMap((job) => job.steps.map((step) => step.uses)).filter(Boolean));
    for (const step of steps.filter((entry) => entry.uses)) expect(used.has(step.uses)).toBe(true);
  });
});
