// newsgraph's page: plain DOM, no framework, no CDN. Every view reads the JSON the API
// gives (/queries/{name}, /sparql, /api/articles/{id}); nothing here knows a fact.
"use strict";
const ID = "https://w3id.org/newsgraph/id/";
const SVGNS = "http://www.w3.org/2000/svg";
const COLORS = { Departure: "#c0392b", Dismissal: "#8e1b10", Joining: "#2e8b57", Founding: "#6c3fb5",
  RoleChange: "#d48a00", Leave: "#b06f00", Return: "#1f7a8c", Formation: "#3d5a98",
  Dissolution: "#7f4f24", Release: "#5d6d7e", Lawsuit: "#a83279", Funding: "#218c74",
  Person: "#4b6cc1", Organization: "#2e8b57", Team: "#52a36b", Outlet: "#8a8f9c" };
const main = document.getElementById("main");

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) el.append(c instanceof Node ? c : String(c ?? ""));
  return el;
}
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children.flat(Infinity)) el.append(c instanceof Node ? c : String(c ?? ""));
  return el;
}
function show(...nodes) { main.replaceChildren(...nodes.flat(Infinity)); }
function fail(err) { return h("p", { class: "error" }, String(err.message || err)); }

async function getJSON(url, init) {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${body.error || response.statusText}${body.hint ? " (" + body.hint + ")" : ""}`);
  return body;
}
function rowsOf(doc) {
  return { vars: doc.head.vars, truncated: !!doc.truncated,
    rows: doc.results.bindings.map(b => Object.fromEntries(Object.entries(b).map(([k, t]) => [k, t.value]))) };
}
function queryURL(name, params, format) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  if (format) q.set("format", format);
  return `/queries/${name}?${q}`;
}
async function saved(name, params = {}) {
  return rowsOf(await getJSON(queryURL(name, params), { headers: { Accept: "application/sparql-results+json" } }));
}

// ---------------------------------------------------------------- links and tables
function pageOf(iri) {
  if (typeof iri !== "string") return null;
  if (iri.startsWith(ID + "person/")) return "/people/" + encodeURIComponent(iri.slice(ID.length + 7));
  if (iri.startsWith(ID + "org/")) return "/orgs/" + encodeURIComponent(iri.slice(ID.length + 4));
  return null;
}
function cell(variable, value, row) {
  const page = pageOf(value);
  if (page) return h("a", { href: page }, row[variable + "Label"] || value.split("/").pop());
  if (variable === "articleId" && value) return h("a", { href: "/articles/" + encodeURIComponent(value) }, value);
  return value ?? "";
}
function table(vars, rows) {
  const shown = vars.filter(v => !v.startsWith("_"));
  const tbody = h("tbody");
  const fill = list => tbody.replaceChildren(...list.map(r => h("tr", {}, shown.map(v => h("td", {}, cell(v, r[v], r))))));
  let key = null, dir = 1;
  const heads = shown.map(v => h("th", { onclick: () => {
    dir = key === v ? -dir : 1; key = v;
    heads.forEach(th => th.className = th.textContent === v ? (dir > 0 ? "sorted-asc" : "sorted-desc") : "");
    fill([...rows].sort((a, b) => dir * String(a[v] ?? "").localeCompare(String(b[v] ?? ""), undefined, { numeric: true })));
  } }, v));
  fill(rows);
  return h("table", { class: "results" }, h("thead", {}, h("tr", {}, heads)), tbody);
}
function resultBlock(result, links = []) {
  return h("div", { class: "result" },
    h("p", { class: "muted" }, `${result.rows.length} rows${result.truncated ? " (cut at the row cap)" : ""} `,
      links.map(([label, url]) => [h("a", { href: url }, label), " "])),
    table(result.vars, result.rows));
}

// ---------------------------------------------------------------- home: search, lists, forms
async function home() {
  const [people, orgs, queries] = await Promise.all([saved("people"), saved("organizations"),
    getJSON("/queries")]);
  const persons = [...new Map(people.rows.map(r => [r.person, r])).values()]
    .sort((a, b) => a.name.localeCompare(b.name));
  const filter = h("input", { type: "search", id: "find", placeholder: "Find a person or organization (any script)" });
  const personList = h("ul", { class: "plain", id: "people" });
  const orgList = h("ul", { class: "plain", id: "orgs" });
  const render = () => {
    const needle = filter.value.trim().toLowerCase();
    const keep = name => !needle || name.toLowerCase().includes(needle);
    personList.replaceChildren(...persons.filter(p => keep(p.name)).map(p => h("li", {}, h("a", { href: pageOf(p.person) }, p.name))));
    orgList.replaceChildren(...orgs.rows.filter(o => keep(o.name)).map(o => h("li", {}, h("a", { href: pageOf(o.org) }, o.name), h("span", { class: "muted" }, ` ${o.kind}, ${o.articles}`))));
  };
  filter.addEventListener("input", render);
  render();
  show(h("h1", {}, "Explore the graph"), filter,
    h("div", { class: "columns" }, h("section", {}, h("h2", {}, "People"), personList),
      h("section", {}, h("h2", {}, "Organizations"), orgList)),
    h("h2", {}, "Saved queries"), queries.map(queryForm));
}

function queryForm(q) {
  const output = h("div");
  const inputs = q.parameters.map(p => {
    const type = { date: "date", integer: "number" }[p.type] || "text";
    return h("label", {}, `${p.name} `, h("input", { name: p.name, type, value: p.default ?? "",
      placeholder: p.example ?? p.type, ...(p.required && p.default == null ? { required: "" } : {}) }));
  });
  const form = h("form", { class: "saved", "data-query": q.name, onsubmit: async event => {
    event.preventDefault();
    const params = Object.fromEntries(new FormData(form));
    output.replaceChildren(h("p", { class: "muted" }, "Running…"));
    try {
      const result = await saved(q.name, params);
      output.replaceChildren(resultBlock(result, [["CSV", queryURL(q.name, params, "csv")],
        ["JSON", queryURL(q.name, params, "json")]]));
    } catch (err) { output.replaceChildren(fail(err)); }
  } }, h("strong", {}, q.name), " ", h("span", { class: "muted" }, q.summary), h("br"),
    inputs, h("button", { type: "submit" }, "Run"), output);
  return form;
}

// ---------------------------------------------------------------- person page
function mergeEvents(rows) {
  const byEvent = new Map();
  for (const r of rows) {
    const e = byEvent.get(r.event) || { ...r, sources: new Set() };
    if ((r.date || "").length > (e.date || "").length) e.date = r.date;
    e.sources.add(r.articleId);
    byEvent.set(r.event, e);
  }
  return [...byEvent.values()].sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999"));
}
function dayOf(date) { // 2024 -> mid-year, 2024-05 -> mid-month
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m ? m - 1 : 6, d || (m ? 15 : 1));
}
function timeline(events) {
  const dated = events.filter(e => e.date);
  const width = 900, lanes = 4, height = 70 + lanes * 34;
  const svg = s("svg", { class: "timeline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  if (!dated.length) return svg;
  const days = dated.map(e => dayOf(e.date));
  const lo = Math.min(...days) - 864e5 * 60, hi = Math.max(...days) + 864e5 * 60;
  const x = t => 40 + (width - 80) * (t - lo) / (hi - lo);
  const axisY = height - 30;
  svg.append(s("g", { class: "axis" }, s("line", { x1: 30, x2: width - 30, y1: axisY, y2: axisY })));
  for (let year = new Date(lo).getUTCFullYear(); year <= new Date(hi).getUTCFullYear(); year++) {
    const t = Date.UTC(year, 0, 1);
    if (t >= lo && t <= hi) svg.append(s("text", { x: x(t), y: axisY + 16, "text-anchor": "middle" }, year));
  }
  dated.forEach((e, i) => {
    const cx = x(dayOf(e.date)), y = 20 + (i % lanes) * 34;
    const label = `${e.type} ${e.orgName || ""}${e.destinationName ? " → " + e.destinationName : ""}`;
    svg.append(s("g", { class: "event", "data-type": e.type, "data-org": e.orgName || "",
      "data-destination": e.destinationName || "", "data-date": e.date },
      s("line", { x1: cx, x2: cx, y1: y + 6, y2: axisY, stroke: "#c9cfdb" }),
      s("circle", { cx, cy: axisY, r: 6, fill: COLORS[e.type] || "#555" }),
      s("text", { x: cx + 4, y, fill: COLORS[e.type] || "#555" }, `${e.date} ${label}`),
      s("title", {}, `${e.date}: ${label} (${[...e.sources].join(", ")})`)));
  });
  return svg;
}

async function entity(folder, ident) { // an entity's IRI, every name, and the one to show
  const iri = ID + folder + "/" + ident;
  const names = await saved("names", { entity: iri });
  if (!names.rows.length) throw new Error(`nothing called ${folder}/${ident} in the store`);
  return { iri, names, name: (names.rows.find(r => r.source === "name") || names.rows[0]).name };
}

async function personPage(ident) {
  const { iri, names, name } = await entity("person", ident);
  const [roles, events, quotes] = await Promise.all([saved("roles", { person: iri }),
    saved("timeline", { person: name }), saved("said", { person: name })]);
  const merged = mergeEvents(events.rows.filter(r => r.event));
  const byLanguage = {};
  for (const r of names.rows) (byLanguage[r.language || "—"] ||= new Set()).add(r.name);
  const roleRows = [...new Map(roles.rows.map(r => [r.role + r.org, r])).values()];
  show(h("h1", {}, name), h("p", {}, h("a", { href: "/graph?iri=" + encodeURIComponent(iri) }, "Graph view")),
    h("h2", {}, "Names"), table(["language", "names"], Object.entries(byLanguage).map(([language, set]) => ({ language, names: [...set].join(" · ") }))),
    h("h2", {}, "Roles"), table(["role", "org", "tenureStart", "tenureEnd", "end"], roleRows.map(r => ({ ...r, orgLabel: r.orgName }))),
    h("h2", {}, "Timeline"), timeline(merged),
    merged.some(e => !e.date) ? h("p", { class: "muted" }, "Undated: " + merged.filter(e => !e.date).map(e => `${e.type} ${e.orgName || ""}`).join("; ")) : "",
    h("h2", {}, "Quotes"), h("div", { id: "quotes" }, quotes.rows.map(r => h("blockquote", {}, r.quote, h("br"),
      h("small", { class: "muted" }, `${r.publisher || ""} ${r.published || ""}${r.via ? ", via " + r.via : ""} — `,
        h("a", { href: `/articles/${encodeURIComponent(r.articleId)}#s${r.start}` }, r.articleId))))));
}

