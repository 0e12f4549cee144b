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

/**
 * A calendar day without a time of day, as written: "2025-09-05". Filters show it as that day
 * (no time), `isoDate` gives it back as a date; only where a format demands a moment (ordering,
 * feeds) is it read as the start of that day in the zone.
 */
export function isCalendarDay(input: unknown): input is string {
  return typeof input === "string" && /^\d{4}-\d{2}-\d{2}$/.test(input.trim());
}

/**
 * ISO 8601 text for a date or date-time written the way YAML allows too: "2025-10-14 09:30",
 * "2025-10-14 9:30:00 -5", "2025-10-14t09:30Z". Anything else is returned unchanged.
 */
export function canonicalDateText(text: string): string {
  const written = /^(\d{4}-\d{2}-\d{2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(Z|z|[-+]\d{1,2}(?::?\d{2})?)?$/.exec(text.trim());
  if (!written) return text.trim();
  const [, day, hour, minute, second = "00", fraction = "", offset] = written as unknown as [string, string, string, string, string?, string?, string?];
  let zone = "";
  if (offset !== undefined) {
    if (/^z$/i.test(offset)) zone = "Z";
    else {
      const [, sign, hours, minutes = "00"] = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(offset) as unknown as [string, string, string, string?];
      zone = `${sign}${hours.padStart(2, "0")}:${minutes}`;
    }
  }
  return `${day}T${hour.padStart(2, "0")}:${minute}:${second}${fraction}${zone}`;
}

/**
 * The value a written date stands for: a day stays the day ("2025-10-14"); a time without an
 * offset is wall-clock time in `zone` and comes back with that zone's offset; a time with an
 * offset keeps it. Throws when the text is not a date.
 */
export function writtenDate(text: string, zone: string | undefined, where = "date"): string {
  if (isCalendarDay(text)) return formatIsoDate(text.trim(), { zone, where });
  const canonical = canonicalDateText(text);
  const hasOffset = /(?:Z|[-+]\d{2}:\d{2})$/i.test(canonical) && canonical.includes("T");
  const moment = toDateTime(canonical, { zone: hasOffset ? undefined : zone, where });
  return moment.toISO({ suppressMilliseconds: true }) as string;
}

/** The latest of several dates (days count from their start in `zone`); undefined when none. */
export function latestDate<T extends DateInput>(dates: readonly (T | undefined)[], zone: string | undefined, where = "date"): T | undefined {
  let latest: T | undefined;
  let latestTime = -Infinity;
  for (const date of dates) {
    if (date === undefined) continue;
    const time = toDateTime(date, { zone, where }).toMillis();
    if (time >= latestTime) {
      latest = date;
      latestTime = time;
    }
  }
  return latest;
}

/** The problem of a date no reading can make sense of (as opposed to one read, and refused). */
export const UNREADABLE_DATE = "cannot read this date";

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
    // Made in the requested zone at once: luxon asks Intl for a zone's offset each time it makes a
    // DateTime, and every story's date passes through here.
    parsed = DateTime.fromJSDate(input, { zone: options.zone ?? "utc" });
  } else if (typeof input === "string" && input.trim() !== "") {
    // A string without an offset is wall-clock time in the requested zone (UTC without one);
    // setZone keeps an offset the string does carry, so a build gives the same page on any server.
    const canonical = canonicalDateText(input);
    refuseUnclearWallClock(canonical, options.zone, where, input);
    parsed = DateTime.fromISO(canonical, { setZone: true, zone: options.zone ?? "utc" });
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
      problem: UNREADABLE_DATE,
      value: input,
      fix: 'write the date in ISO 8601 form, e.g. "2025-09-05" or "2025-09-05T14:30:00-04:00", and check that the day exists',
    });
  }
  return options.zone && !(input instanceof Date) ? parsed.setZone(options.zone) : parsed;
}

