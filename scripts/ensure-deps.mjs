#!/usr/bin/env node
// Lets `npm start` and `npm test` work on a fresh clone: installs the locked dependencies when one of the
// project's direct dependencies is missing or not at the version package-lock.json locks.
// (Versions, not timestamps: a checkout newer than node_modules must not reinstall what is already right.)
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function stale() {
  if (!existsSync('node_modules')) return 'node_modules is missing';
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  for (const name of names) {
    const locked = lock.packages?.[`node_modules/${name}`]?.version;
    const file = join('node_modules', name, 'package.json');
    if (!existsSync(file)) return `${name} is not installed`;
    const installed = JSON.parse(readFileSync(file, 'utf8')).version;
    if (locked && installed !== locked) return `${name} is ${installed}, the lock file says ${locked}`;
  }
  return null;
}

const reason = stale();
if (reason) {
  console.error(`news-annotator: ${reason}; installing dependencies (npm ci)...`);
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
