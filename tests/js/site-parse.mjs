// Parses every data file of a static site that `policykg publish --site` wrote, with readers
// independent of policykg: Turtle and N-Triples with N3.js, JSON-LD with jsonld.js (no remote
// context is ever fetched). For each resource (id/X.ttl, .nt, .jsonld) the three must hold the
// same triples. Prints one JSON line {files, triples, resources}; on a failure prints
// "FILE: message" on stderr and exits 1.
// Usage: node site-parse.mjs SITE_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import jsonld from 'jsonld';
import N3 from 'n3';

const root = process.argv[2];
if (!root) {
  console.error('usage: node site-parse.mjs SITE_DIR');
  process.exit(2);
}
const documentLoader = async (url) => {
  throw new Error(`refusing to load remote document ${url}`);
};

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

// A triple as one line; blank nodes as "_:" (their labels differ between writers).
const termText = (t) =>
  t.termType === 'BlankNode' ? '_:' : t.termType === 'Literal' ? JSON.stringify([t.value, t.language, t.datatype.value]) : `<${t.value}>`;
const lines = (quads) => quads.map((q) => `${termText(q.subject)} ${termText(q.predicate)} ${termText(q.object)}`).sort().join('\n');

let files = 0;
let triples = 0;
let failed = false;
const resources = new Map();  // id/X -> {ext: lines}
for (const path of walk(root)) {
  const rel = relative(root, path);
  const ext = rel.slice(rel.lastIndexOf('.') + 1);
  if (!['ttl', 'nt', 'nq', 'jsonld'].includes(ext)) continue;
  const text = readFileSync(path, 'utf8');
  try {
    let quads;
    if (ext === 'jsonld') {
      quads = await jsonld.toRDF(JSON.parse(text), { documentLoader, safe: true });
      quads = quads.map((q) => ({
        subject: q.subject, predicate: q.predicate,
        object: q.object.termType === 'Literal'
          ? { termType: 'Literal', value: q.object.value, language: q.object.language || '', datatype: q.object.datatype }
          : q.object,
      }));
    } else {
      const format = { ttl: 'text/turtle', nt: 'application/n-triples', nq: 'application/n-quads' }[ext];
      quads = new N3.Parser({ format }).parse(text);
    }
    if (quads.length === 0 && text.trim() !== '') throw new Error('no triples in a non-empty file');
    files += 1;
    triples += quads.length;
    if (rel.startsWith('id/') && ext !== 'nq') {
      const key = rel.slice(0, rel.lastIndexOf('.'));
      if (!resources.has(key)) resources.set(key, {});
      resources.get(key)[ext] = lines(quads);
    }
  } catch (e) {
    console.error(`${rel}: ${e.message}`);
    failed = true;
  }
}
for (const [key, parsed] of resources) {
  const exts = Object.keys(parsed);
  if (exts.length !== 3) {
    console.error(`${key}: only ${exts.join(', ')} found`);
    failed = true;
    continue;
  }
  if (parsed.ttl !== parsed.nt || parsed.ttl !== parsed.jsonld) {
    console.error(`${key}: its Turtle, N-Triples and JSON-LD do not hold the same triples`);
    failed = true;
  }
}
console.log(JSON.stringify({ files, triples, resources: resources.size }));
process.exit(failed ? 1 : 0);
