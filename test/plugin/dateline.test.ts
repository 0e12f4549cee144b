import { describe, expect, it } from "vitest";
import {
  AP_STANDALONE_CITIES,
  AP_STANDALONE_US_CITIES,
  AP_STANDALONE_WORLD_CITIES,
} from "../../plugin/data/standalone-cities.js";
import { datelineText, parseDatelinePlace, renderDateline } from "../../plugin/dateline.js";
import { NewsroomError } from "../../plugin/errors.js";
import { thrownBy } from "../helpers/errors.js";

const HOSTILE = `<script>alert(1)</script>, "x" & 'y'`;

describe("renderDateline", () => {
  it("refuses a filing date after the day the story last changed, by day in the zone", () => {
    const run = () => renderDateline("Kyiv, Ukraine", { date: "2025-09-07", storyDate: "2025-09-05T19:00:00-04:00", zone: "America/New_York" });
    expect(run).toThrow(NewsroomError);
    expect(run).toThrow(
      "[newsroom] dateline: the filing date is after the story's last change (2025-09-05): a story cannot be filed after it was published: \"2025-09-07\". Fix: correct the dateline's date (the day the story was filed), or give the story an updated date on or after it",
    );
    expect(renderDateline("Kyiv, Ukraine", { date: "2025-09-05", storyDate: "2025-09-05T08:00:00-04:00", zone: "America/New_York" })).toContain("Sept. 5");
    expect(renderDateline("Kyiv, Ukraine", { date: "2025-09-04", storyDate: "2025-09-05", zone: "America/New_York" })).toContain("Sept. 4");
  });

  it("capitalises the city and keeps the country as written", () => {
    expect(renderDateline("Kyiv, Ukraine")).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span> —</span>',
    );
  });

  it("lets a standalone AP city stand alone", () => {
    expect(renderDateline("Moscow")).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">MOSCOW</span> —</span>',
    );
  });

  it("matches standalone cities case-insensitively", () => {
    expect(renderDateline("new york")).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">NEW YORK</span> —</span>',
    );
  });

  it("credits an agency in parentheses", () => {
    expect(renderDateline("Kyiv, Ukraine", { agency: "AP" })).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span>' +
        ' <span class="nr-dateline__agency">(AP)</span> —</span>',
    );
  });

  it("trims the agency", () => {
    expect(renderDateline("Moscow", { agency: "  AP  " })).toContain('<span class="nr-dateline__agency">(AP)</span>');
  });

  it("leaves out a blank agency", () => {
    expect(renderDateline("Moscow", { agency: "   " })).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">MOSCOW</span> —</span>',
    );
  });

  it("shows the date AP style without the year, before the agency", () => {
    expect(renderDateline("Kyiv, Ukraine", { agency: "AP", date: "2025-09-05" })).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span>' +
        ', <time class="nr-dateline__date" datetime="2025-09-05">Sept. 5</time>' +
        ' <span class="nr-dateline__agency">(AP)</span> —</span>',
    );
  });

  it("shows the date without an agency", () => {
    expect(renderDateline("Kyiv, Ukraine", { date: "2025-09-05" })).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span>' +
        ', <time class="nr-dateline__date" datetime="2025-09-05">Sept. 5</time> —</span>',
    );
  });

  it("leaves out an empty date", () => {
    expect(renderDateline("Moscow", { date: "" })).not.toContain("<time");
  });

  it("shows a moment in the zone given, with a full ISO datetime", () => {
    expect(renderDateline("Kyiv, Ukraine", { date: "2025-09-05T23:30:00Z", zone: "Europe/Kyiv" })).toContain(
      ', <time class="nr-dateline__date" datetime="2025-09-06T02:30:00+03:00">Sept. 6</time>',
    );
  });

  it("normalises whitespace in the place", () => {
    expect(renderDateline("  Kyiv ,\n   Ukraine  ")).toBe(
      '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span> —</span>',
    );
    expect(renderDateline("Kyiv,Ukraine")).toContain(">KYIV, Ukraine<");
    expect(renderDateline("new\t  york")).toContain(">NEW YORK<");
  });

  it("keeps a multi-part region after the first comma", () => {
    expect(renderDateline("Springfield, Ill.")).toContain(">SPRINGFIELD, Ill.<");
  });

  it("names the dateline in date errors", () => {
    const error = thrownBy(() => renderDateline("Moscow", { date: "2025-02-30" }));
    expect(error.message).toContain('[newsroom] dateline: cannot read this date: "2025-02-30". Fix:');
  });

  describe("escaping", () => {
    it("escapes a hostile place", () => {
      const html = renderDateline(HOSTILE);
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<SCRIPT");
      expect(html).toBe(
        '<span class="nr-dateline"><span class="nr-dateline__place">' +
          "&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;, &quot;x&quot; &amp; &#39;y&#39;" +
          "</span> —</span>",
      );
    });

    it("escapes a hostile agency", () => {
      const html = renderDateline("Moscow", { agency: HOSTILE });
      expect(html).not.toContain("<script");
      expect(html).toContain(
        '<span class="nr-dateline__agency">(&lt;script&gt;alert(1)&lt;/script&gt;, &quot;x&quot; &amp; &#39;y&#39;)</span>',
      );
    });

    it("leaves no raw quote that could end an attribute", () => {
      const html = renderDateline(HOSTILE, { agency: HOSTILE });
      const text = html.replace(/<[a-z/][^>]*>/g, "");
      expect(text).not.toMatch(/["'<>]/);
    });
  });

  describe("errors", () => {
    it.each<[string, unknown]>([
      ["empty string", ""],
      ["blank string", "   "],
      ["undefined", undefined],
      ["null", null],
      ["number", 5],
      ["object", { city: "Kyiv" }],
    ])("rejects a missing or non-text place: %s", (_label, place) => {
      const error = thrownBy(() => renderDateline(place as string));
      expect(error.message).toContain("[newsroom] dateline: needs a place as its first argument, got");
      expect(error.message).toContain("Fix:");
      expect(error.message).not.toContain("[object Object]");
    });

    it("requires a country after a city that cannot stand alone, pointing to standaloneCities", () => {
      const error = thrownBy(() => renderDateline("Kyiv"));
      expect(error.message).toContain('[newsroom] dateline: AP style needs a state or country after this city: "Kyiv".');
      expect(error.message).toContain('write "Kyiv, <state or country>"');
      expect(error.message).toContain("standaloneCities option");
    });

    it.each([
      ["Kyiv, Ukraine,", '"Kyiv, Ukraine,"', 'ends with ",", which the dateline adds itself', 'write the place alone: "Kyiv, Ukraine"'],
      ["Paris, France —", '"Paris, France —"', 'ends with "—", which the dateline adds itself', 'write the place alone: "Paris, France"'],
      ["Springfield, Ill. -", '"Springfield, Ill. -"', 'ends with "-", which the dateline adds itself', 'write the place alone: "Springfield, Ill."'],
      ["Kyiv, Ukraine (AP)", '"Kyiv, Ukraine (AP)"', "ends with an agency or note in parentheses, which the dateline adds itself", 'write the place alone: "Kyiv, Ukraine" (an agency goes in the agency argument'],
      ["Kyiv,, Ukraine", '"Kyiv,, Ukraine"', "has an empty part between commas", 'write "Kyiv, Ukraine"'],
    ])("rejects what the dateline adds itself, typed into the place: %j", (place, shown, problem, fix) => {
      const error = thrownBy(() => renderDateline(place));
      expect(error.message).toBe(`[newsroom] dateline: ${problem}: ${shown}. Fix: ${fix}${fix.endsWith("argument") ? ", or datelineAgency in front matter)" : ""}`);
    });

    it("keeps a place whose punctuation belongs to it", () => {
      expect(renderDateline("Winston-Salem, N.C.")).toContain("WINSTON-SALEM, N.C.");
    });

    it.each(["Kyiv,", "Kyiv,   ", ", Ukraine", " ,Ukraine", ","])("rejects an empty city or region: %j", (place) => {
      const error = thrownBy(() => renderDateline(place));
      expect(error.message).toContain("[newsroom] dateline: has an empty city or region");
      expect(error.message).toContain(JSON.stringify(place));
      expect(error.message).toContain("Fix:");
    });

    it("uses the `where` option to name the shortcode", () => {
      expect(thrownBy(() => renderDateline("Kyiv", { where: "filedFrom" })).message).toMatch(
        /^\[newsroom\] filedFrom: /,
      );
    });
  });

  describe("standaloneCities option", () => {
    it("lets a listed city stand alone", () => {
      expect(renderDateline("Springfield", { standaloneCities: ["Springfield"] })).toBe(
        '<span class="nr-dateline"><span class="nr-dateline__place">SPRINGFIELD</span> —</span>',
      );
    });

    it("matches listed cities case-insensitively", () => {
      expect(renderDateline("SPRINGFIELD", { standaloneCities: ["springfield"] })).toContain(">SPRINGFIELD<");
    });

    it("does not let an unlisted city stand alone by default", () => {
      expect(() => renderDateline("Springfield")).toThrow("AP style needs a state or country after this city");
    });

    it("replaces the AP list when given (the plugin adds the AP list itself)", () => {
      expect(() => renderDateline("Moscow", { standaloneCities: ["Springfield"] })).toThrow(
        "AP style needs a state or country after this city",
      );
    });
  });
});

