#!/bin/sh
# policykg's index beside Virtuoso 7 and Oxigraph, in one run, on one generated corpus of TRIPLES
# (bench/query/generate.mjs): the time and peak memory to load or index it, then each query of
# bench/query/queries, its best of 3 after one run, with its number of results. Prints a Markdown
# table.
#   policykg:  `policykg index corpus.nt -o corpus.pkgi`, then `policykg query --data corpus.pkgi`
#              (whole processes: each query opens the index), and each query as one HTTP request
#              to `policykg serve --data corpus.pkgi`, as Virtuoso's;
#   Virtuoso:  a fresh database (scripts/virtuoso, sized by VIRTUOSO_BUFFERS, 8 KB pages), bulk
#              loaded (ld_dir, one rdf_loader_run per core, checkpoint); its peak is the server's
#              VmHWM; each query is one HTTP request to the running server;
#   Oxigraph:  npm `oxigraph` in Node (bench/query/oxigraph_bench.mjs): the file loaded into its
#              in-memory store, each query in the same process; stopped after OXIGRAPH_TIMEOUT
#              seconds (1800). OXIGRAPH=0 skips it.
# Usage: bench/index/compare.sh [TRIPLES]   (default 1000000; needs build/dev's policykg, Debian's
# virtuoso-opensource, and `npm ci` in bench/query)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
graph="https://w3id.org/policykg/bench/graph"
cores=$(nproc)
rm -f "$work/pk-$n.tsv.part"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
# a query's results: CSV rows (after the header), or N-Triples lines for a CONSTRUCT
graph_query() { grep -qi '^ *CONSTRUCT' "$1"; }
results() { if graph_query "$1"; then wc -l < "$2"; else echo $(($(wc -l < "$2") - 1)); fi; }
# Each query as an HTTP request to the SPARQL endpoint URL (with the curl options after it), best
# of 3 after one; lines "name<TAB>seconds<TAB>results" into FILE.
http_queries() {
  url=$1 file=$2
  shift 2
  rm -f "$file.part"
  for q in "$root"/bench/query/queries/*.rq; do
    name=$(basename "$q" .rq)
    accept=text/csv
    graph_query "$q" && accept=application/n-triples
    best="" rows="error"
    for i in 0 1 2 3; do
      start=$(now)
      if curl -sf "$url" -H "Accept: $accept" "$@" --data-urlencode "query@$q" -o "$work/answer.txt"; then
        t=$(since "$start")
        rows=$(results "$q" "$work/answer.txt")
        [ "$i" = 0 ] || best=$(min "$t" "$best")
      fi
    done
    echo "$name	${best:-–}	$rows" >> "$file.part"
  done
  mv "$file.part" "$file"
}

# ---- policykg
measure "$policykg" index "$data" -o "$index"
pk_load=$wall pk_rss=$rss
for q in "$root"/bench/query/queries/*.rq; do
  name=$(basename "$q" .rq)
  format=csv
  graph_query "$q" && format=ntriples
  measure "$policykg" query "$q" --data "$index" --format "$format"
  best=""
  for _ in 1 2 3; do
    measure "$policykg" query "$q" --data "$index" --format "$format"
    best=$(min "$wall" "$best")
  done
  echo "$name	$best	$(results "$q" "$work/out.txt")	$rss" >> "$work/pk-$n.tsv.part"
done
mv "$work/pk-$n.tsv.part" "$work/pk-$n.tsv"
"$policykg" serve --data "$index" --port 0 --max-rows 0 --timeout 0 2> "$work/serve.log" &
serve=$!
until grep -q "serving" "$work/serve.log"; do
  kill -0 "$serve" 2> /dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.05
done
http_queries "$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$work/serve.log" | head -1)sparql" "$work/ps-$n.tsv"
s_rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$serve/status")
kill "$serve"
wait "$serve" || true

# ---- Virtuoso
vdir="$work/virtuoso-$n"
"$root/scripts/virtuoso" stop "$vdir"
trap '"$root/scripts/virtuoso" stop "$vdir"' EXIT
VIRTUOSO_BUFFERS=${VIRTUOSO_BUFFERS:-170000} VIRTUOSO_DIRTY_BUFFERS=${VIRTUOSO_DIRTY_BUFFERS:-130000} \
  VIRTUOSO_DIRS="$work" "$root/scripts/virtuoso" start "$vdir" > /dev/null
. "$vdir/env"
port=$(cat "$vdir/sql-port")
password=$(awk '$1 == "password" { print $2 }' "$vdir/netrc")
server=$(pgrep -f -- "virtuoso-t [+]configfile $vdir/virtuoso[.]ini")
isql() { isql-vt "127.0.0.1:$port" dba "$password" exec="$1" > /dev/null; }
start=$(now)
isql "ld_dir('$work', 'corpus-$n.nt', '$graph');"
i=0
while [ "$i" -lt "$cores" ]; do isql "rdf_loader_run();" & i=$((i + 1)); done
wait
isql "checkpoint;"
v_load=$(since "$start")
v_rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
v_errors=$(isql-vt "127.0.0.1:$port" dba "$password" exec="SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;" | awk '/^[0-9]+$/ { print; exit }')
[ "${v_errors:-0}" = 0 ] || echo "Virtuoso: the bulk load failed ($v_errors files); see DB.DBA.LOAD_LIST" >&2
http_queries "$POLICYKG_TEST_VIRTUOSO/sparql" "$work/v-$n.tsv" --data-urlencode "default-graph-uri=$graph"
v_rss_end=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
"$root/scripts/virtuoso" stop "$vdir"
trap - EXIT

# ---- Oxigraph
ox_load="–" ox_rss="–"
: > "$work/ox-$n.tsv"
if [ "${OXIGRAPH:-1}" != 0 ]; then
  [ -d "$root/bench/query/node_modules/oxigraph" ] || (cd "$root/bench/query" && npm ci --silent)
  if measure timeout "${OXIGRAPH_TIMEOUT:-1800}" node "$root/bench/query/oxigraph_bench.mjs" "$data" "$root/bench/query/queries"; then
    cp "$work/out.txt" "$work/ox-$n.tsv"
    ox_load=$(awk -F '\t' '$1 == "load" { printf "%.2f", $2 / 1000 }' "$work/ox-$n.tsv")
    ox_rss=$rss
  else
    ox_load="failed: $(grep -m1 -io 'out of memory\|heap limit\|Cannot create a string longer' "$work/time.txt" ||
      { grep -q 'status 124' "$work/time.txt" && echo "not loaded in ${OXIGRAPH_TIMEOUT:-1800} s"; } || echo 'see its error')"
  fi
fi

echo "### $n triples ($(wc -l < "$data") lines of N-Triples, $(wc -c < "$data") bytes; $cores cores)"
echo
echo "| load | policykg: \`index\` | Virtuoso 7: bulk load | Oxigraph (npm): load |"
echo "|---|---|---|---|"
echo "| wall s | $pk_load | $v_load | $ox_load |"
echo "| peak RSS MB | $pk_rss | $v_rss | $ox_rss |"
echo
echo "| query | policykg \`query\` s (whole process), peak MB | policykg \`serve\` s (HTTP) | Virtuoso s (HTTP) | Oxigraph s (in process) | results: policykg / serve / Virtuoso / Oxigraph |"
echo "|---|---|---|---|---|---|"
awk -F '\t' '
  FILENAME ~ /\/v-/ { v[$1] = $2; vn[$1] = $3; next }
  FILENAME ~ /\/ps-/ { s[$1] = $2; sn[$1] = $3; next }
  FILENAME ~ /\/ox-/ { if ($1 != "load") { o[$1] = sprintf("%.3f", $2 / 1000); on[$1] = $3 }; next }
  { printf "| %s | %s, %s | %s | %s | %s | %s / %s / %s / %s |\n", $1, $2, $4, s[$1], v[$1], ($1 in o) ? o[$1] : "–", $3, sn[$1], vn[$1], ($1 in on) ? on[$1] : "–" }
' "$work/v-$n.tsv" "$work/ps-$n.tsv" "$work/ox-$n.tsv" "$work/pk-$n.tsv"
echo
echo "Peak RSS while querying: \`serve\` $s_rss MB (after all its queries), Virtuoso $v_rss_end MB; the index file: $(($(wc -c < "$index") / 1048576)) MB."
