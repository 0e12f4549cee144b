/**
 * `npm run build`: Eleventy, then Pagefind's search index over what Eleventy wrote.
 * Arguments go to Eleventy (`npm run build -- --pathprefix=/REPO/`). A failing step fails the build.
 */
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const outputArg = args.find((arg) => arg.startsWith("--output="));
const output = outputArg ? outputArg.slice("--output=".length) : "_site";

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// npm runs scripts from the project folder; the packages' CLIs are not in their "exports".
run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", ...args]);
run(process.execPath, ["node_modules/pagefind/lib/runner/bin.cjs", "--site", output]);