/** "-04:00": an offset in minutes as ISO 8601 writes it. */
function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const whole = Math.abs(minutes);
  return `${sign}${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * A written time luxon would read some way the author may not mean: a leap second (`23:59:60`);
 * and, for a time without an offset read in the site's zone, a time the clocks skip (the spring
 * gap: `02:30` on the day daylight saving time begins would be 3:30) or pass twice (the autumn
 * fold, at two offsets). Each stops the build; a time with its offset stays as it is.
 */
function refuseUnclearWallClock(canonical: string, zone: string | undefined, where: string, input: string): void {
  const written = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?$/i.exec(canonical);
  if (!written) return;
  const [, year, month, day, hour, minute, second, offset] = written.map((part, index) => (index > 0 && index < 7 ? Number(part) : part)) as [string, number, number, number, number, number, number, string | undefined];
  if (second === 60) {
    throw new NewsroomError({ where, problem: "is a leap second (23:59:60), which dates on the web cannot hold", value: input, fix: `write the second before it, ${canonical.replace(/:60(?=\.|Z|[-+]|$)/i, ":59")}` });
  }
  if (offset !== undefined || !zone || !IANAZone.isValidZone(zone)) return;
  const ianaZone = IANAZone.create(zone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offsets in force around the time; each that gives back the written wall-clock time is a reading of it.
  const offsets = [...new Set([ianaZone.offset(asUtc - 86_400_000), ianaZone.offset(asUtc), ianaZone.offset(asUtc + 86_400_000)])];
  const readings = offsets.filter((candidate) => ianaZone.offset(asUtc - candidate * 60_000) === candidate).sort((a, b) => b - a);
  const local = canonical.replace(/\.\d+$/, "");
  if (readings.length === 0) {
    throw new NewsroomError({
      where,
      problem: `this time does not exist in ${zone} (the clocks skip it that day), so it cannot be read`,
      value: input,
      fix: `correct the time, or write it with the offset you mean, e.g. ${local}${isoOffset(Math.min(...offsets))}`,
    });
  }
  if (readings.length > 1) {
    const [first, second_] = readings.map(isoOffset) as [string, string];
    throw new NewsroomError({
      where,
      problem: `this time happens twice in ${zone} (the clocks go back that day), at ${first} or ${second_}`,
      value: input,
      fix: `write it with its offset: ${local}${first} (the first time) or ${local}${second_} (the second)`,
    });
  }
}

/**
 * The day of `limit` (ISO, in the zone) when `date` falls on a later day; undefined when it does
 * not. By day: words said that evening can be in a story published that morning and updated since.
 */
export function laterDayThan(date: DateInput, limit: DateInput, options: { zone?: string | undefined; where: string }): string | undefined {
  const limitDay = toDateTime(limit, options).startOf("day");
  return toDateTime(date, options).startOf("day") > limitDay ? (limitDay.toISODate() as string) : undefined;
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
  if (isCalendarDay(input)) {
    throw new NewsroomError({
      where: options.where ?? "apTime",
      problem: "this date is a day without a time of day, so there is no time to show",
      value: input,
      fix: 'show it with apDate or apDateTime (which show a day without a time), or write the time: "2025-09-05T14:30"',
    });
  }
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

/** AP order puts the time before the date: "9 a.m. EDT Sept. 5, 2025". A day alone ("2025-09-05")
 * shows as the day, "Sept. 5, 2025": no time is invented for it. */
export function formatApDateTime(input: DateInput, options: DateFormatOptions = {}): string {
  const where = options.where ?? "apDateTime";
  if (isCalendarDay(input)) return formatApDate(input, "date", { ...options, where });
  return `${formatApTime(input, { ...options, where })} ${formatApDate(input, "date", { ...options, where })}`;
}

/** Full ISO 8601 with offset, for `<time datetime>` and structured data: 2025-09-05T19:00:00-04:00.
 * A day alone ("2025-09-05") stays a date: inventing midnight in some zone would claim a precision
 * the source does not have. */
export function formatIsoDate(input: DateInput, options: DateFormatOptions = {}): string {
  if (isCalendarDay(input)) return toDateTime(input, { where: options.where ?? "isoDate" }).toISODate() as string;
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

/** The `datetime` attribute for a date an author typed: the same as formatIsoDate (a day stays a day). */
export function machineDate(input: DateInput, options: DateFormatOptions = {}): string {
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
