import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_2020 } from '../../../src/catalogue/catalogue-2020';
import { draftJson, draftPlan } from '../../../src/drafting/draft';

const SEED = path.resolve(__dirname, '../../../../shared/seed/chi-tieu-2020.txt');
const seedText = readFileSync(SEED, 'utf8');

describe('draft of the seed document (SPEC §1, §13)', () => {
  const plan = draftPlan(seedText);

  it('reads the year, the title and both sections', () => {
    expect(plan.year).toBe(2020);
    expect(plan.title).toBe('CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2020');
    expect(plan.sections).toEqual(
      CATALOGUE_2020.sections.map((s) => ({ id: s.id, title: s.title.vi })),
    );
  });

  it('gives exactly the 26 rules of the built-in catalogue: code, kind, comparator, target, ĐVT', () => {
    const drafted = plan.rules.map((r) => [r.code, r.kind, r.comparator, r.target, r.unit]);
    const expected = CATALOGUE_2020.rules.map((r) => [
      r.code,
      r.kind,
      r.comparator,
      r.target,
      r.unit.vi,
    ]);
    expect(drafted).toEqual(expected);
  });

  it('is sure of every seed rule (nothing to review) and skips no item', () => {
    expect(plan.rules.filter((r) => r.review !== null)).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('points each rule at its number in the text', () => {
    const numbers = plan.rules.map((r) => plan.document.text.slice(r.span.start, r.span.end));
    expect(numbers.slice(0, 5)).toEqual(['110', '04', '90%', '80%', '800']);
    for (const [i, rule] of plan.rules.entries()) {
      expect(numbers[i].replace('%', '').replace(/^0+/, '')).toBe(rule.target);
    }
  });

  it('reads what is counted, and of what, for ratio and plan rules', () => {
    const byCode = new Map(plan.rules.map((r) => [r.code, r]));
    expect(byCode.get('I.4a')).toMatchObject({
      numerator: 'CĐCS có từ 10 đoàn viên nữ trở lên đã thành lập Ban nữ công quần chúng',
      denominator: 'CĐCS có từ 10 đoàn viên nữ trở lên',
    });
    expect(byCode.get('I.5a')).toMatchObject({
      numerator: 'thu kinh phí công đoàn',
      denominator: 'dự toán Tổng LĐLĐ Việt Nam giao',
    });
    expect(byCode.get('II.3b')).toMatchObject({
      numerator: 'doanh nghiệp ngoài khu vực nhà nước tổ chức đối thoại tại nơi làm việc',
      denominator: 'doanh nghiệp ngoài khu vực nhà nước',
    });
    expect(byCode.get('I.7a')).toMatchObject({
      numerator: 'công đoàn cấp trên trực tiếp cơ sở tổ chức kiểm tra tài chính đồng cấp',
      denominator: 'công đoàn cấp trên trực tiếp cơ sở',
    });
    expect(byCode.get('II.5')).toMatchObject({ numerator: 'cuộc giám sát tổ chức, tham gia' });
    expect(byCode.get('I.1a')?.denominator).toBeNull();
  });

  it('writes each target as its own sentence, sharing the words two targets share', () => {
    const byCode = new Map(plan.rules.map((r) => [r.code, r]));
    expect(byCode.get('I.1b')?.wording).toBe(
      'Thành lập mới được 04 công đoàn cơ sở trở lên trong các loại hình doanh nghiệp.',
    );
    expect(byCode.get('II.3a')?.wording).toBe(
      'Tổ chức đối thoại tại nơi làm việc ở 100% doanh nghiệp nhà nước.',
    );
    expect(byCode.get('I.7a')?.wording).toBe(
      'Phấn đấu 100% công đoàn cấp trên trực tiếp cơ sở tổ chức kiểm tra tài chính đồng cấp.',
    );
  });

  it('reads the seed alike with Windows line ends, a BOM and stray spaces', () => {
    const messy = `\ufeff${seedText.replace(/\n/g, '  \r\n').replace(/^(\d+)\. /gm, ' $1.  ')}`;
    const again = draftPlan(messy);
    expect(draftJson(again).rules).toEqual(draftJson(plan).rules);
  });
});
