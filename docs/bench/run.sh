#!/usr/bin/env bash
# Benchmark needsmap against the best peer tools on the reference
# workloads and rewrite docs/performance.md. Works from a fresh clone on
# Debian: installs the peers it needs (python3-openpyxl for the data
# generator, r-cran-readxl, Node's @duckdb/node-api pinned by
# package-lock.json), generates the data once into .bench-data/, then runs
# every case. Flags are passed to docs/bench (e.g. -skip-readxl, -runs 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"

missing=()
for p in python3-openpyxl r-base-core r-cran-readxl r-cran-data.table; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d docs/bench/peers/node_modules/@duckdb/node-api ]; then
  # npm ci refuses this lock file (it lacks other platforms' optional
  # bindings); npm install installs exactly the locked versions.
  echo "== npm install (DuckDB peer, versions from package-lock.json)" >&2
  (cd docs/bench/peers && npm install --no-audit --no-fund --loglevel=error)
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) (measure on a quiet machine)" >&2
go run ./docs/bench -data .bench-data "$@"
