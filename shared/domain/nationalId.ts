// 身分證字號 (and the 2021 new-format 居留證號, whose second letter digit is 8 or 9): letter + 9 digits with a checksum.
const LETTER_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

export function normalizeNationalId(s: string): string {
  return s.trim().toUpperCase();
}

export function isValidNationalId(raw: string): boolean {
  const s = normalizeNationalId(raw);
  if (!/^[A-Z][1289]\d{8}$/.test(s)) return false;
  const code = LETTER_CODES[s[0]];
  const digits = [Math.floor(code / 10), code % 10, ...s.slice(1).split('').map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = digits.reduce((acc, d, i) => acc + d * weights[i], 0);
  return sum % 10 === 0;
}

/** A12****789: enough to tell two people apart on screen without exposing the number. */
export function maskNationalId(s: string | null | undefined): string {
  if (!s) return '';
  return s.length < 7 ? '****' : `${s.slice(0, 3)}****${s.slice(-3)}`;
}
