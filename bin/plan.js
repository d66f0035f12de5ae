#!/usr/bin/env node
import { loadBundle } from '../dist/loadBundle.js';

const { main, processIo } = loadBundle();
process.exitCode = await main(process.argv.slice(2), processIo());
