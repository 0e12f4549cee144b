/**
 * What `npm pack` puts in the package: the compiled plugin with its types, the theme's templates,
 * the starter, the docs and the package's own papers, and nothing of the repository's sources,
 * tests, benchmarks, CI or build leftovers.
 *
 * The pack runs on a copy of the working tree (the files git would commit, and the leftovers a
 * working tree has: an image cache, a built site, a tarball, a stale build), so the repository's
 * own dist/ is not emptied under other tests that pack at the same time. The copy's dist/ comes
 * from the package's own prepack script; its exit code is not this test's business (type errors
 * are npm test's tsc's to report), only what it leaves in dist/.
 */
import { execFile } from "node:child_process";
import { copyFile, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/site-build.js";

const run = promisify(execFile);
const env = { ...process.env, NODE_OPTIONS: "", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

/**
 * The package unpacked, in bytes. Measured at 0.2.0: 711,108 bytes (dist/ 544 kB, docs 83 kB,
 * the theme's templates 51 kB, the README, changelog, starter and the rest 33 kB). With story
 * kinds, the front of house and the CMS: 1,019,847 bytes (dist/ 767 kB, docs 135 kB with cms.md,
 * templates 68 kB, the rest 50 kB; the self-hosted face and Sveltia CMS are copied from their own
 * packages at build time, not shipped). The bound is 30% above that: a package past it has taken
 * in something it should not ship, or has grown enough to ask whether all of it is needed.
 */
const MAX_UNPACKED_BYTES = 1_325_000;

/** Files in a working tree that no commit has and no package should: made by builds and tests. */
const LEFTOVERS = [".cache/newsroom-images/leftover.jpg", "_site/index.html", "eleventy-plugin-newsroom-0.1.0.tgz", "test/scratch/leftover.txt", "dist/plugin/leftover-of-an-old-build.js"];

let scratch: string;
let copy: string;
let files: string[];
let unpackedSize: number;
let prepackOutput: string;

async function listed(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(copy, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(copy, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "newsroom-pack-"));
  copy = path.join(scratch, "package");
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, env, maxBuffer: 32 * 1024 * 1024 });
  for (const file of stdout.split("\0").filter(Boolean)) {
    // A file deleted since git listed it (another test's scratch file) is not part of the tree;
    // nor is a link git lists as a file (a node_modules linked in).
    const stat = await lstat(path.join(repoRoot, file)).catch(() => undefined);
    if (!stat?.isFile()) continue;
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await copyFile(path.join(repoRoot, file), path.join(copy, file));
  }
  for (const file of LEFTOVERS) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await writeFile(path.join(copy, file), "a leftover\n");
  }
  await symlink(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
  prepackOutput = await run("npm", ["run", "prepack"], { cwd: copy, env, maxBuffer: 32 * 1024 * 1024 }).then(
    ({ stdout: out, stderr }) => out + stderr,
    (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
  );
  const packed = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: copy, env, maxBuffer: 32 * 1024 * 1024 });
  const [result] = JSON.parse(packed.stdout) as { files: { path: string }[]; unpackedSize: number }[];
  files = (result?.files ?? []).map((file) => file.path);
  unpackedSize = result?.unpackedSize ?? Infinity;
}, 180_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships the compiled plugin, theme and command with their types", () => {
    for (const file of ["dist/plugin/index.js", "dist/plugin/index.d.ts", "dist/plugin/theme/index.js", "dist/plugin/theme/index.d.ts", "dist/plugin/cli/index.js"]) {
      expect(files, `${file}\n${prepackOutput}`).toContain(file);
    }
  });

  it("ships every template, partial, page and asset of the theme", async () => {
    const theme = await listed("_includes");
    for (const folder of ["layouts", "pages", "partials", "assets"]) expect(theme.filter((file) => file.startsWith(`_includes/${folder}/`)).length, folder).toBeGreaterThan(0);
    expect(files.filter((file) => file.startsWith("_includes/")).sort()).toEqual(theme.sort());
  });

  it("ships the whole starter, the docs and the package's papers", async () => {
    const starter = await listed("starter");
    expect(starter).toEqual(expect.arrayContaining(["starter/eleventy.config.js", "starter/gitignore", "starter/github/workflows/pages.yml", "starter/articles/sample-story.md"]));
    expect(files.filter((file) => file.startsWith("starter/")).sort()).toEqual(starter.sort());
    const docs = await listed("docs");
    expect(docs).toContain("docs/theme.md");
    expect(files.filter((file) => file.startsWith("docs/")).sort()).toEqual(docs.sort());
    for (const file of ["CHANGELOG.md", "LICENSE", "README.md", "package.json"]) expect(files).toContain(file);
  });

  it("ships nothing of the sources, tests, benchmarks, CI, dependencies or build leftovers", () => {
    const forbidden = /^(test|bench|src|scripts|plugin|\.github|\.ci|node_modules|\.cache|_site|_data|screenshots)\/|(^|\/)node_modules\/|(^|\/)tsconfig[^/]*\.json$|\.tgz$/;
    expect(files.filter((file) => forbidden.test(file))).toEqual([]);
    // TypeScript only as compiled declarations.
    expect(files.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((file) => file.endsWith(".ts")).every((file) => file.startsWith("dist/plugin/"))).toBe(true);
    // prepack builds dist/ afresh: nothing of an earlier build is shipped.
    expect(files).not.toContain("dist/plugin/leftover-of-an-old-build.js");
    // Everything is accounted for: the compiled plugin, the theme, the starter, the docs, the papers.
    const allowed = /^(dist\/plugin\/.+\.(js|d\.ts|json)|_includes\/.+|starter\/.+|docs\/.+|CHANGELOG\.md|LICENSE|README\.md|package\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
  });

  it(`stays under ${MAX_UNPACKED_BYTES.toLocaleString("en-US")} bytes unpacked`, () => {
    expect(files.length).toBeGreaterThan(0);
    expect(unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
  });
});
