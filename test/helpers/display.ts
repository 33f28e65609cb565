/**
 * What the Jupyter display of a qtlab element holds: the element's HTML with `tex2jax_ignore` added to its
 * root's classes (lib/plot/display.ts keeps the Notebook's MathJax off dollar amounts).
 */
import { expect } from "vitest";

/** Assert that `bundleHtml` is `elementHtml` with `tex2jax_ignore` on its root element, and nothing else. */
export function expectDisplayedAs(bundleHtml: string, elementHtml: string): void {
  const root = /^<[^>]*>/.exec(bundleHtml)?.[0] ?? "";
  expect(root).toMatch(/\sclass="(?:[^"]*\s)?tex2jax_ignore(?:\s[^"]*)?"/);
  const without = bundleHtml.replace(/^(<[^>]*?)(?: class="tex2jax_ignore"| tex2jax_ignore(?=[\s"]))/, "$1");
  expect(without).toBe(elementHtml);
}
