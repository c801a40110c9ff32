// How the audit log's hash-chain check reads to a person, the same words in the CLI's doctor and the backup page.
export interface AuditChainState {
  state: 'ok' | 'broken' | 'absent';
  rows: number;
  firstBroken: { id: number; at: string } | null;
}

export function describeAuditChain(c: AuditChainState): string {
  if (c.state === 'ok') return `正常（${c.rows} 筆相連）`;
  if (c.state === 'absent') return '此資料庫尚未建立雜湊鏈';
  return c.firstBroken
    ? `異常：第一筆不符為編號 ${c.firstBroken.id}（${c.firstBroken.at}），操作紀錄可能被直接修改過`
    : '異常：操作紀錄無法讀取';
}
