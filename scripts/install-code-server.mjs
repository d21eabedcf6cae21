#!/usr/bin/env node
// Installs code-server (VS Code 1.100.3 for the browser) into the cache directory if it is not there yet,
// and prints its path. `npm start` and the integration tests call the same code on first use.
import { ensureCodeServer } from './lib/code-server.mjs';

try {
  console.log(ensureCodeServer());
} catch (error) {
  console.error(`install-code-server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
