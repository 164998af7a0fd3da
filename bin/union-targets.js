#!/usr/bin/env node
// The union-targets command: runs the TypeScript CLI through tsx's CommonJS hook (no build step).
require('tsx/cjs');
const { runCli } = require('../src/cli/main.ts');

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
