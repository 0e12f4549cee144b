/**
 * `eleventy-plugin-newsroom build --stories-per-part N`: the news theme's site built in parts, one
 * Eleventy process for each share of N stories, so a large archive needs the memory of a share
 * rather than of the whole (see plugin/theme/parts.ts for what each part does).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { PART_ENV, PartStore } from "../theme/parts.js";

export interface BuildInPartsOptions {
  storiesPerPart: number;
  /** Passed to every Eleventy run: --config, --output, --pathprefix… */
  eleventyArgs: readonly string[];
  /** The site's folder (where its package.json is). */
  cwd?: string;
  /** Runs Eleventy with these arguments and environment; returns its exit status. */
  runEleventy?: (args: readonly string[], env: NodeJS.ProcessEnv) => number;
  log?: (line: string) => void;
  /** Where a failure of the build command itself is said (Eleventy's own errors go to its output). */
  error?: (line: string) => void;
}

/** Eleventy's command-line entry, as the site installed it. */
export function eleventyCommand(cwd: string): string {
  let entry: string;
  try {
    entry = createRequire(path.join(cwd, "package.json")).resolve("@11ty/eleventy");
  } catch {
    throw new Error(`cannot find @11ty/eleventy from ${cwd}. Fix: run npm install in the site's folder (its package.json lists @11ty/eleventy)`);
  }
  // The package exports its API, not its command: cmd.cjs sits at the package's root, above the entry.
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "cmd.cjs"))) return path.join(dir, "cmd.cjs");
  }
  throw new Error(`cannot find Eleventy's cmd.cjs above ${entry}. Fix: reinstall @11ty/eleventy`);
}

function spawnEleventy(cwd: string): (args: readonly string[], env: NodeJS.ProcessEnv) => number {
  const command = eleventyCommand(cwd);
  // execArgv carries a loader such as tsx's, for a config written in TypeScript.
  return (args, env) => spawnSync(process.execPath, [...process.execArgv, command, ...args], { cwd, env, stdio: "inherit" }).status ?? 1;
}

/** Runs every part in order; stops at the first that fails and returns its exit status (0 when all succeed). */
export function buildInParts(options: BuildInPartsOptions): number {
  const cwd = options.cwd ?? process.cwd();
  const run = options.runEleventy ?? spawnEleventy(cwd);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const error = options.error ?? ((line: string) => process.stderr.write(`${line}\n`));
  // A folder of this build's own for the parts' records, so two builds never share one; removed at the end.
  const workDir = mkdtempSync(path.join(tmpdir(), "newsroom-parts-"));
  try {
    return runParts(options.storiesPerPart, options.eleventyArgs, workDir, run, log, error);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function runParts(storiesPerPart: number, eleventyArgs: readonly string[], workDir: string, run: (args: readonly string[], env: NodeJS.ProcessEnv) => number, log: (line: string) => void, error: (line: string) => void): number {
  const env = { ...process.env, [PART_ENV.storiesPerPart]: String(storiesPerPart), [PART_ENV.workDir]: workDir };
  const part = (name: string, args: readonly string[]) => run([...eleventyArgs, ...args], { ...env, [PART_ENV.part]: name });

  // The first index part counts the stories and says how many parts there are.
  log(`[newsroom] Reading the stories, part 1 (${stories(storiesPerPart)} a part)`);
  let status = part("index 1", ["--dryrun"]);
  if (status !== 0) return status;
  const store = new PartStore(workDir);
  if (!store.hasPlan()) {
    error("[newsroom] The site's Eleventy configuration does not add the newsroom theme (eleventy-plugin-newsroom/theme), which is what builds in parts. Fix: build the site with eleventy, or add the theme to its configuration");
    return 1;
  }
  const plan = store.readPlan();
  const parts = plan.parts;
  for (let number = 2; number <= parts && status === 0; number++) {
    log(`[newsroom] Reading the stories, part ${number} of ${parts}`);
    status = part(`index ${number}`, ["--dryrun"]);
  }
  for (let number = 1; number <= parts && status === 0; number++) {
    log(`[newsroom] Writing the stories, part ${number} of ${parts} (${stories(plan.stories)} in all)`);
    status = part(`stories ${number}`, []);
  }
  if (status !== 0) return status;
  // The first lists part counts the list pages and says how many lists parts write them.
  log("[newsroom] Writing the lists, feeds, sitemaps and other pages");
  status = part("lists 1", []);
  if (status !== 0) return status;
  const lists = store.readListsPlan().parts;
  for (let number = 2; number <= lists && status === 0; number++) {
    log(`[newsroom] Writing the list pages, part ${number} of ${lists}`);
    status = part(`lists ${number}`, []);
  }
  return status;
}

function stories(count: number): string {
  return `${count} ${count === 1 ? "story" : "stories"}`;
}
