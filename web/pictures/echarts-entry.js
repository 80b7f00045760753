// The parts of ECharts 4 the pictures use (pictures.js), bundled by build-echarts.mjs into one
// script that defines the global `echarts`, as dist/echarts-en.min.js does with every chart.
var echarts = require('echarts/lib/echarts');
require('echarts/lib/chart/map');        // the map: districts shaded
require('echarts/lib/chart/scatter');    // the map: zones as markers
require('echarts/lib/chart/heatmap');    // the matrix
require('echarts/lib/chart/bar');        // the typology
require('echarts/lib/chart/graph');      // the timeline: documents and their links
require('echarts/lib/component/geo');
require('echarts/lib/component/grid');
require('echarts/lib/component/tooltip');
require('echarts/lib/component/visualMap');
require('echarts/lib/component/legend');
module.exports = echarts;
