#!/usr/bin/env bash
# Times `asynclint check` (every rule) and ruff's WebAssembly build (asyncio rules, ASYNC) on the
# same files in the same run: the CPython standard library of the machine's python3 (without
# site-packages) and its site-packages. Prints, per tool and corpus, the median over RUNS runs of
# wall time, CPU time (user + system) and peak memory (maximum resident set size).
#
#   bench/compare.sh [RUNS]        (default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"

command -v /usr/bin/time >/dev/null || { echo "compare.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
[ -d bench/node_modules/@astral-sh/ruff-wasm-nodejs ] || (cd bench && npm ci --silent)
[ -f cli/target/asynclint.jar ] || mvn -B -q -DskipTests -pl cli -am package

stdlib="$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")"
site="$(python3 -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")"

# One timed run: prints "wall cpu peak_kb".
measure() {
  local log
  log="$(mktemp)"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$log"
  rm -f "$log"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() {
  local tool="$1" corpus="$2" samples="$3"
  printf "%-10s %-14s wall %6.2f s   cpu %6.2f s   peak %6.0f MB\n" "$tool" "$corpus" \
    "$(cut -d' ' -f1 <<<"$samples" | median)" \
    "$(cut -d' ' -f2 <<<"$samples" | median)" \
    "$(cut -d' ' -f3 <<<"$samples" | median | awk '{ print $1 / 1024 }')"
}

echo "asynclint: $(./asynclint --version 2>/dev/null || echo dev); node: $(node --version)"
node bench/ruff-wasm-check.js "$stdlib/asyncio" | sed 's/:.*//'
echo "runs: $runs, machine: $(nproc) cores"
for corpus in stdlib site-packages; do
  dir="$stdlib"
  [ "$corpus" = site-packages ] && dir="$site"
  asynclint_samples="" ruff_samples=""
  for ((i = 0; i < runs; i++)); do
    asynclint_samples+="$(measure ./asynclint check --no-cache --exit-zero --select ASY "$dir")"$'\n'
    ruff_samples+="$(measure node bench/ruff-wasm-check.js "$dir")"$'\n'
  done
  report asynclint "$corpus" "$(sed '/^$/d' <<<"$asynclint_samples")"
  report ruff-wasm "$corpus" "$(sed '/^$/d' <<<"$ruff_samples")"
done
