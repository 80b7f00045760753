// Reads a Cytoscape.js JSON export with the Cytoscape.js library itself (headless, the version
// web/package-lock.json pins for the graph page) and prints what it holds as JSON:
// {"nodes": N, "edges": M, "labels": {id: label}, "edgeIds": [...], "data": {id: data}}.
// Usage: node cytoscape-read.mjs FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.argv[2];
if (!file) {
  console.error('usage: node cytoscape-read.mjs FILE');
  process.exit(2);
}
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const cytoscape = require('cytoscape');
try {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: doc.elements });
  const labels = {}, data = {};
  cy.nodes().forEach((n) => { labels[n.id()] = n.data('label'); data[n.id()] = n.data(); });
  const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(),
                                          label: e.data('label'), predicate: e.data('predicate') }));
  process.stdout.write(JSON.stringify({ nodes: cy.nodes().length, edges: cy.edges().length, labels, data,
                                        edgeList: edges, graph: doc.data }));
} catch (e) {
  console.error(`cytoscape-read: ${file}: ${e.message}`);
  process.exit(1);
}
