// 身分證字號: letter + 9 digits with a checksum; normalised to upper case; masked on screen.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { isValidNationalId, maskNationalId, normalizeNationalId } from '../../shared/domain/nationalId';
import { syntheticNationalId } from '../../electron/demo/demoOffice';

const SAMPLE_CSV = path.resolve(__dirname, '../fixtures/roster-sample.csv');
const SAMPLE_IDS = ['A130000019', 'B230000021', 'C130000039', 'D230000041', 'E130000059', 'F230000061', 'G130000079'];

describe('valid IDs', () => {
  it.each(SAMPLE_IDS)('sample ID %s is valid', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it('the sample CSV carries exactly these IDs (so the list above stays in step with the file)', () => {
    const ids = new Set(
      fs
        .readFileSync(SAMPLE_CSV, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',')[1]),
    );
    expect([...ids].sort()).toEqual(SAMPLE_IDS);
    for (const id of ids) expect(isValidNationalId(id)).toBe(true);
  });

  it('the textbook example A123456789 is valid', () => {
    expect(isValidNationalId('A123456789')).toBe(true);
  });

  it('the demo office synthetic IDs are valid (letter Z = 33)', () => {
    for (let i = 0; i < 30; i++) {
      const id = syntheticNationalId(i, i % 2 === 0);
      expect(id).toMatch(/^Z[12]\d{8}$/);
      expect(isValidNationalId(id)).toBe(true);
    }
  });
});

describe('invalid IDs', () => {
  it.each([
    ['A130000018', 'last digit off by one'],
    ['A130000010', 'checksum digit 0 instead of 9'],
    ['B230000022', 'checksum'],
    ['A123456788', 'checksum'],
    ['A323456789', 'second digit must be 1, 2, 8 or 9'],
    ['A12345678', 'nine characters'],
    ['A1234567890', 'eleven characters'],
    ['1123456789', 'no letter'],
    ['AB23456789', 'old-style two-letter residence number is not accepted'],
    ['', 'empty'],
    ['A12345678９', 'full-width digit'],
  ])('%j is rejected (%s)', (id) => {
    expect(isValidNationalId(id)).toBe(false);
  });

  it('changing the last (check) digit of a valid ID always breaks it', () => {
    const id = 'C130000039';
    for (let d = 0; d <= 9; d++) {
      const changed = id.slice(0, 9) + d;
      expect(isValidNationalId(changed), changed).toBe(changed === id);
    }
  });
});

describe('normalisation', () => {
  it('lower case and surrounding spaces are normalised to upper case', () => {
    expect(normalizeNationalId(' a130000019 ')).toBe('A130000019');
    expect(isValidNationalId('a130000019')).toBe(true);
    expect(isValidNationalId('  g130000079\t')).toBe(true);
  });
});

describe('masking', () => {
  it('shows the first 3 and last 3 characters: A12****789', () => {
    expect(maskNationalId('A123456789')).toBe('A12****789');
    expect(maskNationalId('A130000019')).toBe('A13****019');
    expect(maskNationalId('A123456789')).toMatch(/^[A-Z]\d{2}\*{4}\d{3}$/);
  });

  it('the masked form never contains the middle four digits', () => {
    const masked = maskNationalId('B234567891');
    expect(masked).toBe('B23****891');
    expect(masked).not.toContain('4567');
  });

  it('empty or short values do not leak', () => {
    expect(maskNationalId(null)).toBe('');
    expect(maskNationalId(undefined)).toBe('');
    expect(maskNationalId('')).toBe('');
    expect(maskNationalId('A12345')).toBe('****');
  });
});
