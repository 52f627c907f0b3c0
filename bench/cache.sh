#!/usr/bin/env bash
# Times `asynclint check` (every rule) the ways a user meets the cache, on a copy of the CPython
# standard library of the machine's python3 (without site-packages), so that the cache and the
# edits stay out of the real one:
#   cold          an empty cache: every file fingerprinted and checked, the cache written
#   unchanged     the same check again, answered from the cache
#   one changed   a comment appended to asyncio/queues.py before the check
#   5-file        the bundled examples as a project of five files, without the cache
# and prints the median over RUNS runs of wall time and peak memory of each.
#
#   bench/cache.sh [RUNS]        (default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"

command -v /usr/bin/time >/dev/null || { echo "cache.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
./asynclint --version >/dev/null # builds the jar and its class-data archive when missing

stdlib="$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/stdlib" "$work/five"
(cd "$stdlib" && tar cf - --exclude=./site-packages .) | tar xf - -C "$work/stdlib"
cp examples/*.py examples/inventory_service/app.py "$work/five/"
[ "$(find "$work/five" -name '*.py' | wc -l)" -eq 5 ] || { echo "cache.sh: expected 5 example files" >&2; exit 2; }

# One timed check: prints "wall peak_kb".
measure() {
  local log
  log="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$log" ./asynclint check --exit-zero "$@" >/dev/null 2>&1 || true
  cat "$log"
  rm -f "$log"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A samples
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/stdlib/.asynclint_cache"
  samples[cold]+="$(measure --select ASY "$work/stdlib")"$'\n'
  samples[unchanged]+="$(measure --select ASY "$work/stdlib")"$'\n'
  echo "# edited by bench/cache.sh, run $i" >>"$work/stdlib/asyncio/queues.py"
  samples[changed]+="$(measure --select ASY "$work/stdlib")"$'\n'
  samples[five]+="$(measure --no-cache "$work/five")"$'\n'
done

echo "runs: $runs, machine: $(nproc) cores, standard library: $stdlib"
for scenario in cold unchanged changed five; do
  lines="$(sed '/^$/d' <<<"${samples[$scenario]}")"
  printf "%-10s wall %6.2f s   peak %6.0f MB\n" "$scenario" \
    "$(cut -d' ' -f1 <<<"$lines" | median)" \
    "$(cut -d' ' -f2 <<<"$lines" | median | awk '{ print $1 / 1024 }')"
done