describe("datelineText", () => {
  it("gives the place in dateline form", () => {
    expect(datelineText("Kyiv, Ukraine")).toBe("KYIV, Ukraine");
    expect(datelineText("Moscow")).toBe("MOSCOW");
  });

  it("adds the date and agency", () => {
    expect(datelineText("Kyiv, Ukraine", { date: "2025-09-05", agency: "AP" })).toBe("KYIV, Ukraine, Sept. 5 (AP)");
  });

  it("adds the agency alone, trimmed", () => {
    expect(datelineText("Moscow", { agency: " AP " })).toBe("MOSCOW (AP)");
  });

  it("shows the date in the zone given", () => {
    expect(datelineText("Kyiv, Ukraine", { date: "2025-09-05T23:30:00Z", zone: "Europe/Kyiv" })).toBe(
      "KYIV, Ukraine, Sept. 6",
    );
  });

  it("leaves out a blank agency, as renderDateline does", () => {
    expect(datelineText("Moscow", { agency: "   " })).toBe("MOSCOW");
  });

  it("is plain text: it does not escape", () => {
    expect(datelineText("Springfield, Ill.", { agency: "A&P" })).toBe("SPRINGFIELD, Ill. (A&P)");
  });

  it("applies the same place rules", () => {
    expect(() => datelineText("Kyiv")).toThrow("AP style needs a state or country after this city");
    expect(() => datelineText("")).toThrow("needs a place as its first argument");
  });
});

