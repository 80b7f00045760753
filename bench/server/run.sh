#!/usr/bin/env bash
# Benchmarks `policykg serve` with wrk (Debian package, scripts/install-deps) on loopback:
# requests per second and latency percentiles for a cheap SPARQL query, a resource page and the
# ontology page. Usage: bench/server/run.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# Serves the graph built from data/documents/ unless POLICYKG_BENCH_DATA names an RDF file.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/dev}
seconds=${2:-10}
connections=${3:-16}
port=${POLICYKG_BENCH_PORT:-18473}
log=$(mktemp)
data=()
[ -n "${POLICYKG_BENCH_DATA:-}" ] && data=(--data "$POLICYKG_BENCH_DATA")

POLICYKG_HOME=$here "$build/cli/policykg" serve --port "$port" "${data[@]}" 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 600); do grep -q "serving" "$log" && break; sleep 0.1; done
grep "serving" "$log"

origin=http://127.0.0.1:$port
cheap='SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology#Agency> } LIMIT 5'
encoded=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$cheap")
measure=$(curl -s "$origin/sparql?query=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' \
  'SELECT ?m WHERE { ?m a <https://w3id.org/policykg/ontology#Measure> } ORDER BY ?m LIMIT 1')" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).results.bindings[0].m.value.replace("https://w3id.org/policykg/id/","")))')

run() {
  echo "== $1"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2" | grep -E "Requests/sec|^ +(50|75|90|99)%|Non-2xx|Socket errors"
}
run "cheap query (SELECT, 5 agencies)" "$origin/sparql?query=$encoded"
run "resource page (/page/$measure)" "$origin/page/$measure"
run "ontology documentation (/ontology, HTML)" "$origin/ontology.html"
