// Every export lands under its final name in one step: bytes go to a temp file in the same folder (same file system,
// so rename is atomic), are flushed to disk, then renamed over the target. A crash or a full disk leaves either the
// old file or none — never half a spreadsheet under the name the clerk chose.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
