/**
 * The data tour's catalogue table: one row per shipped file.
 */
import { num } from "../format.ts";
import { htmlTable } from "./display.ts";

/** A catalogue row as {@link htmlTable} shows it (see lib/data/catalog.ts). */
export interface DataTourRow {
  file: string;
  seriesId: string;
  title: string;
  publisher: string;
  unitsAsPublished: string;
  frequency: string;
  rows: number;
  firstDate: string;
  lastDate: string;
}

/** The catalogue as an HTML table, newest data first within each frequency. */
export function dataTourTable(rows: readonly DataTourRow[]) {
  return htmlTable(
    rows,
    [
      { label: "File", value: (r) => r.file },
      { label: "Series", value: (r) => r.seriesId },
      { label: "What", value: (r) => r.title },
      { label: "Publisher", value: (r) => r.publisher },
      { label: "Units as published", value: (r) => r.unitsAsPublished },
      { label: "Frequency", value: (r) => r.frequency },
      { label: "Rows", value: (r) => num(r.rows), align: "right" },
      { label: "First", value: (r) => r.firstDate },
      { label: "As of", value: (r) => r.lastDate },
    ],
    `${rows.length} files, each validated against its provenance record`,
  );
}
