/**
 * `npm run bench crash-bench`: kill -9 during saves, imports, restores and search index writes,
 * reopen, verify (see crash/crash-suite.ts). Prints the figures and the machine. CRASH_RUNS sets
 * the number of kills (default 60, a quarter of each kind).
 */
import { cpus } from 'node:os';
import { runChild, type ChildMode } from './crash/crash-child';
import { runCrashSuite } from './crash/crash-suite';
import { benchSize } from './bench-size';

if (process.argv[2] === '--child') {
  runChild(process.argv[3] as ChildMode, process.argv[4]!, process.argv[5] ?? '').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const runs = benchSize(Number(process.env.CRASH_RUNS ?? 60), 4);
  const started = performance.now();
  const figures = await runCrashSuite({
    runs,
    childCommand: { execPath: process.execPath, args: [process.argv[1]!] },
    log: (line) => console.log(`  ${line}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`);
  console.log(`Runs: ${runs} kills (saves ${figures.runs.saves}, imports ${figures.runs.import}, restores ${figures.runs.restore}, search index writes ${figures.runs.search}) in ${seconds} s`);
  console.log(`Search after a kill: words of acknowledged articles whose article search did not put first: ${figures.searchMisses}`);
  console.log(`Acknowledged writes checked: ${figures.acknowledgedWrites}; lost: ${figures.lost}`);
  console.log(`Restores: ${figures.restoresWhole} whole, ${figures.restoresAbsent} absent (retried: ${figures.restoresAbsent - figures.retriedRestoresFailed} succeeded), ${figures.partialRestores} partial`);
  console.log(`Import retries: ${figures.importRetryDuplicates} duplicates; projects that did not reopen cleanly: ${figures.openFailures}`);
  if (figures.failures.length > 0) process.exit(1);
}
