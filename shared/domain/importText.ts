// How a cell's text is cleaned before it is validated (issue 12 §5) and which characters a stored text may hold
// (issue 13 §12). Pure: used by the reading layer, every template's row reader and the exports.

/**
 * Dates, IDs, numbers, codes and header words: NFKC folds what zh-TW input methods type in 全形 (１１３/０６/３０,
 * Ｍ２２, （）, U+3000) into their plain forms, so a clerk's full-width entry validates like a half-width one.
 */
export function normalizeCode(s: string): string {
  // ASCII and CJK unified ideographs are their own NFKC form, and most cells are nothing else: skip ICU for them
  return (NFKC_STABLE.test(s) ? s : s.normalize('NFKC')).trim();
}
const NFKC_STABLE = /^[\x00-\x7f\u4e00-\u9fff]*$/;

/**
 * Names and free text keep their characters: NFKC would also fold CJK compatibility ideographs (some rare name
 * characters) into other code points, changing a person's name. Only the ideographic space and the ends are cleaned.
 */
export function normalizeText(s: string): string {
  return s.replace(/\u3000/g, ' ').trim();
}

/** C0/C1 controls (a line break or tab inside a cell excepted), noncharacters and lone surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a text may not be stored, as a Chinese phrase, or null: the same limits the API's schemas apply to what is typed
 * (an import must not store what the screen would refuse). `max` counts characters as the schema does (UTF-16 units).
 */
export function textProblem(s: string, max: number): string | null {
  const bad = FORBIDDEN.exec(s);
  if (bad) return `含有無法儲存的控制字元或無效字元（${codePoint(bad[0])}，第 ${bad.index + 1} 個字），請刪除後重新輸入`;
  if (s.length > max) return `長度 ${s.length} 字，超過 ${max} 字的上限`;
  return null;
}
