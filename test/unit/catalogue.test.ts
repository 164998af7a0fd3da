import {
  CATALOGUE_2020,
  codeKey,
  findRule,
  loadCatalogue,
  ruleKey,
  validateCatalogue,
} from '../../src/catalogue';
import type { Catalogue, Rule } from '../../src/catalogue/types';

/** SPEC §1, transcribed: code, kind, comparator, target. */
const SPEC_TABLE: [string, Rule['kind'], Rule['comparator'], string][] = [
  ['I.1a', 'count', '>=', '110'],
  ['I.1b', 'count', '>=', '4'],
  ['I.2a', 'ratio', '>=', '90'],
  ['I.2b', 'ratio', '>=', '80'],
  ['I.3', 'count', '>=', '800'],
  ['I.4a', 'ratio', '>=', '100'],
  ['I.4b', 'ratio', '>', '90'],
  ['I.5a', 'plan', '>=', '100'],
  ['I.5b', 'plan', '>=', '100'],
  ['I.6', 'ratio', '>=', '80'],
  ['I.7a', 'ratio', '>=', '100'],
  ['I.7b', 'ratio', '>', '80'],
  ['I.8', 'ratio', '>=', '100'],
  ['I.9', 'count', '>=', '50'],
  ['II.1a', 'ratio', '>=', '100'],
  ['II.1b', 'ratio', '>=', '100'],
  ['II.1c', 'ratio', '>=', '90'],
  ['II.2', 'ratio', '>=', '90'],
  ['II.3a', 'ratio', '>=', '100'],
  ['II.3b', 'ratio', '>=', '80'],
  ['II.4', 'count', '>=', '2'],
  ['II.5', 'count', '>=', '12'],
  ['II.6a', 'ratio', '>=', '100'],
  ['II.6b', 'ratio', '>=', '100'],
  ['II.7a', 'ratio', '>=', '95'],
  ['II.7b', 'ratio', '>', '65'],
];

const COUNT_UNITS: Record<string, string> = {
  'I.1a': 'đoàn viên',
  'I.1b': 'CĐCS',
  'I.3': 'đoàn viên',
  'I.9': 'CĐCS',
  'II.4': 'thỏa thuận',
  'II.5': 'cuộc',
};

