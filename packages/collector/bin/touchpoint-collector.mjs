#!/usr/bin/env node
// A plain file, not a build output, so the bin exists when pnpm links it at install time.
import { main } from '../dist/main.js';

await main(process.argv.slice(2), process.env);
