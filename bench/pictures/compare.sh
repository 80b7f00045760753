#!/usr/bin/env bash
# Times the pictures of the plan as `web/` draws them at revision REV and as the working tree
# draws them, side by side: one binary serves both (two servers, each with its own `web/`), and
# each picture is opened cold (a fresh browser) in one, then the other, RUNS times. A figure is
# drawn/seen in ms, as bench/pictures/run.sh prints it: from asking for /pictures#PICTURE to two
# animation frames after the picture is set up, timed by the page, and as the driving script saw
# it. REV's web/pictures is taken from git and its ECharts bundle built by its own
# build-echarts.mjs; every other file of web/ (and node_modules) is the working tree's.
# 1. the seed (data/documents/): map, matrix, tree, typology;
# 2. a generated plan-shaped graph of TRIPLES triples (as bench/pictures/run.sh): map, matrix.
# Usage: bench/pictures/compare.sh REV [BUILD_DIR] [TRIPLES] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rev=${1:?usage: bench/pictures/compare.sh REV [BUILD_DIR] [TRIPLES] [RUNS]}
build=${2:-$here/build/dev}
triples=${3:-100000}
runs=${4:-5}
work=$(mktemp -d)
source "$here/bench/pictures/common.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

# $work/before: a POLICYKG_HOME whose web/pictures and ECharts bundle are REV's.
before=$work/before
mkdir -p "$before/web/node_modules/.policykg"
for f in "$here"/*; do [ "$(basename "$f")" = web ] || ln -s "$f" "$before/"; done
for f in "$here"/web/*; do [ "$(basename "$f")" = node_modules ] || [ "$(basename "$f")" = pictures ] || ln -s "$f" "$before/web/"; done
for f in "$here"/web/node_modules/* "$here"/web/node_modules/.bin; do ln -s "$f" "$before/web/node_modules/"; done
git -C "$here" archive "$rev" web/pictures | tar -x -C "$before"
node "$before/web/pictures/build-echarts.mjs"
echo "before: web/pictures of $(git -C "$here" rev-parse --short "$rev"); after: the working tree"

compare() {  # compare NAME ARG: RUNS cold runs each, alternately
  local b=() a=()
  for _ in $(seq 1 "$runs"); do
    b+=("$(opened "$old" "$1" "$2")")
    a+=("$(opened "$new" "$1" "$2")")
  done
  printf '%-9s before %s ms (drawn/seen)\n%-9s after  %s ms (drawn/seen)\n' "$1" "${b[*]}" "$1" "${a[*]}"
}
both() {  # both ARGS...: serves the graph from both homes, each page made once before timing
  serve old "$before" "$@" >/dev/null
  serve new "$here" "$@" >/dev/null
  curl -s "$old/pictures" -o /dev/null
  curl -s "$new/pictures" -o /dev/null
}

echo "== seed"
both
compare map "Xicheng District"
compare matrix "People's Government of Beijing Municipality"
compare tree -
compare typology "Xicheng District"
stop_servers

echo "== generated graph, $triples triples"
generate "$triples"
both --data "$work/corpus.nt" "$work/zh.nt"
compare map "Haidian District"
compare matrix "State Council"
stop_servers
