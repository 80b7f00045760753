// The Chinese names (skos:prefLabel@zh) of the districts of a generated corpus, as N-Triples: each
// district of the corpus whose rdfs:label is a district's name in data/gazetteer/districts.json
// gets that entry's name_zh, so that the map of the pictures can match its boundaries.
// Usage: node zh-labels.mjs CORPUS.nt > zh.nt
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const gazetteer = JSON.parse(readFileSync(join(here, '../../data/gazetteer/districts.json'), 'utf8'));
const zh = new Map(gazetteer.entries.filter((e) => e.name_zh).map((e) => [e.name, e.name_zh]));
const label = /^(<[^>]+>) <http:\/\/www\.w3\.org\/2000\/01\/rdf-schema#label> "([^"]*)"@en \.$/;
const districts = new Set();
const lines = readFileSync(process.argv[2], 'utf8').split('\n');
for (const line of lines)
  if (line.endsWith('<https://w3id.org/policykg/ontology#District> .')) districts.add(line.split(' ')[0]);
for (const line of lines) {
  const m = label.exec(line);
  if (m && districts.has(m[1]) && zh.has(m[2]))
    process.stdout.write(`${m[1]} <http://www.w3.org/2004/02/skos/core#prefLabel> "${zh.get(m[2])}"@zh .\n`);
}
