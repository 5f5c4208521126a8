// The whole check, as CI runs it: lint, typecheck, unit, integration on SQLite and
// PostgreSQL, and browser e2e in Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✖ ${name} failed`);
  }
  return r.status === 0;
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

step('lint', 'npx', ['eslint', '.']);
step('typecheck', 'npm', ['run', '-s', 'typecheck']);
const webBuilt = step('web build', 'node', ['scripts/ensure-web.mjs']);

const projects = ['unit', 'int-sqlite'];
if (ci || (await postgresReachable())) projects.push('int-postgres');
else console.log(`\n⚠ PostgreSQL is not reachable at ${pgUrl}: the PostgreSQL suite is NOT run (under CI=true this fails).`);
if (webBuilt) projects.push('e2e');
else failed++;

const report = path.join(root, '.tmp/vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
console.log(`\n▶ vitest: ${projects.join(', ')}`);
const run = spawnSync(
  'npx',
  ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { cwd: root, stdio: 'inherit', env: process.env },
);
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load (e.g. an unreachable database in setup) has no tests to count.
  if ((run.status !== 0 || !json.success) && json.numFailedTests === 0) failed++;
} else failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
