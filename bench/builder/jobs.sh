#!/usr/bin/env bash
# jobs.sh BUILD_DIR [DOCUMENTS] [RUNS] [FORMAT]: `policykg build` of a generated corpus of DOCUMENTS
# (default 10000) documents shaped like the seed, with -j 1 and -j 2 alternately RUNS times (default
# 2), writing FORMAT (default nt) to a file. Prints, a run a line, wall and CPU seconds, MB/s and
# documents/s of input, peak RSS; then the best speed-up, and whether every output is
# byte-identical to the first (by sha256: each output is removed as soon as it is read, and dirty
# pages are written back (`sync`) before each run, so that no run pays for an earlier one's file
# in the page cache). The corpus and outputs go to $TMPDIR (default /tmp) and are removed at the
# end. Needs builder_bench and policykg built in BUILD_DIR. Asserts nothing but the digests.
# With BEFORE=DIR in the environment, each run also builds with DIR/cli/policykg (an older tree's
# build, with its own data/ through DIR/..), right before this tree's, for a side-by-side figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: jobs.sh BUILD_DIR [DOCUMENTS] [RUNS] [FORMAT]}
documents=${2:-10000}
runs=${3:-2}
format=${4:-nt}
export POLICYKG_HOME=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/policykg-jobs.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$build/bench/builder/builder_bench" --write "$work/corpus" "$documents" >/dev/null
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $documents documents, $((bytes / 1000000)) MB; output .$format; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A best
first=
# run TREE J: one build of the corpus with TREE's policykg on J threads; prints its line, keeps the
# best wall time per tree and J, and checks its output against the first run's.
run() {
  local tree=$1 j=$2 label=
  [ "$1" != "$build" ] && label="before: "
  local out="$work/out.$format"
  sync
  POLICYKG_HOME=$(cd "$tree/../.." && pwd) /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "$tree/cli/policykg" build "$work/corpus" -j "$j" -o "$out" --quiet
  read -r wall user sys rss < "$work/time"
  awk -v l="$label" -v j="$j" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v d="$documents" \
    -v o="$(stat -c %s "$out")" \
    'BEGIN { printf "%s-j %s  wall %6.2f s  CPU %6.2f s  %5.1f MB/s  %6.0f documents/s  peak RSS %5.0f MB  output %5.0f MB\n",
             l, j, w, u + s, b / 1e6 / w, d / w, r / 1024, o / 1e6 }'
  local key="$label$j"
  if [ -z "${best[$key]:-}" ] || awk -v a="$wall" -v b="${best[$key]}" 'BEGIN { exit !(a < b) }'; then best[$key]=$wall; fi
  local digest
  digest=$(sha256sum < "$out" | cut -d' ' -f1)
  rm "$out"
  if [ -n "$first" ]; then
    [ "$digest" = "$first" ] || { echo "${label}output of -j $j differs from the first run's" >&2; exit 1; }
  else
    first=$digest
  fi
}
for _ in $(seq 1 "$runs"); do
  for j in 1 2; do
    [ -n "${BEFORE:-}" ] && run "$BEFORE" "$j"
    run "$build" "$j"
  done
done
[ -n "${BEFORE:-}" ] && awk -v a="${best[before: 1]}" -v b="${best[before: 2]}" \
  'BEGIN { printf "before: speed-up (best -j 1 / best -j 2): %.2fx\n", a / b }'
awk -v a="${best[1]}" -v b="${best[2]}" 'BEGIN { printf "speed-up (best -j 1 / best -j 2): %.2fx; every output byte-identical\n", a / b }'
