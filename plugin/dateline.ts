/**
 * Dateline: where a story was filed, AP style — `KYIV, Ukraine (AP) —`.
 */
import { AP_STANDALONE_CITIES } from "./data/standalone-cities.js";
import { formatApDate, laterDayThan, machineDate, type DateInput } from "./dates.js";
import { NewsroomError } from "./errors.js";
import { escapeHtml } from "./escape.js";

export interface DatelineOptions {
  /** Wire agency credited in parentheses, e.g. `AP`. */
  agency?: string | undefined;
  /** Filing date, shown AP style without the year ("Sept. 5"). */
  date?: DateInput | undefined;
  /** When the story last changed (published, updated or corrected): it was not filed on a later day. */
  storyDate?: DateInput | undefined;
  /** Time zone for the date. */
  zone?: string | undefined;
  /** Cities that may stand alone; defaults to the AP list. */
  standaloneCities?: readonly string[] | undefined;
  /** Named in error messages. */
  where?: string | undefined;
}

export interface DatelinePlace {
  /** City as the author wrote it: `Kyiv`. */
  city: string;
  /** State or country after the city, if any: `Ukraine`. */
  region: string | undefined;
  /** The place in dateline form: `KYIV, Ukraine`. */
  display: string;
  /** The place in ordinary form, for structured data: `Kyiv, Ukraine`. */
  name: string;
}

/** Splits and checks a place against AP dateline rules, or throws a NewsroomError saying what to add. */
export function parseDatelinePlace(place: unknown, options: DatelineOptions = {}): DatelinePlace {
  const where = options.where ?? "dateline";
  if (typeof place !== "string" || place.trim() === "") {
    throw new NewsroomError({
      where,
      problem: "needs a place as its first argument, got",
      value: place,
      fix: 'give the city the story was filed from, e.g. "Kyiv, Ukraine" or "Moscow"',
    });
  }
  const normalized = place.trim().replace(/\s+/g, " ");
  const commaAt = normalized.indexOf(",");
  const city = (commaAt === -1 ? normalized : normalized.slice(0, commaAt)).trim();
  const region = commaAt === -1 ? undefined : normalized.slice(commaAt + 1).trim();
  if (city === "" || region === "") {
    throw new NewsroomError({
      where,
      problem: "has an empty city or region",
      value: place,
      fix: 'write the place as "City, State or Country", e.g. "Springfield, Ill."',
    });
  }
  // What the rendered dateline adds itself, typed into the place as it would be in print: published
  // twice ("PARIS, France — —") or as an empty part ("KYIV, , Ukraine").
  const placeAlone = normalized.replace(/\s*\([^)]*\)$/, "").replace(/[\s,;:\u2014\u2013-]+$/, "").split(",").map((part) => part.trim()).filter(Boolean).join(", ");
  const trailing = /\([^)]*\)$/.test(normalized) ? "an agency or note in parentheses" : /[,;:\u2014\u2013-]$/.test(normalized) ? `"${normalized.slice(-1)}"` : undefined;
  if (trailing) {
    throw new NewsroomError({
      where,
      problem: `ends with ${trailing}, which the dateline adds itself`,
      value: place,
      fix: `write the place alone: "${placeAlone}"${trailing.startsWith("an agency") ? " (an agency goes in the agency argument, or datelineAgency in front matter)" : ""}`,
    });
  }
  if (region?.split(",").some((part) => part.trim() === "")) {
    throw new NewsroomError({ where, problem: "has an empty part between commas", value: place, fix: `write "${placeAlone}"` });
  }
  if (region === undefined) {
    const standalone = options.standaloneCities ?? AP_STANDALONE_CITIES;
    const known = standalone.some((candidate) => candidate.toLowerCase() === city.toLowerCase());
    if (!known) {
      throw new NewsroomError({
        where,
        problem: "AP style needs a state or country after this city",
        value: place,
        fix: `write "${city}, <state or country>" (e.g. "Kyiv, Ukraine"), or add "${city}" to the plugin's standaloneCities option if your readers know it without one`,
      });
    }
  }
  const upperCity = city.toLocaleUpperCase("en-US");
  return {
    city,
    region,
    display: region ? `${upperCity}, ${region}` : upperCity,
    name: region ? `${city}, ${region}` : city,
  };
}

/** The plain-text dateline, as in structured data: `KYIV, Ukraine, Sept. 5 (AP)`. */
export function datelineText(place: string, options: DatelineOptions = {}): string {
  const parsed = parseDatelinePlace(place, options);
  const date = options.date ? `, ${formatApDate(options.date, "day", { zone: options.zone, where: options.where ?? "dateline" })}` : "";
  const agency = options.agency && options.agency.trim() !== "" ? ` (${options.agency.trim()})` : "";
  return `${parsed.display}${date}${agency}`;
}

/**
 * `<span class="nr-dateline">KYIV, Ukraine (AP) —</span>`: place in capitals, optional date and
 * agency, closed by an em dash so the story's first words can follow on the same line.
 */
export function renderDateline(place: string, options: DatelineOptions = {}): string {
  const where = options.where ?? "dateline";
  const parsed = parseDatelinePlace(place, options);
  const parts = [`<span class="nr-dateline__place">${escapeHtml(parsed.display)}</span>`];
  if (options.date !== undefined && options.date !== "") {
    const storyDay = options.storyDate === undefined ? undefined : laterDayThan(options.date, options.storyDate, { zone: options.zone, where });
    if (storyDay !== undefined) {
      throw new NewsroomError({
        where,
        problem: `the filing date is after the story's last change (${storyDay}): a story cannot be filed after it was published`,
        value: options.date,
        fix: "correct the dateline's date (the day the story was filed), or give the story an updated date on or after it",
      });
    }
    const shown = formatApDate(options.date, "day", { zone: options.zone, where });
    const datetime = machineDate(options.date, { zone: options.zone, where });
    parts.push(`, <time class="nr-dateline__date" datetime="${escapeHtml(datetime)}">${escapeHtml(shown)}</time>`);
  }
  if (options.agency && options.agency.trim() !== "") {
    parts.push(` <span class="nr-dateline__agency">(${escapeHtml(options.agency.trim())})</span>`);
  }
  return `<span class="nr-dateline">${parts.join("")} —</span>`;
}
