/**
 * The assumptions of the QT-mechanics article (notebook 01; K2 College, 2025-04-03), declared once: the
 * FOMC's caps as enacted, the article's figures, and the windows and tolerances the checks use.
 */
import { defineParams, p } from "../../params/schema.ts";

const FOMC_2022 = "FOMC, Plans for Reducing the Size of the Federal Reserve's Balance Sheet, 2022-05-04";
const cap = (def: number, meaning: string, source: string) =>
  p.number({ default: def, min: 0, max: 200, step: 0.5, unit: "$bn/month", meaning, source });
const month = (def: string, meaning: string, source: string) =>
  p.month({ default: def, min: "2008-01", max: "2026-12", unit: "month", meaning, source });

export const qtMechanicsParams = defineParams(
  {
    capTreasuryFrom2022JunUsdBnPerMonth: cap(
      30,
      "Treasury runoff cap, June–August 2022",
      `${FOMC_2022} (June–August 2022)`,
    ),
    capMbsFrom2022JunUsdBnPerMonth: cap(17.5, "MBS runoff cap, June–August 2022", `${FOMC_2022} (June–August 2022)`),
    capTreasuryFrom2022SepUsdBnPerMonth: cap(
      60,
      "Treasury runoff cap from September 2022",
      `${FOMC_2022} (from September 2022)`,
    ),
    capTreasuryFrom2024JunUsdBnPerMonth: cap(
      25,
      "Treasury runoff cap from June 2024",
      "FOMC statement and implementation note, 2024-05-01",
    ),
    capTreasuryFrom2025AprUsdBnPerMonth: cap(
      5,
      "Treasury runoff cap from April 2025",
      "FOMC statement and implementation note, 2025-03-19",
    ),
    capMbsUsdBnPerMonth: cap(
      35,
      "MBS runoff cap from September 2022 to the end of QT",
      "FOMC 2022-05-04, kept 2024-05-01 and 2025-03-19 (September 2022 to November 2025)",
    ),
    articlePeakCapUsdBnPerMonth: cap(
      95,
      "the article's peak pace of runoff",
      "the article: reduce holdings at up to $95bn a month (the 2022 plan)",
    ),
    articleTreasuryCapBeforeUsdBnPerMonth: cap(
      25,
      "the article's Treasury cap before April 2025",
      "the article: Treasury runoff of $25bn a month before April 2025",
    ),
    articleTreasuryCapAfterUsdBnPerMonth: cap(
      5,
      "the article's Treasury cap from April 2025",
      "the article prints $5.9bn, a slip for $5bn: qtlab's claims list and the FOMC implementation note of 2025-03-19 say $5bn",
    ),
    articleMbsCapUsdBnPerMonth: cap(35, "the article's MBS cap", "the article: MBS runoff kept at $35bn a month"),
    monthGrid: p.oneOf({
      values: ["month-end", "last-wednesday"],
      default: "month-end",
      unit: "",
      meaning: "which weekly level closes a month",
      source:
        'assumption: a month\'s level is the Wednesday on its last day or the first after it ("last-wednesday" is the alternative)',
    }),
    assumedTreasuryCouponsMaturingUsdBnPerMonth: cap(
      45,
      "Treasury coupons maturing each month in the illustration",
      "assumption: illustrative; no SOMA maturity schedule ships with qtlab",
    ),
    assumedTreasuryBillsMaturingUsdBnPerMonth: cap(
      30,
      "Treasury bills maturing each month in the illustration",
      "assumption: illustrative bills maturing, redeemed only where coupons fall short of the cap",
    ),
    assumedMbsPaydownsUsdBnPerMonth: cap(
      17,
      "MBS principal paid down each month in the illustration",
      "assumption: illustrative, near the actual MBS runoff of 2023–2025 seen below",
    ),
    articleQeStartMonth: month(
      "2020-03",
      "the month the article's heavy purchases begin",
      "the article: heavy purchases from 2020 (the COVID purchases began in March 2020)",
    ),
    qeSurgeThresholdUsdBnPerMonth: p.number({
      default: 200,
      min: 10,
      max: 1000,
      step: 10,
      unit: "$bn/month",
      meaning: "the monthly purchase pace that counts as the COVID surge",
      source: "assumption: well above the $60–100bn a month of the 2019–20 bill purchases",
    }),
    articleTaperMonth: month(
      "2021-11",
      "the month the taper was decided",
      "the article: taper decided November 2021; FOMC statement of 2021-11-03",
    ),
    preTaperFromMonth: month(
      "2021-01",
      "the first month of full-pace purchases before the taper",
      "assumption: the ten months of full-pace purchases before the taper decision",
    ),
    taperToMonth: month(
      "2022-02",
      "the last month of the taper",
      "assumption: the taper months run to the last full month of purchases (they ended in March 2022)",
    ),
    articleFirstHikeMonth: month("2022-03", "the month of the first hike", "the article: first hike in March 2022"),
    articleQtStartMonth: month("2022-06", "the month QT began", "the article: QT began in June 2022"),
    slowdownBeforeFromMonth: month(
      "2024-06",
      "the first month compared before the 2025 slowdown",
      "assumption: the months under the $25bn cap (June 2024 to March 2025)",
    ),
    slowdownAfterToMonth: month(
      "2025-11",
      "the last month compared after the 2025 slowdown",
      "assumption: the months under the $5bn cap, to the end of runoff",
    ),
    debtLimitWindows: p.dateWindows({
      default: [{ id: "2023", from: "2023-01-19", to: "2023-06-03" }, {
        id: "2025",
        from: "2025-01-02",
        to: "2025-07-04",
      }],
      ids: true,
      maxItems: 6,
      withinData: true,
      unit: "dates",
      meaning: "the debt-limit episodes, from Treasury's extraordinary measures to the limit's suspension",
      source:
        "Treasury letters to Congress 2023-01-19 and 2024-12-27; Pub. L. 118-5 (2023-06-03) and Pub. L. 119-21 (2025-07-04)",
    }),
    tgaRebuildHorizonWeeks: p.number({
      default: 26,
      min: 4,
      max: 52,
      integer: true,
      unit: "weeks",
      meaning: "how long after a debt-limit episode the TGA rebuild is followed",
      source: "assumption: the rebuild ends at the TGA's highest week within half a year of the limit's end",
    }),
    sharpReserveSwingUsdBn: p.number({
      default: 200,
      min: 10,
      max: 2000,
      step: 10,
      unit: "$bn",
      meaning: "the move of reserves in one phase that counts as sharp",
      source: 'assumption: "sharp" = a move of reserves of $200bn or more (about 6–7% of the stock) in one phase',
    }),
    onRrpMaxStaleDays: p.number({
      default: 4,
      min: 0,
      max: 14,
      integer: true,
      unit: "days",
      meaning: "how old an ON RRP operation may be to stand for a Wednesday",
      source:
        "assumption: ON RRP is overnight, so on a holiday Wednesday the last operation of the days before is the amount outstanding",
    }),
    chartFromDate: p.isoDate({
      default: "2019-01-01",
      min: "2002-12-18",
      withinData: true,
      unit: "date",
      meaning: "the first date on the liabilities chart",
      source: "assumption: the liabilities chart starts before COVID",
    }),
    runoffChartFromMonth: month(
      "2022-01",
      "the first month on the runoff chart",
      "assumption: the runoff chart starts before QT to show the turn",
    ),
  },
  [
    {
      names: ["preTaperFromMonth", "taperToMonth"],
      check: (
        v,
      ) => (v.preTaperFromMonth < v.taperToMonth
        ? undefined
        : `preTaperFromMonth (${v.preTaperFromMonth}) must be before taperToMonth (${v.taperToMonth})`),
    },
    {
      names: ["slowdownBeforeFromMonth", "slowdownAfterToMonth"],
      check: (
        v,
      ) => (v.slowdownBeforeFromMonth < v.slowdownAfterToMonth
        ? undefined
        : `slowdownBeforeFromMonth (${v.slowdownBeforeFromMonth}) must be before slowdownAfterToMonth (${v.slowdownAfterToMonth})`),
    },
  ],
);
