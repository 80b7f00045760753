#!/bin/sh
# Query benchmark: policykg's engine and Oxigraph on the same generated corpus and queries.
# Usage: bench/query/run.sh [SIZES...]   (default: 10000 100000; add 1000000 for the large run)
# Needs: cmake --build build/dev --target query_bench; npm ci in bench/query.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bench=${QUERY_BENCH:-$root/build/dev/bench/query/query_bench}
work=${TMPDIR:-/tmp}/policykg-query-bench
mkdir -p "$work"
[ -d "$here/node_modules/oxigraph" ] || (cd "$here" && npm ci --silent)
sizes=${*:-10000 100000}
for n in $sizes; do
  data="$work/corpus-$n.nt"
  [ -f "$data" ] || node "$here/generate.mjs" "$n" > "$data"
  "$bench" "$data" "$here/queries" > "$work/policykg-$n.tsv"
  node "$here/oxigraph_bench.mjs" "$data" "$here/queries" > "$work/oxigraph-$n.tsv"
  echo "### $n triples (generated: $(wc -l < "$data") lines)"
  echo
  echo "| step / query | policykg ms | Oxigraph ms | ratio | results (policykg / Oxigraph) |"
  echo "|---|---|---|---|---|"
  awk -F '\t' 'NR == FNR { ox[$1] = $2; oxn[$1] = $3; next }
    { o = ($1 in ox) ? sprintf("%.1f", ox[$1]) : "–"; r = ($1 in ox && ox[$1] > 0) ? sprintf("%.2f", $2 / ox[$1]) : "–";
      printf "| %s | %.1f | %s | %s | %s / %s |\n", $1, $2, o, r, $3, (($1 in oxn) ? oxn[$1] : "–") }' \
    "$work/oxigraph-$n.tsv" "$work/policykg-$n.tsv"
  echo
done
