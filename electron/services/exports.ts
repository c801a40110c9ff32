// The ministry's forms (issue 5): data for the screens, the data-quality check, the print view and the files.
// Thin: exportData.ts loads through the figures' own services (training figures via trainingSource.ts, the training
// work's implementation of exportTraining.ts), shared/domain builds, electron/exports writes.
import type { ParsedInput } from '../../shared/api/contract';
import { registerCells, registerHeaders, registerNotes } from '../../shared/domain/registerSheet';
import { STAFFING_INTERPRETATION } from '../../shared/domain/staffingText';
import type { ServiceContext } from './context';
import { indicatorData, qualityCheck, registerData, staffingData } from './exportData';
import { exportFile, preview } from './exportFiles';
import { trainingSource } from './trainingSource';
import { auditEvent } from '../db/audit';

export const exportHandlers = {
  'exports.check': (o: ParsedInput<'exports.check'>, { db, today }: ServiceContext) => ({ rocYear: o.rocYear, half: o.half, ...qualityCheck(db, o, today(), trainingSource) }),

  'exports.register': (o: ParsedInput<'exports.register'>, { db, today }: ServiceContext) => {
    const { rows, meta } = registerData(db, o, today());
    const h = registerHeaders(o.rocYear);
    const headers = [...h.top.slice(0, 10), ...h.sub.slice(10)].map(String);
    return { rocYear: o.rocYear, half: o.half, refDate: meta.refDate, filledOn: meta.filledOn, headers, rows: rows.map((r) => ({ ...r, cells: registerCells(r, meta.refDate) })), notes: registerNotes(meta) };
  },

  'exports.staffingText': (o: ParsedInput<'exports.staffingText'>, { db }: ServiceContext) => {
    const s = staffingData(db, o);
    return { rocYear: o.rocYear, half: o.half, refDate: s.refDate, text: s.text, figures: s.figures, interpretation: [...STAFFING_INTERPRETATION] };
  },

  'exports.indicators': (o: ParsedInput<'exports.indicators'>, { db }: ServiceContext) => {
    const d = indicatorData(db, o, trainingSource);
    return { rocYear: o.rocYear, half: o.half, refDate: d.refDate, rows: d.rows, chart: d.chart, chartYear: d.chartYear, leads: d.leads, interpretation: d.interpretation };
  },

  'exports.preview': ({ form, ...o }: ParsedInput<'exports.preview'>, { db, today }: ServiceContext) => preview(db, form, o, today(), trainingSource),

  'exports.file': async ({ form, format, ...o }: ParsedInput<'exports.file'>, { db, today, actor, system }: ServiceContext) => {
    const f = await exportFile(db, form, format, o, today(), trainingSource);
    // personal data leaving the program is logged (個資法施行細則 §12); a damaged, read-only file cannot take the row
    if (!system.damaged()) auditEvent(db, actor(), 'export', `${f.fileName}（${o.rocYear} 年${o.half === 1 ? '期中' : '期末'}）`);
    return { fileName: f.fileName, mimeType: f.mimeType, contentBase64: f.bytes.toString('base64') };
  },
};
