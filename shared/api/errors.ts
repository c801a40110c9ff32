// Errors cross every boundary as plain data: a code for programs, a Chinese message for the clerk,
// and the field or rows they concern.
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'IMPORT_INVALID' | 'UNKNOWN_METHOD' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE' | 'INTERNAL';

export interface IssueDetail {
  /** 1-based spreadsheet row (the header is row 1), when the problem is in an imported file */
  row?: number;
  field?: string;
  message: string;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: IssueDetail[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: IssueDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message, field: this.field, issues: this.issues };
  }
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorData };
