/**
 * AP-style dates and times through luxon, time-zone aware. Pure functions: no Eleventy here.
 */
import { DateTime, IANAZone } from "luxon";
import { NewsroomError } from "./errors.js";

/** Anything the filters accept as a date. */
export type DateInput = Date | string | DateTime;

/** `date`: "Sept. 5, 2025" (year dropped when it equals `referenceYear`); `day`: "Sept. 5";
 * `month`: "September"; `month-year`: "September 2025". */
export type ApDateStyle = "date" | "day" | "month" | "month-year";
export const AP_DATE_STYLES: readonly ApDateStyle[] = ["date", "day", "month", "month-year"];

export interface DateFormatOptions {
  /** IANA zone to show the moment in, e.g. `America/New_York`. Without one, a string keeps the
   * offset it was written with and a JS Date is shown in UTC. */
  zone?: string | undefined;
  /** Year the reader is assumed to be in: `apDate` omits the year when the date falls in it. */
  referenceYear?: number | undefined;
  /** Append the zone abbreviation to times ("9 a.m. EDT"). */
  showZone?: boolean | undefined;
  /** Named in error messages: the filter or shortcode that was called. */
  where?: string | undefined;
}

// AP abbreviates the long month names when used with a day and spells out the short ones.
const AP_MONTHS_WITH_DAY = [
  "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
] as const;
const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** Zones already found valid: luxon's isValidZone builds an Intl.DateTimeFormat on every call,
 * which made it the most expensive step of a build (every date filter checks its zone). */
const validZones = new Set<string>();

/** Throws a NewsroomError unless `zone` is a time zone luxon knows. */
export function assertValidZone(zone: string, where: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone) && zone !== "UTC") {
    throw new NewsroomError({
      where,
      problem: "unknown time zone",
      value: zone,
      fix: 'use an IANA time zone name such as "America/New_York", "Europe/Kyiv" or "UTC"',
    });
  }
  validZones.add(zone);
}

/**
 * Dates already parsed, by input and zone. A site shows each story's date on many pages (lists,
 * related stories, feeds, every quotation on a speaker page), and luxon asks Intl for the zone's
 * offset each time it builds a DateTime. DateTimes are immutable, so sharing them is safe.
 */
const parsedDates = new Map<string, DateTime>();
const PARSED_DATES_LIMIT = 50_000;

/** Parses any accepted input into a valid luxon DateTime in the requested zone, or throws. */
export function toDateTime(input: unknown, options: DateFormatOptions = {}): DateTime {
  const key = input instanceof Date ? `d${input.getTime()}|${options.zone ?? ""}` : typeof input === "string" ? `s${input}|${options.zone ?? ""}` : undefined;
  const cached = key === undefined ? undefined : parsedDates.get(key);
  if (cached) return cached;
  const moment = parseDateTime(input, options);
  if (key !== undefined) {
    if (parsedDates.size >= PARSED_DATES_LIMIT) parsedDates.clear();
    parsedDates.set(key, moment);
  }
  return moment;
}

function parseDateTime(input: unknown, options: DateFormatOptions): DateTime {
  const where = options.where ?? "date";
  if (options.zone) assertValidZone(options.zone, where);
  let parsed: DateTime;
  if (DateTime.isDateTime(input)) {
    parsed = input;
  } else if (input instanceof Date) {
    parsed = DateTime.fromJSDate(input, { zone: "utc" });
  } else if (typeof input === "string" && input.trim() !== "") {
    // A string without an offset is wall-clock time in the requested zone (UTC without one);
    // setZone keeps an offset the string does carry, so a build gives the same page on any server.
    parsed = DateTime.fromISO(input.trim(), { setZone: true, zone: options.zone ?? "utc" });
  } else {
    throw new NewsroomError({
      where,
      problem: "expected a date (JS Date, ISO 8601 string or luxon DateTime) but got",
      value: input,
      fix: 'pass an ISO 8601 date such as "2025-09-05" or "2025-09-05T14:30:00-04:00"',
    });
  }
  if (!parsed.isValid) {
    throw new NewsroomError({
      where,
      problem: "cannot read this date",
      value: input,
      fix: 'write the date in ISO 8601 form, e.g. "2025-09-05" or "2025-09-05T14:30:00-04:00", and check that the day exists',
    });
  }
  return options.zone ? parsed.setZone(options.zone) : parsed;
}

