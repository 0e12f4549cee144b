#!/usr/bin/env node
/**
 * The package's command: `npx eleventy-plugin-newsroom init DIR` writes a new newsroom site;
 * `eleventy-plugin-newsroom build --stories-per-part N` builds a large archive in parts;
 * `eleventy-plugin-newsroom search` writes its search index in several (theme option searchIndexSize).
 * Exit codes: 0 done, 1 the folder already has the starter's files or the build failed, 2 wrong usage.
 */
import path from "node:path";
import { closestMatch } from "../errors.js";
import { buildInParts } from "./build.js";
import { addCmsToSite, init, InitError, packageFacts, packageRoot, publicationNameNote } from "./init.js";
import { SearchIndexError, writeSearchIndexes } from "./search.js";

const USAGE = `Usage: npx eleventy-plugin-newsroom init <folder> [--cms]

Writes a new news site into <folder> (created if missing): package.json with build and start
scripts, eleventy.config.js, _data/ (site settings, sections, authors, speakers), one sample
story in articles/, a GitHub Pages workflow, a pull-request check, .gitignore and a README. It
never overwrites a file. --cms adds the editors' CMS at /admin/ (docs/cms.md).

Then:
  cd <folder>
  npm install && npm run build    # the site and its search index in _site/
  npm start                       # a local server with live reload

Usage: npx eleventy-plugin-newsroom build --stories-per-part <N> [Eleventy options]

Builds the site in parts, one Eleventy process for each <N> stories and for each 4 x <N> list
pages, for an archive too large for one (tens of thousands of stories): the pages are the same
as one build writes. Eleventy options (--config, --output, --pathprefix, --quiet) go to every
part. Use it in package.json's build script instead of "eleventy"; npm start stays as it is.

Usage: npx eleventy-plugin-newsroom cms

In an existing newsroom's folder: adds the editors' CMS at /admin/ (the theme option cms: true in
eleventy.config.js), rewrites the registries in _data/ as lists (the same entries, which editors
edit in the CMS) and adds the pull-request check workflow, if it has none (docs/cms.md).

Usage: npx eleventy-plugin-newsroom search [--site <folder>]

Writes the built site's search index (default folder _site) in as many Pagefind indexes as the
theme option searchIndexSize asks for, one at a time, so no one index holds a large archive.
Use it in package.json's postbuild script instead of "pagefind --site _site".

Options:
  -h, --help       show this help
  -v, --version    show the package's version`;

const COMMANDS = ["init", "build", "search", "cms"];

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
  if (command === "build") {
    process.exitCode = build(rest);
    return;
  }
  if (command === "search") {
    search(rest);
    return;
  }
  if (command === "cms") {
    cms(rest);
    return;
  }
  const cmsWanted = rest.includes("--cms");
  const folders = rest.filter((arg) => arg !== "--cms");
  const unknownOption = folders.find((arg) => arg.startsWith("-"));
  if (unknownOption) usageError(`unknown option "${unknownOption}".`);
  if (folders.length === 0) usageError("init needs a folder to write the site into, e.g. my-news.");
  if (folders.length > 1) usageError(`init takes one folder, got ${folders.length}: ${folders.join(" ")}.`);
  const target = folders[0] as string;
  try {
    const files = init(target, { cms: cmsWanted });
    const shown = path.relative(process.cwd(), path.resolve(target)) || ".";
    process.stdout.write(
      [`Wrote a new newsroom into ${shown}/:`, ...files.map((file) => `  ${file.path}`), "", "Next:", `  cd ${shown}`, "  npm install && npm run build", "  npm start", ...(cmsWanted ? ["", "Editors: /admin/ (see the package's docs/cms.md to sign in)"] : []), ""].join("\n"),
    );
    const note = publicationNameNote(path.basename(path.resolve(target)));
    if (note) process.stdout.write(`\n${note}\n`);
  } catch (error) {
    if (error instanceof InitError) {
      process.stderr.write(`eleventy-plugin-newsroom init: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** `cms`: the editors' CMS in the newsroom of the current folder. */
function cms(args: string[]): void {
  if (args.length > 0) usageError(`cms takes no arguments, got ${args.join(" ")}; run it in the newsroom's folder.`);
  try {
    const done = addCmsToSite(process.cwd());
    process.stdout.write(done.length === 0 ? "The CMS is already on: /admin/ (docs/cms.md).\n" : ["Added the editors' CMS:", ...done.map((line) => `  ${line}`), "", "Build the site (npm run build) and open /admin/.", ""].join("\n"));
  } catch (error) {
    if (error instanceof InitError) {
      process.stderr.write(`eleventy-plugin-newsroom cms: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** `build --stories-per-part N [Eleventy options]`: the exit status of the first part that fails, or 0. */
function build(args: string[]): number {
  const eleventyArgs: string[] = [];
  let size: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--stories-per-part") size = args[++i];
    else if (arg.startsWith("--stories-per-part=")) size = arg.slice("--stories-per-part=".length);
    else eleventyArgs.push(arg);
  }
  if (size === undefined) usageError("build needs --stories-per-part N, the stories each Eleventy process builds (e.g. 5000).");
  const storiesPerPart = Number(size);
  if (!Number.isInteger(storiesPerPart) || storiesPerPart < 1) usageError(`--stories-per-part takes a whole number of stories, got "${size}".`);
  if (eleventyArgs.some((arg) => arg === "--serve" || arg === "--watch")) usageError("build writes the site for publishing; preview it with npm start (eleventy --serve), which builds it whole.");
  return buildInParts({ storiesPerPart, eleventyArgs });
}

/** `search [--site DIR]`: exit status 1 when the site cannot be indexed, with why and the fix. */
function search(args: string[]): void {
  let site = "_site";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--site" && args[i + 1] !== undefined) site = args[++i] as string;
    else if (arg.startsWith("--site=")) site = arg.slice("--site=".length);
    else usageError(`search takes --site <folder>, got "${arg}".`);
  }
  writeSearchIndexes({ site }).catch((error: unknown) => {
    if (!(error instanceof SearchIndexError)) throw error;
    process.stderr.write(`eleventy-plugin-newsroom search: ${error.message}\n`);
    process.exitCode = 1;
  });
}

main(process.argv.slice(2));
