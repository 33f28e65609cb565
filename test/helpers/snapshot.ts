/** Chart markup with every number of 4+ decimals rounded to 3, for snapshots stable across engines. */
export function rounded(html: string): string {
  return html.replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}
