#!/usr/bin/env bash
# Times the pictures of the plan in headless Chromium (tests/js/pictures-page.mjs): from asking
# for /pictures#PICTURE to two animation frames after the picture is set up, timed by the page
# (drawn) and counted from when the script driving the browser learnt the picture was set up
# (seen: its round trips to the browser included), printed drawn/seen, each RUNS times (the
# first run includes the server computing the pictures' data, once per process), cold (the page is
# the fresh browser's first), warm (the browser has opened the server's index page first) and
# return (the browser has shown the pictures once before, then the index page).
# 1. the seed (data/documents/): map, matrix, tree, typology;
# 2. a generated plan-shaped graph of TRIPLES triples (bench/query/generate.mjs, with the
#    districts' Chinese names from data/gazetteer by bench/pictures/zh-labels.mjs): map, matrix.
# Usage: bench/pictures/run.sh [BUILD_DIR] [TRIPLES] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/dev}
triples=${2:-100000}
runs=${3:-3}
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

serve() {  # serve ARGS...: starts the server, sets $origin
  POLICYKG_HOME=$here "$build/cli/policykg" serve --port 0 "$@" 2>"$work/serve.log" &
  pid=$!
  for _ in $(seq 1 600); do grep -q "serving" "$work/serve.log" && break; sleep 0.1; done
  origin=$(grep -o 'http://[^ ]*:[0-9]*' "$work/serve.log" | head -1)
  grep "serving" "$work/serve.log"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
time_picture() {  # time_picture NAME ARG: cold, warm and return
  local mode times
  for mode in cold warm return; do
    times=()
    for _ in $(seq 1 "$runs"); do
      times+=("$(node "$here/tests/js/pictures-page.mjs" "$origin" "$1" "$2" --no-click $([ $mode != cold ] && echo "--$mode") |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
          if(r.errors.length)console.error(r.errors);process.stdout.write(r.ms+"/"+r.seen)})')")
    done
    printf '%-9s %-6s %s ms (drawn/seen)\n' "$1" "$mode" "${times[*]}"
  done
}

echo "== seed"
serve
time_picture map "Xicheng District"
time_picture matrix "People's Government of Beijing Municipality"
time_picture tree -
time_picture typology "Xicheng District"
stop

echo "== generated graph, $triples triples"
node "$here/bench/query/generate.mjs" "$triples" >"$work/corpus.nt"
node "$here/bench/pictures/zh-labels.mjs" "$work/corpus.nt" >"$work/zh.nt"
serve --data "$work/corpus.nt" "$work/zh.nt"
curl -s "$origin/pictures" -o "$work/pictures.html"
stop
printf 'page: %s bytes\n' "$(wc -c <"$work/pictures.html")"
serve --data "$work/corpus.nt" "$work/zh.nt"
time_picture map "Haidian District"
time_picture matrix "State Council"
stop
