// Prints the canonical N-Quads (RDF Dataset Canonicalization, URDNA2015) of a JSON-LD or
// N-Triples/N-Quads file, so that two serialisations can be compared as graphs.
// Usage: node canonize.mjs FILE   (format from the extension: .jsonld, .nt, .nq)
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';

const file = process.argv[2];
if (!file) {
  console.error('usage: node canonize.mjs FILE');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
// Never fetch anything: every context must be inline.
const documentLoader = async (url) => {
  throw new Error(`refusing to load remote document ${url}`);
};
try {
  let out;
  if (file.endsWith('.jsonld') || file.endsWith('.json')) {
    out = await jsonld.canonize(JSON.parse(text), { algorithm: 'URDNA2015', format: 'application/n-quads', documentLoader, safe: true });
  } else {
    out = await jsonld.canonize(text, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' });
  }
  process.stdout.write(out);
} catch (e) {
  console.error(`canonize: ${file}: ${e.message}`);
  process.exit(1);
}
