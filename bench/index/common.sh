# Sourced by bench/index/run.sh and compare.sh, with `here` set to this folder and the corpus size
# as $1: the paths, the generated corpus (bench/query/generate.mjs, made once) and measure().
root=$(cd "$here/../.." && pwd)
policykg=${POLICYKG:-$root/build/dev/cli/policykg}
n=${1:-1000000}
work=${TMPDIR:-/tmp}/policykg-index-bench
mkdir -p "$work"
work=$(cd "$work" && pwd)
data="$work/corpus-$n.nt"
index="$work/corpus-$n.pkgi"
[ -f "$data" ] || node "$root/bench/query/generate.mjs" "$n" > "$data"

# Runs a command under /usr/bin/time -v, its output into $work/out.txt: sets wall (seconds), rss
# (peak MB) and cpu (user + system seconds); a failure prints its error and returns 1.
measure() {
  /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || { cat "$work/time.txt" >&2; return 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt" | awk '{ printf "%.0f", $1 / 1024 }')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time.txt")
}
