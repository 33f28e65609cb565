#!/usr/bin/env bash
# Open qtlab's notebooks in Jupyter: a Notebook server on 127.0.0.1 only, with Jupyter's token,
# the notebooks/ folder as its root and the qtlab (Deno) kernel found first. Ctrl-C stops it.
#   QTLAB_PORT=8899 npm run notebook     # another port (default 8888; the next free one is taken if busy)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_PATH="$root/.qtlab/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
args=(--no-browser --ip=127.0.0.1 --port="${QTLAB_PORT:-8888}" --notebook-dir="$root/notebooks"
      --NotebookApp.open_browser=False --MappingKernelManager.default_kernel_name=qtlab)
[ "$(id -u)" = "0" ] && args+=(--allow-root)
echo "qtlab: starting Jupyter on 127.0.0.1 with the notebooks in $root/notebooks."
echo "qtlab: open the URL with the token printed below; pick the kernel \"qtlab (Deno)\" for new notebooks."
exec /usr/bin/python3 -Xfrozen_modules=off -m notebook "${args[@]}" "$@"
