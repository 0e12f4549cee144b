import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  AP_DATE_STYLES,
  assertValidZone,
  formatApDate,
  formatApDateTime,
  formatApTime,
  formatIsoDate,
  isCalendarDay,
  latestDate,
  machineDate,
  toDateTime,
  writtenDate,
  type ApDateStyle,
} from "../../plugin/dates.js";
import { NewsroomError } from "../../plugin/errors.js";
import { thrownBy } from "../helpers/errors.js";

describe("formatApDate", () => {
  describe("AP month rules with a day", () => {
    it.each([
      ["2025-01-05", "Jan. 5"],
      ["2025-02-05", "Feb. 5"],
      ["2025-03-05", "March 5"],
      ["2025-04-05", "April 5"],
      ["2025-05-05", "May 5"],
      ["2025-06-05", "June 5"],
      ["2025-07-05", "July 5"],
      ["2025-08-05", "Aug. 5"],
      ["2025-09-05", "Sept. 5"],
      ["2025-10-05", "Oct. 5"],
      ["2025-11-05", "Nov. 5"],
      ["2025-12-05", "Dec. 5"],
    ])("%s is %s", (input, day) => {
      expect(formatApDate(input, "day")).toBe(day);
      expect(formatApDate(input, "date")).toBe(`${day}, 2025`);
    });
  });

  describe("month without a day is spelled out", () => {
    it.each([
      ["2025-01-05", "January"],
      ["2025-02-05", "February"],
      ["2025-03-05", "March"],
      ["2025-04-05", "April"],
      ["2025-05-05", "May"],
      ["2025-06-05", "June"],
      ["2025-07-05", "July"],
      ["2025-08-05", "August"],
      ["2025-09-05", "September"],
      ["2025-10-05", "October"],
      ["2025-11-05", "November"],
      ["2025-12-05", "December"],
    ])("%s is %s", (input, month) => {
      expect(formatApDate(input, "month")).toBe(month);
      expect(formatApDate(input, "month-year")).toBe(`${month} 2025`);
    });
  });

  describe("styles", () => {
    it.each<[ApDateStyle, string]>([
      ["date", "Sept. 5, 2025"],
      ["day", "Sept. 5"],
      ["month", "September"],
      ["month-year", "September 2025"],
    ])('style "%s" gives %s', (style, expected) => {
      expect(formatApDate("2025-09-05", style)).toBe(expected);
    });

    it('defaults to the "date" style', () => {
      expect(formatApDate("2025-09-05")).toBe("Sept. 5, 2025");
    });

    it("lists exactly the four documented styles", () => {
      expect([...AP_DATE_STYLES]).toEqual(["date", "day", "month", "month-year"]);
    });
  });

  describe("referenceYear", () => {
    it("keeps the year when no referenceYear is given", () => {
      expect(formatApDate("2025-09-05", "date")).toBe("Sept. 5, 2025");
    });

    it("drops the year when it equals referenceYear", () => {
      expect(formatApDate("2025-09-05", "date", { referenceYear: 2025 })).toBe("Sept. 5");
    });

    it("keeps the year when it differs from referenceYear", () => {
      expect(formatApDate("2024-09-05", "date", { referenceYear: 2025 })).toBe("Sept. 5, 2024");
    });

    it("does not add a year to the month-year style or remove it", () => {
      expect(formatApDate("2025-09-05", "month-year", { referenceYear: 2025 })).toBe("September 2025");
    });
  });

  describe("no ordinals", () => {
    it.each([
      ["2025-09-01", "Sept. 1"],
      ["2025-09-02", "Sept. 2"],
      ["2025-09-03", "Sept. 3"],
      ["2025-09-11", "Sept. 11"],
      ["2025-09-21", "Sept. 21"],
      ["2025-09-22", "Sept. 22"],
      ["2025-09-23", "Sept. 23"],
      ["2025-09-30", "Sept. 30"],
    ])("%s is %s", (input, expected) => {
      const shown = formatApDate(input, "day");
      expect(shown).toBe(expected);
      expect(shown).not.toMatch(/\d(st|nd|rd|th)\b/);
    });

    it("does not zero-pad the day", () => {
      expect(formatApDate("2025-09-05", "day")).not.toContain("05");
    });
  });

  it("trims surrounding whitespace from string input", () => {
    expect(formatApDate("  2025-09-05  ", "day")).toBe("Sept. 5");
  });
});

