// NIST 800-63B blocklist: whitespace-only, the username inside, common and trivial passwords are refused.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../shared/domain/passwordPolicy';

describe('passwordProblem', () => {
  it.each(['        ', '\t\t\t\t  \n  '])('refuses an all-whitespace password %j', (p) => expect(passwordProblem(p, 'clerk')).toMatch(/空白/));
  it.each([['clerk-2024!', 'clerk'], ['my BOSS pw 99', 'boss'], ['Admin2025', 'admin2025']])('refuses %s containing the username %s', (p, u) =>
    expect(passwordProblem(p, u)).toMatch(/帳號/),
  );
  it.each(['password', 'PASSWORD', '12345678', 'qwerty123', '1qaz2wsx', 'P@ssw0rd', 'iloveyou', 'aaaaaaaa', 'abababab', 'abcdefghij', '87654321', 'staffbook1'])(
    'refuses the common or trivial %s',
    (p) => expect(passwordProblem(p, 'someone')).toMatch(/常見/),
  );
  it.each(['correct horse battery', 'long-enough-pw-42', '我的密碼是春天的風', 'Tr0ub4dor&3x'])('accepts %s', (p) => expect(passwordProblem(p, 'clerk')).toBeNull());
});
