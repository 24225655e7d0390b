// Sums the unit (vitest) and e2e (Playwright) JSON reports and prints the line CI ends with:
// `N passed, N failed`. A failing `npm test` that produced no failing test (lint, typecheck, a
// crash) counts as one failure, so a red run can never print "0 failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-needed.mjs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const unitPath = join(root, 'test-results/unit.json');
if (existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else console.log('unit: no report (did not run)');

const e2ePath = join(root, 'test-results/e2e.json');
if (existsSync(e2ePath)) {
  const { stats } = JSON.parse(readFileSync(e2ePath, 'utf8'));
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  console.log(`e2e: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`);
} else console.log('e2e: no report (did not run)');

if (exitStatus !== 0 && failed === 0) {
  console.log('npm test failed before or outside the test runners (lint, typecheck or a crash): counted as 1 failure.');
  failed = 1;
}
if (skipped > 0) console.log(`${skipped} skipped (the electron project skips itself where Electron's binary is absent; see the reason printed above).`);
console.log(`${passed} passed, ${failed} failed`);
