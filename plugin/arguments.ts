/**
 * What every shortcode and filter does with its arguments before the concept module sees them:
 * count and type checks, and naming the page in any error (the one idiom for that).
 */
import { DateTime } from "luxon";
import { formatIsoDate } from "./dates.js";
import type { EleventyCallContext } from "./eleventy-types.js";
import { describeValue, NewsroomError } from "./errors.js";
import type { ResolvedNewsroomOptions } from "./options.js";

/** Runs `render`, naming the file in any NewsroomError it throws that does not name one yet. */
export function namingFile<T>(inputPath: string | undefined, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof NewsroomError) throw error.inFile(inputPath);
    throw error;
  }
}

/** namingFile for work that finishes later (photo processing): the same naming for a rejection. */
export async function namingFileAsync<T>(inputPath: string | undefined, render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof NewsroomError) throw error.inFile(inputPath);
    throw error;
  }
}

/** onPage for asynchronous shortcodes: the same naming and reporting for a rejection. */
export function onPageAsync<T>(context: EleventyCallContext, render: () => Promise<T>): Promise<T> {
  return reportingCauseAsync(() => namingFileAsync(context.page?.inputPath, render));
}

/**
 * Runs a shortcode or filter body, naming its page in any NewsroomError it throws. The template
 * engine and Eleventy wrap such an error in their own ("Error with Nunjucks paired shortcode …"),
 * so it is also reported first (see reportCause).
 */
export function onPage<T>(context: EleventyCallContext, render: () => T): T {
  return reportingCause(() => namingFile(context.page?.inputPath, render));
}

const reported = new Set<string>();

/**
 * Under Eleventy's command line, prints the error's message at once, so the first line the user
 * sees is the cause; Eleventy's account of the wrapped error follows. Once per message per build;
 * programmatic builds get the error itself and print nothing.
 */
export function reportCause(error: NewsroomError): void {
  // Eleventy 3 sets ELEVENTY_SOURCE to "cli" or "script" when a build starts.
  if (process.env.ELEVENTY_SOURCE !== "cli" || reported.has(error.message)) return;
  reported.add(error.message);
  console.error(error.message);
}

/** A line of the build log under Eleventy's command line; programmatic builds print nothing. */
export function logForCli(line: string): void {
  if (process.env.ELEVENTY_SOURCE === "cli") console.log(line);
}

/** Runs `work`, reporting a NewsroomError it throws (see reportCause) before passing it on. */
export function reportingCause<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof NewsroomError) reportCause(error);
    throw error;
  }
}

/** reportingCause for asynchronous work. */
export async function reportingCauseAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NewsroomError) reportCause(error);
    throw error;
  }
}

/** A new build reports its errors afresh (watch mode). */
export function forgetReportedCauses(): void {
  reported.clear();
}

/** Rejects calls with more arguments than the shortcode takes, or non-text where text belongs. */
export function textArguments(where: string, given: unknown[], names: readonly string[]): (string | undefined)[] {
  // Nunjucks passes one empty string to a shortcode called with no arguments; trailing empties are absent.
  const args = [...given];
  while (args.length > 0 && (args[args.length - 1] === undefined || args[args.length - 1] === "")) args.pop();
  if (args.length > names.length) {
    throw new NewsroomError({
      where,
      problem: `takes at most ${names.length} argument${names.length === 1 ? "" : "s"} (${names.join(", ")}) but got ${args.length}`,
      value: args,
      fix: `call it as {% ${where} ${names.map((n) => `"${n}"`).join(", ")} %}, leaving out the ones you do not need`,
    });
  }
  return names.map((name, index) => {
    const value = args[index];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    // A date may come from data as a JS Date or luxon DateTime: its ISO form names the same moment.
    if (name === "date" && (value instanceof Date || DateTime.isDateTime(value))) return formatIsoDate(value);
    throw new NewsroomError({
      where,
      problem: `argument "${name}" must be text, got`,
      value: describeValue(value),
      fix: `pass ${name} as a quoted string`,
    });
  });
}

/** The date formatting options for a filter call: its own zone and showZone arguments over the plugin's. */
export function dateOptions(options: ResolvedNewsroomOptions, zone: string | undefined, showZone: string | undefined, where: string) {
  if (showZone !== undefined && showZone !== "true" && showZone !== "false") {
    throw new NewsroomError({ where, problem: "showZone must be true or false, got", value: showZone, fix: "pass true or false" });
  }
  return {
    zone: zone ?? options.timeZone,
    referenceYear: options.referenceYear,
    showZone: showZone === undefined ? options.showTimeZone : showZone === "true",
    where,
  };
}