/** A deep copy of the 2020 data with one rule changed, for the schema's error messages. */
function withRule(index: number, change: Record<string, unknown>): unknown {
  const copy = JSON.parse(JSON.stringify(CATALOGUE_2020)) as { rules: Record<string, unknown>[] };
  copy.rules[index] = { ...copy.rules[index], ...change };
  return copy;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('the 2020 catalogue', () => {
  const catalogue = loadCatalogue('2020');

  it('holds the 26 rules of SPEC §1 in order, with their kind, comparator and target', () => {
    expect(catalogue.rules.map((r) => [r.code, r.kind, r.comparator, r.target])).toEqual(
      SPEC_TABLE,
    );
  });

  it('gives each rule its section, ĐVT and what one Thực hiện counts', () => {
    for (const rule of catalogue.rules) {
      expect(rule.section).toBe(rule.code.startsWith('II.') ? 'II' : 'I');
      if (rule.kind === 'count') {
        expect(rule.unit.vi).toBe(COUNT_UNITS[rule.code]);
        expect(rule.itemUnit).toEqual(rule.unit);
        expect(rule.denominator).toBeNull();
      } else {
        expect(rule.unit.vi).toBe(rule.kind === 'plan' ? 'đồng' : '%');
        expect(rule.denominator?.vi).toBeTruthy();
      }
      expect(rule.integer).toBe(rule.kind !== 'plan');
    }
    expect(findRule(catalogue, 'I.2b')?.itemUnit.vi).toBe('CĐCS');
    expect(findRule(catalogue, 'I.6')?.itemUnit.vi).toBe('đoàn viên');
    expect(findRule(catalogue, 'II.1a')?.itemUnit.vi).toBe('cơ quan, đơn vị');
    expect(findRule(catalogue, 'II.6a')?.itemUnit.vi).toBe('người');
    expect(findRule(catalogue, 'I.5a')?.itemUnit.vi).toBe('đồng');
  });

  it('words every rule in Vietnamese from the seed, with its target, and in English', () => {
    for (const rule of catalogue.rules) {
      const figure = String(Number(rule.target));
      expect(rule.wording.vi).toMatch(new RegExp(`(^|\\D)0?${figure}(%|\\D)`));
      // English says "every" for a 100% target, as a native speaker would.
      if (figure === '100' && rule.kind === 'ratio') expect(rule.wording.en).toMatch(/\bevery\b/i);
      else expect(rule.wording.en).toContain(figure);
      expect(rule.wording.vi).toMatch(/\.$/);
      if (rule.comparator === '>') expect(rule.wording.vi).toMatch(/[Tt]rên/);
    }
    const all = catalogue.rules.map((r) => r.wording.vi).join(' ');
    expect(all).not.toMatch(/Công CĐCS|cập nhập|nữ công CNVCLĐ/);
    expect(findRule(catalogue, 'I.8')?.wording.vi).toContain('cập nhật phần mềm quản lý đoàn viên');
  });

  it('names both sections', () => {
    expect(catalogue.sections.map((s) => [s.id, s.title.vi])).toEqual([
      ['I', 'Chỉ tiêu thuộc trách nhiệm trực tiếp của tổ chức Công đoàn'],
      ['II', 'Chỉ tiêu tổ chức Công đoàn phối hợp thực hiện'],
    ]);
  });

  it('is validated once and then cached', () => {
    expect(loadCatalogue()).toBe(catalogue);
    expect(() => loadCatalogue('2019')).toThrow(/Unknown catalogue "2019"/);
  });
});

describe('validateCatalogue', () => {
  it('accepts the 2020 data as it is', () => {
    expect(validateCatalogue(CATALOGUE_2020).rules).toHaveLength(26);
  });

  it.each([
    [3, { target: 'eighty' }, /rule I\.2b, field "target"/],
    [0, { kind: 'sum' }, /rule I\.1a, field "kind"/],
    [6, { comparator: '=>' }, /rule I\.4b, field "comparator"/],
    [1, { denominator: { vi: 'CĐCS', en: 'Unions' } }, /rule I\.1b, field "denominator"/],
    [2, { denominator: null }, /rule I\.2a, field "denominator"/],
    [7, { integer: true }, /rule I\.5a, field "integer"/],
    [14, { section: 'I' }, /rule II\.1a, field "section"/],
    [4, { wording: { vi: '', en: 'x' } }, /rule I\.3, field "wording\.vi"/],
    [5, { code: 'I.2b' }, /rule I\.2b, field "code": the code "I\.2b" appears twice/],
    [9, { target: '0' }, /rule I\.6, field "target"/],
    [10, { target: '120' }, /rule I\.7a, field "target"/],
    [0, { target: '110.5' }, /rule I\.1a, field "target": a count target must be a whole number/],
    [12, { colour: 'red' }, /rule I\.8, field "\(the rule itself\)": Unrecognized key: "colour"/],
  ])('names the rule and the field of a broken rule #%i', (index, change, message) => {
    expect(errorOf(() => validateCatalogue(withRule(index, change)))).toMatch(message);
  });

  it('accepts the shapes of other years: <= and <, average, 0 for at most, any section and code', () => {
    const copy = JSON.parse(JSON.stringify(CATALOGUE_2020)) as Catalogue;
    copy.sections.push({ id: 'III', title: { vi: 'Khác', en: 'Other' } });
    copy.rules.push(
      { ...copy.rules[0], code: 'CT05', section: 'III', comparator: '<=', target: '0' },
      { ...copy.rules[2], code: '1.2', section: 'III', comparator: '<', target: '3.5' },
      {
        ...copy.rules[2],
        code: 'III.4',
        section: 'III',
        kind: 'average',
        target: '0.8',
        periodTargets: [{ months: 6, comparator: '>=', target: '0.4' }],
      },
    );
    copy.source = { kind: 'sheet', file: 'ke-hoach.xlsx', sheet: 'Bộ chỉ tiêu' };
    const catalogue = validateCatalogue(copy);
    expect(catalogue.rules.slice(26).map((r) => [r.code, r.kind, r.comparator, r.target])).toEqual([
      ['CT05', 'count', '<=', '0'],
      ['1.2', 'ratio', '<', '3.5'],
      ['III.4', 'average', '>=', '0.8'],
    ]);
    expect(catalogue.rules[28].periodTargets).toEqual([
      { months: 6, comparator: '>=', target: '0.4' },
    ]);
    expect(catalogue.source).toEqual({
      kind: 'sheet',
      file: 'ke-hoach.xlsx',
      sheet: 'Bộ chỉ tiêu',
    });
  });

  it.each([
    [
      0,
      { target: '0', comparator: '>' },
      /rule I\.1a, field "target": a ">" target of 0 asks for nothing/,
    ],
    [
      2,
      { target: '101', comparator: '<=' },
      /rule I\.2a, field "target": a ratio target is a percentage/,
    ],
    [0, { code: 'X'.repeat(21) }, /field "code": must be at most 20 characters/],
    [0, { section: 'IIII' }, /rule I\.1a, field "section": must be a Roman numeral/],
    [
      0,
      { periodTargets: [{ months: 12, comparator: '>=', target: '55' }] },
      /rule I\.1a, field "periodTargets\.0\.months"/,
    ],
    [
      0,
      { periodTargets: [{ months: 6, comparator: '>=', target: '0' }] },
      /rule I\.1a, field "periodTargets\.0\.target": a ">=" target of 0/,
    ],
    [
      0,
      {
        periodTargets: [
          { months: 6, comparator: '>=', target: '55' },
          { months: 6, comparator: '>=', target: '50' },
        ],
      },
      /field "periodTargets\.1\.months": two targets for 6 months/,
    ],
  ])('refuses a target or period the engine cannot use, #%i', (index, change, message) => {
    expect(errorOf(() => validateCatalogue(withRule(index, change)))).toMatch(message);
  });

  it('names a rule with no code by its position', () => {
    const copy = withRule(2, { code: undefined }) as Catalogue;
    expect(errorOf(() => validateCatalogue(copy))).toMatch(/rule #3, field "code"/);
  });

  it('refuses what is not a catalogue at all', () => {
    expect(errorOf(() => validateCatalogue(null))).toMatch(/Invalid catalogue/);
    expect(errorOf(() => validateCatalogue({ ...CATALOGUE_2020, rules: [] }))).toMatch(
      /field "rules"/,
    );
  });
});

describe('ruleKey and findRule', () => {
  const catalogue = loadCatalogue();

  it.each([
    ['I.1a', 'I.1a'],
    ['I.1.a', 'I.1a'],
    ['I-1a', 'I.1a'],
    ['i.1 A', 'I.1a'],
    [' I . 1 a ', 'I.1a'],
    ['I.1\u00a0a', 'I.1a'],
    ['I.1\u3000a', 'I.1a'],
    ['Ｉ．１ａ', 'I.1a'],
    ['I.01a', 'I.1a'],
    ['I1a', 'I.1a'],
    ['I.8', 'I.8'],
    ['I.8.', 'I.8'],
    ['II.1a', 'II.1a'],
    ['ii-1-a', 'II.1a'],
    ['Ⅱ.7b', 'II.7b'],
    ['II.7b)', 'II.7b'],
    ['I.1–a', 'I.1a'],
    // SPEC §8: sections of any Roman numeral.
    ['III.1', 'III.1'],
    ['iv-2b', 'IV.2b'],
  ])('reads %j as %s', (typed, key) => {
    expect(ruleKey(typed)).toBe(key);
  });

  it.each(['', 'abc', 'IIII.1', 'I.', '1.1a', 'I.1ab', 'Mã chỉ tiêu', 'I.1a I.1b'])(
    'gives null for %j, which is not a code',
    (typed) => {
      expect(ruleKey(typed)).toBeNull();
    },
  );

  it('finds rules as typed and never confuses I.1a with II.1a', () => {
    expect(findRule(catalogue, 'i-1 a')?.code).toBe('I.1a');
    expect(findRule(catalogue, 'ii.1.a')?.code).toBe('II.1a');
    expect(findRule(catalogue, 'I.8.')?.code).toBe('I.8');
    expect(findRule(catalogue, 'I.10')).toBeUndefined();
    expect(findRule(catalogue, 'II.8')).toBeUndefined();
    for (const rule of catalogue.rules) expect(findRule(catalogue, rule.code)).toBe(rule);
  });

  it('matches codes of other shapes ignoring case and spaces (SPEC §8)', () => {
    const [rule] = catalogue.rules;
    const plan = {
      ...catalogue,
      rules: [
        { ...rule, code: 'CT05' },
        { ...rule, code: '1.2' },
      ],
    };
    expect(findRule(plan, 'ct 05')?.code).toBe('CT05');
    expect(findRule(plan, ' 1.2 ')?.code).toBe('1.2');
    expect(findRule(plan, '1.20')).toBeUndefined();
    expect(codeKey('CT05')).toBe(codeKey('c t 0 5'));
  });
});
