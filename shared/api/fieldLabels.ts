// Every field's Chinese name, once (issue #15 item 4): the dispatcher's validation messages, the audit log's
// history and the forms all say 「姓名」, never 「name」 or 「volunteer.name」. test/unit/fieldLabels.test.ts walks the
// contract and fails when an input field has no label here. Database columns (snake_case) map through camelCase.
export const FIELD_LABELS: Record<string, string> = {
  // people and periods
  name: '姓名', nationalId: '身分證字號', employeeNo: '員工編號', education: '學歷', department: '科系', certificate: '證照',
  certificateNo: '證書字號', contact: '聯絡方式', clearedOn: '督導評估通過獨立作業日', person: '人員', personId: '人員',
  period: '任職期間', periodId: '任職期間', roleCode: '職稱', role: '角色', funding: '人力來源', businessGroup: '業務組',
  businessGroups: '業務組', adminUnit: '所屬行政單位', adminUnits: '所屬行政單位', title: '職稱（名稱）', startDate: '起日',
  endDate: '迄日', endReason: '離職原因', note: '備註', code: '代碼', kind: '類別', sort: '排序', builtin: '內建',
  // plan year, quota and parameters
  rocYear: '年度', params: '年度參數', quota: '核定員額', approvedTotal: '核定員額', fundedCM: '補助個管', fundedSCM: '補助資深個管',
  fundedSUP: '補助督導', fundedPM: '補助專管', ratio: '個管：督導比', ratioFloor: '調整後最低比', seniorDivisor: '資深個管除數',
  pmFactor: '專管比例', caseCapacity: '每人服務量', retentionMonthsShort: '留任月數（短）', retentionMonthsLong: '留任月數（長）',
  targetShort: '12 個月留任率目標', targetLong: '18 個月留任率目標', midRefMonthDay: '期中基準日', endRefMonthDay: '期末基準日',
  // caseloads and supervision
  monthEnd: '月底日期', cumulative: '累計個管案量', active: '在案案量', caseManagerId: '個管', supervisorId: '督導',
  // training
  L1: 'Level 1', L2: 'Level 2', L3: 'Level 3', SUP_L1: '督導 Level 1', SUP_L2: '督導 Level 2', SUP_L3: '督導 Level 3',
  level: '等級', levels: '等級', topic: '課程主題', topics: '課程主題', course: '課程', courseId: '課程', provider: '主辦單位',
  heldOn: '上課日期', hours: '時數', certifiedOnly: '僅限認證課程', approvalDoc: '核定公文', attendees: '出席者',
  basicTrainingOn: '基礎訓練日期', specialTrainingOn: '特殊訓練日期', report: '個案報告', caseReports: '個案報告',
  presentedOn: '報告日期', meeting: '督導會議', dueMonthDay: '期限（月日）', dueMonthsAfterStart: '到職後期限（月）',
  // volunteers and interns
  volunteer: '志工', volunteerId: '志工', volunteerCE: '志工繼續教育', volunteerCeHours: '繼續教育時數', volunteerTarget: '志工目標',
  workedOn: '服務日期', result: '考核結果', intern: '實(見)習生', school: '合作單位', schoolId: '合作單位', cooperation: '合作方式',
  content: '實習內容', unit: '單位',
  // exports, settings, files
  half: '期別', form: '報表', format: '檔案格式', date: '日期', today: '今天', from: '起日', to: '迄日', months: '月數', end: '迄日', replacesId: '取代之送出紀錄', contents: '含檔案', filledOn: '填報日期',
  file: '檔案', fileName: '檔名', contentBase64: '檔案內容', toDir: '資料夾', office: '單位資料', county: '縣市', centre: '中心名稱',
  lists: '選單', yearly: '年度資料', annex: '附件', progress: '自評進度', retention: '留任率', dedicatedStaff: '專責人力',
  avgCaseload: '平均案量', chart: '組織架構', group: '業務組', lead: '主責局處', assist: '協辦局處', inputs: '指標填報數據', meetingsHeld: '召開會議次數', meetingsChaired: '首長主持次數', centralSubsidy: '中央補助經費', selfFunded: '自籌經費', minSelfRatio: '最低自籌比率', minutes: '分鐘', limit: '筆數', offset: '起始筆', entity: '對象', action: '動作', actor: '操作者', id: '編號',
  // accounts
  username: '帳號', displayName: '顯示名稱', password: '密碼', oldPassword: '舊密碼', newPassword: '新密碼', passphrase: '密語', disabled: '停用',
  failedAttempts: '登入失敗次數', lockedUntil: '鎖定至', idleMinutes: '閒置登出（分鐘）',
  // imports, 附件五 其他, first start
  duties: '工作內容（其他）', sheet: '工作表', setupCode: '設定碼',
  // 志願服務法: 紀錄冊, 榮譽卡, 績優獎勵
  volunteerHonours: '志願服務榮譽參數', cardYears: '榮譽卡服務年資（年）', cardHours: '榮譽卡服務時數', cardValidYears: '榮譽卡效期（年）',
  awardHours: '績優獎勵時數', 銅牌: '銅牌', 銀牌: '銀牌', 金牌: '金牌', expiringDays: '到期提醒（天）', source: '法源',
  recordBookNo: '紀錄冊編號', recordBookOn: '紀錄冊發給日', issuedOn: '發給日', expiresOn: '效期至', cardNo: '榮譽卡號',
  hoursThrough: '時數計算至', tier: '獎勵等級', awardedOn: '獲獎日期',
  // bookkeeping columns the audit log carries
  createdAt: '建立時間', updatedAt: '更新時間', value: '值',
};

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The Chinese name of one field or database column; undefined when nobody named it. */
export function fieldLabel(key: string): string | undefined {
  return FIELD_LABELS[key] ?? FIELD_LABELS[camel(key)] ?? FIELD_LABELS[camel(key).replace(/Id$/, '')];
}

/** `attendees.2.hours` → 「出席者第 3 筆的時數」: a zod path in words, for a message that names its field. */
export function pathLabel(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') words.push(`第 ${p + 1} 筆`);
    else words.push(fieldLabel(String(p)) ?? String(p));
  }
  // the innermost field is what the clerk edits; the outer object ("person", "period") adds nothing but noise
  const last = words.pop() ?? '';
  const rows = words.filter((w) => w.startsWith('第 '));
  return rows.length ? `${rows.join('')}的${last}` : last;
}
