// The Oxigraph side of bench/query/run.sh: the same file and queries, the same measures
// (load, then each query best of 3 after one run). Prints tab-separated lines like query_bench.
import { closeSync, openSync, readFileSync, readSync, readdirSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";

const [data, dir] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
let start = now();
const store = new oxigraph.Store();
// N-Triples in pieces of whole lines: a file over 512 MB is longer than a JavaScript string may
// be (the generated corpus has no blank nodes, whose labels a piece would not share).
{
  const fd = openSync(data, "r");
  const buffer = Buffer.alloc(64 << 20);
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
    const text = rest + decoder.decode(buffer.subarray(0, n), { stream: true });
    const end = text.lastIndexOf("\n") + 1;
    if (end > 0) store.load(text.slice(0, end), { format: "application/n-triples" });
    rest = text.slice(end);
  }
  rest += decoder.decode();
  if (rest.length > 0) store.load(rest, { format: "application/n-triples" });
  closeSync(fd);
}
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
