/**
 * The plugin's filters as Eleventy calls them: the page's quotations, a speaker's quotations
 * across the site, and AP dates and times (dates.ts).
 */
import { dateOptions, onPage, textArguments } from "./arguments.js";
// Filter values are checked by toDateTime, which names the filter and the value when they are not dates.
import { formatApDate, formatApDateTime, formatApTime, formatIsoDate, type ApDateStyle, type DateInput } from "./dates.js";
import type { TemplateFunction } from "./eleventy-types.js";
import type { PluginContext } from "./plugin-context.js";
import { resolveSpeakerId } from "./speakers.js";

export function newsroomFilters({ options, state }: Pick<PluginContext, "options" | "state">): Record<string, TemplateFunction> {
  const filters: Record<string, TemplateFunction> = {
    /** The quotations recorded on this page so far (in a layout: all of them), optionally of one kind. */
    pageQuotations(_value, ...args) {
      return onPage(this, () => {
        const [kind] = textArguments("pageQuotations", args, ["kind"]);
        const all = state.forPage(this.page).quotations;
        return kind === undefined ? [...all] : all.filter((record) => record.kind === kind);
      });
    },
    quotationsBy(id) {
      return onPage(this, () => {
        resolveSpeakerId(id, state.registry, "quotationsBy");
        return state.quotationsBy(id as string);
      });
    },
    apDate(value, ...args) {
      return onPage(this, () => {
        const [style, zone] = textArguments("apDate", args, ["style", "zone"]);
        return formatApDate(value as DateInput, (style ?? "date") as ApDateStyle, dateOptions(options, zone, undefined, "apDate"));
      });
    },
    apTime(value, ...args) {
      return onPage(this, () => {
        const [zone, showZone] = textArguments("apTime", args, ["zone", "showZone"]);
        return formatApTime(value as DateInput, dateOptions(options, zone, showZone, "apTime"));
      });
    },
    apDateTime(value, ...args) {
      return onPage(this, () => {
        const [zone, showZone] = textArguments("apDateTime", args, ["zone", "showZone"]);
        return formatApDateTime(value as DateInput, dateOptions(options, zone, showZone, "apDateTime"));
      });
    },
    isoDate(value, ...args) {
      return onPage(this, () => {
        const [zone] = textArguments("isoDate", args, ["zone"]);
        return formatIsoDate(value as DateInput, dateOptions(options, zone, undefined, "isoDate"));
      });
    },
  };

  return filters;
}
