#!/usr/bin/env bash
# qtlab bench setup: the Python side of `npm run bench` (pandas, matplotlib and the python3 Jupyter
# kernel from Debian packages). Installs what is missing when run as root, otherwise prints the apt line
# (and lets the bench go on without the Python side). Idempotent and silent when everything is present.
# Run after scripts/setup.sh (Jupyter itself).
set -euo pipefail

py=/usr/bin/python3
say() { printf 'bench-setup: %s\n' "$*"; }

need=()
"$py" -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
"$py" -c 'import matplotlib' 2>/dev/null || need+=(python3-matplotlib)
{ "$py" -c 'import ipykernel' 2>/dev/null && [ -f /usr/share/jupyter/kernels/python3/kernel.json ]; } \
  || need+=(python3-ipykernel)

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${need[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    # Not fatal: the bench still measures qtlab; its Python rows report the missing modules.
    printf 'bench-setup: warning: the Python comparison needs Debian packages that are missing. Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' "${need[*]}" >&2
  fi
fi
