// The one value table of the imports (issue 12 §3): the words offices and the ministry's forms use → the codes the
// rules read. Matched after NFKC and with spaces removed. The template's instructions sheet prints the same table,
// and an unknown value is refused naming the value and these words.
import { normalizeCode } from './importText';
import type { EndReason, Funding } from './types';

/** Role words → built-in role codes (RULES §1). Offices' own roles are found by their name or code as well. */
export const ROLE_WORDS: Record<string, readonly string[]> = {
  CM: ['個管', '個管員', '個案管理員', '個案管理師', '一般個管', '一般個案管理員', '一般個管員'],
  SCM: ['資深個管', '資深個管員', '資深個案管理員', '資深個案管理師'],
  SUP: ['督導', '個管督導', '個案管理督導', '督導員'],
  PM: ['專管', '專管人員', '專案管理人力', '專案計畫管理人力', '專案管理員', '專案管理人員'],
  OWN: ['自有專責', '自有專責人力', '機關自有專責人力', '自有人力'],
};

export const FUNDING_WORDS: Record<Funding, readonly string[]> = {
  補助: ['補助', '本部計畫補助人力', '本部計畫補助人力(含聘用及臨時)', '計畫補助人力', '計畫補助', '衛福部補助', '中央補助', '補助人力'],
  自有: ['自有', '機關自有專責人力', '自有專責人力', '機關自有', '自有人力', '自籌'],
};

export const END_REASON_WORDS: Record<EndReason, readonly string[]> = {
  離職: ['離職', '辭職', '自請離職', '請辭', '解聘', '資遣'],
  轉任他職: ['轉任他職', '轉任', '調職', '調任', '轉調'],
  期滿: ['期滿', '約滿', '契約期滿', '聘期屆滿', '計畫結束'],
  職務異動: ['職務異動', '升任', '升遷', '晉升', '職務調整', '改任'],
  其他: ['其他', '退休', '死亡'],
};

export const BUSINESS_GROUP_WORDS: Record<string, readonly string[]> = {
  預防宣導組: ['預防宣導組', '預防宣導', '宣導組'],
  保護扶助組: ['保護扶助組', '保護扶助', '扶助組'],
  醫療服務組: ['醫療服務組', '醫療服務', '醫療組'],
  綜合規劃組: ['綜合規劃組', '綜合規劃', '綜規組'],
};

export const HOUR_KIND_WORDS: Record<string, readonly string[]> = {
  繼續教育: ['繼續教育', '在職教育', '教育訓練', '繼續教育訓練'],
  服務: ['服務', '服務時數', '值勤', '志願服務'],
};

/** How a value is compared: full width folded, spaces gone, ASCII parentheses. */
export const valueKey = (s: string) => normalizeCode(s).replace(/\s+/g, '');

/** The code a word means in a table, or undefined. */
export function lookupWord<K extends string>(table: Record<K, readonly string[]>, text: string): K | undefined {
  const k = valueKey(text);
  if (!k) return undefined;
  for (const code of Object.keys(table) as K[]) if (table[code].some((w) => valueKey(w) === k)) return code;
  return undefined;
}

/** The accepted words of a table, for a message: 「補助（本部計畫補助人力…）、自有（…）」. */
export function acceptedWords(table: Record<string, readonly string[]>, limit = 4): string {
  return Object.entries(table)
    .map(([code, words]) => {
      const more = words.filter((w) => w !== code).slice(0, limit);
      return more.length ? `${code}（${more.join('、')}）` : code;
    })
    .join('、');
}
