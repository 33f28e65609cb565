#!/usr/bin/env bash
# Open qtlab's notebooks in Jupyter: a Notebook server on 127.0.0.1 only, with Jupyter's token,
# the notebooks/ folder as its root and the qtlab (Deno) kernel found first. Ctrl-C stops it.
#   QTLAB_PORT=8899 npm run notebook     # another port (default 8888); a busy or invalid port is refused
#   QTLAB_NOTEBOOK_DIR=DIR               # another root folder (default notebooks/; the tests use a scratch one)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_PATH="$root/.qtlab/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
# The live views' nbextension (lib/live/jupyterExtension.ts): written to .qtlab/jupyter/nbextensions and
# enabled by .qtlab/jupyter-config, a config folder read on top of the user's own (which stays in force).
export JUPYTER_CONFIG_PATH="$root/.qtlab/jupyter-config${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
port="${QTLAB_PORT:-8888}"
notebook_dir="${QTLAB_NOTEBOOK_DIR:-$root/notebooks}"
if [ ! -d "$notebook_dir" ]; then
  echo "qtlab: QTLAB_NOTEBOOK_DIR must be a folder, got \"$notebook_dir\"." >&2
  exit 2
fi
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "qtlab: QTLAB_PORT must be a port number from 1 to 65535, got \"$port\"." >&2
  exit 2
fi
# Python with the Notebook server: the python3 on PATH when it has it, else Debian's.
py="$(command -v python3 || true)"
if [ -z "$py" ] || ! "$py" -c 'import notebook' 2>/dev/null; then py=/usr/bin/python3; fi
if "$py" -c 'import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then :; else
  echo "qtlab: port $port on 127.0.0.1 is in use (another notebook server?); choose another with QTLAB_PORT=NNNN npm run notebook." >&2
  exit 2
fi
if ! "$root/node_modules/.bin/tsx" "$root/scripts/jupyter-live.ts"; then
  echo "qtlab: starting without the live views' controls (the charts stay static)." >&2
fi
# port_retries=0: the server listens on exactly this port, so the URL it prints is the one to open.
args=(--no-browser --ip=127.0.0.1 --port="$port" --NotebookApp.port_retries=0 --notebook-dir="$notebook_dir"
      --NotebookApp.open_browser=False --MappingKernelManager.default_kernel_name=qtlab)
[ "$(id -u)" = "0" ] && args+=(--allow-root)
echo "qtlab: starting Jupyter on 127.0.0.1 with the notebooks in $notebook_dir."
echo "qtlab: open the URL with the token printed below; pick the kernel \"qtlab (Deno)\" for new notebooks."
exec "$py" -Xfrozen_modules=off -m notebook "${args[@]}" "$@"