describe("formatApTime", () => {
  it.each([
    ["2025-09-05T09:00:00Z", "9 a.m."],
    ["2025-09-05T15:30:00Z", "3:30 p.m."],
    ["2025-09-05T12:00:00Z", "noon"],
    ["2025-09-05T00:00:00Z", "midnight"],
    ["2025-09-05T12:30:00Z", "12:30 p.m."],
    ["2025-09-05T00:05:00Z", "12:05 a.m."],
    ["2025-09-05T23:59:00Z", "11:59 p.m."],
    ["2025-09-05T01:00:00Z", "1 a.m."],
    ["2025-09-05T11:00:00Z", "11 a.m."],
    ["2025-09-05T13:00:00Z", "1 p.m."],
    ["2025-09-05T10:07:00Z", "10:07 a.m."],
  ])("%s is %s", (input, expected) => {
    expect(formatApTime(input)).toBe(expected);
  });

  it("never writes :00 for an on-the-hour time", () => {
    expect(formatApTime("2025-09-05T19:00:00Z")).toBe("7 p.m.");
  });

  describe("showZone", () => {
    it("appends EDT in America/New_York in summer", () => {
      expect(formatApTime("2025-09-05T13:00:00Z", { zone: "America/New_York", showZone: true })).toBe("9 a.m. EDT");
    });

    it("appends EST in America/New_York in winter", () => {
      expect(formatApTime("2025-01-15T14:00:00Z", { zone: "America/New_York", showZone: true })).toBe("9 a.m. EST");
    });

    it("appends the zone after noon and midnight too", () => {
      expect(formatApTime("2025-09-05T16:00:00Z", { zone: "America/New_York", showZone: true })).toBe("noon EDT");
    });

    it("shows no zone unless asked", () => {
      expect(formatApTime("2025-09-05T13:00:00Z", { zone: "America/New_York" })).toBe("9 a.m.");
      expect(formatApTime("2025-09-05T13:00:00Z", { zone: "America/New_York", showZone: false })).toBe("9 a.m.");
    });
  });
});

describe("formatApDateTime", () => {
  it("puts the time before the date, AP order", () => {
    expect(formatApDateTime("2025-09-05T23:00:00Z", { zone: "America/New_York", showZone: true })).toBe(
      "7 p.m. EDT Sept. 5, 2025",
    );
  });

  it("follows referenceYear for the date part", () => {
    expect(formatApDateTime("2025-09-05T23:00:00Z", { zone: "America/New_York", referenceYear: 2025 })).toBe(
      "7 p.m. Sept. 5",
    );
  });

  it("names apDateTime in its errors", () => {
    expect(thrownBy(() => formatApDateTime("not a date")).message).toContain("[newsroom] apDateTime:");
  });
});

