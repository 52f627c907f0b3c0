#!/usr/bin/env bash
# Times `asynclint check` (every rule) on generated files of the shapes that made parts of the
# analysis quadratic: each is a project of its own, checked without the cache. The shapes:
#   chain     20,000 sync functions, each calling the next, the last blocking, a coroutine calling
#             the first (ASY208 follows the whole chain)
#   loops     a chain of 20,000 sync functions ending in asyncio.run, and one of 20,000 coroutines
#             ending in a lock, in one module
#   tasks     a list of 20,000 create_task calls and one of 20,000 coroutine calls, in a coroutine
#   dict      a dict of 20,000 create_task entries
#   classes   a hierarchy of 3,000 classes, each deriving from the one before
#   arguments one call with 20,000 arguments
# Prints the wall time and peak memory of each.
#
#   bench/stress.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || { echo "stress.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
./asynclint --version >/dev/null # builds the jar and its class-data archive when missing

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import os, sys

root = sys.argv[1]
n = 20000


def write(name, lines):
    os.makedirs(os.path.join(root, name))
    with open(os.path.join(root, name, name + ".py"), "w") as f:
        f.write("\n".join(lines) + "\n")


lines = ["import time"]
for i in range(n):
    body = f"return f{i + 1}()" if i < n - 1 else "time.sleep(1)"
    lines.append(f"def f{i}():\n    {body}")
lines.append("async def main():\n    f0()")
write("chain", lines)

lines = ["import asyncio", "lock = asyncio.Lock()", "async def work():\n    pass"]
for i in range(n):
    body = f"return g{i + 1}()" if i < n - 1 else "asyncio.run(work())"
    lines.append(f"def g{i}():\n    {body}")
for i in range(n):
    body = f"await h{i + 1}()" if i < n - 1 else "async with lock:\n        pass"
    lines.append(f"async def h{i}():\n    {body}")
lines.append("async def main():\n    g0()\n    await h0()")
write("loops", lines)

calls = ", ".join(f"asyncio.create_task(g({i}))" for i in range(n))
coroutines = ", ".join(f"g({i})" for i in range(n))
write("tasks", ["import asyncio", "async def g(x):\n    return x",
                f"async def main():\n    tasks = [{calls}]\n    pending = [{coroutines}]"])

entries = ", ".join(f"{i}: asyncio.create_task(g({i}))" for i in range(n))
write("dict", ["import asyncio", "async def g(x):\n    return x",
               f"async def main():\n    table = {{{entries}}}"])

lines = ["import time", "class C0:\n    def m(self):\n        time.sleep(1)"]
for i in range(1, 3000):
    lines.append(f"class C{i}(C{i - 1}):\n    async def a{i}(self):\n        self.m()")
write("classes", lines)

arguments = ", ".join(f"g({i})" for i in range(n))
write("arguments", ["import asyncio", "async def g(x):\n    return x",
                    f"async def main():\n    await asyncio.gather({arguments})"])
EOF

echo "machine: $(nproc) cores"
for shape in chain loops tasks dict classes arguments; do
  log="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$log" ./asynclint check --no-cache --exit-zero --quiet --select ASY \
    "$work/$shape" >/dev/null 2>&1 || true
  read -r wall peak <"$log"
  rm -f "$log"
  printf "%-10s wall %6.2f s   peak %6.0f MB\n" "$shape" "$wall" "$(awk -v kb="$peak" 'BEGIN { print kb / 1024 }')"
done