/** "Sept. 5, 2025", "Sept. 5", "September", "September 2025" — AP month rules, no ordinals. */
export function formatApDate(input: DateInput, style: ApDateStyle = "date", options: DateFormatOptions = {}): string {
  const where = options.where ?? "apDate";
  if (!AP_DATE_STYLES.includes(style)) {
    throw new NewsroomError({
      where,
      problem: "unknown date style",
      value: style,
      fix: `use one of ${AP_DATE_STYLES.map((s) => `"${s}"`).join(", ")}`,
    });
  }
  const moment = toDateTime(input, { ...options, where });
  const monthName = MONTH_NAMES[moment.month - 1] as string;
  switch (style) {
    case "month":
      return monthName;
    case "month-year":
      return `${monthName} ${moment.year}`;
    case "day":
      return `${AP_MONTHS_WITH_DAY[moment.month - 1]} ${moment.day}`;
    case "date": {
      const day = `${AP_MONTHS_WITH_DAY[moment.month - 1]} ${moment.day}`;
      return options.referenceYear === moment.year ? day : `${day}, ${moment.year}`;
    }
  }
}

/** "9 a.m.", "3:30 p.m.", "noon", "midnight", optionally followed by the zone abbreviation. */
export function formatApTime(input: DateInput, options: DateFormatOptions = {}): string {
  const moment = toDateTime(input, { ...options, where: options.where ?? "apTime" });
  const { hour, minute } = moment;
  let time: string;
  if (minute === 0 && hour === 12) time = "noon";
  else if (minute === 0 && hour === 0) time = "midnight";
  else {
    const hour12 = hour % 12 === 0 ? 12 : hour % 12;
    const minutes = minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`;
    time = `${hour12}${minutes} ${hour < 12 ? "a.m." : "p.m."}`;
  }
  return options.showZone ? `${time} ${zoneAbbreviation(moment)}` : time;
}

/** AP order puts the time before the date: "9 a.m. EDT Sept. 5, 2025". */
export function formatApDateTime(input: DateInput, options: DateFormatOptions = {}): string {
  const where = options.where ?? "apDateTime";
  return `${formatApTime(input, { ...options, where })} ${formatApDate(input, "date", { ...options, where })}`;
}

/** Full ISO 8601 with offset, for `<time datetime>` and structured data: 2025-09-05T19:00:00-04:00. */
export function formatIsoDate(input: DateInput, options: DateFormatOptions = {}): string {
  const moment = toDateTime(input, { ...options, where: options.where ?? "isoDate" });
  let iso = isoStrings.get(moment);
  if (iso === undefined) {
    iso = moment.toISO({ suppressMilliseconds: true }) as string;
    isoStrings.set(moment, iso);
  }
  return iso;
}

/** ISO strings of the (shared, cached) DateTimes: luxon's toISO is the costliest of the formats. */
const isoStrings = new WeakMap<DateTime, string>();

/**
 * The `datetime` attribute for a date an author typed: a bare day ("2025-09-05") stays a day,
 * because inventing midnight in some zone would claim a precision the source does not have.
 */
export function machineDate(input: DateInput, options: DateFormatOptions = {}): string {
  if (typeof input === "string" && /^\d{4}-\d{2}-\d{2}$/.test(input.trim())) {
    return toDateTime(input, { where: options.where }).toISODate() as string;
  }
  return formatIsoDate(input, options);
}

/** One formatter per zone: luxon's "ZZZZ" builds a new Intl.DateTimeFormat on every call. */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneAbbreviation(moment: DateTime): string {
  // en-US gives the abbreviations American readers know (EDT, PDT); other zones come out as
  // "GMT+3", which is still unambiguous.
  if (moment.zone.type !== "iana") return moment.setLocale("en-US").toFormat("ZZZZ");
  let format = zoneNameFormats.get(moment.zone.name);
  if (!format) {
    // The options luxon uses for "ZZZZ", so the abbreviation is the same as it gives.
    format = new Intl.DateTimeFormat("en-US", {
      timeZoneName: "short", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      timeZone: moment.zone.name,
    });
    zoneNameFormats.set(moment.zone.name, format);
  }
  return format.formatToParts(moment.toJSDate()).find((part) => part.type === "timeZoneName")?.value ?? moment.setLocale("en-US").toFormat("ZZZZ");
}
