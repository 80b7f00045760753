// The parts of ECharts 4 the pictures use (pictures.js), bundled by build-echarts.mjs into one
// script that defines the global `policykgECharts`: `echarts`, and `load(picture)`, which
// registers the charts and components that picture draws with. Every part is in the bundle, but
// the browser compiles and runs a part only when a picture first loads it: a visit that opens
// the map does not pay for the matrix's heatmap or the typology's bars. A chart created after a
// load sees what was loaded before it (ECharts copies its registered processors when a chart is
// created), so each picture loads its parts before it creates its chart.
var echarts = require('echarts/lib/echarts');
var parts = {
  map: function () {
    require('echarts/lib/chart/map');      // the districts shaded
    require('echarts/lib/chart/scatter');  // the zones as markers, the districts' names
    require('echarts/lib/component/geo');
    require('echarts/lib/component/visualMap');
    require('echarts/lib/component/tooltip');
  },
  matrix: function () {
    require('echarts/lib/chart/heatmap');
    require('echarts/lib/component/grid');
    require('echarts/lib/component/visualMap');
    require('echarts/lib/component/tooltip');
  },
  typology: function () {
    require('echarts/lib/chart/bar');
    require('echarts/lib/component/grid');
    require('echarts/lib/component/legend');
    require('echarts/lib/component/tooltip');
  },
  timeline: function () {
    require('echarts/lib/chart/graph');    // the documents and their links
    require('echarts/lib/chart/scatter');  // the lanes' names
    require('echarts/lib/component/grid');
    require('echarts/lib/component/tooltip');
  },
};
module.exports = {
  echarts: echarts,
  load: function (picture) {
    if (!parts[picture]) throw new Error('policykgECharts.load: no picture ' + picture);
    parts[picture]();
  },
};
