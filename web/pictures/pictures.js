// The pictures of a plan, drawn with ECharts from the JSON in #pictures-data (written by
// `policykg serve` at /pictures and by `policykg export --format html`, see
// export/plan_pictures.hpp) and Beijing's district boundaries in #pictures-map (the map file of
// the echarts 4.9.0 npm package). Map, responsibility matrix, plan tree, sectors x instrument
// types, and the timeline of the documents; a click lists the measures behind what was clicked,
// with their source text. For a corpus, each picture but the timeline counts all documents or
// the one chosen.
(function () {
  'use strict';
  var started = performance.now();
  var data = JSON.parse(document.getElementById('pictures-data').textContent);
  var geo = JSON.parse(document.getElementById('pictures-map').textContent);
  var links = data.links || {};
  var echarts = policykgECharts.echarts;
  var charts = {};
  var drawn = {};
  // A picture's chart, created once its parts of ECharts are loaded (see echarts-entry.js).
  function newChart(name) {
    policykgECharts.load(name);
    return charts[name] = echarts.init(document.getElementById('chart-' + name));
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  // Where a resource's page is: the served page (/page/...), the static site's file (id/....html,
  // with links.suffix), or, in an exported file, its IRI.
  function pageOf(iri) {
    if (links.page && links.base && iri.indexOf(links.base) === 0)
      return links.page + iri.slice(links.base.length) + (links.suffix || '');
    return iri;
  }
  function labels(list, idx) { return idx.map(function (i) { return list[i].label; }); }
  function short(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  // A unit's number and label, the number left out when the label starts with it ("1. Maintaining …").
  function numbered(number, label) {
    return number && label.indexOf(number) !== 0 ? number + ' ' + label : label;
  }
  // The documents of the corpus as the tree's roots (a reply with its annexes), and the root
  // each measure is under; the chosen one (-1: all) filters every picture but the timeline.
  var roots = [], rootOf = data.measures.map(function () { return -1; });
  data.tree.forEach(function (node) {
    var r = roots.length;
    roots.push(node);
    (function mark(n) {
      if (n.measure !== undefined) rootOf[n.measure] = r;
      else n.children.forEach(mark);
    })(node);
  });
  var chosenRoot = -1;
  function inChosen(m) { return chosenRoot < 0 || rootOf[m] === chosenRoot; }
  function chosen(list) { return chosenRoot < 0 ? list : list.filter(inChosen); }
  function documentName(r) { return roots[r].label + (roots[r].number ? ' (' + roots[r].number + ')' : ''); }

  function taskName(t) {
    if (t < 0) return 'outside the tasks';
    return numbered(data.tasks[t].number, data.tasks[t].label);
  }

  // The details panel: a heading and the measures with their badges, text and page link.
  var details = document.getElementById('picture-details');
  function showMeasures(heading, measures, roleOf) {
    details.textContent = '';
    details.appendChild(el('h2', { text: heading + ' (' + measures.length + ' measure' + (measures.length === 1 ? '' : 's') + ')' }));
    var list = el('ol', { className: 'measure-list' });
    var limit = 300;
    measures.slice(0, limit).forEach(function (m) {
      list.appendChild(measureItem(m, roleOf ? roleOf(m) : null));
    });
    details.appendChild(list);
    if (measures.length > limit) details.appendChild(el('p', { className: 'hint', text: 'and ' + (measures.length - limit) + ' more' }));
  }
  function badges(m, extra) {
    var out = [];
    data.measures[m].sectors.forEach(function (s) { out.push(el('span', { className: 'badge sector', text: data.sectors[s].label })); });
    data.measures[m].instruments.forEach(function (s) { out.push(el('span', { className: 'badge instrument', text: data.instruments[s].label })); });
    (extra || []).forEach(function (r) { out.push(el('span', { className: 'badge role', text: r })); });
    return out;
  }
  function measureItem(m, roles) {
    var measure = data.measures[m];
    var li = el('li', { 'data-measure': measure.iri });
    li.appendChild(el('a', { href: pageOf(measure.iri), className: 'measure-link', text: measure.label }));
    li.appendChild(el('div', null, badges(m, roles)));
    li.appendChild(el('p', { className: 'text', text: measure.text }));
    return li;
  }

  // Tabs: one picture shown at a time (and, in an exported file, the graph as one more tab).
  var graphMain = document.getElementById('cy') ? document.getElementById('cy').closest('main') : null;
  var nav = document.getElementById('picture-tabs');
  if (graphMain) nav.insertBefore(el('a', { href: '#graph', 'data-picture': 'graph', text: 'Graph' }), nav.firstChild);
  var names = ['map', 'matrix', 'tree', 'typology', 'timeline'];
  function show(name) {
    if (name !== 'graph' && names.indexOf(name) < 0) name = graphMain ? 'graph' : 'map';
    [].forEach.call(nav.querySelectorAll('a'), function (a) { a.classList.toggle('active', a.dataset.picture === name); });
    document.getElementById('pictures').hidden = name === 'graph';
    if (graphMain) {
      graphMain.hidden = name !== 'graph';
      graphMain.style.display = name === 'graph' ? '' : 'none';
      if (name === 'graph' && window.policykgGraph) window.policykgGraph.cy.resize();
    }
    names.forEach(function (n) { document.getElementById('picture-' + n).hidden = n !== name; });
    if (name === 'graph') return;
    if (!drawn[name]) { drawn[name] = draw[name]() || function () {}; }
    else if (drawn[name].root !== chosenRoot) drawn[name]();
    drawn[name].root = chosenRoot;
    if (charts[name]) fit(charts[name]);
    current = name;
  }
  var current = null;
  // The document filter: shown when the graph holds more than one document; a change redraws
  // the picture in view (the others when next shown).
  var documentSelect = document.getElementById('picture-document');
  if (roots.length > 1) {
    document.getElementById('document-controls').hidden = false;
    roots.forEach(function (node, r) {
      documentSelect.appendChild(el('option', { value: String(r), text: short(documentName(r), 90) + ' – ' + node.measures + ' measures' }));
    });
    documentSelect.addEventListener('change', function () {
      chosenRoot = Number(documentSelect.value);
      if (current && drawn[current]) { drawn[current](); drawn[current].root = chosenRoot; }
    });
  }
  window.addEventListener('hashchange', function () { show(location.hash.slice(1)); });
  window.addEventListener('resize', function () { for (var k in charts) fit(charts[k]); });
  // A chart is drawn again only when its box changed size (each drawing of a large picture costs
  // a tenth of a second and more): after the window was resized, or while it was hidden.
  function fit(chart) {
    var box = chart.getDom();
    if (box.clientWidth !== chart.getWidth() || box.clientHeight !== chart.getHeight()) chart.resize();
  }

  var draw = {};
  var matrixState = { rows: [] };

  // Map: districts shaded by their measures, zones as dots inside their district.
  draw.map = function () {
    echarts.registerMap('policykg-beijing', geo);
    var centre = {};
    geo.features.forEach(function (f) { centre[f.properties.name] = f.properties.cp; });
    var nameMap = {}, missing = [];
    data.map.districts.forEach(function (d) {
      var label = data.places[d.place].label;
      if (d.name && centre[d.name]) nameMap[d.name] = label;
      else missing.push(label);
    });
    var chart = newChart('map');
    var byLabel = {};
    data.map.districts.forEach(function (d) { byLabel[data.places[d.place].label] = d; });
    function zonePoints(which) {
      // Zones of one district on a small circle round the district's centre point, in order.
      var perDistrict = {};
      var points = [];
      data.map.zones.forEach(function (z) {
        var district = z.district >= 0 ? data.map.districts.filter(function (d) { return d.place === z.district; })[0] : null;
        if (!district || !district.name || !centre[district.name]) return;
        var k = perDistrict[district.name] = (perDistrict[district.name] || 0) + 1;
        var cp = centre[district.name];
        // never on the centre itself, which is where a click on the district lands
        var angle = (k - 1) * 2.4 + 0.8;
        var r = 0.012 + 0.004 * k;
        points.push({ name: data.places[z.place].label, value: [cp[0] + r * Math.cos(angle), cp[1] + r * Math.sin(angle), chosen(z[which]).length],
                      zone: z, district: data.places[district.place].label });
      });
      return points;
    }
    function render() {
      var which = document.querySelector('#map-controls input:checked').value;
      var values = data.map.districts.filter(function (d) { return nameMap[d.name]; }).map(function (d) {
        return { name: data.places[d.place].label, value: chosen(d[which]).length };
      });
      var max = Math.max.apply(null, values.map(function (v) { return v.value; }).concat([1]));
      // The legend first: its height is taken from the picture's, which is then drawn once.
      legend.textContent = (chosenRoot >= 0 ? 'Measures of ' + documentName(chosenRoot) + '. ' : '') +
        'Shade: the number of measures ' + (which === 'applies' ? 'that apply to the district (pol:appliesTo)'
        : 'assigned to the district (its pol:responsibleParty or a qualified responsibility\'s agent)') +
        '. Orange dots: zones, sized by their own measures; each sits at its district\'s centre point (from the map file) ' +
        'because no source the gazetteer records states its coordinates. A zone\'s measures are not counted in its district. ' +
        'Unnamed grey districts: the graph does not mention them.' +
        (missing.length ? ' Not on the map (no Chinese name matching a boundary): ' + missing.join(', ') + '.' : '') +
        ' Boundaries: echarts 4.9.0 (npm), map/json/province/beijing.json.';
      fit(chart);
      chart.setOption({
        animation: false,  // drawn at once: the same picture on every load
        tooltip: { trigger: 'item', formatter: function (p) {
          if (p.seriesType === 'scatter') return p.name + ' (zone in ' + p.data.district + '): ' + p.value[2] +
            ' measure(s)<br>placed at its district\'s centre: no stated coordinate';
          return p.name + ': ' + (p.value || 0) + ' measure(s)';
        } },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, text: ['more measures', 'none'], calculable: false,
                     inRange: { color: ['#f1f5fb', '#9bbbe0', '#2f5f98'] }, seriesIndex: 0 },
        geo: { map: 'policykg-beijing', nameMap: nameMap, roam: true, top: 10, bottom: 10,
               label: { show: false }, emphasis: { label: { show: false } }, itemStyle: { borderColor: '#888' } },
        // One canvas: names over zones over districts by z, not zlevel (each zlevel is a canvas of
        // its own, which the browser copies on every frame).
        series: [
          { id: 'districts', type: 'map', geoIndex: 0, data: values },
          // The districts' names (the graph's English labels) at their centre points.
          { id: 'names', type: 'scatter', coordinateSystem: 'geo', silent: true, symbolSize: 1, z: 4,
            itemStyle: { color: 'transparent' }, label: { show: true, position: 'bottom', formatter: '{b}', fontSize: 10, color: '#222' },
            data: data.map.districts.filter(function (d) { return nameMap[d.name]; }).map(function (d) {
              return { name: data.places[d.place].label, value: centre[d.name] };
            }) },
          { id: 'zones', type: 'scatter', coordinateSystem: 'geo', data: zonePoints(which),
            symbolSize: function (v) { return 6 + Math.min(14, v[2] * 2); },
            itemStyle: { color: '#d9822b', borderColor: '#fff', borderWidth: 1 }, z: 3 }
        ]
      }, true);
    }
    var legend = document.getElementById('map-legend');
    chart.on('click', function (p) {
      var which = document.querySelector('#map-controls input:checked').value;
      var verb = which === 'applies' ? 'applying to ' : 'assigned to ';
      if (p.seriesType === 'scatter') return showMeasures('Measures ' + verb + p.name, chosen(p.data.zone[which]));
      var d = byLabel[p.name];
      if (d) showMeasures('Measures ' + verb + p.name, chosen(d[which]));
    });
    document.getElementById('map-controls').addEventListener('change', render);
    render();
    return render;
  };

  // Responsibility matrix: parties x main tasks, a cell counting measures (of one role, or any).
  draw.matrix = function () {
    var roleSelect = document.getElementById('matrix-role');
    data.roles.forEach(function (r, i) { roleSelect.appendChild(el('option', { value: String(i), text: r.label })); });
    roleSelect.appendChild(el('option', { value: '-1', text: 'stated without a role' }));
    var sortSelect = document.getElementById('matrix-sort');
    data.matrix.columns.forEach(function (c) { sortSelect.appendChild(el('option', { value: 'col:' + c, text: 'by ' + short(taskName(c), 40) })); });
    var chart = newChart('matrix');
    var columns = data.matrix.columns;
    var state = matrixState;
    function cellMeasures(cell, role) {
      return chosen(role === '' ? cell.measures : cell.byRole[role] || []);
    }
    data.matrix.rows.forEach(function (row) {
      row.cells.forEach(function (cell) {
        cell.byRole = {};
        cell.roles.forEach(function (rm) { cell.byRole[String(rm[0])] = rm[1]; });
      });
    });
    function render() {
      var role = roleSelect.value, sort = sortSelect.value;
      var rows = data.matrix.rows.map(function (row) {
        var counts = {};
        var total = 0;
        row.cells.forEach(function (cell) {
          var n = cellMeasures(cell, role).length;
          counts[cell.column] = { n: n, cell: cell };
          total += n;
        });
        return { row: row, counts: counts, total: total };
      }).filter(function (r) { return r.total > 0; });
      rows.sort(function (a, b) {
        if (sort === 'name') return a.row.label < b.row.label ? -1 : a.row.label > b.row.label ? 1 : 0;
        var ka = a.total, kb = b.total;
        if (sort.indexOf('col:') === 0) {
          var c = sort.slice(4);
          ka = a.counts[c] ? a.counts[c].n : 0;
          kb = b.counts[c] ? b.counts[c].n : 0;
        }
        return kb - ka || (a.row.label < b.row.label ? -1 : 1);
      });
      state.rows = rows;
      var cells = [];
      var max = 1;
      rows.forEach(function (r, y) {
        columns.forEach(function (c, x) {
          var v = r.counts[c] ? r.counts[c].n : 0;
          if (v > 0) { cells.push([x, rows.length - 1 - y, v]); max = Math.max(max, v); }
        });
      });
      // The box's height first, so that the picture is drawn once, at its size.
      document.getElementById('chart-matrix').style.minHeight = Math.max(420, 160 + rows.length * 22) + 'px';
      fit(chart);
      chart.setOption({
        animation: false,  // drawn at once: the same picture on every load
        tooltip: { position: 'top', formatter: function (p) {
          var r = rows[rows.length - 1 - p.value[1]];
          return r.row.label + ' × ' + taskName(columns[p.value[0]]) + ': ' + p.value[2] + ' measure(s)';
        } },
        grid: { left: 260, right: 20, top: 10, bottom: 150 },
        xAxis: { type: 'category', data: columns.map(function (c) { return short(taskName(c), 34); }), triggerEvent: true,
                 axisLabel: { rotate: 35, interval: 0, fontSize: 10 }, splitArea: { show: true } },
        yAxis: { type: 'category', data: rows.map(function (r) { return short(r.row.label + ' (' + r.row.kind + ')', 42); }).reverse(),
                 axisLabel: { fontSize: 10, interval: 0 }, splitArea: { show: true } },
        visualMap: { min: 0, max: max, show: false, inRange: { color: ['#e3ecf7', '#2f5f98'] } },
        // Every cell in one drawing (ECharts would draw a heatmap of over 3,000 cells 400 a frame):
        // the picture is whole when the page says it is drawn.
        series: [{ id: 'cells', type: 'heatmap', data: cells, progressive: 0, label: { show: true, fontSize: 10 } }]
      }, true);
    }
    chart.on('click', function (p) {
      if (p.componentType === 'xAxis') {
        var x = p.dataIndex !== undefined ? p.dataIndex : chart.getOption().xAxis[0].data.indexOf(p.value);
        if (x >= 0) { sortSelect.value = 'col:' + columns[x]; render(); }
        return;
      }
      if (p.seriesType !== 'heatmap') return;
      var r = state.rows[state.rows.length - 1 - p.value[1]];
      var c = columns[p.value[0]];
      var cell = r.counts[c].cell;
      var role = roleSelect.value;
      showMeasures(r.row.label + ' × ' + taskName(c), cellMeasures(cell, role), function (m) {
        var out = [];
        cell.roles.forEach(function (rm) {
          if (rm[1].indexOf(m) >= 0) out.push(rm[0] < 0 ? 'stated' : data.roles[rm[0]].label);
        });
        return out;
      });
    });
    roleSelect.addEventListener('change', render);
    sortSelect.addEventListener('change', render);
    var roleNames = data.roles.map(function (r) { return r.label; });
    document.getElementById('matrix-legend').textContent = 'Rows: the agencies and districts a measure names as responsible ' +
      '(pol:responsibleParty, or the agent of a pol:qualifiedResponsibility); columns: the main tasks (pol:Task) holding ' +
      'the measures. A cell counts each measure once' + (roleNames.length ? '; roles: ' + roleNames.join(', ') : '') + '.';
    render();
    return render;
  };

  // Plan tree: documents, annexes and units as an outline that opens and closes, with counts.
  draw.tree = function () {
    var root = document.getElementById('plan-tree');
    function unit(node, depth) {
      if (node.measure !== undefined) return null;
      var box = el('details', { 'data-iri': node.iri });
      if (depth < 2) box.open = true;
      var summary = el('summary', null, [
        el('span', { className: 'kind', text: node.kind }),
        el('a', { href: pageOf(node.iri), text: numbered(node.number, node.label) }),
        el('span', { className: 'n', text: node.measures + ' measure' + (node.measures === 1 ? '' : 's') })
      ]);
      box.appendChild(summary);
      var measures = el('ol', { className: 'measures' });
      node.children.forEach(function (child) {
        if (child.measure !== undefined) measures.appendChild(measureItem(child.measure));
        else box.appendChild(unit(child, depth + 1));
      });
      if (measures.childNodes.length) box.appendChild(measures);
      return box;
    }
    var boxes = data.tree.map(function (node) { var u = unit(node, 0); if (u) root.appendChild(u); return u; });
    document.getElementById('tree-open').addEventListener('click', function () {
      [].forEach.call(root.querySelectorAll('details'), function (d) { d.open = true; });
    });
    document.getElementById('tree-close').addEventListener('click', function () {
      [].forEach.call(root.querySelectorAll('details'), function (d) { d.open = false; });
    });
    function render() { boxes.forEach(function (box, r) { if (box) box.hidden = chosenRoot >= 0 && r !== chosenRoot; }); }
    render();
    return render;
  };

  // Sectors x instrument types: a stacked bar per sector, filtered by task or by place.
  draw.typology = function () {
    var taskSelect = document.getElementById('typology-task'), placeSelect = document.getElementById('typology-place');
    data.tasks.forEach(function (t, i) { taskSelect.appendChild(el('option', { value: String(i), text: short(taskName(i), 60) })); });
    taskSelect.appendChild(el('option', { value: '-1', text: 'outside the tasks' }));
    var used = {};
    data.measures.forEach(function (m) { m.places.forEach(function (p) { used[p] = true; }); });
    data.places.forEach(function (p, i) { if (used[i]) placeSelect.appendChild(el('option', { value: String(i), text: p.label + ' (' + p.kind + ')' })); });
    var chart = newChart('typology');
    var state = {};
    function render() {
      var task = taskSelect.value, place = placeSelect.value;
      var picked = [];
      data.measures.forEach(function (m, i) {
        if (!inChosen(i)) return;
        if (task !== 'all' && String(m.task) !== task) return;
        if (place !== 'all' && m.places.indexOf(Number(place)) < 0) return;
        picked.push(i);
      });
      var sectors = data.sectors.map(function (s) { return s.label; }).concat(['no sector']);
      var instruments = data.instruments.map(function (s) { return s.label; }).concat(['no instrument type']);
      var cells = instruments.map(function () { return sectors.map(function () { return []; }); });
      picked.forEach(function (i) {
        var m = data.measures[i];
        var ss = m.sectors.length ? m.sectors : [sectors.length - 1];
        var ii = m.instruments.length ? m.instruments : [instruments.length - 1];
        ss.forEach(function (s) { ii.forEach(function (t) { cells[t][s].push(i); }); });
      });
      state.cells = cells; state.sectors = sectors; state.instruments = instruments;
      document.getElementById('typology-legend').textContent = picked.length + ' measures' +
        (chosenRoot >= 0 ? ' of ' + documentName(chosenRoot) : '') +
        (task !== 'all' ? ' of ' + taskName(Number(task)) : '') + (place !== 'all' ? ' applying to ' + data.places[Number(place)].label : '') +
        '. A measure of several sectors or types counts in each.';
      fit(chart);
      chart.setOption({
        animation: false,  // drawn at once: the same picture on every load
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 110 },
        xAxis: { type: 'category', data: sectors, axisLabel: { rotate: 35, interval: 0, fontSize: 10 } },
        yAxis: { type: 'value', name: 'measures', minInterval: 1 },
        series: instruments.map(function (name, t) {
          return { id: 'instrument-' + t, name: name, type: 'bar', stack: 'measures',
                   data: cells[t].map(function (list) { return list.length; }) };
        })
      }, true);
    }
    chart.on('click', function (p) {
      if (p.seriesType !== 'bar') return;
      var t = p.seriesIndex;
      showMeasures(state.sectors[p.dataIndex] + ' × ' + state.instruments[t], state.cells[t][p.dataIndex]);
    });
    taskSelect.addEventListener('change', render);
    placeSelect.addEventListener('change', render);
    render();
    return render;
  };

  // Timeline: the documents along the years, a lane per kind, an arrow for each link between
  // two documents (approves, has as annex, keeps in force, prevails over, cites). A document
  // with no date of its own sits at the date of the reply approving it; one with none at all, in
  // the column "undated" at the left. A click lists a document's measures.
  draw.timeline = function () {
    var tl = data.timeline;
    var chart = newChart('timeline');
    var relationNames = { approves: 'approves', hasAnnex: 'has as annex', keepsInForce: 'keeps in force',
                          prevailsOver: 'prevails over', references: 'cites' };
    var lanes = ['OfficialReply', 'Plan', 'Document'];
    var laneNames = ['Official replies', 'Plans', 'Other documents'];
    // A date as a fractional year: "2019-01-31" -> 2019.08, "2015" -> 2015.
    function yearOf(date) {
      if (!date) return null;
      var y = Number(date.slice(0, 4));
      if (date.length < 10) return y;
      var start = Date.UTC(y, 0, 1), day = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
      return y + (day - start) / (366 * 864e5);
    }
    var years = tl.documents.map(function (d) { return yearOf(d.date); }).filter(function (y) { return y !== null; });
    var first = years.length ? Math.floor(Math.min.apply(null, years)) : 2000;
    var last = years.length ? Math.ceil(Math.max.apply(null, years)) : first + 1;
    var undatedAt = first - 1;
    // Only documents in a link or holding measures; the rest are named in the legend.
    var shown = tl.documents.map(function (d) { return d.measures >= 0; });
    tl.links.forEach(function (l) { shown[l.from] = shown[l.to] = true; });
    // Documents at one point of a lane stack downwards; each lane is as tall as its highest stack.
    var step = 0.35, placed = [], stack = {}, height = lanes.map(function () { return 1; });
    tl.documents.forEach(function (d, i) {
      if (!shown[i]) return;
      var lane = lanes.indexOf(d.kind) >= 0 ? lanes.indexOf(d.kind) : 2;
      var x = yearOf(d.date);
      if (x === null) x = undatedAt;
      var key = Math.round(x * 10) + ':' + lane;
      var k = stack[key] = (stack[key] || 0) + 1;
      height[lane] = Math.max(height[lane], k);
      placed.push({ doc: i, x: x, lane: lane, k: k });
    });
    var laneStart = [0];
    lanes.forEach(function (l, i) { laneStart.push(laneStart[i] + (height[i] - 1) * step + 0.8); });
    var nodes = [], nodeOf = {}, inLane = {};
    placed.sort(function (a, b) { return a.lane - b.lane || a.x - b.x || a.doc - b.doc; });
    placed.forEach(function (p) {
      var d = tl.documents[p.doc];
      // neighbours in a lane take turns above and below, so that close dates keep their labels apart
      var turn = inLane[p.lane] = (inLane[p.lane] || 0) + 1;
      nodeOf[p.doc] = nodes.length;
      nodes.push({ name: String(p.doc), value: [p.x, laneStart[p.lane] + (p.k - 1) * step], doc: p.doc,
                   label: { show: true, formatter: short(d.identifier || d.label, 30), fontSize: 10,
                            position: p.x === undatedAt ? 'right' : turn % 2 ? 'top' : 'bottom' },
                   symbolSize: d.measures >= 0 ? 18 : 11,
                   itemStyle: { color: d.measures >= 0 ? '#2f5f98' : '#9bbbe0', borderColor: '#fff' } });
    });
    var edges = tl.links.filter(function (l) { return nodeOf[l.from] !== undefined && nodeOf[l.to] !== undefined; }).map(function (l) {
      var names = l.relations.map(function (r) { return relationNames[r] || r; });
      var strong = l.relations.indexOf('keepsInForce') >= 0 || l.relations.indexOf('prevailsOver') >= 0;
      return { source: nodeOf[l.from], target: nodeOf[l.to], relations: names,
               label: { show: true, formatter: names.join(', '), fontSize: 9 },
               lineStyle: { color: strong ? '#c0392b' : '#888', width: strong ? 2 : 1, curveness: 0.2 } };
    });
    // A document's measures: those whose text it is, and, for a reply, those of its annexes.
    var rootNamed = {}, ofDocument = {}, ofRoot = {};
    roots.forEach(function (n, r) { rootNamed[n.iri] = r; });
    data.measures.forEach(function (m, k) {
      (ofDocument[m.document] = ofDocument[m.document] || []).push(k);
      (ofRoot[rootOf[k]] = ofRoot[rootOf[k]] || []).push(k);
    });
    function measuresOf(i) {
      var d = tl.documents[i], held = {};
      // (-1: a document whose text the graph does not hold, and a measure of no such document)
      var own = d.measures >= 0 ? ofDocument[d.measures] || [] : [];
      own.concat(ofRoot[rootNamed[d.iri]] || []).forEach(function (k) { held[k] = true; });
      return Object.keys(held).map(Number).sort(function (a, b) { return a - b; });
    }
    function render() {
      var chosenIri = chosenRoot >= 0 ? roots[chosenRoot].iri : null;
      chart.setOption({
        animation: false,  // drawn at once: the same picture on every load
        tooltip: { confine: true, extraCssText: 'white-space: normal; max-width: 28em;', formatter: function (p) {
          if (p.dataType === 'edge') return p.data.relations.join(', ');
          var d = tl.documents[p.data.doc];
          return d.label + (d.identifier ? ' (' + d.identifier + ')' : '') + '<br>' +
            (d.date ? d.date + (d.datedBy === 'approval' ? ', the date of the reply approving it' : '') : 'no date in the graph');
        } },
        grid: { left: 130, right: 40, top: 30, bottom: 40 },
        xAxis: { type: 'value', min: undatedAt - 1, max: last + 1, interval: 1, axisLine: { onZero: false },
                 axisLabel: { formatter: function (v) { return v === undatedAt ? 'undated' : v < undatedAt || v > last ? '' : String(v); } },
                 splitLine: { show: true, lineStyle: { color: '#eee' } } },
        yAxis: { type: 'value', min: -0.5, max: laneStart[lanes.length] - 0.5, inverse: true, show: false },
        series: [{ id: 'lanes', type: 'scatter', silent: true, symbolSize: 1, itemStyle: { color: 'transparent' },
                   data: laneNames.map(function (name, i) { return { name: name, value: [undatedAt - 1, laneStart[i]] }; }),
                   label: { show: true, formatter: '{b}', position: 'left', color: '#555' } },
                 { id: 'documents', type: 'graph', coordinateSystem: 'cartesian2d', data: nodes.map(function (n) {
                     var d = tl.documents[n.doc];
                     var mine = chosenIri && (d.iri === chosenIri || measuresOf(n.doc).some(inChosen));
                     return Object.assign({}, n, chosenIri && !mine ? { itemStyle: { color: '#ddd' } } : {});
                   }), links: edges,
                   edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7 }]
      }, true);
    }
    chart.on('click', function (p) {
      if (p.dataType !== 'node') return;
      var d = tl.documents[p.data.doc];
      showMeasures(d.label + (d.identifier ? ' (' + d.identifier + ')' : ''), measuresOf(p.data.doc));
      var link = el('p', null, [el('a', { href: pageOf(d.iri), className: 'document-link', text: 'the document\'s page' })]);
      details.insertBefore(link, details.childNodes[1]);
    });
    var unshown = tl.documents.filter(function (d, i) { return !shown[i]; }).map(function (d) { return d.label; });
    document.getElementById('timeline-legend').textContent = 'Each document of the graph at its date of issue, or the year its ' +
      'number gives (dcterms:issued, dcterms:date); an annex at its reply\'s date; dark: documents whose text was read, ' +
      'light: documents only cited. Red arrows: a document keeps another in force or prevails over it (pol:keepsInForce, ' +
      'pol:prevailsOver); grey: it approves, has as annex or cites it.' +
      (unshown.length ? ' Cited by measures only, not shown: ' + unshown.join('; ') + '.' : '');
    render();
    return render;
  };

  window.policykgPictures = { data: data, charts: charts, show: show,
    // The matrix's rows as drawn, top to bottom (by label).
    matrixRows: function () { return (matrixState.rows || []).map(function (r) { return r.row.label; }); } };
  show(location.hash.slice(1));
  // When this script began, when the first picture was set up and when it was drawn (the second
  // animation frame after: the first frame has painted it), from the navigation's start.
  var timing = window.policykgPictures.timing = { script: started, shown: performance.now(), drawn: null };
  requestAnimationFrame(function () { requestAnimationFrame(function () { timing.drawn = performance.now(); }); });
  document.body.dataset.picturesReady = 'true';
  if (!graphMain) document.body.dataset.ready = 'true';
})();
