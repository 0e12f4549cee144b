/**
 * Builds the showcase exactly as `npm run build` does (tsx + Eleventy CLI + eleventy.config.ts),
 * into a temporary folder, so tests see what users publish.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SiteBuild {
  output: string;
  stdout: string;
  stderr: string;
  read(relativePath: string): Promise<string>;
}

export async function buildShowcase(extraArgs: string[] = []): Promise<SiteBuild> {
  const output = await mkdtemp(path.join(tmpdir(), "newsroom-showcase-"));
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${output}`, ...extraArgs],
    { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: "" } },
  );
  return { output, stdout, stderr, read: (relativePath) => readFile(path.join(output, relativePath), "utf8") };
}
