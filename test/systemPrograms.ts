// Suites that need a program from the operating system (Chromium, LibreOffice, pdftotext) look for it here. Missing:
// the suite is skipped with a loud `!!!` line naming what was skipped and how to install it — unless
// STAFFBOOK_REQUIRE_SYSTEM=1 (set by .ci/run), which turns "missing" into a failure so CI always runs everything.
import fs from 'node:fs';
import path from 'node:path';

/** The first candidate that exists: absolute paths as given, bare names looked up on PATH. */
export function findProgram(candidates: readonly (string | undefined)[]): string | null {
  for (const c of candidates) {
    if (!c) continue;
    if (path.isAbsolute(c)) {
      if (fs.existsSync(c)) return c;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const p = path.join(dir, c);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return null;
}

/**
 * The program's path, or null after printing what is skipped. Throws when STAFFBOOK_REQUIRE_SYSTEM=1.
 * @param what   the program, as a reader knows it ("LibreOffice")
 * @param skipped what will not run without it (Chinese, for the log)
 * @param install how to install it ("sudo apt-get install libreoffice-calc")
 */
export function requireSystemProgram(what: string, candidates: readonly (string | undefined)[], skipped: string, install: string): string | null {
  const found = findProgram(candidates);
  if (found) return found;
  const line = `!!! ${skipped}已略過：找不到 ${what}。安裝方式：${install}`;
  if (process.env.STAFFBOOK_REQUIRE_SYSTEM === '1') throw new Error(`${line} — STAFFBOOK_REQUIRE_SYSTEM=1 requires it`);
  console.warn(`\n${line}\n!!! SKIPPED: ${what} not found (${install})\n`);
  return null;
}
