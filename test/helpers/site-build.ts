/**
 * Builds the showcase exactly as `npm run build` does (tsx + Eleventy CLI + eleventy.config.ts),
 * into a temporary folder, so tests see what users publish.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ensureFixturePhotos, RTL_FIXTURE_PHOTOS } from "./photos.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SiteBuild {
  output: string;
  stdout: string;
  stderr: string;
  read(relativePath: string): Promise<string>;
  /** Deletes the build's temporary folder. */
  cleanup(): Promise<void>;
}

export interface BuildSettings {
  /** Extra Eleventy CLI arguments, e.g. `--pathprefix=/gazette/`. */
  args?: string[];
  /** Environment for the config: NEWSROOM_INPUT, NEWSROOM_DATA, SITE_URL, NEWSROOM_IMAGE_CACHE. */
  env?: Record<string, string>;
  /** Build as `npm run build` does, with Pagefind's search index after Eleventy. */
  search?: boolean;
}

/** Runs the real Eleventy CLI with the repository's config into a fresh temporary folder. */
export async function buildSite(settings: BuildSettings = {}): Promise<SiteBuild> {
  const output = await mkdtemp(path.join(tmpdir(), "newsroom-build-"));
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    settings.search
      ? [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", `--output=${output}`, ...(settings.args ?? [])]
      : [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${output}`, ...(settings.args ?? [])],
    { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "", ...settings.env }, maxBuffer: 64 * 1024 * 1024 },
  );
  return {
    output,
    stdout,
    stderr,
    read: (relativePath) => readFile(path.join(output, relativePath), "utf8"),
    cleanup: () => rm(output, { recursive: true, force: true }),
  };
}

export function buildShowcase(extraArgs: string[] = []): Promise<SiteBuild> {
  return buildSite({ args: extraArgs });
}

/** The tests' fictional newsroom: many articles, every feature, never published. */
export async function buildFixtureSite(settings: BuildSettings = {}): Promise<SiteBuild> {
  await ensureFixturePhotos(path.join(repoRoot, "test/fixtures/newsroom-site"));
  return buildSite({
    ...settings,
    env: { NEWSROOM_INPUT: "test/fixtures/newsroom-site", NEWSROOM_DATA: "test/fixtures/newsroom-site/_data", ...settings.env },
  });
}

/** A small site in Arabic, written right to left, shared with its own share image. */
export async function buildRtlFixtureSite(settings: BuildSettings = {}): Promise<SiteBuild> {
  await ensureFixturePhotos(path.join(repoRoot, "test/fixtures/rtl-site"), RTL_FIXTURE_PHOTOS);
  return buildSite({
    ...settings,
    env: { NEWSROOM_INPUT: "test/fixtures/rtl-site", NEWSROOM_DATA: "test/fixtures/rtl-site/_data", NEWSROOM_STORY_CARDS: "off", ...settings.env },
  });
}

/** Every file under a folder, as paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
}

/** What a command run to its end said: its exit code and output. */
export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs Node with `args` in the repository, resolving (never rejecting) to its exit code and output. */
export async function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
