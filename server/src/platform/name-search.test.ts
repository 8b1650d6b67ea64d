import { describe, expect, it } from 'vitest';
import { foldName, namePatterns } from './name-search';

describe('name search keys', () => {
  it('folds Vietnamese marks and case', () => {
    expect(foldName('Nguyễn Thị Đào')).toBe('nguyen thi dao');
  });

  it('moves each Thai leading vowel after its consonant, as a Thai dictionary sorts', () => {
    expect(foldName('เกศินี')).toBe('กเศินี');
    expect(foldName('แก้ว ใจดี')).toBe('กแ้ว จใดี');
    expect(foldName('สมชาย')).toBe('สมชาย');
    const sorted = ['ไก่ ทอง', 'ขวัญ', 'เกศินี', 'โชค', 'กมล', 'แก้ว'].sort((a, b) =>
      foldName(a) < foldName(b) ? -1 : 1,
    );
    expect(sorted).toEqual(['กมล', 'เกศินี', 'แก้ว', 'ไก่ ทอง', 'ขวัญ', 'โชค']);
  });

  it('makes LIKE patterns for the start of the name or of a word, wildcards taken literally', () => {
    expect(namePatterns(' Đỗ ')).toEqual(['do%', '% do%']);
    expect(namePatterns('50%_')).toEqual(['50\\%\\_%', '% 50\\%\\_%']);
    expect(namePatterns('เก')).toEqual(['กเ%', '% กเ%']);
    // a leading vowel typed alone stands after any one consonant
    expect(namePatterns('ใ')).toEqual(['_ใ%', '% _ใ%']);
    expect(namePatterns('สมเ')).toEqual(['สม_เ%', '% สม_เ%']);
  });
});
