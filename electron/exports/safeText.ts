// Spreadsheet formula injection: text a clerk typed (a name, a department) that starts with = + - @ tab or CR could be
// run as a formula by a spreadsheet that re-parses it (CSV round trips, "edit cell then Enter"). Such text gets the
// conventional leading apostrophe, so every reader keeps it as literal text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR, noncharacters, lone surrogates); dropped rather than corrupting the file. */
export function stripXmlInvalid(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
