// The query page: YASGUI on this server's /sparql, one tab per example query on a first visit.
// Tabs and their edits are kept in this browser (localStorage, YASGUI's own persistence), so a
// reload keeps them. The endpoint's predefined prefixes (/site.json) are listed on the page, used
// to shorten IRIs in results, and written at the head of every new tab.
(async function () {
  "use strict";
  const endpoint = new URL("/sparql", window.location.href).href;
  document.getElementById("endpoint").textContent = endpoint;

  // Only the completers that work offline: "class" and "property" would ask lov.linkeddata.es.
  const completers = Yasgui.Yasqe.defaults.autocompleters || [];
  Yasgui.Yasqe.defaults.autocompleters = completers.filter((n) => n !== "class" && n !== "property");

  // The instance base this server publishes, so that links in results open its own pages, and
  // the prefixes /sparql knows without PREFIX lines.
  let base = "https://w3id.org/policykg/id/";
  const ontology = "https://w3id.org/policykg/ontology";
  let prefixes = { pol: ontology + "#", id: base };
  try {
    const site = await (await fetch("/site.json")).json();
    base = site.base || base;
    prefixes = site.prefixes || { pol: ontology + "#", id: base };
  } catch (e) {
    console.warn("no /site.json", e);
  }
  const list = document.getElementById("prefix-list");
  if (list) {
    for (const [prefix, iri] of Object.entries(prefixes)) {
      const row = list.insertRow();
      row.insertCell().textContent = prefix + ":";
      row.insertCell().textContent = iri;
    }
  }
  const prologue = Object.entries(prefixes).map(([prefix, iri]) => "PREFIX " + prefix + ": <" + iri + ">").join("\n");
  const newTabQuery = prologue + "\n\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n} LIMIT 10\n";
  document.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a[href]");
    if (!a) return;
    const href = a.getAttribute("href");
    let local = null;
    if (href.startsWith(base)) local = "/id/" + href.slice(base.length);
    else if (href.startsWith(ontology)) local = "/ontology" + href.slice(ontology.length);
    if (local === null) return;
    event.preventDefault();
    window.location.href = local;
  }, true);

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    persistenceId: "policykg-query",
    autoAddOnInit: false,
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    yasqe: { value: newTabQuery },
    yasr: { prefixes: prefixes },
  });
  window.policykgYasgui = yasgui;
  // YASGUI saves a tab's query when the editor loses focus or runs it; a reload with the cursor
  // still in the editor would lose the last edits, so every open editor is saved on the way out.
  window.addEventListener("pagehide", () => {
    for (const id of yasgui.persistentConfig.getTabs()) {
      const tab = yasgui.getTab(id);
      const editor = tab && tab.getYasqe();
      if (editor) tab.setQuery(editor.getValue());
    }
  });
  if (yasgui.persistentConfig.getTabs().length > 0) {
    // A returning visitor: the tabs as they were left.
    document.body.dataset.ready = "true";
    return;
  }

  let examples = [];
  try {
    const response = await fetch("/examples/queries.json");
    if (response.ok) examples = await response.json();
  } catch (e) {
    console.warn("no example queries", e);
  }
  if (examples.length === 0) {
    examples = [{
      name: "classes",
      query: "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)",
    }];
  }
  examples.forEach((example, i) => {
    yasgui.addTab(i === 0, {
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
  });
  document.body.dataset.ready = "true";
})();
