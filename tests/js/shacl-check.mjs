// Validates RDF data against SHACL shapes with rdf-validate-shacl, an engine independent of
// policykg, and prints the outcome as JSON for tests/validate/ to compare with its own.
//
//   node shacl-check.mjs --shapes SHAPES.ttl [--shapes MORE.ttl] --data DATA.ttl [--data MORE.ttl]
//
// Prints {"conforms": bool, "results": n, "violations": [{"focus", "path", "constraint",
// "severity", "value"}]}, sorted. IRIs are written in full, blank nodes as "_:label", a path as its
// predicate IRI or "^IRI" for an inverse path. Exit status 0 whatever the outcome, 2 on bad input.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import datasetFactory from '@rdfjs/dataset';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';

function parseArgs(argv) {
  const files = { shapes: [], data: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in files) || i + 1 >= argv.length) throw new Error(`usage: --shapes FILE... --data FILE... (at '${argv[i]}')`);
    files[key].push(argv[i + 1]);
  }
  if (files.shapes.length === 0 || files.data.length === 0) throw new Error('need at least one --shapes and one --data file');
  return files;
}

function load(paths) {
  const dataset = datasetFactory.dataset();
  paths.forEach((path, n) => {
    // A distinct blank-node prefix per file keeps blank nodes of different files apart.
    const parser = new Parser({ baseIRI: `file://${path}`, blankNodePrefix: `f${n}_` });
    for (const quad of parser.parse(readFileSync(path, 'utf8'))) dataset.add(quad);
  });
  return dataset;
}

function termKey(term) {
  if (!term) return null;
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const text = JSON.stringify(term.value);
    if (term.language) return `${text}@${term.language}`;
    return `${text}^^<${term.datatype.value}>`;
  }
  return term.value;
}

// The path of a result as policykg writes it in JSON: an IRI, or "^IRI" for an inverse path.
function pathKey(term, report) {
  if (!term) return null;
  if (term.termType === 'NamedNode') return term.value;
  for (const dataset of [report, shapes]) {
    for (const q of dataset.match(term, null, null)) {
      if (q.predicate.value === `${SH}inversePath` && q.object.termType === 'NamedNode') return `^${q.object.value}`;
    }
  }
  return termKey(term);
}

let shapes;
try {
  const files = parseArgs(process.argv.slice(2));
  shapes = load(files.shapes);
  const data = load(files.data);
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(data);
  const violations = report.results.map((r) => ({
    focus: termKey(r.focusNode),
    path: pathKey(r.path, report.dataset),
    constraint: r.sourceConstraintComponent ? r.sourceConstraintComponent.value : null,
    severity: r.severity ? r.severity.value.replace(SH, '') : null,
    value: termKey(r.value),
  }));
  const key = (v) => JSON.stringify([v.focus, v.path, v.constraint, v.value]);
  violations.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  process.stdout.write(`${JSON.stringify({ conforms: report.conforms, results: violations.length, violations })}\n`);
} catch (error) {
  process.stderr.write(`shacl-check: ${error.message}\n`);
  process.exit(2);
}
