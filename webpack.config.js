/* eslint-disable @typescript-eslint/no-require-imports */
// The task pane bundle, after the Yeoman Office add-in template: `npm run build` (production, dist/),
// `npm run dev-server` (https://localhost:3000 when office-addin-dev-certs made certificates,
// http otherwise). office.js is never bundled: the page takes it from Microsoft's CDN inside Office
// and the copy served from dist/office-js/ elsewhere (see src/taskpane/taskpane.html).
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const { addinBase, manifestFor } = require('./scripts/manifest.cjs');

const PORT = Number(process.env.npm_package_config_dev_server_port || process.env.PORT || 3000);
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/** The certificates `npx office-addin-dev-certs install` leaves in the user's home, if any. */
function devCerts() {
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(CERT_DIR, f);
    if (!fs.existsSync(p)) return null;
    out[k] = fs.readFileSync(p);
  }
  return out;
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const certs = devCerts();
  // ADDIN_URL=https://… npm run build: a manifest for where the pane is hosted (README, "Déployer").
  let base;
  try {
    base = addinBase(process.env.ADDIN_URL);
  } catch (e) {
    // One French line, not webpack-cli's stack trace.
    console.error(e.message);
    process.exit(2);
  }
  return {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      // The CLI bundle (scripts/build-cli.mjs) lives in dist/cli: keep it.
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' } },
        // The PDF export's fonts (src/taskpane/lazy/exportFiles.ts): files of their own, fetched only for a PDF.
        { test: /\.woff$/, type: 'asset/resource', generator: { filename: 'fonts/[name].[contenthash:8][ext]' } },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020' })],
      // ExcelJS and the export code arrive through import(): they get chunks of their own.
      splitChunks: {
        chunks: 'async',
        cacheGroups: { exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 10 } },
      },
    },
    performance: {
      // Raw (not gzipped) sizes; the gzipped budget (300 KB initial JS) is checked by the browser tests.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1_000_000,
      maxAssetSize: 1_500_000,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), base) },
          // Shipped as written, in ES5: the minimizer (target es2020) would wrap it in an arrow function,
          // which the older Office webviews it must speak to (EdgeHTML 18, IE 11) cannot parse.
          { from: 'src/taskpane/office-loader.js', to: 'office-loader.js', info: { minimized: true } },
          // Served as published: Microsoft's file, not re-minified.
          // office.js outside Office loads this table beside itself (it defines what MicrosoftAjax would).
          ...['office.js', 'o15apptofilemappingtable.js'].map((f) => ({ from: `node_modules/@microsoft/office-js/dist/${f}`, to: `office-js/${f}`, info: { minimized: true } })),
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certs ? { type: 'https', options: certs } : { type: 'http' },
      static: false,
      open: false,
      client: { overlay: { warnings: false } },
    },
  };
};
