import { describe, expect, test } from "vitest";
import { displayable } from "../../lib/plot/display.ts";
import { document } from "../../lib/plot/document.ts";

const bundleOf = (el: Element) =>
  (el as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();

describe("displayable(element): what Jupyter shows", () => {
  test("two dollar amounts in a caption stay text: the output's root carries MathJax's ignore class", () => {
    const figure = document.createElement("figure");
    figure.innerHTML = "<figcaption>$45bn of coupons and $30bn of bills</figcaption>";
    const html = bundleOf(displayable(figure, "chart"))["text/html"];
    expect(html).toBe(
      '<figure class="tex2jax_ignore"><figcaption>$45bn of coupons and $30bn of bills</figcaption></figure>',
    );
  });

  test("the element keeps its own classes, and is left as it was", () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "plot-1");
    const html = bundleOf(displayable(svg))["text/html"];
    expect(html).toContain('class="plot-1 tex2jax_ignore"');
    expect(svg.getAttribute("class")).toBe("plot-1");
    const bare = document.createElement("p");
    bundleOf(displayable(bare));
    expect(bare.hasAttribute("class")).toBe(false);
  });

  test("an element that already ignores MathJax is shown as it is", () => {
    const div = document.createElement("div");
    div.setAttribute("class", "qtlab-prose tex2jax_ignore");
    expect(bundleOf(displayable(div))["text/html"]).toBe('<div class="qtlab-prose tex2jax_ignore"></div>');
  });
});
