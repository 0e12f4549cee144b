/**
 * `npm run build`: an empty output folder, Eleventy, then Pagefind's search index over what
 * Eleventy wrote. Arguments go to Eleventy (`npm run build -- --pathprefix=/REPO/`).
 *
 * Starting empty means a deleted (or unpublished) story leaves no page behind and nothing stale
 * in the search index. A failing step fails the build and removes the output folder, so there is
 * never a partial site to deploy.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const outputAt = args.findIndex((arg) => arg === "--output" || arg.startsWith("--output="));
const outputArg = outputAt === -1 ? undefined : args[outputAt] === "--output" ? args[outputAt + 1] : args[outputAt]?.slice("--output=".length);
const output = path.resolve(outputArg ?? "_site");
const project = process.cwd();

function stop(message: string): never {
  console.error(`[newsroom] npm run build: ${message}`);
  process.exit(1);
}

/** The folders this build reads from: emptying the output must never touch them. */
const sources = [project, process.env.NEWSROOM_INPUT ?? "src", process.env.NEWSROOM_DATA ?? "_data", "_includes", "node_modules"].map((folder) => path.resolve(folder));

function insideOrEqual(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

if (sources.some((source) => insideOrEqual(source, output))) {
  stop(`the output folder ${JSON.stringify(outputArg ?? "_site")} holds the project or its sources, and the build empties its output first. Fix: build into a folder of its own, e.g. --output=_site`);
}
// A folder the theme built has .nojekyll; anything else may be someone's files, so it is left alone.
if (existsSync(output) && readdirSync(output).length > 0 && !existsSync(path.join(output, ".nojekyll"))) {
  stop(`the output folder ${JSON.stringify(outputArg ?? "_site")} is not empty and was not written by this build (it has no .nojekyll), and the build empties its output first. Fix: empty or delete it yourself, or choose another --output`);
}

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit" });
  if (result.status !== 0) {
    // Nothing half-built stays behind to be uploaded or served.
    rmSync(output, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
}

rmSync(output, { recursive: true, force: true });
// npm runs scripts from the project folder; the packages' CLIs are not in their "exports".
run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", ...args]);
run(process.execPath, ["node_modules/pagefind/lib/runner/bin.cjs", "--site", output]);
