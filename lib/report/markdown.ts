/**
 * Currency in Jupyter markdown: the Notebook's MathJax reads text between two "$" as mathematics, so a
 * paragraph with two dollar amounts renders as garbled formulae. Markdown escapes them as "\\$"; the
 * report's export shows a plain "$" either way.
 */

/** Escape every "$" in markdown text that is not already escaped and not inside `code`. */
export function escapeDollars(md: string): string {
  return md
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\\])\$/g, "$1\\$").replace(/(^|[^\\])\$/g, "$1\\$")))
    .join("");
}

/** Dollar signs MathJax would pair up: two unescaped "$" outside code in one markdown cell. */
export function unescapedDollarPairs(md: string): number {
  const text = md.split(/`[^`]*`/).join("");
  return Math.floor((text.match(/(^|[^\\])\$/g) ?? []).length / 2);
}