describe("parseDatelinePlace", () => {
  it("splits a city and country", () => {
    expect(parseDatelinePlace("Kyiv, Ukraine")).toEqual({
      city: "Kyiv",
      region: "Ukraine",
      display: "KYIV, Ukraine",
      name: "Kyiv, Ukraine",
    });
  });

  it("gives a standalone city without a region", () => {
    expect(parseDatelinePlace("Moscow")).toEqual({
      city: "Moscow",
      region: undefined,
      display: "MOSCOW",
      name: "Moscow",
    });
  });

  it("keeps the city as written in `city` and `name`, capitalised only in `display`", () => {
    expect(parseDatelinePlace("  new   york ")).toEqual({
      city: "new york",
      region: undefined,
      display: "NEW YORK",
      name: "new york",
    });
  });

  it("normalises whitespace around the comma", () => {
    const place = parseDatelinePlace("St.  Petersburg ,  Russia");
    expect(place.city).toBe("St. Petersburg");
    expect(place.region).toBe("Russia");
    expect(place.display).toBe("ST. PETERSBURG, Russia");
    expect(place.name).toBe("St. Petersburg, Russia");
  });

  it("does not escape: escaping is the renderer's job", () => {
    expect(parseDatelinePlace("A&B, C").display).toBe("A&B, C");
  });

  it("accepts a city from a custom standalone list", () => {
    expect(parseDatelinePlace("Springfield", { standaloneCities: ["Springfield"] }).display).toBe("SPRINGFIELD");
  });
});

describe("AP standalone cities data", () => {
  it("is the U.S. list followed by the world list", () => {
    expect(AP_STANDALONE_CITIES).toEqual([...AP_STANDALONE_US_CITIES, ...AP_STANDALONE_WORLD_CITIES]);
  });

  it("has no duplicates", () => {
    const lower = AP_STANDALONE_CITIES.map((city) => city.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it("has no stray whitespace or commas in names", () => {
    for (const city of AP_STANDALONE_CITIES) {
      expect(city).toBe(city.trim());
      expect(city).not.toContain(",");
      expect(city).not.toMatch(/\s{2}/);
    }
  });

  it.each(["Washington", "New York", "St. Louis", "Moscow", "London", "Vatican City"])(
    "lets %s stand alone in a dateline",
    (city) => {
      expect(parseDatelinePlace(city).display).toBe(city.toLocaleUpperCase("en-US"));
    },
  );

  it.each(["Kyiv", "Springfield", "Portland"])("does not list %s", (city) => {
    expect(AP_STANDALONE_CITIES).not.toContain(city);
  });
});