describe("time zones", () => {
  it("keeps the offset an ISO string was written with when no zone is given", () => {
    expect(formatApTime("2025-09-05T19:00:00-04:00")).toBe("7 p.m.");
    expect(formatIsoDate("2025-09-05T19:00:00-04:00")).toBe("2025-09-05T19:00:00-04:00");
  });

  it("converts to the zone given: America/New_York", () => {
    const input = "2025-09-05T23:30:00Z";
    expect(formatApDate(input, "day", { zone: "America/New_York" })).toBe("Sept. 5");
    expect(formatApTime(input, { zone: "America/New_York" })).toBe("7:30 p.m.");
  });

  it("converts to the zone given: Europe/Kyiv, crossing midnight", () => {
    const input = "2025-09-05T23:30:00Z";
    expect(formatApDate(input, "day", { zone: "Europe/Kyiv" })).toBe("Sept. 6");
    expect(formatApTime(input, { zone: "Europe/Kyiv" })).toBe("2:30 a.m.");
  });

  it("converts a string carrying an offset into the zone given", () => {
    expect(formatIsoDate("2025-09-05T19:00:00-04:00", { zone: "Europe/Kyiv" })).toBe("2025-09-06T02:00:00+03:00");
  });

  it("reads a string without an offset as wall-clock time in the zone, not as UTC", () => {
    expect(formatApDate("2025-09-05", "day", { zone: "America/New_York" })).toBe("Sept. 5");
    expect(toDateTime("2025-09-05", { zone: "America/New_York" }).toISO()).toBe("2025-09-05T00:00:00.000-04:00");
    expect(formatApTime("2025-09-05T09:00", { zone: "Europe/Kyiv" })).toBe("9 a.m.");
  });

  it("reads a string without an offset as UTC when no zone is given", () => {
    expect(formatIsoDate("2025-09-05T09:00")).toBe("2025-09-05T09:00:00Z");
  });

  it("shows a JS Date in UTC without a zone", () => {
    const date = new Date("2025-09-05T23:30:00Z");
    expect(formatApDate(date, "day")).toBe("Sept. 5");
    expect(formatApTime(date)).toBe("11:30 p.m.");
    expect(formatIsoDate(date)).toBe("2025-09-05T23:30:00Z");
  });

  it("converts a JS Date to the zone given", () => {
    const date = new Date("2025-09-05T23:30:00Z");
    expect(formatApDate(date, "day", { zone: "Europe/Kyiv" })).toBe("Sept. 6");
    expect(formatApTime(date, { zone: "Europe/Kyiv" })).toBe("2:30 a.m.");
  });

  it("accepts a luxon DateTime and keeps its zone", () => {
    const moment = DateTime.fromISO("2025-12-31T23:00:00", { zone: "Asia/Tokyo" });
    expect(formatApDate(moment)).toBe("Dec. 31, 2025");
    expect(formatApTime(moment)).toBe("11 p.m.");
    expect(formatIsoDate(moment)).toBe("2025-12-31T23:00:00+09:00");
  });

  it("converts a luxon DateTime to the zone given", () => {
    const moment = DateTime.fromISO("2025-12-31T23:00:00", { zone: "Asia/Tokyo" });
    expect(formatApDate(moment, "date", { zone: "America/New_York" })).toBe("Dec. 31, 2025");
    expect(formatApTime(moment, { zone: "America/New_York" })).toBe("9 a.m.");
  });
});

describe("formatIsoDate", () => {
  it("gives full ISO 8601 with offset and without milliseconds", () => {
    expect(formatIsoDate("2025-09-05T23:00:00.000Z", { zone: "America/New_York" })).toBe("2025-09-05T19:00:00-04:00");
  });

  it("keeps milliseconds only when there are some", () => {
    expect(formatIsoDate("2025-09-05T23:00:00.250Z")).toBe("2025-09-05T23:00:00.250Z");
  });

  it("names isoDate in its errors", () => {
    expect(thrownBy(() => formatIsoDate("nope")).message).toContain("[newsroom] isoDate:");
  });
});

