// Shared by the memory children: the process's peak resident set and the largest JS heap seen, as one JSON line.
import fs from 'node:fs';

let peakHeap = 0;
export const sample = () => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));

/** Peak RSS in MB. On Linux VmHWM, which starts afresh at exec: getrusage's maxrss would carry over the forking parent's. */
function peakRssMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

export const report = () => process.stdout.write(JSON.stringify({ maxRssMB: peakRssMB(), peakHeapMB: peakHeap / 1048576 }));
export const DATES = ['2024-06-30', '2024-12-31', '2025-06-30'];
