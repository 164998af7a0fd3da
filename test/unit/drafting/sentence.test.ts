/** The parser of Vietnamese target sentences (SPEC §2, §13), one shape at a time. */
import fc from 'fast-check';
import { decimalText, findNumbers } from '../../../src/drafting/numbers';
import { parseTargetText, splitClauses } from '../../../src/drafting/sentence';

/** "kind cmp target unit" of each target, for short tables. */
function read(text: string, year = 2026): string[] {
  return parseTargetText(text, { year }).map(
    (t) => `${t.kind} ${t.comparator} ${t.target} ${t.unit ?? '?'}`,
  );
}

describe('numbers as the federation writes them', () => {
  it.each([
    ['04 CĐCS', '4'],
    ['1.312 đoàn viên', '1312'],
    ['12.000 đoàn viên', '12000'],
    ['1,6 triệu đồng', '1600000'],
    ['210 ngàn suất', '210000'],
    ['2,5 tỷ đồng', '2500000000'],
    ['85,5%', '85.5'],
    ['hai cuộc', '2'],
    ['mười đoàn viên', '10'],
    ['một trăm người', '100'],
    ['hai mươi lăm cuộc', '25'],
    ['một trăm lẻ năm người', '105'],
    ['ba nghìn hai trăm lượt', '3200'],
    ['chín mươi phần trăm', '90'],
  ])('%s → %s', (text, value) => {
    const [first] = findNumbers(text);
    expect(decimalText(first.value)).toBe(value);
  });

  it('never reads more words than it points at ("năm mười" is not fifteen)', () => {
    const read = (t: string) =>
      findNumbers(t).map((n) => `${decimalText(n.value)}:${t.slice(n.span.start, n.span.end)}`);
    expect(read('dưới năm mười')).toEqual(['5:năm', '10:mười']);
    expect(read('mười lăm cuộc')).toEqual(['15:mười lăm']);
  });

  it('keeps exact decimals as text', () => {
    expect(findNumbers('0,125 và 1.234,5').map((n) => decimalText(n.value))).toEqual([
      '0.125',
      '1234.5',
    ]);
  });
});

