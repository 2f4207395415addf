// Preloaded into the measured node process: on exit, write its peak resident set (KiB) to the
// file named by PKGREPO_BENCH_RSS. Nothing else changes in the process.
import { writeFileSync } from 'node:fs';

const target = process.env.PKGREPO_BENCH_RSS;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
