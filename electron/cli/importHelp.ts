// `<import command> --help`: the columns and accepted words, from the same guide the template's 填寫說明 sheet prints.
import type { ImportFields } from '../../shared/domain/importColumns';
import { importGuide } from '../../shared/domain/importGuide';

export function importHelp(template: ImportFields): string {
  return ['', `${template.name}的欄位與可用的寫法：`, ...importGuide(template).map((g) => `  ${g.item}\n      ${g.text}`)].join('\n');
}
