// Which passwords are refused (NIST SP 800-63B §3.1.1.2): no composition rules, but a password must not be one that
// is commonly used, expected or compromised, nor built from the account's own name. The list below is the most common
// passwords of breach corpora that meet the 8-character minimum, plus ones common in Taiwan (注音/keyboard walks,
// 5201314) and this product's own words. Pure, so the sign-in screen and the back end give the same answer.

const COMMON = `
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword p@55w0rd pa55word pa55w0rd
12345678 123456789 1234567890 0123456789 987654321 9876543210 87654321 12341234 12344321 11223344 12121212 13131313
11111111 00000000 22222222 33333333 55555555 66666666 77777777 88888888 99999999 123123123 147258369 159753123
12345qwert 1234qwer qwer1234 qwerty12 qwerty123 qwerty1234 qwertyui qwertyuiop asdf1234 asdfghjk asdfghjkl
zxcvbnm1 zxcvbnm123 zxcvbn123 1qaz2wsx 1qaz@wsx 1qazxsw2 zaq12wsx zaq1xsw2 q1w2e3r4 q1w2e3r4t5 1q2w3e4r 1q2w3e4r5t
qazwsxedc qweasdzxc abcd1234 abc12345 abc123456 a1234567 a12345678 a123456789 aa123456 aa12345678 aaaa1111
1234abcd 123abc123 abcdefgh abcdefg1 iloveyou iloveyou1 iloveyou2 woaini520 woaini1314 5201314520 52013145
sunshine sunshine1 princess princess1 football football1 baseball baseball1 basketball superman batman123
trustno1 welcome1 welcome123 letmein1 letmein123 changeme changeme1 administrator admin123 admin1234 adminadmin
master123 monkey123 dragon123 shadow123 michael1 jennifer charlie1 computer internet whatever starwars
1234567a 123456aa 123456abc 12345abc 7777777a 1111aaaa 112233aa 0987654321 01234567
taiwan123 taipei101 kaohsiung staffbook staffbook1 staffbook123 renlibu123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** One character repeated, or a straight run of a keyboard row, the alphabet or digits (either direction). */
function isTrivial(p: string): boolean {
  if (new Set(p).size <= 2) return true;
  return SEQUENCES.some((s) => s.includes(p) || [...s].reverse().join('').includes(p));
}

/** The Chinese reason a password is refused, or null when it may be used. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if (password.trim() === '') return '密碼不可全為空白';
  const p = password.toLowerCase();
  const bare = p.replace(/\s+/g, '');
  const u = username?.trim().toLowerCase() ?? '';
  if (u.length >= 3 && (bare.includes(u) || u.includes(bare))) return '密碼不可包含帳號名稱';
  if (COMMON_PASSWORDS.has(bare) || isTrivial(bare)) return '這是常見或容易猜中的密碼，請換一個（可用一句好記的話）';
  return null;
}
