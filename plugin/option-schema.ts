/**
 * Options declared once. An option set is one object of `option(...)` entries, each with its
 * default, its parse (check) and its line in the docs; from that one object come the set's TypeScript
 * type (`OptionValues`, which keeps each entry's doc comment), its defaults, its list of names
 * (unknown names are refused with a did-you-mean), its resolution and the docs table
 * (`scripts/options-docs.ts` writes it; a test checks it). Adding an option touches its entry and
 * the code that uses it.
 */
import { NewsroomError, rejectUnknownNames } from "./errors.js";

export interface OptionSpec<T> {
  /** The value used when the option is not given (or given as `undefined`). */
  readonly default: T;
  /**
   * Checks a value and gives it back as the option holds it (a registry normalised, say); throws a
   * NewsroomError naming the option, the value and the fix.
   */
  readonly parse: (value: unknown, name: string) => T;
  /** The docs table's default column, when the value itself does not say it (`none`). */
  readonly defaultText?: string;
  /** The docs table's meaning column. */
  readonly doc: string;
}

/** An option of type `T`. The type parameter is the one declaration of the option's type. */
export function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

export type OptionSet = Record<string, OptionSpec<unknown>>;

/** The resolved values of an option set: every option, each with its type and doc comment. */
export type OptionValues<S extends OptionSet> = { -readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never };

/** A fresh copy of a default, so callers cannot change the shared one. */
function fresh<T>(value: T): T {
  if (Array.isArray(value)) return [...value] as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return { ...value };
  return value;
}

export function defaultsOf<S extends OptionSet>(set: S): OptionValues<S> {
  return Object.fromEntries(Object.entries(set).map(([name, spec]) => [name, fresh(spec.default)])) as OptionValues<S>;
}

/**
 * Merges `input` over the set's defaults: an unknown name or a value its check refuses stops with
 * the fix; an explicit `undefined` means "use the default", as users expect from spread configs.
 * `where` names the call in errors, e.g. "addPlugin(newsroom, options)".
 */
export function resolveOptionSet<S extends OptionSet>(set: S, input: unknown, where: string, example: string): OptionValues<S> {
  const given = input ?? {};
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new NewsroomError({ where, problem: "options must be an object, got", value: given, fix: `pass an object such as ${example}, or nothing` });
  }
  rejectUnknownNames(Object.keys(given), Object.keys(set), where);
  const resolved = defaultsOf(set) as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) if (value !== undefined) resolved[name] = value;
  for (const [name, spec] of Object.entries(set)) resolved[name] = spec.parse(resolved[name], name);
  return resolved as OptionValues<S>;
}

/** The docs table of an option set, in declaration order: option, default, meaning. */
export function optionsTable(set: OptionSet): string {
  const rows = Object.entries(set).map(([name, spec]) => `| \`${name}\` | ${spec.defaultText ?? `\`${JSON.stringify(spec.default)?.split(",").join(", ")}\``} | ${spec.doc} |`);
  return ["| option | default | meaning |", "|---|---|---|", ...rows].join("\n");
}
