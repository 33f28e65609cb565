/** The series a notebook read, one row each: id, what, observation, units, rows, first date, as of. */
import type { SeriesInfo } from "../data/series.ts";
import { num } from "../format.ts";
import { htmlTable } from "./display.ts";

export function seriesTable(rows: readonly SeriesInfo[], caption = "Data loaded (all validated)") {
  return htmlTable(rows, [
    { label: "Series", value: (s) => s.seriesId },
    { label: "What", value: (s) => s.title },
    { label: "Observation", value: (s) => s.observation },
    { label: "Units", value: (s) => s.units },
    { label: "Rows", value: (s) => num(s.rows), align: "right" },
    { label: "First", value: (s) => s.first },
    { label: "As of", value: (s) => s.asOf },
  ], caption);
}
