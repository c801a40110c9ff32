// What a clerk reads when a value is refused: plain Chinese, no type names or regular expressions. Anything not
// covered here falls back to zod's own zh-TW locale. Installed once, where the contract's building blocks load.
import { z } from 'zod';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

export function clerkMessage(issue: Issue): string | undefined {
  const i = issue as Issue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; expected?: string; format?: string; input?: unknown };
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined || i.input === null || i.input === '') return '必填';
      return i.expected === 'number' ? '請填數字' : i.expected === 'string' ? '請填文字' : '格式不正確';
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '必填' : `至少 ${i.minimum} 個字`;
      if (i.origin === 'array') return Number(i.minimum) <= 1 ? '至少要有一筆' : `至少要有 ${i.minimum} 筆`;
      if (i.origin === 'number') return Number(i.minimum) === 0 && i.inclusive ? '不可為負數' : `應${i.inclusive ? '不小於' : '大於'} ${i.minimum}`;
      return undefined;
    case 'too_big':
      if (i.origin === 'string') return `最多 ${i.maximum} 個字`;
      if (i.origin === 'number') return `應${i.inclusive ? '不大於' : '小於'} ${i.maximum}`;
      if (i.origin === 'array') return `最多 ${i.maximum} 筆`;
      return undefined;
    case 'invalid_format':
      return '格式不正確';
    case 'invalid_value':
      return '請從清單中選擇';
    case 'not_multiple_of':
      return '請填整數';
    default:
      return undefined;
  }
}

z.config({ ...z.locales.zhTW(), customError: clerkMessage });
