/**
 * A newsroom with the CMS for browser tests: built from its own folder as `npm run build` builds
 * it there, and its files put in (and read back from) a folder of the origin's private file
 * system, which stands in for the folder an editor picks in Sveltia's local-repository mode.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { init } from "../../plugin/cli/init.js";
import { launchChromium, sealedContext } from "./browser.js";
import { repoRoot, type SiteBuild } from "./site-build.js";
import { serveStatic, type StaticServer } from "./static-server.js";

/** Builds the newsroom in `desk` (with the repository's theme) into a new folder under `scratch`. */
export async function buildDesk(desk: string, scratch: string): Promise<SiteBuild> {
  const output = mkdtempSync(path.join(scratch, "site-"));
  await promisify(execFile)(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${path.join(repoRoot, "eleventy.config.ts")}`, `--output=${output}`], {
    cwd: desk,
    env: { ...process.env, NODE_OPTIONS: "", NEWSROOM_INPUT: ".", NEWSROOM_DATA: "_data", NEWSROOM_CMS: "on" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { output, stdout: "", stderr: "", read: (file) => readFile(path.join(output, file), "utf8"), cleanup: () => rm(output, { recursive: true, force: true }) };
}

export interface StartedDesk {
  site: SiteBuild;
  server: StaticServer;
  browser: Browser;
  /** Closes the browser and server and deletes `scratch`, the desk and its builds. */
  stop(): Promise<void>;
}

/** The browser tests' start: the starter with the CMS written to `desk`, built, served, and Chromium. */
export async function startDesk(desk: string, scratch: string): Promise<StartedDesk> {
  init(desk, { root: repoRoot, cms: true });
  rmSync(path.join(desk, "README.md"));
  const site = await buildDesk(desk, scratch);
  const server = await serveStatic(site.output);
  const browser = await launchChromium();
  return {
    site,
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.close();
      await site.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The newsroom's stories and data, as the picked folder holds them. */
export function repositoryFiles(desk: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ["articles", "_data"]) for (const name of readdirSync(path.join(desk, folder))) files[`${folder}/${name}`] = readFileSync(path.join(desk, folder, name), "utf8");
  return files;
}

/** Local-repository mode asks for a folder: a folder of the origin's private file system is given. */
export async function pickPrivateFolder(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });
  });
}

// Run in the page as text: a compiler's helpers must not reach the browser.
/** Writes the files (`folder/name` → text) into the private folder; evaluate with the files as argument. */
export const FILL_REPOSITORY = `async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });
  await root.getDirectoryHandle(".git", { create: true });
  for (const [name, text] of Object.entries(files)) {
    const [folder, file] = name.split("/");
    const writable = await (await (await root.getDirectoryHandle(folder, { create: true })).getFileHandle(file, { create: true })).createWritable();
    await writable.write(text);
    await writable.close();
  }
}`;

/** The private folder's stories and data, `folder/name` → base64. */
export const READ_REPOSITORY = `(async () => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  const files = {};
  for (const folder of ["articles", "_data"]) {
    for await (const [name, handle] of (await root.getDirectoryHandle(folder)).entries()) {
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      files[folder + "/" + name] = btoa(binary);
    }
  }
  return files;
})()`;

export interface LocalAdmin {
  page: Page;
  /** The page's uncaught script errors. */
  errors: string[];
  close: () => Promise<void>;
}

/**
 * The admin page at `address` in local-repository mode, holding `files` (`folder/name` → text), in a
 * sealed context (`timezoneId`: the editor's computer's zone).
 */
export async function openLocalAdmin(browser: Browser, address: string, files: Record<string, string>, options: { timezoneId?: string } = {}): Promise<LocalAdmin> {
  const { context } = await sealedContext(browser, options);
  await pickPrivateFolder(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${address}admin/`, { waitUntil: "networkidle" });
  await page.evaluate(`(${FILL_REPOSITORY})(${JSON.stringify(files)})`);
  await page.getByRole("button", { name: /Work with Local Repository/ }).click();
  return { page, errors, close: () => context.close() };
}