// ---------------------------------------------------------------- organization page
function movementChart(rows) {
  const months = [...new Set(rows.map(r => r.month))].sort();
  const width = Math.max(320, 60 + months.length * 56), height = 240, mid = 120;
  const svg = s("svg", { class: "chart", width, height, role: "img" });
  const count = (m, d) => rows.filter(r => r.month === m && r.direction === d).length;
  const top = Math.max(1, ...months.flatMap(m => [count(m, "arrival"), count(m, "departure")]));
  const unit = (mid - 30) / top;
  svg.append(s("g", { class: "axis" }, s("line", { x1: 30, x2: width - 10, y1: mid, y2: mid })),
    s("text", { x: 4, y: 14 }, "arrivals ▲"), s("text", { x: 4, y: height - 4 }, "departures ▼"));
  months.forEach((m, i) => {
    const x = 40 + i * 56, up = count(m, "arrival"), down = count(m, "departure");
    svg.append(s("g", { class: "month", "data-month": m, "data-arrivals": up, "data-departures": down },
      s("rect", { x, y: mid - up * unit, width: 20, height: up * unit, fill: COLORS.Joining }),
      s("rect", { x: x + 22, y: mid, width: 20, height: down * unit, fill: COLORS.Departure }),
      s("text", { x: x + 21, y: mid + down * unit + 14, "text-anchor": "middle" }, m),
      s("title", {}, `${m}: ${up} arrived, ${down} left`)));
  });
  return svg;
}

