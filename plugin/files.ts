/** Files on disk, as the theme and the package's commands list them. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Every file under `folder`, subfolders too, as paths relative to it with "/"; none when it is missing. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    // `parentPath` from Node 20.12; `path` before it.
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? folder;
    files.push(path.relative(folder, path.join(parent, entry.name)).split(path.sep).join("/"));
  }
  return files;
}