describe("a day without a time is a day", () => {
  it("isoDate gives the date alone, in any zone", () => {
    expect(formatIsoDate("2025-10-14")).toBe("2025-10-14");
    expect(formatIsoDate("2025-10-14", { zone: "America/Chicago" })).toBe("2025-10-14");
    expect(formatIsoDate("2025-10-14", { zone: "Pacific/Kiritimati" })).toBe("2025-10-14");
  });

  it("apDate shows that day, never the day before in a zone west of UTC", () => {
    expect(formatApDate("2025-10-14", "date", { zone: "America/Chicago" })).toBe("Oct. 14, 2025");
    expect(formatApDate("2025-10-14", "date", { zone: "Pacific/Honolulu" })).toBe("Oct. 14, 2025");
  });

  it("apDateTime shows the day with no invented time", () => {
    expect(formatApDateTime("2025-10-14", { zone: "America/Chicago", showZone: true })).toBe("Oct. 14, 2025");
    expect(formatApDateTime(" 2025-10-14 ", { zone: "America/Chicago", referenceYear: 2025 })).toBe("Oct. 14");
  });

  it("apTime refuses a day, which has no time to show", () => {
    expect(thrownBy(() => formatApTime("2025-10-14", { zone: "America/Chicago" })).message).toBe(
      '[newsroom] apTime: this date is a day without a time of day, so there is no time to show: "2025-10-14". Fix: show it with apDate or apDateTime (which show a day without a time), or write the time: "2025-09-05T14:30"',
    );
  });

  it("isCalendarDay tells a day from a moment", () => {
    expect(isCalendarDay("2025-10-14")).toBe(true);
    expect(isCalendarDay("2025-10-14T00:00")).toBe(false);
    expect(isCalendarDay(new Date("2025-10-14"))).toBe(false);
  });
});

describe("writtenDate: what a front-matter date as written stands for", () => {
  it("keeps a day a day", () => {
    expect(writtenDate("2025-10-14", "America/Chicago")).toBe("2025-10-14");
  });

  it("reads a time without an offset as wall-clock time in the site's zone, in ISO or YAML form", () => {
    expect(writtenDate("2025-10-14T09:30", "America/Chicago")).toBe("2025-10-14T09:30:00-05:00");
    expect(writtenDate("2025-10-14 09:30", "America/Chicago")).toBe("2025-10-14T09:30:00-05:00");
    expect(writtenDate("2025-10-14 9:30:15", "America/Chicago")).toBe("2025-10-14T09:30:15-05:00");
    expect(writtenDate("2025-01-14 09:30", "America/Chicago")).toBe("2025-01-14T09:30:00-06:00");
  });

  it("keeps an offset that is written, in ISO or YAML form", () => {
    expect(writtenDate("2025-10-14T09:30:00-04:00", "America/Chicago")).toBe("2025-10-14T09:30:00-04:00");
    expect(writtenDate("2025-10-14 09:30:00 -4", "America/Chicago")).toBe("2025-10-14T09:30:00-04:00");
    expect(writtenDate("2025-10-14T14:30:00Z", "America/Chicago")).toBe("2025-10-14T14:30:00Z");
  });

  it("refuses text that is not a date", () => {
    expect(() => writtenDate("next Tuesday", "America/Chicago", "front matter date")).toThrow("[newsroom] front matter date: cannot read this date");
  });
});

describe("latestDate", () => {
  it("picks the latest value as given; a day counts from its start in the zone", () => {
    expect(latestDate(["2025-10-14T18:30:00-05:00", "2025-10-15", undefined], "America/Chicago")).toBe("2025-10-15");
    expect(latestDate(["2025-10-15", "2025-10-15T09:00:00-05:00"], "America/Chicago")).toBe("2025-10-15T09:00:00-05:00");
    expect(latestDate([], "UTC")).toBeUndefined();
  });
});

describe("machineDate", () => {
  it("keeps a bare day as a day", () => {
    expect(machineDate("2025-09-05")).toBe("2025-09-05");
  });

  it("keeps a bare day as a day even with a zone", () => {
    expect(machineDate("2025-09-05", { zone: "America/New_York" })).toBe("2025-09-05");
    expect(machineDate(" 2025-09-05 ", { zone: "Pacific/Kiritimati" })).toBe("2025-09-05");
  });

  it("gives the full ISO form for a moment", () => {
    expect(machineDate("2025-09-05T23:00:00Z", { zone: "America/New_York" })).toBe("2025-09-05T19:00:00-04:00");
    expect(machineDate(new Date("2025-09-05T23:00:00Z"))).toBe("2025-09-05T23:00:00Z");
  });

  it("still rejects a bare day that does not exist", () => {
    expect(() => machineDate("2025-02-30", { where: "dateline" })).toThrow(NewsroomError);
    expect(() => machineDate("2025-02-30", { where: "dateline" })).toThrow("[newsroom] dateline:");
  });
});