async function orgPage(ident) {
  const { iri, names, name } = await entity("org", ident);
  const moves = await saved("movements", { org: name });
  const unique = [...new Map(moves.rows.map(r => [r.person + r.direction, r])).values()];
  const monthly = unique.filter(r => r.month);
  show(h("h1", {}, name), h("p", {}, h("a", { href: "/graph?iri=" + encodeURIComponent(iri) }, "Graph view"),
      " · names: ", [...new Set(names.rows.map(r => r.name))].join(" · ")),
    h("h2", {}, "Arrivals and departures per month"), movementChart(monthly),
    h("h2", {}, "Who came and went"), table(["date", "direction", "type", "person"],
      unique.map(r => ({ ...r, personLabel: r.name }))));
}

// ---------------------------------------------------------------- graph view
async function graphPage() {
  const iri = new URLSearchParams(location.search).get("iri");
  if (!iri) throw new Error("give ?iri= the IRI of a person or organization");
  const edges = (await saved("neighbourhood", { entity: iri })).rows;
  const nodes = new Map([[iri, { id: iri, label: iri.split("/").pop(), kind: iri.includes("/person/") ? "Person" : "Organization" }]]);
  for (const e of edges) {
    nodes.set(e.source, nodes.get(e.source) || { id: e.source, label: e.sourceLabel, kind: e.sourceKind });
    nodes.set(e.target, nodes.get(e.target) || { id: e.target, label: e.targetLabel, kind: e.targetKind });
    if (e.source === iri) nodes.get(iri).label = e.sourceLabel;
    if (e.target === iri) nodes.get(iri).label = e.targetLabel;
  }
  const width = 900, height = 640, cx = width / 2, cy = height / 2;
  const events = [...nodes.values()].filter(n => n.id.includes("/event/"));
  const others = [...nodes.values()].filter(n => n.id !== iri && !n.id.includes("/event/"));
  const place = (list, radius) => list.forEach((n, i) => {
    const a = 2 * Math.PI * i / Math.max(1, list.length);
    n.x = cx + radius * Math.cos(a); n.y = cy + radius * Math.sin(a);
  });
  Object.assign(nodes.get(iri), { x: cx, y: cy });
  place(events, 150); place(others, 280);
  const svg = s("svg", { class: "graph", width, height, role: "img" });
  for (const e of edges) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    svg.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y }, s("title", {}, e.relation)));
  }
  for (const n of nodes.values()) {
    const target = pageOf(n.id);
    const g = s("g", { class: "node", "data-kind": n.kind }, s("circle", { cx: n.x, cy: n.y, r: n.id === iri ? 12 : 8, fill: COLORS[n.kind] || "#777" }),
      s("text", { x: n.x + 11, y: n.y + 4 }, n.label));
    if (target) g.addEventListener("click", () => { location.href = target; });
    svg.append(g);
  }
  show(h("h1", {}, `Around ${nodes.get(iri).label}`), h("p", { class: "muted" }, "Inner ring: events; outer ring: people and organizations. Click a node to open its page."), svg);
}