describe('comparator words (SPEC §2, §13)', () => {
  it.each([
    ['Kết nạp 110 đoàn viên trở lên.', 'count >= 110 đoàn viên'],
    ['Kết nạp từ 110 đoàn viên trở lên.', 'count >= 110 đoàn viên'],
    ['Kết nạp ít nhất 110 đoàn viên.', 'count >= 110 đoàn viên'],
    ['Kết nạp tối thiểu 110 đoàn viên.', 'count >= 110 đoàn viên'],
    ['Kết nạp 110 đoàn viên.', 'count >= 110 đoàn viên'],
    ['Kết nạp trên 110 đoàn viên.', 'count > 110 đoàn viên'],
    ['Kết nạp hơn 110 đoàn viên.', 'count > 110 đoàn viên'],
    ['Số cuộc đình công không quá 3 cuộc.', 'count <= 3 cuộc'],
    ['Số cuộc đình công tối đa 3 cuộc.', 'count <= 3 cuộc'],
    ['Số cuộc đình công không vượt quá 3 cuộc.', 'count <= 3 cuộc'],
    ['Số cuộc đình công 3 cuộc trở xuống.', 'count <= 3 cuộc'],
    ['Số cuộc đình công dưới 3 cuộc.', 'count < 3 cuộc'],
    ['Số cuộc đình công ít hơn 3 cuộc.', 'count < 3 cuộc'],
    ['Không để xảy ra tranh chấp lao động tập thể.', 'count <= 0 vụ'],
    ['Tai nạn lao động chết người: 0 vụ.', 'count <= 0 vụ'],
    ['Có đạt trên 90% CĐCS hoàn thành nhiệm vụ.', 'ratio > 90 %'],
    ['CĐCS xếp loại tốt đạt 90% trở lên.', 'ratio >= 90 %'],
    ['Tỷ lệ CĐCS yếu kém dưới 5%.', 'ratio < 5 %'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it('lets the word next to the number win over a later "trở lên"', () => {
    expect(read('Trên 85% đoàn viên hoàn thành tốt nhiệm vụ trở lên.')).toEqual(['ratio > 85 %']);
    expect(read('Từ 85% đoàn viên hoàn thành tốt nhiệm vụ trở lên.')).toEqual(['ratio >= 85 %']);
  });

  it('marks words that pull both ways', () => {
    const [target] = parseTargetText('Kết nạp không quá 20 đoàn viên trở lên.');
    expect(target.review.join()).toMatch(/mâu thuẫn/);
  });
});

describe('kinds', () => {
  it('reads "dự toán" as a plan rule and "bình quân mỗi" as an average', () => {
    expect(read('Thu kinh phí công đoàn đạt 100% dự toán được giao.')).toEqual([
      'plan >= 100 đồng',
    ]);
    const [avg] = parseTargetText('Bình quân mỗi CĐCS giới thiệu ít nhất 1 đoàn viên ưu tú.');
    expect(avg).toMatchObject({
      kind: 'average',
      comparator: '>=',
      target: '1',
      unit: 'đoàn viên',
      numerator: 'đoàn viên ưu tú giới thiệu',
      denominator: 'CĐCS',
    });
  });

  it('marks a count with no counted noun it knows', () => {
    const [target] = parseTargetText('Phấn đấu trồng 500 cây xanh.');
    expect(target).toMatchObject({ kind: 'count', target: '500', unit: null });
    expect(target.review.join()).toMatch(/ĐVT.*"cây"/);
  });

  it('marks a percentage of growth and a rate above 100%', () => {
    expect(parseTargetText('Số đoàn viên tăng 5% so với năm 2025.')[0].review.join()).toMatch(
      /tăng\/giảm/,
    );
    expect(parseTargetText('Thu đoàn phí đạt 120% số phải thu.')[0].review.join()).toMatch(
      /trên 100%/,
    );
  });
});

describe('several targets in one item', () => {
  it('splits at ";" and at ". " before a new sentence', () => {
    expect(read('Kết nạp 110 đoàn viên; thành lập 4 CĐCS. Trên 65% NLĐ được tập huấn.')).toEqual([
      'count >= 110 đoàn viên',
      'count >= 4 CĐCS',
      'ratio > 65 %',
    ]);
  });

  it('splits ", " and "và" when each part has its own number', () => {
    expect(read('100% doanh nghiệp nhà nước, 80% doanh nghiệp ngoài khu vực nhà nước.')).toEqual([
      'ratio >= 100 %',
      'ratio >= 80 %',
    ]);
    expect(read('Kết nạp 1.000 đoàn viên và thành lập mới 12 công đoàn cơ sở.')).toEqual([
      'count >= 1000 đoàn viên',
      'count >= 12 CĐCS',
    ]);
  });

  it('does not split inside quotes or at a comma of the subject', () => {
    const targets = parseTargetText(
      'Trên 90% nữ CNVCLĐ đạt danh hiệu “Giỏi việc nước, đảm việc nhà”; 100% cơ quan, đơn vị tổ chức hội nghị.',
    );
    expect(targets.map((t) => t.target)).toEqual(['90', '100']);
    expect(targets[1].denominator).toBe('cơ quan, đơn vị');
  });

  it('shares a predicate written once for two targets', () => {
    const [a, b] = parseTargetText(
      '100% công đoàn cấp trên cơ sở và trên 80% CĐCS tổ chức kiểm tra tài chính.',
    );
    expect(a.numerator).toBe('công đoàn cấp trên cơ sở tổ chức kiểm tra tài chính');
    expect(b.comparator).toBe('>');
    expect(b.numerator).toBe('CĐCS tổ chức kiểm tra tài chính');
  });

  it('splits clauses at ";", ":" and sentence ends', () => {
    const text = 'Chỉ tiêu về X: a; b. C tiếp “d. E” f.';
    expect(splitClauses(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Chỉ tiêu về X',
      'a',
      'b',
      'C tiếp “d. E” f',
    ]);
  });
});

describe('numbers that are not targets', () => {
  it.each([
    ['Phấn đấu 100% CĐCS có từ 10 đoàn viên nữ trở lên thành lập Ban nữ công.', ['100']],
    ['100% doanh nghiệp có 25 công nhân lao động trở lên thành lập CĐCS.', ['100']],
    ['Thành lập 20 CĐCS ở doanh nghiệp sử dụng 50 lao động trở lên.', ['20']],
    ['Triển khai Nghị quyết số 02-NQ/TW, kết nạp 300 đoàn viên.', ['300']],
    ['Trong 6 tháng đầu năm 2026 kết nạp 300 đoàn viên.', ['300']],
    ['Tổ chức Tháng công nhân năm 2026 tại 50 doanh nghiệp.', ['50']],
    ['Giai đoạn 2026-2030, kết nạp 5.000 đoàn viên.', ['5000']],
    ['Hưởng ứng chương trình “Một triệu sáng kiến”, đăng ký 200 sáng kiến.', ['200']],
  ])('%s', (text, targets) => {
    expect(parseTargetText(text, { year: 2026 }).map((t) => t.target)).toEqual(targets);
  });

  it('keeps the subject numbers in what is counted', () => {
    const [t] = parseTargetText(
      'Phấn đấu 100% CĐCS có từ 10 đoàn viên nữ trở lên thành lập Ban nữ công.',
    );
    expect(t.numerator).toBe('CĐCS có từ 10 đoàn viên nữ trở lên đã thành lập Ban nữ công');
    expect(t.denominator).toBe('CĐCS có từ 10 đoàn viên nữ trở lên');
  });

  it('reads past results as context, not targets', () => {
    expect(read('Năm 2025 đã kết nạp 86.400 đoàn viên.')).toEqual([]);
    expect(read('Năm qua đã thành lập 120 CĐCS; năm 2026 phấn đấu thành lập 130 CĐCS.')).toEqual([
      'count >= 130 CĐCS',
    ]);
    expect(read('Năm 2025 kết nạp được 86.400 đoàn viên.')).toEqual([]);
  });

  it('leaves words that look like numbers alone when nothing is counted', () => {
    expect(read('Trong năm, một số CĐCS tổ chức tốt hoạt động.')).toEqual([]);
  });
});

describe('properties', () => {
  const vocabulary = [
    'Phấn đấu',
    'kết nạp',
    '110',
    '04',
    '1.312',
    '1,6 triệu',
    'hai',
    'mười',
    'năm',
    '2026',
    '%',
    'trở lên',
    'trên',
    'dưới',
    'không quá',
    'ít nhất',
    'đoàn viên',
    'CĐCS',
    'có',
    'từ',
    'và',
    ',',
    ';',
    '.',
    ':',
    '“',
    '”',
    '"',
    'không để xảy ra',
    'bình quân mỗi',
    'dự toán',
    'đã',
    '-',
    '/',
    '\n',
    ' ',
    'đạt',
    'số',
    'tổng số',
  ];
  const sentences = fc
    .array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 4 })), { maxLength: 30 })
    .map((parts) => parts.join(' '));

  it('never throws, and every target points at text that gives it', () => {
    fc.assert(
      fc.property(sentences, (text) => {
        const targets = parseTargetText(text, { year: 2026 });
        for (const t of targets) {
          expect(t.span.start).toBeGreaterThanOrEqual(0);
          expect(t.span.end).toBeLessThanOrEqual(text.length);
          const at = text.slice(t.span.start, t.span.end);
          if (t.comparator === '<=' && t.target === '0' && !/\d/.test(at)) {
            expect(at.toLowerCase()).toMatch(/^không (để xảy ra|có)/);
          } else {
            const [number] = findNumbers(at);
            expect(number).toBeDefined();
            expect(number.span).toEqual({ start: 0, end: at.length });
            expect(decimalText(number.value)).toBe(t.target);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(Array.isArray(parseTargetText(text))).toBe(true);
      }),
    );
  });
});
