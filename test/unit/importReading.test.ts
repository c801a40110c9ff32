// Issue 12: the pieces of the one reading layer, as pure functions — the normaliser, the header matcher, the value
// table, merged cells, date styles and the .ods tokenizer.
import { describe, expect, it } from 'vitest';
import { applyMerges, cellRange, newRow, shownDate } from '../../electron/import/grid';
import { parseOds } from '../../electron/import/readOds';
import { findHeaderRow, matchColumns, normalizeHeader } from '../../shared/domain/importColumns';
import { normalizeCode, normalizeText, textProblem } from '../../shared/domain/importText';
import { END_REASON_WORDS, FUNDING_WORDS, lookupWord, ROLE_WORDS } from '../../shared/domain/importValues';
import { ROSTER_FIELDS } from '../../shared/domain/rosterImport';

const rows = (...values: string[][]) => values.map((v, i) => ({ row: i + 1, values: v }));

describe('the normaliser', () => {
  it('folds full-width digits, slashes, letters and the ideographic space in codes and dates', () => {
    expect(normalizeCode('\u3000１１３/０６/３０\u3000')).toBe('113/06/30');
    expect(normalizeCode('Ｍ２２')).toBe('M22');
    expect(normalizeCode('Ａ１２３４５６７８９')).toBe('A123456789');
    expect(normalizeCode('所屬行政單位（局處）')).toBe('所屬行政單位(局處)');
  });
  it('keeps the characters of names: a CJK compatibility ideograph is not folded into another code point', () => {
    expect(normalizeText('\u3000林\uF9F4明\u3000')).toBe('林\uF9F4明');
    expect(normalizeCode('\uF9F4')).not.toBe('\uF9F4'); // what NFKC would have done to the name
  });
  it('refuses what the API refuses: over-long text, control characters, U+FFFE/U+FFFF, lone surrogates', () => {
    expect(textProblem('範'.repeat(50), 50)).toBeNull();
    expect(textProblem('範'.repeat(51), 50)).toBe('長度 51 字，超過 50 字的上限');
    expect(textProblem('王\u0007明', 50)).toMatch(/U\+0007，第 2 個字/);
    expect(textProblem('王明\uFFFF', 50)).toMatch(/U\+FFFF/);
    expect(textProblem('王\uD800明', 50)).toMatch(/U\+D800/);
    expect(textProblem('第一行\n第二行\t', 50)).toBeNull();
    expect(textProblem('𠀋', 50)).toBeNull(); // a supplementary-plane name character is a pair, not a lone surrogate
  });
});

describe('the header matcher', () => {
  it('normalises header words: spaces, line breaks, full-width parentheses, a trailing * or ：', () => {
    expect(normalizeHeader(' 到職\n日期 *')).toBe('到職日期');
    expect(normalizeHeader('姓　名：')).toBe('姓名');
  });
  it('finds the header below title rows and a blank row, and names the row', () => {
    const found = findHeaderRow(rows(['○○縣 113年人員名冊'], [], ['序號', '姓名', '職稱', '到職日期', '電話']), ROSTER_FIELDS);
    expect(found).toMatchObject({ row: 3, missing: [], duplicates: [] });
    expect(found!.columns.map((c) => c.field)).toEqual([null, '姓名', '職稱代碼', '到職日', null]);
  });
  it('the row naming the most fields wins, wherever it is among the first rows', () => {
    const found = findHeaderRow(rows(['姓名：王小明'], ['姓名', '身分證字號', '職稱代碼', '到職日']), ROSTER_FIELDS);
    expect(found!.row).toBe(2);
  });
  it('職稱 alone is the role; beside a 職稱代碼 column it is the printed title', () => {
    expect(matchColumns(['姓名', '職稱'], ROSTER_FIELDS).map((c) => c.field)).toEqual(['姓名', '職稱代碼']);
    expect(matchColumns(['職稱代碼', '職稱'], ROSTER_FIELDS).map((c) => c.field)).toEqual(['職稱代碼', '職稱']);
    expect(matchColumns(['職稱(文字)'], ROSTER_FIELDS).map((c) => c.field)).toEqual(['職稱']);
  });
  it('names the required columns a header row lacks, and two columns feeding one field', () => {
    expect(findHeaderRow(rows(['姓名', '職稱']), ROSTER_FIELDS)!.missing).toEqual(['到職日']);
    expect(findHeaderRow(rows(['姓名', '到職日', '到職日期', '職稱']), ROSTER_FIELDS)!.duplicates).toEqual([{ field: '到職日', headers: ['到職日', '到職日期'] }]);
    expect(findHeaderRow(rows(['name', 'id']), ROSTER_FIELDS)).toBeNull();
  });
});

describe('the value table', () => {
  it('maps the ministry words to codes, full width and spaces ignored', () => {
    expect(lookupWord(ROLE_WORDS, '個案管理員')).toBe('CM');
    expect(lookupWord(ROLE_WORDS, '資深個管員')).toBe('SCM');
    expect(lookupWord(ROLE_WORDS, '個管督導')).toBe('SUP');
    expect(lookupWord(ROLE_WORDS, '專案管理人力')).toBe('PM');
    expect(lookupWord(FUNDING_WORDS, '本部計畫補助人力（含聘用及臨時）')).toBe('補助');
    expect(lookupWord(FUNDING_WORDS, '機關 自有專責人力')).toBe('自有');
    expect(lookupWord(END_REASON_WORDS, '辭職')).toBe('離職');
    expect(lookupWord(END_REASON_WORDS, '升任')).toBe('職務異動');
    expect(lookupWord(END_REASON_WORDS, '調職')).toBe('轉任他職');
    expect(lookupWord(ROLE_WORDS, '約聘社工')).toBeUndefined();
  });
});

describe('cells', () => {
  it('a value merged down a block fills every data row of the block, and only those', () => {
    const a = newRow(2);
    a.values = ['補助', '王一'];
    const b = newRow(3);
    b.values = ['', '王二'];
    const c = newRow(9);
    c.values = ['', '王三'];
    applyMerges([a, b, c], [cellRange('A2:A5')!, cellRange('A1:XFD1048576')!], 200);
    expect([a.values[0], b.values[0], c.values[0]]).toEqual(['補助', '補助', '']);
    expect([a.merged[0], b.merged[0]]).toEqual([undefined, true]);
  });
  it('a date cell is named as Excel shows it: 民國 styles in ROC, others year/month/day', () => {
    expect(shownDate('2022-03-01', '[$-404]e/m/d')).toBe('111/3/1');
    expect(shownDate('2022-03-01', '[$-404]e"年"m"月"d"日"')).toBe('111年3月1日');
    expect(shownDate('2022-03-01', 'yyyy/m/d')).toBe('2022/3/1');
  });
  it('.ods: repeated empty rows cost nothing, date cells give ISO, spans merge, the active table is read', () => {
    const xml = `<office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
      <table:table table:name="名冊"><table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>補&amp;助</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2021-09-01T00:00:00"><text:p>110/9/1</text:p></table:table-cell></table:table-row>
      <table:table-row><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="3"><text:p>3.0</text:p></table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet>`;
    const settings = '<config:config-item config:name="ActiveTable" config:type="string">名冊</config:config-item>';
    const book = parseOds(xml, settings, { maxRows: 20000, maxColumns: 200, check: () => {} });
    expect(book.active).toBe(1);
    expect(book.sheets[1].rows.map((r) => r.values)).toEqual([['補&助', '2021-09-01'], ['補&助', '3']]);
    expect(book.sheets[1].rows[0].shown[1]).toBe('110/9/1');
  });
});