// ---------------------------------------------------------------- article page
function highlighted(text, facts) {
  const cuts = [...new Set([0, text.length, ...facts.flatMap(f => [f.start, f.end])])].sort((a, b) => a - b);
  const out = h("div", { class: "article-text" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = facts.filter(f => f.start <= a && f.end >= b && f.end > f.start);
    if (!covering.length) { out.append(text.slice(a, b)); continue; }
    out.append(h("mark", { class: `k-${covering[0].kind} layers-${Math.min(3, covering.length)}`, "data-kinds": covering.map(f => f.kind).join(" "),
      title: covering.map(f => `${f.kind}: ${f.label} [${f.rule}]`).join("\n") }, text.slice(a, b)));
  }
  return out;
}

async function articlePage(ident) {
  const doc = await getJSON("/api/articles/" + encodeURIComponent(ident));
  const kinds = [...new Set(doc.facts.map(f => f.kind))].sort();
  show(h("h1", {}, doc.title || doc.id),
    h("p", { class: "muted" }, `${doc.publisher || ""} · ${doc.published || ""} · ${doc.language || ""} · ${doc.facts.length} facts`),
    h("p", { class: "legend" }, kinds.map(k => h("span", { class: "legend-" + k }, h("mark", { class: "k-" + k }, k)))),
    highlighted(doc.text, doc.facts),
    h("h2", {}, "Facts"), table(["kind", "label", "rule", "exact", "sourceStart", "sourceEnd"], doc.facts));
}

// ---------------------------------------------------------------- SPARQL editor
function editor() {
  const text = h("textarea", { id: "sparql", spellcheck: "false" },
    "SELECT ?name ?type ?date WHERE {\n  GRAPH ?g { ?e ng:participant ?p ; a ?c . ?p ng:name ?name\n             OPTIONAL { ?e ng:date ?date } }\n  BIND(STRAFTER(STR(?c), \"#\") AS ?type)\n} ORDER BY ?date LIMIT 100");
  const output = h("div");
  const run = async () => {
    output.replaceChildren(h("p", { class: "muted" }, "Running…"));
    try {
      const doc = await getJSON("/sparql", { method: "POST", body: new URLSearchParams({ query: text.value }),
        headers: { Accept: "application/sparql-results+json" } });
      output.replaceChildren("boolean" in doc ? h("p", {}, String(doc.boolean)) : resultBlock(rowsOf(doc)));
    } catch (err) { output.replaceChildren(fail(err)); }
  };
  show(h("h1", {}, "SPARQL"), h("p", { class: "muted" }, "Read-only; prefixes ng:, schema:, org:, prov:, oa:, skos: are known. The default graph is the union of all graphs."),
    text, h("p", {}, h("button", { id: "run", onclick: run }, "Run")), output);
}

// ---------------------------------------------------------------- routing
const ROUTES = [[/^\/$/, home], [/^\/people\/(.+)$/, personPage], [/^\/orgs\/(.+)$/, orgPage],
  [/^\/articles\/(.+)$/, articlePage], [/^\/graph$/, graphPage], [/^\/editor$/, editor]];
(async () => {
  for (const [pattern, view] of ROUTES) {
    const match = location.pathname.match(pattern);
    if (match) {
      try { await view(...match.slice(1).map(decodeURIComponent)); } catch (err) { show(fail(err)); }
      document.body.dataset.ready = "true";
      return;
    }
  }
  show(fail("no such page"));
})();
