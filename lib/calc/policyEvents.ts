/**
 * The policy events qtlab's arguments turn on, as data: what happened, when it took effect, and the
 * official source. Charts annotate them; calculators (runoff caps, event studies) read them.
 *
 * Dates are ISO dates when the event took effect (a cap change applies from the first of the month the
 * FOMC named). `decided` is the FOMC meeting or announcement that decided it, where different.
 */

/** One dated policy event. */
export interface PolicyEvent {
  /** Stable id used in code and tests. */
  id: string;
  /** ISO date the event took effect. */
  date: string;
  /** ISO date it was decided or announced, when different. */
  decided?: string;
  /** Short label for chart annotations (a few words). */
  label: string;
  /** One-sentence description. */
  description: string;
  /** The official document that sets it. */
  source: string;
}

/** QT, cap changes, its end and reserve management purchases, 2022–2025. */
export const QT_EVENTS: readonly PolicyEvent[] = [
  {
    id: "qt-start",
    date: "2022-06-01",
    decided: "2022-05-04",
    label: "QT starts",
    description: "Runoff begins with monthly caps of $30bn Treasuries and $17.5bn agency MBS.",
    source: "FOMC, Plans for Reducing the Size of the Federal Reserve's Balance Sheet, 2022-05-04",
  },
  {
    id: "cap-2022-09",
    date: "2022-09-01",
    decided: "2022-05-04",
    label: "caps $60bn/$35bn",
    description: "Caps step up to $60bn Treasuries and $35bn MBS per month ($95bn in all).",
    source: "FOMC, Plans for Reducing the Size of the Federal Reserve's Balance Sheet, 2022-05-04",
  },
  {
    id: "cap-2024-06",
    date: "2024-06-01",
    decided: "2024-05-01",
    label: "Treasury cap $25bn",
    description:
      "Treasury cap cut to $25bn per month; MBS cap stays $35bn, MBS principal above it reinvested in Treasuries.",
    source: "FOMC statement and implementation note, 2024-05-01",
  },
  {
    id: "cap-2025-04",
    date: "2025-04-01",
    decided: "2025-03-19",
    label: "Treasury cap $5bn",
    description: "Treasury cap cut to $5bn per month; MBS cap unchanged at $35bn.",
    source: "FOMC statement and implementation note, 2025-03-19",
  },
  {
    id: "qt-end",
    date: "2025-12-01",
    decided: "2025-10-29",
    label: "QT ends",
    description: "Runoff ends; agency principal payments are reinvested in Treasury bills.",
    source: "FOMC statement and implementation note, 2025-10-29",
  },
  {
    id: "rmp-start",
    date: "2025-12-12",
    decided: "2025-12-10",
    label: "RMP starts",
    description: "Reserve management purchases of Treasury bills begin, about $40bn in the first month.",
    source: "FOMC implementation note, 2025-12-10; New York Fed statement on reserve management purchases, 2025-12-10",
  },
];

/** The events of {@link QT_EVENTS} by id, for look-ups such as `eventDate("qt-end")`. */
export function eventDate(id: string, events: readonly PolicyEvent[] = QT_EVENTS): string {
  const e = events.find((x) => x.id === id);
  if (!e) throw new Error(`unknown policy event "${id}" (known: ${events.map((x) => x.id).join(", ")})`);
  return e.date;
}
