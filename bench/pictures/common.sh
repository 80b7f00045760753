# Sourced by bench/pictures/run.sh and compare.sh (which set $here, the checkout, $build, the build
# folder, and $work, a scratch folder): servers, one timed opening of a picture, and the
# generated graph. `stop_servers` stops every server started.
pids=()
serve() {  # serve VAR HOME ARGS...: starts `policykg serve` on HOME's data/ and web/, sets $VAR to its origin
  local var=$1 home=$2 log=$work/$1.log
  shift 2
  POLICYKG_HOME=$home "$build/cli/policykg" serve --port 0 "$@" 2>"$log" &
  pids+=($!)
  for _ in $(seq 1 600); do grep -q "serving" "$log" && break; sleep 0.1; done
  grep "serving" "$log"
  printf -v "$var" '%s' "$(grep -o 'http://[^ ]*:[0-9]*' "$log" | head -1)"
}
stop_servers() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  pids=()
}
opened() {  # opened ORIGIN PICTURE ARG [--warm | --return]: prints drawn/seen in ms (tests/js/pictures-page.mjs)
  node "$here/tests/js/pictures-page.mjs" "$1" "$2" "$3" --no-click "${@:4}" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
      if(r.errors.length)console.error(r.errors);process.stdout.write(r.ms+"/"+r.seen)})'
}
generate() {  # generate TRIPLES: $work/corpus.nt (bench/query/generate.mjs) and $work/zh.nt (the districts' Chinese names)
  node "$here/bench/query/generate.mjs" "$1" >"$work/corpus.nt"
  node "$here/bench/pictures/zh-labels.mjs" "$work/corpus.nt" >"$work/zh.nt"
}
