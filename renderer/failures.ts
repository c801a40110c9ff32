// The renderer's last line: any error nobody caught becomes one Chinese message on screen.
import { ApiCallError } from './api/client';

export function failureMessage(err: unknown): string {
  // the back end's errors are already written for the clerk
  if (err instanceof ApiCallError) return err.message;
  return `發生未預期的錯誤，請重試；若持續發生請通知管理者（${err instanceof Error ? err.message : String(err)}）`;
}

export function reportFailure(err: unknown, show: (message: string) => void): void {
  show(failureMessage(err));
}
