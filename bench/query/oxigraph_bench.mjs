// The Oxigraph side of bench/query/run.sh: the same file and queries, the same measures
// (load, then each query best of 3 after one run). Prints tab-separated lines like query_bench.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";

const [data, dir] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
let start = now();
const store = new oxigraph.Store();
store.load(readFileSync(data, "utf8"), { format: "application/n-triples" });
console.log(`load\t${now() - start}\t${store.size}`);
for (const file of readdirSync(dir).filter((f) => f.endsWith(".rq")).sort()) {
  const text = readFileSync(join(dir, file), "utf8");
  let best = Infinity, size = 0;
  for (let i = 0; i < 4; i++) {
    start = now();
    const r = store.query(text);
    const t = now() - start;
    size = Array.isArray(r) ? r.length : 1;
    if (i > 0) best = Math.min(best, t);
  }
  console.log(`${file.replace(/\.rq$/, "")}\t${best}\t${size}`);
}
