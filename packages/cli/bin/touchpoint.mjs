#!/usr/bin/env node
// A plain file, not a build output, so the bin exists when pnpm links it at install time.
import '../dist/cli.js';
