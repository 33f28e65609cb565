/**
 * The live views in the Notebook server (`npm run notebook`): a classic Notebook 6 nbextension in the
 * project's Jupyter data folder, enabled by a config folder of the project's own.
 *
 *   .qtlab/jupyter/nbextensions/qtlab-live/main.js   AMD module the Notebook loads on a notebook page;
 *                                                    it adds live.js in a <script> (no RequireJS define)
 *   .qtlab/jupyter/nbextensions/qtlab-live/live.js   the bundle of lib/live/jupyter.ts (~350 KiB)
 *   .qtlab/jupyter-config/nbconfig/notebook.json     {"load_extensions": {"qtlab-live/main": true}}
 *
 * scripts/notebook.sh puts .qtlab/jupyter first on JUPYTER_PATH (where the Notebook serves nbextensions
 * from, never cached) and .qtlab/jupyter-config on JUPYTER_CONFIG_PATH (read on top of the user's own
 * config, which stays in force: nothing is written to the user's Jupyter folders). Node only.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../atomic.ts";
import { JUPYTER_ENTRY, liveBundle } from "./bundle.ts";

const ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));
/** The extension's name: its folder under nbextensions/ and its key in load_extensions. */
export const EXTENSION_NAME = "qtlab-live";

/** The nbextension's AMD module: load the bundle once per page (`key` busts any cache). */
export function extensionMain(key: string): string {
  return `// qtlab live views in the classic Notebook: written by lib/live/jupyterExtension.ts, do not edit.
define(["base/js/utils"], function (utils) {
  "use strict";
  function load_ipython_extension() {
    if (document.getElementById("qtlab-live-bundle")) return;
    var s = document.createElement("script");
    s.id = "qtlab-live-bundle";
    s.src = utils.url_path_join(utils.get_body_data("baseUrl"), "nbextensions/${EXTENSION_NAME}/live.js") + "?v=${key}";
    s.onerror = function () { console.warn("qtlab live views: could not load " + s.src); };
    document.head.appendChild(s);
  }
  return { load_ipython_extension: load_ipython_extension };
});
`;
}

/** What {@link writeJupyterExtension} wrote. */
export interface JupyterExtension {
  /** The folder holding main.js and live.js. */
  dir: string;
  /** The nbconfig file enabling it. */
  config: string;
  /** Bytes of live.js. */
  bytes: number;
  /** True when the bundle was built by this call (else it came from the cache). */
  built: boolean;
}

function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  writeFileAtomic(path, text);
}

/**
 * Write (or refresh) the nbextension and its enabling config under `root` (default: the project). Files
 * already holding the same bytes are left alone, so a warm call only checks the bundle cache.
 */
export async function writeJupyterExtension(root = ROOT): Promise<JupyterExtension> {
  const bundle = await liveBundle({ entry: JUPYTER_ENTRY });
  const dir = join(root, ".qtlab", "jupyter", "nbextensions", EXTENSION_NAME);
  const nbconfig = join(root, ".qtlab", "jupyter-config", "nbconfig");
  mkdirSync(dir, { recursive: true });
  mkdirSync(nbconfig, { recursive: true });
  writeIfChanged(join(dir, "live.js"), bundle.code);
  writeIfChanged(join(dir, "main.js"), extensionMain(bundle.key.slice(0, 16)));
  const config = join(nbconfig, "notebook.json");
  writeIfChanged(config, `${JSON.stringify({ load_extensions: { [`${EXTENSION_NAME}/main`]: true } }, null, 2)}\n`);
  return { dir, config, bytes: bundle.bytes, built: bundle.built };
}
