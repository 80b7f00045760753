// The graph page: draws the Cytoscape.js JSON in #graph-data with class colours, a legend, ranked
// search by names and text, a details panel with a node's text and its place in the
// source, and neighbourhood highlighting. Everything it needs is inlined in the page.
(function () {
  'use strict';
  var doc = JSON.parse(document.getElementById('graph-data').textContent);
  var schema = (doc.data && doc.data.attributes) || {};
  var POL = 'https://w3id.org/policykg/ontology#';
  var RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
  var SKOS = 'http://www.w3.org/2004/02/skos/core#';
  var DCT = 'http://purl.org/dc/terms/';

  // Attribute names are chosen per graph; find them by predicate IRI.
  function attributeName(predicate) {
    for (var name in schema) if (schema[name].predicate === predicate) return name;
    return null;
  }
  var TEXT = attributeName(POL + 'text');
  var START = attributeName(POL + 'sourceStart');
  var END = attributeName(POL + 'sourceEnd');
  var ALT = attributeName(SKOS + 'altLabel');
  var IDENT = attributeName(DCT + 'identifier');

  if (typeof cytoscapeFcose !== 'undefined') cytoscape.use(cytoscapeFcose);

  var nodeCount = doc.elements.nodes.length;
  var big = nodeCount > 1500;
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: doc.elements,
    wheelSensitivity: 0.3,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    minZoom: 0.02,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', 'label': 'data(label)', 'font-size': 9,
        'text-valign': 'bottom', 'text-margin-y': 2, 'text-max-width': 120, 'text-wrap': 'ellipsis',
        'width': 14, 'height': 14, 'border-width': 1, 'border-color': '#666',
        'min-zoomed-font-size': 7 } },
      { selector: 'edge', style: {
        'width': 1, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6, 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 7,
        'color': '#777', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 9 } },
      { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0 } },
      { selector: '.hidden', style: { 'display': 'none' } },
      { selector: 'node.match', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000', 'width': 20, 'height': 20 } },
      { selector: 'edge.near', style: { 'line-color': '#555', 'target-arrow-color': '#555', 'width': 2 } }
    ]
  });

  // A seeded random source while the layout runs, so that the same graph is drawn the same way.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function layoutOptions() {
    if (nodeCount === 0) return { name: 'grid' };
    if (typeof cytoscapeFcose !== 'undefined' && nodeCount <= 5000) {
      return { name: 'fcose', quality: nodeCount > 800 ? 'draft' : 'default', randomize: true,
               animate: false, numIter: nodeCount > 2000 ? 1000 : 2500, nodeRepulsion: 6000,
               idealEdgeLength: 60, nodeSeparation: 60, packComponents: true };
    }
    return { name: 'grid', avoidOverlap: true };
  }
  var random = Math.random;
  Math.random = seeded(20190131);
  try {
    cy.layout(layoutOptions()).run();
  } finally {
    Math.random = random;
  }

  // Counts and legend.
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  var counts = document.getElementById('counts');
  counts.textContent = plural(cy.nodes().length, 'node') + ', ' + plural(cy.edges().length, 'edge');
  counts.dataset.nodes = cy.nodes().length;
  counts.dataset.edges = cy.edges().length;

  var legend = document.getElementById('legend');
  // Untyped resources last.
  var classes = (doc.data.classes || []).slice().sort(function (a, b) {
    return (a['class'] === '') - (b['class'] === '') || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  });
  classes.forEach(function (c) {
    var members = cy.nodes().filter(function (n) { return n.data('class') === c['class']; });
    var li = document.createElement('li');
    li.title = (c['class'] || 'no rdf:type') + ': click to hide or show';
    li.setAttribute('role', 'button');
    li.setAttribute('aria-pressed', 'false');
    var swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = c.color;
    var name = document.createElement('span');
    name.textContent = c.label;
    var n = document.createElement('span');
    n.className = 'n';
    n.textContent = members.length;
    li.append(swatch, name, n);
    li.addEventListener('click', function () {
      var off = li.classList.toggle('off');
      li.setAttribute('aria-pressed', String(off));
      members.toggleClass('hidden', off);
    });
    legend.appendChild(li);
  });

  // Details of one node.
  var details = document.getElementById('details');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function values(v) { return Array.isArray(v) ? v : [v]; }
  function nodeLink(node) {
    var a = el('a', null, node.data('label'));
    a.addEventListener('click', function () { focus(node); });
    return a;
  }
  // The chain of dcterms:isPartOf parents up to a document, as far as the graph holds it.
  function partOfChain(node) {
    var chain = [], seen = {}, at = node;
    while (at && !seen[at.id()]) {
      seen[at.id()] = true;
      var up = at.outgoers('edge').filter(function (e) { return e.data('predicate') === DCT + 'isPartOf'; });
      at = up.length ? up[0].target() : null;
      if (at) chain.push(at);
    }
    return chain;
  }
  function showDetails(node) {
    details.replaceChildren();
    var d = node.data();
    details.appendChild(el('h3', null, d.label));
    var cls = el('span', 'cls', d.classLabel);
    cls.style.background = d.color;
    details.appendChild(cls);
    details.appendChild(el('div', 'iri', d.id));
    if (TEXT && d[TEXT] !== undefined) details.appendChild(el('div', 'text', values(d[TEXT]).join('\n')));
    var chain = partOfChain(node);
    var sourceDoc = node.outgoers('edge').filter(function (e) { return e.data('predicate') === POL + 'sourceDocument'; });
    // The document is named once: as the source when the offsets refer to it.
    if (sourceDoc.length && START && d[START] !== undefined)
      chain = chain.filter(function (n) { return n.id() !== sourceDoc[0].target().id(); });
    if ((START && d[START] !== undefined) || chain.length) {
      var p = el('p', 'source');
      var where = 'Source: ';
      if (START && d[START] !== undefined) {
        where += 'characters ' + d[START] + '–' + (END ? d[END] : '?') + ' of ';
        p.appendChild(document.createTextNode(where));
        if (sourceDoc.length) p.appendChild(nodeLink(sourceDoc[0].target()));
        else p.appendChild(document.createTextNode('the text'));
      } else {
        p.appendChild(document.createTextNode(where));
      }
      chain.forEach(function (n, i) {
        p.appendChild(document.createTextNode(i === 0 ? (where.length > 8 ? ', in ' : 'in ') : ' › '));
        p.appendChild(nodeLink(n));
      });
      details.appendChild(p);
    }
    var table = el('table');
    Object.keys(schema).forEach(function (name) {
      if (name === TEXT || d[name] === undefined) return;
      var tr = el('tr');
      tr.appendChild(el('td', null, name));
      tr.appendChild(el('td', null, values(d[name]).join('; ')));
      table.appendChild(tr);
    });
    if (table.children.length) details.appendChild(table);
    function links(title, edges, other) {
      if (!edges.length) return;
      details.appendChild(el('h2', null, title));
      var ul = el('ul', 'links');
      edges.forEach(function (e) {
        var li = el('li');
        li.appendChild(document.createTextNode(e.data('label') + ' '));
        li.appendChild(nodeLink(other(e)));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    links('Links out', node.outgoers('edge'), function (e) { return e.target(); });
    links('Links in', node.incomers('edge'), function (e) { return e.source(); });
  }

  // Neighbourhood highlighting.
  function highlight(node) {
    cy.batch(function () {
      cy.elements().removeClass('faded near');
      var near = node.closedNeighborhood();
      cy.elements().not(near).addClass('faded');
      near.edges().addClass('near');
    });
  }
  function clear() {
    cy.batch(function () { cy.elements().removeClass('faded near'); });
    cy.nodes().unselect();
  }
  function focus(node) {
    cy.nodes().unselect();
    node.select();
    highlight(node);
    showDetails(node);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  }
  cy.on('tap', 'node', function (evt) { focus(evt.target); });
  cy.on('tap', function (evt) { if (evt.target === cy) clear(); });

  // Search: names (label, alternative labels, identifier) and, for units, their text. Words are
  // runs of letters and digits, so no-break and doubled spaces, hyphens and quotes never hide a
  // match. Ranked: a name equal to the query; a name holding it; every word in a name; the words
  // side by side in the text; every word in the text; then by how many words are found.
  function fold(s) { return String(s).toLowerCase().replace(/\s+/g, ' ').trim(); }
  function words(s) { return String(s).toLowerCase().split(/[^0-9a-z\u00c0-\u024f\u0370-\u052f]+/).filter(Boolean); }
  var searchable = cy.nodes().map(function (n) {
    var names = [n.data('label')];
    if (ALT && n.data(ALT) !== undefined) names = names.concat(values(n.data(ALT)));
    if (IDENT && n.data(IDENT) !== undefined) names = names.concat(values(n.data(IDENT)));
    var text = TEXT && n.data(TEXT) !== undefined ? values(n.data(TEXT)).join(' ') : '';
    return { node: n, names: names.map(fold), nameWords: words(names.join(' ')), text: ' ' + words(text).join(' ') + ' ' };
  });
  function has(list, w) { return list.some(function (x) { return x === w || (w.length >= 3 && x.indexOf(w) === 0); }); }
  function search(query) {
    var q = fold(query), qw = words(query);
    if (!q) return [];
    var ranked = [];
    searchable.forEach(function (s) {
      var rank = 0;
      var inText = qw.filter(function (w) { return s.text.indexOf(' ' + w) >= 0; }).length;
      if (s.names.indexOf(q) >= 0) rank = 6;
      else if (s.names.some(function (name) { return name.indexOf(q) >= 0; })) rank = 5;
      else if (qw.length && qw.every(function (w) { return has(s.nameWords, w); })) rank = 4;
      else if (qw.length > 1 && s.text.indexOf(' ' + qw.join(' ') + ' ') >= 0) rank = 3;
      else if (qw.length && inText === qw.length) rank = 2;
      else if (inText > 0) rank = 1;
      if (rank) ranked.push({ node: s.node, rank: rank, found: inText, length: s.names[0].length });
    });
    ranked.sort(function (a, b) { return b.rank - a.rank || b.found - a.found || a.length - b.length; });
    return ranked.map(function (r) { return r.node; });
  }
  var input = document.getElementById('search');
  var resultsBox = document.getElementById('results-box');
  var results = document.getElementById('results');
  var found = [];
  input.addEventListener('input', function () {
    found = search(input.value);
    cy.nodes().removeClass('match');
    results.replaceChildren();
    resultsBox.hidden = input.value.trim() === '';
    found.forEach(function (n) { n.addClass('match'); });
    found.slice(0, 100).forEach(function (n) {
      var li = el('li', null, n.data('label'));
      li.title = n.data('classLabel') + ' · ' + n.id();
      li.dataset.id = n.id();
      li.addEventListener('click', function () { focus(n); });
      results.appendChild(li);
    });
    if (input.value.trim() && !found.length) results.appendChild(el('li', 'hint', 'no match'));
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && found.length) focus(found[0]);
    if (e.key === 'Escape') { input.value = ''; input.dispatchEvent(new Event('input')); clear(); }
  });

  // For tests and the browser console.
  window.policykgGraph = { cy: cy, search: function (q) { return search(q).map(function (n) { return n.id(); }); }, focus: function (id) { focus(cy.getElementById(id)); } };
  document.body.dataset.ready = 'true';
})();
