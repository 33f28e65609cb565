#!/usr/bin/env bash
# qtlab setup: installs everything the notebooks, the reports and the tests need, and nothing twice.
#   1. npm packages from package-lock.json (skipped when node_modules already matches the lockfile)
#   2. Jupyter (nbclient, nbconvert, notebook server) and Chromium from Debian packages, when missing
#   3. the project's Deno kernelspec "qtlab" ("qtlab (Deno)") pointing at the project's own deno binary
#   4. the project's notebooks marked trusted in Jupyter (their live views run in the Notebook server)
# Safe to run again: a warm run checks and returns in about a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

mkdir -p "$root/.qtlab"
# One setup at a time: concurrent runs (a test run and a report started together) would race in npm ci.
exec 9>"$root/.qtlab/setup.lock"
flock 9

command -v node >/dev/null || fail "Node.js 20 or newer is required (node not found on PATH)."
command -v npm >/dev/null || fail "npm is required (npm not found on PATH)."

# 1. npm packages -------------------------------------------------------------------------------
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.qtlab-lock.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing npm packages from package-lock.json ..."
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$lock_sum" > "$stamp"
fi
deno_bin="$root/node_modules/deno/deno"
if ! "$deno_bin" --version >/dev/null 2>&1; then
  # npm may hold back the package's install script; it only places the platform binary.
  (cd node_modules/deno && node ./install.cjs) >/dev/null
  "$deno_bin" --version >/dev/null 2>&1 || fail "the deno binary at $deno_bin does not run."
fi

# 2. Debian packages: Jupyter and Chromium ------------------------------------------------------
py=/usr/bin/python3
need_apt=()
if ! { [ -x /usr/bin/jupyter ] && "$py" -c 'import nbclient, nbconvert, notebook' 2>/dev/null; }; then
  need_apt+=(jupyter-nbconvert jupyter-client jupyter-notebook python3-nbclient)
fi
if [ "${QTLAB_SKIP_CHROMIUM:-0}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  need_apt+=(chromium)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${need_apt[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    fail "missing system packages. Install them with:
  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need_apt[*]}
then run 'npm run setup' again."
  fi
fi

# 3. kernelspec -----------------------------------------------------------------------------------
# One copy inside the project (found first through JUPYTER_PATH by qtlab's own commands) and one in the
# user's Jupyter data dir, so that 'jupyter kernelspec list' and a hand-started Jupyter show it too.
spec_dir="$root/.qtlab/jupyter/kernels/qtlab"
mkdir -p "$spec_dir" "$root/.cache/deno"
# DENO_V8_FLAGS: a 1 MB young generation (V8's default grows to 16 MB a semi-space) keeps a notebook's
# kernel about 60 MB smaller at its peak (notebook 05: 350 -> 288 MB) for no measurable CPU time. A Deno
# kernel holds about 200 MB of its own before its first cell runs.
spec_json="$(cat <<EOF
{
  "argv": ["$deno_bin", "jupyter", "--kernel", "--conn", "{connection_file}"],
  "display_name": "qtlab (Deno)",
  "language": "typescript",
  "env": {
    "NO_COLOR": "1",
    "DENO_DIR": "$root/.cache/deno",
    "DENO_NO_UPDATE_CHECK": "1",
    "DENO_V8_FLAGS": "--max-semi-space-size=1"
  }
}
EOF
)"
if [ ! -f "$spec_dir/kernel.json" ] || [ "$(cat "$spec_dir/kernel.json")" != "$spec_json" ]; then
  printf '%s\n' "$spec_json" > "$spec_dir/kernel.json"
fi
user_spec="${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}/kernels/qtlab/kernel.json"
# The user-level copy is a convenience (jupyter kernelspec list, a hand-started Jupyter): qtlab's own
# commands use the project's copy. An unwritable HOME only earns a notice, with Jupyter's own message.
if [ ! -f "$user_spec" ] || ! cmp -s "$user_spec" "$spec_dir/kernel.json"; then
  if out="$(jupyter kernelspec install --user --replace --name qtlab "$spec_dir" 2>&1)"; then
    say "kernelspec qtlab installed ($user_spec)"
  else
    say "notice: the user-level kernelspec was not installed ($user_spec): $(printf '%s' "$out" | tail -n 1). qtlab's commands use the project's own kernelspec in .qtlab/jupyter."
  fi
fi
# 4. trust: the project's notebooks as committed are signed in the user's Jupyter signature database,
# so the Notebook server opens them as trusted and renders their live views (lib/live/jupyter.ts). Only
# when a notebook changed; Debian ships no 'jupyter trust', nbformat's signing app is the same thing.
trust_sum="$(cat notebooks/*.ipynb | sha256sum | cut -d' ' -f1)"
trust_stamp="$root/.qtlab/trusted-notebooks.sha256"
if [ ! -f "$trust_stamp" ] || [ "$(cat "$trust_stamp")" != "$trust_sum" ]; then
  if out="$("$py" -m nbformat.sign notebooks/*.ipynb 2>&1)"; then
    printf '%s\n' "$trust_sum" > "$trust_stamp"
  else
    say "notice: the notebooks were not marked trusted ($(printf '%s' "$out" | tail -n 1)); Jupyter shows them as not trusted until you run them."
  fi
fi
say "ready (node $(node --version), deno $("$deno_bin" --version | head -1 | cut -d' ' -f2), $(jupyter nbconvert --version 2>/dev/null | sed 's/^/nbconvert /'))"
