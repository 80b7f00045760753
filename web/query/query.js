// The query page: YASGUI on this server's /sparql, one tab per example query.
(async function () {
  "use strict";
  const endpoint = new URL("/sparql", window.location.href).href;
  document.getElementById("endpoint").textContent = endpoint;

  // Only the completers that work offline: "class" and "property" would ask lov.linkeddata.es.
  const completers = Yasgui.Yasqe.defaults.autocompleters || [];
  Yasgui.Yasqe.defaults.autocompleters = completers.filter((n) => n !== "class" && n !== "property");

  // The instance base this server publishes, so that links in results open its own pages.
  let base = "https://w3id.org/policykg/id/";
  try {
    const site = await (await fetch("/site.json")).json();
    base = site.base || base;
  } catch (e) {
    console.warn("no /site.json", e);
  }
  const ontology = "https://w3id.org/policykg/ontology";
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
    persistenceId: null,
    autoAddOnInit: false,
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    yasr: { prefixes: { pol: ontology + "#", id: base } },
  });

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
  window.policykgYasgui = yasgui;
  document.body.dataset.ready = "true";
})();
