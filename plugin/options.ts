/**
 * Plugin options: types, documented defaults and validation at `addPlugin` time, so a typo in a
 * config fails the first build instead of quietly doing nothing.
 */
import { assertValidZone } from "./dates.js";
import { closestMatch, NewsroomError } from "./errors.js";
import { validateRegistry, type Speaker, type SpeakerRegistry } from "./speakers.js";

export type PullquoteCheck = "warn" | "error" | "off";

export interface NewsroomOptions {
  /** Speakers registry entries, merged over the global data registry (`speakersDataKey`). Default `{}`. */
  speakers?: SpeakerRegistry;
  /** Global data key that holds the speakers registry (`_data/speakers.json`). Default `"speakers"`. */
  speakersDataKey?: string;
  /** URL of a speaker's page on the site, for linking first references. Default: no links. */
  speakerUrl?: ((speaker: Speaker) => string | undefined) | undefined;
  /** IANA time zone dates are shown in. Default: a string keeps its own offset, a JS Date shows in UTC. */
  timeZone?: string | undefined;
  /** `apDate` omits the year for dates in this year. Default: the year is always shown. */
  referenceYear?: number | undefined;
  /** Append the zone abbreviation to `apTime` and `apDateTime` ("9 a.m. EDT"). Default `true`. */
  showTimeZone?: boolean;
  /** What to do when a pull quote's words are not in the article: warn, fail the build, or skip. Default `"warn"`. */
  pullquoteCheck?: PullquoteCheck;
  /** Hide pull quotes from assistive technology unless a shortcode says `exposed`. Default `true`. */
  pullquoteHidden?: boolean;
  /** Extra cities that may stand alone in a dateline, added to the AP list. Default `[]`. */
  standaloneCities?: string[];
}

/** Options after defaults are applied. */
export interface ResolvedNewsroomOptions {
  speakers: SpeakerRegistry;
  speakersDataKey: string;
  speakerUrl: ((speaker: Speaker) => string | undefined) | undefined;
  timeZone: string | undefined;
  referenceYear: number | undefined;
  showTimeZone: boolean;
  pullquoteCheck: PullquoteCheck;
  pullquoteHidden: boolean;
  standaloneCities: string[];
}

export const DEFAULT_OPTIONS: Readonly<ResolvedNewsroomOptions> = Object.freeze({
  speakers: {},
  speakersDataKey: "speakers",
  speakerUrl: undefined,
  timeZone: undefined,
  referenceYear: undefined,
  showTimeZone: true,
  pullquoteCheck: "warn",
  pullquoteHidden: true,
  standaloneCities: [],
});

const OPTION_NAMES = Object.keys(DEFAULT_OPTIONS) as (keyof ResolvedNewsroomOptions)[];
const PULLQUOTE_CHECKS: readonly PullquoteCheck[] = ["warn", "error", "off"];

function optionError(name: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `option ${name}`, problem, value, fix });
}

/** Merges options over the defaults, rejecting unknown names and wrong types with the fix. */
export function resolveOptions(input: unknown = {}): ResolvedNewsroomOptions {
  if (input === undefined || input === null) input = {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new NewsroomError({
      where: "addPlugin(newsroom, options)",
      problem: "options must be an object, got",
      value: input,
      fix: "pass an object such as { timeZone: \"America/New_York\" }, or nothing",
    });
  }
  const options = input as Record<string, unknown>;
  for (const name of Object.keys(options)) {
    if (!(OPTION_NAMES as string[]).includes(name)) {
      const guess = closestMatch(name, OPTION_NAMES);
      throw new NewsroomError({
        where: "addPlugin(newsroom, options)",
        problem: "unknown option",
        value: name,
        fix: guess ? `did you mean "${guess}"?` : `use only ${OPTION_NAMES.join(", ")}`,
      });
    }
  }
  // An explicit `undefined` means "use the default", as users expect from spread configs; fresh
  // containers per call keep callers from changing the shared defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: ResolvedNewsroomOptions = { ...DEFAULT_OPTIONS, speakers: {}, standaloneCities: [], ...given };

  resolved.speakers = validateRegistry(resolved.speakers, "option speakers");
  if (typeof resolved.speakersDataKey !== "string" || resolved.speakersDataKey.trim() === "") {
    throw optionError("speakersDataKey", "must be a non-empty string, got", resolved.speakersDataKey, 'use the global data name, e.g. "speakers"');
  }
  if (resolved.speakerUrl !== undefined && typeof resolved.speakerUrl !== "function") {
    throw optionError("speakerUrl", "must be a function, got", resolved.speakerUrl, "pass (speaker) => `/speakers/${speaker.id}/`");
  }
  if (resolved.timeZone !== undefined) {
    if (typeof resolved.timeZone !== "string") {
      throw optionError("timeZone", "must be a string, got", resolved.timeZone, 'use an IANA zone such as "America/New_York"');
    }
    assertValidZone(resolved.timeZone, "option timeZone");
  }
  if (resolved.referenceYear !== undefined && !(Number.isInteger(resolved.referenceYear) && resolved.referenceYear > 0)) {
    throw optionError("referenceYear", "must be a whole year, got", resolved.referenceYear, "use a number such as 2025, or leave it out to always show the year");
  }
  for (const name of ["showTimeZone", "pullquoteHidden"] as const) {
    if (typeof resolved[name] !== "boolean") {
      throw optionError(name, "must be true or false, got", resolved[name], `set ${name}: true or ${name}: false`);
    }
  }
  if (!PULLQUOTE_CHECKS.includes(resolved.pullquoteCheck)) {
    throw optionError("pullquoteCheck", "must be one of warn, error, off, got", resolved.pullquoteCheck, 'use "warn", "error" or "off"');
  }
  if (!Array.isArray(resolved.standaloneCities) || resolved.standaloneCities.some((city) => typeof city !== "string")) {
    throw optionError("standaloneCities", "must be a list of city names, got", resolved.standaloneCities, 'use e.g. ["Springfield"]');
  }
  return resolved;
}
