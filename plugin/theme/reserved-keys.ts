/**
 * Keys every JavaScript object already has a meaning for. Eleventy merges front matter and data
 * files into its data cascade key by key: a `__proto__` key is merged into the prototype of every
 * object of the build (which then breaks far from the file, naming none), and `constructor` or
 * `prototype` replace what every object relies on. Refused wherever a site writes data the build
 * merges: front matter, the registries and site.json.
 */
import { NewsroomError } from "../errors.js";

export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The path (`people.0.__proto__`) of the first reserved key anywhere in `value`, or undefined. */
export function reservedKeyPath(value: unknown, path: readonly string[] = [], seen = new Set<object>()): string[] | undefined {
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return [...path, key];
    const found = reservedKeyPath((value as Record<string, unknown>)[key], [...path, key], seen);
    if (found) return found;
  }
  return undefined;
}

/** Stops the build when `value` holds a reserved key, naming the file, the key and the fix. `where` is e.g. "front matter". */
export function refuseReservedKeys(value: unknown, where: string, inputPath: string): void {
  const found = reservedKeyPath(value);
  if (!found) return;
  const key = found[found.length - 1] as string;
  throw new NewsroomError({
    where: `${where} ${found.join(".")}`,
    problem: "this key is a name every JavaScript object already has, which Eleventy would merge into every object of the build, got",
    value: key,
    fix: "give the key another name, or remove it",
    inputPath,
  });
}
