// The zip container of an OpenDocument file, written with Node's own zlib (deflate and crc32 in native code). An
// .ods register is ~1 MB of XML; JSZip deflated it in JavaScript, which was most of the export's time (issue 18).
// Only what ODF needs: stored or deflated entries, in the order given, no zip64, no extra fields (ODF 1.2 part 3 §3.3
// wants `mimetype` first, stored, with no extra field, so tools can sniff the type from byte 30).
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** stored uncompressed (the ODF `mimetype` entry) */
  store?: boolean;
}

/** MS-DOS date and time, the zip format's only timestamp, in local time as zip tools read it. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function zipEntries(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.store ? raw : zlib.deflateRawSync(raw, { level: 6 });
    const name = Buffer.from(e.name, 'utf8');
    // the fields a local header and its central directory entry share, in the same order (APPNOTE 4.3.7, 4.3.12)
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    shared.writeUInt16LE(0x0800, 2); // names are UTF-8
    shared.writeUInt16LE(e.store ? 0 : 8, 4);
    shared.writeUInt16LE(time, 6);
    shared.writeUInt16LE(date, 8);
    shared.writeUInt32LE(zlib.crc32(raw), 10);
    shared.writeUInt32LE(body.length, 14);
    shared.writeUInt32LE(raw.length, 18);
    shared.writeUInt16LE(name.length, 22); // then no extra field
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    shared.copy(central, 6);
    central.writeUInt32LE(offset, 42); // comment, disk and attributes stay 0
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfDirectory(entries.length, directory.length, offset)]);
}

/** The end-of-central-directory record: how many entries, and where their directory sits. */
export function endOfDirectory(entries: number, directoryLength: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directoryLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}
