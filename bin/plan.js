#!/usr/bin/env node
// CommonJS (bin/package.json says so): Node starts a CommonJS entry sooner than an ES module.
const { main, processIo } = require('../dist/loadBundle.cjs').loadBundle();

main(process.argv.slice(2), processIo()).then((exitCode) => {
  process.exitCode = exitCode;
});
