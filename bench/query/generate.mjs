// Deterministic policy-shaped corpus as N-Triples: agencies with a sub-organisation tree,
// districts, zones in districts, documents citing earlier ones, tasks, initiatives and measures
// with responsible parties, places, sectors and dependsOn chains.
// Usage: node generate.mjs TRIPLES > corpus.nt
const target = Number(process.argv[2] ?? 100000);
const ID = "https://w3id.org/policykg/id/";
const POL = "https://w3id.org/policykg/ontology#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
const DCT = "http://purl.org/dc/terms/";
const ORG = "http://www.w3.org/ns/org#";
const XSD = "http://www.w3.org/2001/XMLSchema#";

let seed = 20190131;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (n) => Math.floor(rand() * n);

const out = [];
let count = 0;
const iri = (s) => `<${s}>`;
const lit = (s, lang) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` + (lang ? `@${lang}` : "");
const typed = (s, dt) => `"${s}"^^<${XSD}${dt}>`;
const t = (s, p, o) => {
  out.push(`${s} ${p} ${o} .`);
  count++;
  if (out.length >= 10000) flush();
};
const flush = () => {
  process.stdout.write(out.join("\n") + "\n");
  out.length = 0;
};

const a = iri(RDF + "type"), label = iri(RDFS + "label");
const sectors = ["finance", "culture", "tourism", "healthcare", "telecommunications", "aviation", "legal services", "insurance", "education", "logistics"];
const verbs = ["open", "allow", "support", "encourage", "explore", "expand", "pilot", "simplify"];
const districtNames = ["Haidian", "Xicheng", "Dongcheng", "Chaoyang", "Fengtai", "Shijingshan", "Fangshan", "Shunyi", "Tongzhou", "Daxing", "Changping", "Mentougou", "Pinggu", "Huairou", "Miyun", "Yanqing"];

const agencies = Math.max(20, Math.round(target / 400));
for (let i = 0; i < agencies; i++) {
  const ag = iri(`${ID}agency/${i}`);
  t(ag, a, iri(POL + "Agency"));
  t(ag, label, lit(i === 0 ? "State Council" : `Agency ${i}`, "en"));
  if (i > 0) t(ag, iri(ORG + "subOrganizationOf"), iri(`${ID}agency/${Math.floor((i - 1) / 4)}`));
}
districtNames.forEach((name, i) => {
  const d = iri(`${ID}district/${i}`);
  t(d, a, iri(POL + "District"));
  t(d, label, lit(`${name} District`, "en"));
});
const zones = 48;
for (let z = 0; z < zones; z++) {
  const zone = iri(`${ID}zone/${z}`);
  t(zone, a, iri(POL + "Zone"));
  t(zone, label, lit(`Zone ${z}`, "en"));
  t(zone, iri(POL + "locatedIn"), iri(`${ID}district/${z % districtNames.length}`));
}
sectors.forEach((s, i) => t(iri(`${ID}sector/${i}`), label, lit(s, "en")));

let doc = 0;
let previousMeasure = null;
while (count < target) {
  const d = `${ID}doc/${doc}`;
  t(iri(d), a, iri(POL + "Document"));
  t(iri(d), iri(DCT + "title"), lit(`Plan ${doc} for opening up the service sector`, "en"));
  t(iri(d), iri(DCT + "identifier"), lit(`No. ${doc} [2019]`));
  t(iri(d), iri(POL + "issuedBy"), iri(`${ID}agency/${pick(agencies)}`));
  t(iri(d), iri(DCT + "issued"), typed(`2019-01-${String(1 + (doc % 28)).padStart(2, "0")}`, "date"));
  if (doc > 0) t(iri(d), iri(POL + "references"), iri(`${ID}doc/${pick(doc)}`));
  for (let k = 1; k <= 9 && count < target; k++) {
    const task = `${d}/task/${k}`;
    t(iri(task), a, iri(POL + "Task"));
    t(iri(task), iri(DCT + "isPartOf"), iri(d));
    t(iri(task), iri(POL + "position"), typed(String(k), "integer"));
    for (let n = 1; n <= 4 && count < target; n++) {
      const ini = `${task}/initiative/${n}`;
      t(iri(ini), a, iri(POL + "Initiative"));
      t(iri(ini), iri(DCT + "isPartOf"), iri(task));
      t(iri(ini), iri(POL + "position"), typed(String(n), "integer"));
      for (let m = 1; m <= 6 && count < target; m++) {
        const me = iri(`${ini}/measure/${m}`);
        const sector = pick(sectors.length);
        const text = `${verbs[pick(verbs.length)]} ${sectors[sector]} services in district ${pick(16)}`;
        t(me, a, iri(POL + "Measure"));
        t(me, label, lit(text, "en"));
        t(me, iri(POL + "text"), lit(`We shall ${text}.`));
        t(me, iri(DCT + "isPartOf"), iri(ini));
        t(me, iri(POL + "position"), typed(String(m), "integer"));
        t(me, iri(POL + "sector"), iri(`${ID}sector/${sector}`));
        const place = rand() < 0.7 ? iri(`${ID}district/${pick(16)}`) : iri(`${ID}zone/${pick(zones)}`);
        t(me, iri(POL + "appliesTo"), place);
        if (rand() < 0.75) t(me, iri(POL + "responsibleParty"), iri(`${ID}agency/${pick(agencies)}`));
        if (previousMeasure && rand() < 0.85) t(me, iri(POL + "dependsOn"), previousMeasure);
        previousMeasure = me;
      }
    }
  }
  doc++;
}
flush();