describe("toDateTime", () => {
  it("returns a valid luxon DateTime", () => {
    const moment = toDateTime("2025-09-05T19:00:00-04:00");
    expect(DateTime.isDateTime(moment)).toBe(true);
    expect(moment.isValid).toBe(true);
    expect(moment.toISO()).toBe("2025-09-05T19:00:00.000-04:00");
  });

  it('defaults to "date" as the name in errors', () => {
    expect(thrownBy(() => toDateTime("nope")).message).toContain("[newsroom] date:");
  });

  it("rejects an invalid luxon DateTime", () => {
    const error = thrownBy(() => toDateTime(DateTime.invalid("broken"), { where: "apDate" }));
    expect(error.message).toContain("cannot read this date");
    expect(error.message).not.toContain("Invalid DateTime");
  });
});

describe("assertValidZone", () => {
  it.each(["America/New_York", "Europe/Kyiv", "UTC"])("accepts %s", (zone) => {
    expect(() => assertValidZone(zone, "apDate")).not.toThrow();
  });

  it("rejects an unknown zone, naming where it came from", () => {
    const error = thrownBy(() => assertValidZone("Mars/Olympus", "option timeZone"));
    expect(error.message).toBe(
      '[newsroom] option timeZone: unknown time zone: "Mars/Olympus". Fix: use an IANA time zone name such as "America/New_York", "Europe/Kyiv" or "UTC"',
    );
  });
});

describe("errors", () => {
  describe("unreadable date strings", () => {
    it.each(["not a date", "2025-02-30", "2025-13-01", "2025-09-05T25:00:00", "Sept. 5, 2025"])(
      "%j is rejected with the filter, the value and a fix",
      (input) => {
        const error = thrownBy(() => formatApDate(input));
        expect(error.where).toBe("apDate");
        expect(error.message).toContain("[newsroom] apDate:");
        expect(error.message).toContain("cannot read this date");
        expect(error.message).toContain(JSON.stringify(input));
        expect(error.message).toContain("Fix:");
        expect(error.message).not.toContain("Invalid DateTime");
      },
    );
  });

  describe("values that are not dates at all", () => {
    it.each<[string, unknown, string]>([
      ["empty string", "", '""'],
      ["blank string", "   ", '"   "'],
      ["null", null, "null"],
      ["undefined", undefined, "expected a date"],
      ["number", 20250905, "20250905"],
      ["object", { year: 2025 }, '{"year":2025}'],
      ["array", ["2025-09-05"], '["2025-09-05"]'],
    ])("%s is rejected with the filter, the value and a fix", (_label, input, shown) => {
      const error = thrownBy(() => formatApDate(input as string));
      expect(error.message).toContain("[newsroom] apDate:");
      expect(error.message).toContain("expected a date (JS Date, ISO 8601 string or luxon DateTime) but got");
      expect(error.message).toContain(shown);
      expect(error.message).toContain("Fix:");
      expect(error.message).not.toContain("Invalid DateTime");
      expect(error.message).not.toContain("[object Object]");
    });
  });

  it("rejects an invalid JS Date", () => {
    const error = thrownBy(() => formatApDate(new Date("nope")));
    expect(error.message).toContain("cannot read this date: Invalid Date. Fix:");
    expect(error.message).not.toContain("Invalid DateTime");
  });

  it("uses the `where` option to name the filter", () => {
    const error = thrownBy(() => formatApDate("not a date", "date", { where: "myDateFilter" }));
    expect(error.where).toBe("myDateFilter");
    expect(error.message).toMatch(/^\[newsroom\] myDateFilter: /);
  });

  it.each<[string, () => unknown]>([
    ["apDate", () => formatApDate("2025-13-01")],
    ["apTime", () => formatApTime("2025-13-01")],
    ["apDateTime", () => formatApDateTime("2025-13-01")],
    ["isoDate", () => formatIsoDate("2025-13-01")],
  ])("defaults to %s as the name", (name, call) => {
    expect(thrownBy(call).message).toContain(`[newsroom] ${name}: cannot read this date: "2025-13-01". Fix:`);
  });

  it('rejects an unknown zone with "unknown time zone"', () => {
    const error = thrownBy(() => formatApDate("2025-09-05", "date", { zone: "Mars/Olympus" }));
    expect(error.message).toContain("unknown time zone");
    expect(error.message).toContain('"Mars/Olympus"');
    expect(error.message).toContain("[newsroom] apDate:");
    expect(error.message).toContain("Fix:");
  });

  it("rejects an unknown zone for times as well", () => {
    expect(() => formatApTime("2025-09-05T09:00:00Z", { zone: "Mars/Olympus" })).toThrow("unknown time zone");
  });

  it("rejects an unknown style, listing the styles", () => {
    const error = thrownBy(() => formatApDate("2025-09-05", "long" as ApDateStyle));
    expect(error.message).toBe(
      '[newsroom] apDate: unknown date style: "long". Fix: use one of "date", "day", "month", "month-year"',
    );
  });
});

