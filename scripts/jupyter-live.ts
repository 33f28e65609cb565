/**
 * Write the live views' nbextension for the Notebook server (lib/live/jupyterExtension.ts): run by
 * scripts/notebook.sh before the server starts. Quiet unless it built the bundle or failed.
 *
 *   tsx scripts/jupyter-live.ts
 */
import { writeJupyterExtension } from "../lib/live/jupyterExtension.ts";

try {
  const t0 = performance.now();
  const ext = await writeJupyterExtension();
  if (ext.built) {
    console.log(
      `qtlab: built the live views for Jupyter (${(ext.bytes / 1024).toFixed(0)} KiB, ${
        (performance.now() - t0).toFixed(0)
      } ms): ${ext.dir}`,
    );
  }
} catch (e) {
  console.error(`qtlab: the live views for Jupyter were not written (${(e as Error).message}); they stay static.`);
  process.exit(1);
}
