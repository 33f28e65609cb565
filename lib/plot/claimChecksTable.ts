/**
 * The claims table a notebook ends with: claim, the article's figure, the data's figure, verdict, note.
 */
import { htmlTable } from "./display.ts";
import { type ClaimCheck, verdictCounts } from "../claims/claims.ts";

const VERDICT_STYLE: Record<string, string> = {
  holds: "verdict-holds",
  "roughly holds": "verdict-roughly",
  "does not hold": "verdict-not",
  "not checkable offline": "verdict-na",
};

/** The claims as an HTML table (displayable in Jupyter and in reports). */
export function claimsTable(checks: readonly ClaimCheck[], title = "Claims checked against data") {
  const counts = verdictCounts(checks);
  const summary = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(", ");
  const table = htmlTable(
    checks,
    [
      { label: "Claim", value: (c) => c.id },
      { label: "What the article says", value: (c) => c.claim },
      { label: "Article's figure", value: (c) => c.articleFigure },
      { label: "Data's figure", value: (c) => c.dataFigure },
      { label: "Verdict", value: (c) => c.verdict, className: (c) => VERDICT_STYLE[c.verdict] },
      { label: "Note", value: (c) => c.note },
    ],
    `${title}: ${summary}`,
  );
  // Verdict colours inline, so the table reads the same in Jupyter and in a static report.
  const colours: Record<string, string> = {
    "verdict-holds": "background:#e3f4e1",
    "verdict-roughly": "background:#fdf3d7",
    "verdict-not": "background:#fbe1df",
    "verdict-na": "background:#eeeeee",
  };
  table.querySelectorAll("td[class]").forEach((td) => {
    const c = td.getAttribute("class") ?? "";
    if (colours[c]) td.setAttribute("style", `${td.getAttribute("style") ?? ""};${colours[c]};font-weight:600`);
  });
  return table;
}