describe("local times the clocks skip or pass twice, and leap seconds", () => {
  const zone = "America/New_York";

  it("stops on a time in the spring gap, naming the value, the zone and the fix", () => {
    expect(() => writtenDate("2025-03-09T02:30", zone, "front matter date")).toThrow(
      '[newsroom] front matter date: this time does not exist in America/New_York (the clocks skip it that day), so it cannot be read: "2025-03-09T02:30:00". Fix: correct the time, or write it with the offset you mean, e.g. 2025-03-09T02:30:00-05:00',
    );
    expect(() => formatApTime("2025-03-09 02:30", { zone })).toThrow(/does not exist in America\/New_York/);
  });

  it("stops on a time of the autumn fold, giving both offsets", () => {
    expect(() => writtenDate("2025-11-02T01:30", zone, "front matter date")).toThrow(
      '[newsroom] front matter date: this time happens twice in America/New_York (the clocks go back that day), at -04:00 or -05:00: "2025-11-02T01:30:00". Fix: write it with its offset: 2025-11-02T01:30:00-04:00 (the first time) or 2025-11-02T01:30:00-05:00 (the second)',
    );
  });

  it("stops on a leap second, with or without an offset", () => {
    expect(() => writtenDate("2016-12-31T23:59:60", "UTC")).toThrow('is a leap second (23:59:60), which dates on the web cannot hold: "2016-12-31T23:59:60". Fix: write the second before it, 2016-12-31T23:59:59');
    expect(() => toDateTime("2016-12-31T23:59:60Z")).toThrow(/leap second/);
  });

  it("keeps a time with its offset, and times either side of the change", () => {
    expect(writtenDate("2025-03-09T02:30:00-04:00", zone)).toBe("2025-03-09T02:30:00-04:00");
    expect(writtenDate("2025-11-02T01:30-05:00", zone)).toBe("2025-11-02T01:30:00-05:00");
    expect(writtenDate("2025-03-09T01:59:59", zone)).toBe("2025-03-09T01:59:59-05:00");
    expect(writtenDate("2025-03-09T03:00", zone)).toBe("2025-03-09T03:00:00-04:00");
    expect(writtenDate("2025-11-02T00:59", zone)).toBe("2025-11-02T00:59:00-04:00");
    expect(writtenDate("2025-11-02T02:00", zone)).toBe("2025-11-02T02:00:00-05:00");
    // A half-hour change (Lord Howe Island): 02:30 exists, after the clocks went from 2:00 to 2:30.
    expect(writtenDate("2025-10-05T02:30", "Australia/Lord_Howe")).toBe("2025-10-05T02:30:00+11:00");
    expect(() => writtenDate("2025-10-05T02:15", "Australia/Lord_Howe")).toThrow(/does not exist in Australia\/Lord_Howe/);
  });
});
