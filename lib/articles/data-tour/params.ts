/** The data tour's assumptions (notebook 00): what the balance-sheet chart shows and which drain window it reads. */
import { defineParams, p } from "../../params/schema.ts";

export const dataTourParams = defineParams(
  {
    chartFromDate: p.isoDate({
      default: "2008-01-01",
      min: "2002-12-18",
      withinData: true,
      unit: "date",
      meaning: "the first date on the balance-sheet chart",
      source: "assumption: the start of QE1's era",
    }),
    drainFromDate: p.isoDate({
      default: "2022-06-01",
      min: "2002-12-18",
      withinData: true,
      unit: "date",
      meaning: "the first day of the window in which the drain of liabilities is read",
      source: "QT began 2022-06-01 (FOMC Plans for Reducing the Size of the Balance Sheet, 2022-05-04)",
    }),
    drainToDate: p.isoDate({
      default: "2025-11-30",
      min: "2002-12-18",
      withinData: true,
      unit: "date",
      meaning: "the last day of the drain window",
      source: "QT ended 2025-12-01 (FOMC statement, 2025-10-29)",
    }),
  },
  [
    {
      names: ["drainFromDate", "drainToDate"],
      check: (
        v,
      ) => (v.drainFromDate < v.drainToDate
        ? undefined
        : `drainFromDate (${v.drainFromDate}) must be before drainToDate (${v.drainToDate})`),
    },
  ],
);
