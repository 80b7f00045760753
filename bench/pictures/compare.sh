#!/usr/bin/env bash
# Times the pictures of the plan as `web/` draws them at revision REV and as the working tree
# draws them, side by side: one binary serves both (two servers, each with its own `web/`), and
# each picture is opened cold (a fresh browser) in one, then the other, RUNS times. A figure is
# `ms` of tests/js/pictures-page.mjs: from asking for /pictures#PICTURE to two animation frames
# after the picture is set up, timed by the page. REV's web/pictures is taken from git and its
# ECharts bundle built by its own build-echarts.mjs; every other file of web/ (and node_modules)
# is the working tree's.
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
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

# $work/before: a POLICYKG_HOME whose web/pictures and ECharts bundle are REV's.
before=$work/before
mkdir -p "$before/web/node_modules/.policykg"
for f in "$here"/*; do [ "$(basename "$f")" = web ] || ln -s "$f" "$before/"; done
for f in "$here"/web/*; do [ "$(basename "$f")" = node_modules ] || [ "$(basename "$f")" = pictures ] || ln -s "$f" "$before/web/"; done
for f in "$here"/web/node_modules/* "$here"/web/node_modules/.bin; do ln -s "$f" "$before/web/node_modules/"; done
git -C "$here" archive "$rev" web/pictures | tar -x -C "$before"
node "$before/web/pictures/build-echarts.mjs"
echo "before: web/pictures of $(git -C "$here" rev-parse --short "$rev"); after: the working tree"

serve() {  # serve VAR HOME ARGS...: starts a server, sets $VAR to its origin once it serves
  local var=$1 home=$2 log=$work/$1.log
  shift 2
  POLICYKG_HOME=$home "$build/cli/policykg" serve --port 0 "$@" 2>"$log" &
  pids+=($!)
  for _ in $(seq 1 600); do grep -q "serving" "$log" && break; sleep 0.1; done
  printf -v "$var" '%s' "$(grep -o 'http://[^ ]*:[0-9]*' "$log" | head -1)"
}
stop() { for p in "${pids[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done; pids=(); }
drawn() {  # drawn ORIGIN PICTURE ARG: ms
  node "$here/tests/js/pictures-page.mjs" "$1" "$2" "$3" --no-click |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
      if(r.errors.length)console.error(r.errors);process.stdout.write(String(r.ms))})'
}
compare() {  # compare NAME ARG: RUNS cold runs each, alternately
  local b=() a=()
  for _ in $(seq 1 "$runs"); do
    b+=("$(drawn "$old" "$1" "$2")")
    a+=("$(drawn "$new" "$1" "$2")")
  done
  printf '%-9s before %s ms\n%-9s after  %s ms\n' "$1" "${b[*]}" "$1" "${a[*]}"
}
both() {  # both ARGS...: serves the graph from both homes, each page made once before timing
  serve old "$before" "$@"
  serve new "$here" "$@"
  curl -s "$old/pictures" -o /dev/null
  curl -s "$new/pictures" -o /dev/null
}

echo "== seed"
both
compare map "Xicheng District"
compare matrix "People's Government of Beijing Municipality"
compare tree -
compare typology "Xicheng District"
stop

echo "== generated graph, $triples triples"
node "$here/bench/query/generate.mjs" "$triples" >"$work/corpus.nt"
node "$here/bench/pictures/zh-labels.mjs" "$work/corpus.nt" >"$work/zh.nt"
both --data "$work/corpus.nt" "$work/zh.nt"
compare map "Haidian District"
compare matrix "State Council"
stop
