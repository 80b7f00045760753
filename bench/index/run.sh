#!/bin/sh
# Index file benchmark (docs/index-format.md), whole processes only: on a generated corpus of
# TRIPLES (bench/query/generate.mjs), the time and peak memory of `policykg index`, the file's
# size, the time to open it (a query that reads one subject), and each query of bench/query/queries
# end to end with --data FILE.pkgi against --data FILE.nt. Prints a Markdown table.
# Usage: bench/index/run.sh [TRIPLES]   (default 1000000; needs: cmake --build build/dev --target policykg)
# QUERIES=07* runs only the queries whose names match (QUERIES=none: none); NT=0 skips the runs on the N-Triples (each
# parses the whole file); POLICYKG=BINARY times another build (an older one, side by side).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

# the best wall time of three runs (and that run's peak RSS)
best3() {
  best=""
  for _ in 1 2 3; do
    measure "$@"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; best_rss=$rss; best_cpu=$cpu; fi
  done
  wall=$best
  rss=$best_rss
  cpu=$best_cpu
}

lines=$(wc -l < "$data")
nt_bytes=$(wc -c < "$data")
measure "$policykg" index "$data" -o "$index"
index_wall=$wall index_rss=$rss index_cpu=$cpu
bytes=$(wc -c < "$index")
echo "### $n triples ($lines lines of N-Triples, $nt_bytes bytes)"
echo
echo "| step | wall s | CPU s (user + sys) | peak RSS MB |"
echo "|---|---|---|---|"
echo "| \`policykg index corpus.nt -o corpus.pkgi\` | $index_wall | $index_cpu | $index_rss |"
echo "| index file: $bytes bytes, $(awk -v b="$bytes" -v n="$lines" 'BEGIN { printf "%.1f", b / n }') bytes a triple | | | |"
measure "$policykg" index --verify "$index"
echo "| \`policykg index --verify corpus.pkgi\` (every checksum) | $wall | $cpu | $rss |"
best3 "$policykg" --version
echo "| \`policykg --version\` (process start, no data) | $wall | $cpu | $rss |"
best3 "$policykg" query -e 'SELECT * WHERE { <https://w3id.org/policykg/id/district/1> ?p ?o }' --data "$index" --format csv
echo "| open: one subject's triples, \`--data corpus.pkgi\` | $wall | $cpu | $rss |"
# serve: from the process's start to its first answer (it checks every section's checksum first),
# the best of three, with the server's peak RSS then.
best=""
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$policykg" serve --data "$index" --port 0 2> "$work/serve.log" &
  pid=$!
  until grep -q "serving" "$work/serve.log"; do
    kill -0 "$pid" 2> /dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.005
  done
  port=$(sed -n 's|.*http://[^:]*:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  curl -sf "http://127.0.0.1:$port/sparql" -H 'Accept: text/csv' \
    --data-urlencode 'query=SELECT * WHERE { <https://w3id.org/policykg/id/district/1> ?p ?o }' > /dev/null
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" || true
  if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; best_rss=$rss; fi
done
echo "| \`policykg serve --data corpus.pkgi\`: start to its first answer (one subject's triples) | $best | | $best_rss |"
echo
echo "| query | --data corpus.nt: wall s | CPU s | peak MB | --data corpus.pkgi: wall s (best of 3) | CPU s | peak MB |"
echo "|---|---|---|---|---|---|---|"
for q in "$root"/bench/query/queries/${QUERIES:-*}.rq; do
  [ -f "$q" ] || continue  # QUERIES matched none
  format=csv
  grep -q CONSTRUCT "$q" && format=ntriples
  nt_wall=- nt_rss=- nt_cpu=-
  if [ "${NT:-1}" != 0 ]; then
    measure "$policykg" query "$q" --data "$data" --format $format
    nt_wall=$wall nt_rss=$rss nt_cpu=$cpu
  fi
  best3 "$policykg" query "$q" --data "$index" --format $format
  echo "| $(basename "$q" .rq) | $nt_wall | $nt_cpu | $nt_rss | $wall | $cpu | $rss |"
done

# The traversals from the index, end to end: each reads only its part of the graph.
echo
echo "| traversal, \`--data corpus.pkgi\` | wall s (best of 3) | CPU s | peak MB |"
echo "|---|---|---|---|"
m=id:doc/0/task/1/initiative/1/measure/5
for args in "responsible $m" "responsible $m --all" "deps $m --reverse" "impact id:doc/0/task/1" \
            "duties id:agency/5 --include-sub" "path $m id:doc/0/task/2/initiative/1/measure/1"; do
  # shellcheck disable=SC2086
  best3 "$policykg" $args --data "$index"
  echo "| \`$args\` | $wall | $cpu | $rss |"
done
