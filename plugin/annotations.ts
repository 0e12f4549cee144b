/**
 * Errors that reach editors: in GitHub Actions each newsroom error the build prints is printed
 * again as a workflow annotation (`::error file=…,line=…::…`), so a failed publish or pull-request
 * check shows the file, the field and the fix on the commit, where an editor of the CMS sees it.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

/** A message as GitHub's workflow commands read it: `%`, CR and LF escaped. */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property's value (`file=`, `title=`): the message's escapes, and `:` and `,` too. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** `[newsroom] <where> in <file>: …`, as NewsroomError writes it, after Eleventy's `[11ty] `, `1. ` or `> `. */
const NEWSROOM_LINE = /^(?:\[11ty\] )?(?:\d+\. |> )?(\[newsroom\] (.*?) in (\.{0,2}\/?[^\s:]+?\.[A-Za-z0-9]+): [\s\S]*?)(?: \(via \w+\))?$/;

/** The line of a story's file that a `where` points at: `…, line 12`, or the field's own line in the front matter. */
export function annotationLine(where: string, fileText: string | undefined): number | undefined {
  const written = /\bline (\d+)\b/.exec(where);
  if (written) return Number(written[1]);
  const field = /^front matter ([A-Za-z_][\w-]*)/.exec(where)?.[1];
  if (field === undefined || fileText === undefined) return undefined;
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fileText)?.[1] ?? "";
  const index = frontMatter.split(/\r?\n/).findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? undefined : index + 2;
}

/** The annotation for one printed line, or undefined when it is not a newsroom error naming a file. */
export function annotationFor(printed: string, readFile: (file: string) => string | undefined = readQuietly): string | undefined {
  const match = NEWSROOM_LINE.exec(printed.trim());
  if (!match) return undefined;
  const [, message, where, file] = match as unknown as [string, string, string, string];
  const path = (isAbsolute(file) ? relative(process.cwd(), file) : file.replace(/^\.\//, "")).split(sep).join("/");
  const line = annotationLine(where, readFile(path));
  const properties = [`file=${escapeAnnotationProperty(path)}`, ...(line === undefined ? [] : [`line=${line}`]), `title=${escapeAnnotationProperty(`newsroom: ${where}`)}`];
  return `::error ${properties.join(",")}::${escapeAnnotationData(message)}`;
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

let reporting = false;

/**
 * In GitHub Actions (`GITHUB_ACTIONS=true`), prints an annotation after each newsroom error
 * Eleventy prints (it prints errors with console.error), once per error. Once per process.
 */
export function reportErrorsToGitHub(environment: NodeJS.ProcessEnv = process.env): void {
  if (environment.GITHUB_ACTIONS !== "true" || reporting) return;
  reporting = true;
  const printed = new Set<string>();
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    original(...args);
    for (const line of args.filter((arg): arg is string => typeof arg === "string").flatMap((arg) => arg.split("\n"))) {
      const annotation = annotationFor(line.replace(/\u001b\[[0-9;]*m/g, ""));
      if (annotation === undefined || printed.has(annotation)) continue;
      printed.add(annotation);
      process.stdout.write(`${annotation}\n`);
    }
  };
}
