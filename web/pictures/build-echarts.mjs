// Bundles the pictures' ECharts (echarts-entry.js) into node_modules/.policykg/echarts.min.js with
// esbuild: 0.50 MB against the full build's 0.79 MB, of which a page compiles and runs only the
// parts of the pictures it draws. English texts, as in dist/echarts-en.min.js. Run by `npm ci`
// (postinstall); the same packages give the same bytes.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const english = {
  name: 'echarts-english',
  setup(b) {
    b.onResolve({ filter: /^(\.\.?\/)+lang$/ }, (args) =>
      args.importer.includes('/echarts/lib/') ? { path: web + 'node_modules/echarts/lib/langEN.js' } : undefined);
  },
};
// A production build, as dist/echarts-en.min.js is: ECharts' `__DEV__` (its checks and console
// warnings) is false, where lib/config.js would make it true in any page that does not set
// window.__DEV__.
const production = {
  name: 'echarts-production',
  setup(b) {
    b.onLoad({ filter: /[\\/]echarts[\\/]lib[\\/]config\.js$/ }, () => ({ contents: 'exports.__DEV__ = false;', loader: 'js' }));
  },
};
await build({
  entryPoints: [web + 'pictures/echarts-entry.js'],
  outfile: web + 'node_modules/.policykg/echarts.min.js',
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'policykgECharts',
  target: 'es2017',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [english, production],
});
