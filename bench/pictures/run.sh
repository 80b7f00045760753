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
source "$here/bench/pictures/common.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

time_picture() {  # time_picture NAME ARG: cold, warm and return
  local mode times
  for mode in cold warm return; do
    times=()
    for _ in $(seq 1 "$runs"); do
      times+=("$(opened "$origin" "$1" "$2" $([ $mode != cold ] && echo "--$mode"))")
    done
    printf '%-9s %-6s %s ms (drawn/seen)\n' "$1" "$mode" "${times[*]}"
  done
}

echo "== seed"
serve origin "$here"
time_picture map "Xicheng District"
time_picture matrix "People's Government of Beijing Municipality"
time_picture tree -
time_picture typology "Xicheng District"
stop_servers

echo "== generated graph, $triples triples"
generate "$triples"
serve origin "$here" --data "$work/corpus.nt" "$work/zh.nt"
curl -s "$origin/pictures" -o "$work/pictures.html"
stop_servers
printf 'page: %s bytes\n' "$(wc -c <"$work/pictures.html")"
serve origin "$here" --data "$work/corpus.nt" "$work/zh.nt"
time_picture map "Haidian District"
time_picture matrix "State Council"
stop_servers
