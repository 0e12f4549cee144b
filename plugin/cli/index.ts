#!/usr/bin/env node
/**
 * The package's command: `npx eleventy-plugin-newsroom init DIR` writes a new newsroom site.
 * Exit codes: 0 done, 1 the folder already has the starter's files, 2 wrong usage.
 */
import path from "node:path";
import { closestMatch } from "../errors.js";
import { init, InitError, packageFacts, packageRoot } from "./init.js";

const USAGE = `Usage: npx eleventy-plugin-newsroom init <folder>

Writes a new news site into <folder> (created if missing): package.json with build and start
scripts, eleventy.config.js, _data/ (site settings, sections, authors, speakers), one sample
story in articles/, a GitHub Pages workflow, .gitignore and a README. It never overwrites a file.

Then:
  cd <folder>
  npm install && npm run build    # the site and its search index in _site/
  npm start                       # a local server with live reload

Options:
  -h, --help       show this help
  -v, --version    show the package's version`;

const COMMANDS = ["init"];

function usageError(message: string): never {
  process.stderr.write(`eleventy-plugin-newsroom: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function main(args: string[]): void {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.includes("--version") || args.includes("-v")) {
    process.stdout.write(`${packageFacts(packageRoot()).version}\n`);
    return;
  }
  const [command, ...rest] = args;
  if (command === undefined) usageError("no command given.");
  if (!COMMANDS.includes(command)) {
    const guess = closestMatch(command, COMMANDS);
    usageError(`unknown command "${command}".${guess ? ` Did you mean "${guess}"?` : ""}`);
  }
  const unknownOption = rest.find((arg) => arg.startsWith("-"));
  if (unknownOption) usageError(`unknown option "${unknownOption}".`);
  if (rest.length === 0) usageError("init needs a folder to write the site into, e.g. my-news.");
  if (rest.length > 1) usageError(`init takes one folder, got ${rest.length}: ${rest.join(" ")}.`);
  const target = rest[0] as string;
  try {
    const files = init(target);
    const shown = path.relative(process.cwd(), path.resolve(target)) || ".";
    process.stdout.write(
      [`Wrote a new newsroom into ${shown}/:`, ...files.map((file) => `  ${file.path}`), "", "Next:", `  cd ${shown}`, "  npm install && npm run build", "  npm start", ""].join("\n"),
    );
  } catch (error) {
    if (error instanceof InitError) {
      process.stderr.write(`eleventy-plugin-newsroom init: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main(process.argv.slice(2));
