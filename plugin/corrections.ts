/**
 * Corrections: a story may be corrected several times, each correction with its own text and
 * date. Front matter:
 *
 *   corrections:
 *     - date: 2025-10-15
 *       text: "An earlier version of this story misstated the vote."
 *
 * The latest correction (or `updated`) is the story's modified time everywhere it is published.
 */
import { namingFile } from "./arguments.js";
import { latestDate, toDateTime, type DateInput } from "./dates.js";
import { NewsroomError } from "./errors.js";

export interface Correction {
  /** What was wrong and what is right, as plain text. */
  text: string;
  /** When the correction was made. */
  date: DateInput;
}

const EXAMPLE = 'corrections: [{ date: 2025-10-15, text: "An earlier version of this story …" }]';

function correctionError(inputPath: string | undefined, field: string, problem: string, value: unknown, fix: string): NewsroomError {
  return new NewsroomError({ where: `front matter ${field}`, problem, value, fix, inputPath });
}

/**
 * The page's corrections in date order (oldest first), checked: each has non-empty text and a
 * readable date. The single `correction`/`correctionDate` fields of 0.1 are refused with the
 * form to write now, so no correction is ever dropped silently.
 */
export function readCorrections(data: Record<string, unknown>, inputPath?: string, zone?: string): Correction[] {
  for (const legacy of ["correction", "correctionDate"]) {
    if (data[legacy] !== undefined) {
      throw correctionError(inputPath, legacy, "is no longer read (a story can now have several corrections, each with its date)", data[legacy], `write ${EXAMPLE}`);
    }
  }
  const given = data.corrections;
  if (given === undefined) return [];
  if (!Array.isArray(given)) throw correctionError(inputPath, "corrections", "must be a list of corrections, got", given, `write ${EXAMPLE}`);
  const corrections = given.map((entry: unknown, index): Correction => {
    const field = `corrections[${index}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw correctionError(inputPath, field, "must have a date and a text, got", entry, `write ${EXAMPLE}`);
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== "date" && key !== "text") throw correctionError(inputPath, `${field}.${key}`, "is not a field of a correction", key, "give each correction only a date and a text");
    }
    if (typeof record.text !== "string" || record.text.trim() === "") {
      throw correctionError(inputPath, `${field}.text`, record.text === undefined ? "is missing" : "must be non-empty text, got", record.text, 'write what was wrong and what is right: text: "An earlier version …"');
    }
    if (record.date === undefined || record.date === null || record.date === "") {
      throw correctionError(inputPath, `${field}.date`, "is missing", undefined, "add the day (or time) the story was corrected: date: 2025-10-15");
    }
    namingFile(inputPath, () => toDateTime(record.date, { zone, where: `front matter ${field}.date` }));
    return { text: record.text.trim(), date: record.date as DateInput };
  });
  const time = (correction: Correction) => toDateTime(correction.date, { zone }).toMillis();
  return corrections.map((correction, order) => ({ correction, order })).sort((a, b) => time(a.correction) - time(b.correction) || a.order - b.order).map(({ correction }) => correction);
}

/**
 * When the story last changed: the latest of its publication, `updated` and correction dates,
 * as written (a day stays a day).
 */
export function lastModified(data: Record<string, unknown>, inputPath?: string, zone?: string): DateInput | undefined {
  const dates = [data.date, data.updated, ...readCorrections(data, inputPath, zone).map((correction) => correction.date)] as (DateInput | undefined)[];
  return latestDate(dates.filter((date) => date !== undefined && date !== null && date !== ""), zone, "front matter dates");
}
