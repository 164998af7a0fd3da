// Builds the add-in's web part into dist/: the task pane, the ribbon's function file and its small
// result dialog, with the icons and the manifest. `npm run build` is the production build
// (minified, tree-shaken, no source maps shipped); `npm run dev-server` serves it over HTTPS on
// https://localhost:3000 with the Office Add-in developer certificates. For a federation's server,
// `npm run build -- --env addinUrl=https://…/` writes dist/manifest.xml pointing there.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestFor } = require('./config/manifest-address');

const DEV_SERVER_PORT = 3000;

/** One HTML page per entry; Office.js comes from Microsoft's CDN, declared in the template. */
function page(name, template) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks: [name],
    scriptLoading: 'defer',
    inject: 'head',
  });
}

/** Only the dev server needs certificates; a production build must work without them. */
async function devServerOptions() {
  const devCerts = require('office-addin-dev-certs');
  return {
    port: DEV_SERVER_PORT,
    host: 'localhost',
    hot: false,
    liveReload: true,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
    static: false,
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode !== 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // The address dist/ will be served from; without it the manifest keeps the dev server's.
  const addinUrl = env && typeof env.addinUrl === 'string' ? env.addinUrl : null;

  return {
    mode: production ? 'production' : 'development',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      result: './src/commands/result.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules out of TypeScript (tsconfig says commonjs, for Node and jest), so that
            // webpack resolves the ESM builds of Fluent UI and its icons and tree-shakes them.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext' } },
          },
        },
      ],
    },
    // Development: separate source-map files (eval-based maps would break the pages' CSP, which
    // forbids eval). Production: none, so no source is shipped.
    devtool: production ? false : 'source-map',
    optimization: {
      minimize: production,
      usedExports: true,
      sideEffects: true,
    },
    // The budget that matters is the pane's gzipped size (≤ 300 KB), checked by test/e2e.
    performance: {
      hints: production ? 'warning' : false,
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html'),
      page('commands', './src/commands/commands.html'),
      page('result', './src/commands/result.html'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              addinUrl ? manifestFor(content.toString('utf8'), addinUrl) : content,
          },
        ],
      }),
    ],
    devServer: serving ? await devServerOptions() : undefined,
  };
};
