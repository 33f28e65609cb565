import { launchChromium } from "../test/helpers/browser.ts";
const [file, out, y, h, w] = process.argv.slice(2);
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: Number(w ?? 1100), height: 900 } });
await p.goto(`file://${file}`);
await p.waitForTimeout(300);
await p.screenshot({
  path: out,
  fullPage: true,
  clip: { x: 0, y: Number(y), width: Number(w ?? 1100), height: Number(h) },
});
await b.close();
