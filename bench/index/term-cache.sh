#!/bin/sh
# `policykg serve`'s cache of decoded terms, as a crawler pages through every triple of a generated
# corpus of TRIPLES (bench/query/generate.mjs, indexed once): ten requests of
# `SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT L OFFSET k·L` (L = TRIPLES / 10, CSV), one server per
# --term-cache value. Prints, for each, the server's anonymous resident memory (RssAnon, MiB) after
# each request, its peak (VmHWM, which also counts the mapped file's pages) and the wall time.
# Usage: bench/index/term-cache.sh [TRIPLES] [CACHE_MIB...]   (defaults 1000000, as compare.sh;
# 0 128 32)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ $# -gt 0 ] && shift
[ -f "$index" ] || "$policykg" index "$data" -o "$index" > /dev/null
page=$((n / 10))
caches=${*:-0 128 32}
for cache in $caches; do
  "$policykg" serve --data "$index" --port 0 --max-rows 0 --timeout 0 --term-cache "$cache" 2> "$work/serve.log" &
  pid=$!
  until grep -q serving "$work/serve.log"; do
    kill -0 "$pid" 2> /dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  url="$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$work/serve.log" | head -1)sparql"
  mib() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
  line="| $cache |"
  start=$(date +%s.%N)
  for k in 0 1 2 3 4 5 6 7 8 9; do
    curl -sf "$url" -H "Accept: text/csv" -o /dev/null \
      --data-urlencode "query=SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT $page OFFSET $((k * page))"
    line="$line $(mib RssAnon)"
  done
  echo "$line | $(mib VmHWM) | $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') |"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
done
