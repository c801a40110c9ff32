// Plain data shapes shared by the database layer, the services, the API and the UI.
import type { IsoDate } from '../dates/roc';

export type { IsoDate };

/**
 * How a role counts in the plan's figures:
 * 個管 (CM, SCM) and 督導 (SUP) are the retention population and the ratio; 專管 and 自有 count in headcount only;
 * 'other' roles (e.g. 社安網 心衛社工) appear in roster, headcount and training but in no plan figure.
 */
export type RoleKind = 'case_manager' | 'supervisor' | 'project_manager' | 'own' | 'other';

export interface Role {
  code: string;
  name: string;
  kind: RoleKind;
  builtin: boolean;
  sort: number;
}

export const FUNDING_SOURCES = ['補助', '自有'] as const;
export type Funding = (typeof FUNDING_SOURCES)[number];

export const END_REASONS = ['離職', '轉任他職', '期滿', '職務異動', '其他'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const BUSINESS_GROUPS = ['預防宣導組', '保護扶助組', '醫療服務組', '綜合規劃組'] as const;

export interface Person {
  id: number;
  name: string;
  nationalId: string | null;
  employeeNo: string | null;
  education: string | null;
  department: string | null;
  certificate: string | null;
  contact: string | null;
  /** 附件九: the day a supervisor cleared a new 個管 for independent work */
  clearedOn: IsoDate | null;
}

export interface Period {
  id: number;
  personId: number;
  roleCode: string;
  funding: Funding;
  businessGroup: string | null;
  adminUnit: string | null;
  title: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  endReason: EndReason | null;
  /** 工作內容（其他）: 附件五's short list for people outside case management; left out = none */
  duties?: string | null;
}

/** 留職停薪: unpaid leave; endDate null = still on leave. */
export interface Leave {
  id: number;
  personId: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
  note: string | null;
}
