// (form, format) → bytes, file name and MIME type. Every table form goes through the one Sheet model and the generic
// writers in electron/exports; the paragraph through the Doc model.
import type { ExportForm, ExportFormat } from '../../shared/api/exports';
import { halfLabel } from '../../shared/domain/registerSheet';
import type { Sheet } from '../../shared/domain/exportSheet';
import type { Db } from '../db/connection';
import { docToText, sheetToDoc, type Doc } from '../exports/doc';
import { docToDocx, DOCX_MIME } from '../exports/docxDoc';
import { ODS_MIME, ODT_MIME } from '../exports/odf';
import { docToOdt } from '../exports/odtDoc';
import { sheetToOds } from '../exports/odsSheet';
import { renderPdf } from '../exports/pdf';
import { docHtml, sheetHtml } from '../exports/printHtml';
import { sheetToXlsx, XLSX_MIME } from '../exports/xlsxSheet';
import { headcountData, indicatorData, registerData, staffingData, type ExportOptions } from './exportData';
import type { TrainingSource } from './exportTraining';

export const MIME: Record<ExportFormat, string> = {
  xlsx: XLSX_MIME,
  ods: ODS_MIME,
  pdf: 'application/pdf',
  docx: DOCX_MIME,
  odt: ODT_MIME,
  txt: 'text/plain; charset=utf-8',
};

const FORM_NAME: Record<ExportForm, string> = {
  register: '專責人力運用情形清冊',
  staffingText: '人力運用情形',
  indicators: '衡量指標達成情形',
  headcount: '人力配置表',
};

export function exportFileName(form: ExportForm, o: Pick<ExportOptions, 'rocYear' | 'half'>, format: ExportFormat): string {
  return `${o.rocYear}年度${halfLabel(o.half)}_${FORM_NAME[form]}.${format}`;
}

/** The report section the paragraph belongs to: 參 in the 期中 format (附件十一), 肆 in the 期末 one (附件十二). */
export function staffingDoc(db: Db, o: ExportOptions): { doc: Doc; text: string } {
  const { text } = staffingData(db, o);
  const heading = o.half === 1 ? '參、人力運用情形' : '肆、人力運用情形';
  return { text, doc: { title: `${o.rocYear}年度${halfLabel(o.half)}人力運用情形`, orientation: 'portrait', blocks: [{ kind: 'heading', text: heading }, { kind: 'body', text }] } };
}

export function formSheet(db: Db, form: Exclude<ExportForm, 'staffingText'>, o: ExportOptions, today: string, training?: TrainingSource): Sheet {
  if (form === 'register') return registerData(db, o, today).sheet;
  if (form === 'indicators') return indicatorData(db, o, training).sheet;
  return headcountData(db, o, training).sheet;
}

export function preview(db: Db, form: ExportForm, o: ExportOptions, today: string, training?: TrainingSource): { title: string; html: string; pages: number } {
  if (form === 'staffingText') {
    const { doc } = staffingDoc(db, o);
    return { title: doc.title, ...docHtml(doc) };
  }
  const sheet = formSheet(db, form, o, today, training);
  return { title: sheet.title, ...sheetHtml(sheet) };
}

export async function sheetBytes(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return sheetToXlsx(sheet);
    case 'ods':
      return sheetToOds(sheet);
    case 'pdf':
      return renderPdf(sheetHtml(sheet).html);
    default:
      return docBytes(sheetToDoc(sheet), format);
  }
}

async function docBytes(doc: Doc, format: ExportFormat): Promise<Buffer> {
  if (format === 'docx') return docToDocx(doc);
  if (format === 'odt') return docToOdt(doc);
  if (format === 'pdf') return renderPdf(docHtml(doc).html);
  return Buffer.from(docToText(doc), 'utf8');
}

export async function exportFile(db: Db, form: ExportForm, format: ExportFormat, o: ExportOptions, today: string, training?: TrainingSource) {
  let bytes: Buffer;
  if (form === 'staffingText') {
    const { doc, text } = staffingDoc(db, o);
    // the .txt is what gets pasted into the ministry's system: the paragraph alone
    bytes = format === 'txt' ? Buffer.from(`${text}\n`, 'utf8') : await docBytes(doc, format);
  } else {
    bytes = await sheetBytes(formSheet(db, form, o, today, training), format);
  }
  return { fileName: exportFileName(form, o, format), mimeType: MIME[format], bytes };
}
