#!/usr/bin/env bash
# Runs JMH benchmarks on an earlier commit and on the working tree, one after the other with the same options, and
# prints the two results side by side with their ratio.
#
#   src/jmh/compare.sh <git-ref> '<benchmark regex>' ['<JMH options>']
#
# Example: src/jmh/compare.sh 46c7198 'GeofenceBenchmark|SitesAtBenchmark' '-f 1 -wi 5 -i 5 -w 1s -r 1s'
# The earlier commit is checked out into a temporary worktree (removed at the end); both are built with the `bench`
# profile. Run it with nothing else on the machine. Results land in target/compare/<ref>.json and current.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:?git ref of the baseline}
regex=${2:?JMH benchmark regex}
args=${3:--f 1 -wi 3 -i 5 -w 1s -r 1s}
out=$PWD/target/compare
mkdir -p "$out"
base=$(mktemp -d /tmp/lawang-baseline.XXXXXX)
cleanup() { git worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"; }
trap cleanup EXIT
git worktree add --detach "$base" "$ref" >/dev/null

run() { # <tree> <result file>
    (cd "$1" && mvn -B -ntp -q -Pbench test-compile exec:exec -Dbench="$regex" \
        -Dbench.args="$args -rf json -rff $2")
}
echo "== baseline $ref"
run "$base" "$out/$ref.json"
echo "== working tree"
run "$PWD" "$out/current.json"

python3 - "$out/$ref.json" "$out/current.json" "$ref" <<'PY'
import json, sys
def load(path):
    rows = {}
    for r in json.load(open(path)):
        key = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        if r.get("params"):
            key += " " + ",".join(f"{k}={v}" for k, v in sorted(r["params"].items()))
        m = r["primaryMetric"]
        rows[key] = (m["score"], m.get("scoreError", float("nan")), m["scoreUnit"])
    return rows
old, new = load(sys.argv[1]), load(sys.argv[2])
print(f"| benchmark | {sys.argv[3]} | working tree | new / old |")
print("|---|---:|---:|---:|")
for key in sorted(set(old) | set(new)):
    o, n = old.get(key), new.get(key)
    fmt = lambda v: "–" if v is None else f"{v[0]:.4g} ± {v[1]:.2g} {v[2]}"
    ratio = f"{n[0] / o[0]:.3f}" if o and n and o[0] else "–"
    print(f"| {key} | {fmt(o)} | {fmt(n)} | {ratio} |")
PY
