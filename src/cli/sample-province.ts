/**
 * The demo's sample province: four reporting units of a Bắc Ninh-like province with figures as
 * staff type them (numbers, "1.850" with thousands dots, "3.250.000.000 đồng", a rate "100%"), the
 * count targets the federation allocates to each unit in the Chỉ tiêu column, and one mistake.
 * Chosen so that the tour shows every status: met, near (I.7b at exactly 80% against "trên 80%"),
 * missed, no data, not applicable, and invalid (an estimate typed as text).
 */

export interface SampleFigures {
  /** Thực hiện. */
  actual?: string | number;
  /** Tổng số (or dự toán). */
  denominator?: string | number;
  /** The unit's own target, typed in the Chỉ tiêu column. */
  target?: string;
}

export interface SampleUnit {
  name: string;
  /** File name of the unit's report. */
  file: string;
  figures: Record<string, SampleFigures>;
}

const f = (
  actual?: string | number,
  denominator?: string | number,
  target?: string,
): SampleFigures => ({ actual, denominator, target });

/** A count rule with the unit's allocated target. */
const count = (actual: number, target: string): SampleFigures => ({ actual, target });

export const SAMPLE_PROVINCE: SampleUnit[] = [
  {
    name: 'LĐLĐ huyện Tiên Du',
    file: 'tien-du.xlsx',
    figures: {
      'I.1a': count(34, '≥ 30'),
      'I.1b': count(1, '≥ 1'),
      'I.2a': f(1, 1),
      'I.2b': f(45, 52),
      'I.3': count(162, '≥ 150'),
      'I.4a': f(20, 20),
      'I.4b': f('1.850', '2.010'),
      'I.5a': f('3.250.000.000 đồng', '3.200.000.000 đồng'),
      'I.5b': f(1_150_000_000, 1_150_000_000),
      'I.6': f('8.200', '9.850'),
      // A rate typed instead of counting: used as is, left out of the provincial sums.
      'I.7a': f('100%'),
      // No CĐCS directly under the provincial federation: nothing to count.
      'I.7b': f(0, 0),
      'I.8': f(52, 52),
      'I.9': count(12, '≥ 10'),
      'II.1a': f(48, 48),
      'II.1b': f(2, 2),
      'II.1c': f(38, 44),
      'II.2': f(40, 44),
      'II.3a': f(2, 2),
      'II.3b': f(30, 44),
      'II.4': count(0, '≥ 1'),
      'II.5': count(4, '≥ 3'),
      'II.6a': f(9_850, 9_850),
      'II.6b': f(9_850, 9_850),
      'II.7a': f(9_500, 9_850),
      'II.7b': f(6_600, 9_850),
    },
  },
  {
    name: 'LĐLĐ thành phố Từ Sơn',
    file: 'tu-son.xlsx',
    figures: {
      'I.1a': count(27, '≥ 30'),
      'I.1b': count(2, '≥ 1'),
      'I.2a': f(1, 1),
      'I.2b': f(60, 78),
      'I.3': count(171, '≥ 150'),
      'I.4a': f(31, 32),
      'I.4b': f(2_400, 2_700),
      'I.5a': f('4.180.500.000 đồng', '4.400.000.000 đồng'),
      'I.5b': f(1_480_000_000, 1_500_000_000),
      'I.6': f(10_100, 12_400),
      'I.7a': f(1, 1),
      'I.7b': f(0, 0),
      'I.8': f(78, 78),
      'I.9': count(14, '≥ 12'),
      'II.1a': f(41, 41),
      'II.1b': f(0, 0),
      'II.1c': f(65, 70),
      'II.2': f(62, 70),
      'II.3a': f(0, 0),
      'II.3b': f(58, 70),
      'II.4': count(1, '≥ 1'),
      'II.5': count(3, '≥ 3'),
      'II.6a': f(12_400, 12_400),
      'II.6b': f(12_100, 12_400),
      'II.7a': f(11_900, 12_400),
      'II.7b': f(8_300, 12_400),
    },
  },
  {
    name: 'Công đoàn ngành Giáo dục',
    file: 'cd-giao-duc.xlsx',
    figures: {
      'I.1a': count(12, '≥ 10'),
      // No enterprises in the education sector: I.1b and I.9 are left blank (no data).
      'I.2a': f(1, 1),
      'I.2b': f(180, 210),
      'I.3': count(310, '≥ 300'),
      'I.4a': f(150, 150),
      'I.4b': f(5_200, 5_600),
      'I.5a': f(2_100_000_000, 2_100_000_000),
      'I.5b': f(800_000_000, 800_000_000),
      'I.6': f(14_800, 16_200),
      'I.7a': f(1, 1),
      'I.7b': f(170, 210),
      'I.8': f(205, 210),
      'II.1a': f(210, 210),
      'II.1b': f(0, 0),
      'II.1c': f(0, 0),
      'II.2': f(0, 0),
      'II.3a': f(0, 0),
      'II.3b': f(0, 0),
      'II.4': count(1, '≥ 1'),
      'II.5': count(2, '≥ 3'),
      'II.6a': f(16_200, 16_200),
      'II.6b': f(16_200, 16_200),
      'II.7a': f(16_000, 16_200),
      'II.7b': f(12_000, 16_200),
    },
  },
  {
    name: 'Công đoàn các Khu công nghiệp',
    file: 'cd-khu-cong-nghiep.xlsx',
    figures: {
      'I.1a': count(30, '≥ 40'),
      'I.1b': count(3, '≥ 2'),
      'I.2a': f(1, 1),
      'I.2b': f(95, 130),
      'I.3': count(60, '≥ 200'),
      'I.4a': f(88, 95),
      // The data error: an estimate typed as text instead of a count.
      'I.4b': f('khoảng 9.000', 11_000),
      'I.5a': f(12_600_000_000, 14_500_000_000),
      'I.5b': f(4_900_000_000, 4_900_000_000),
      'I.6': f(52_000, 68_000),
      'I.7a': f(1, 1),
      // Exactly 80% against "trên 80%": not met, and the message says why.
      'I.7b': f(104, 130),
      'I.8': f(120, 130),
      'I.9': count(25, '≥ 30'),
      'II.1a': f(0, 0),
      'II.1b': f(3, 3),
      'II.1c': f(112, 127),
      'II.2': f(118, 127),
      'II.3a': f(2, 3),
      'II.3b': f(105, 127),
      'II.4': count(2, '≥ 1'),
      'II.5': count(4, '≥ 4'),
      'II.6a': f(65_500, 68_000),
      'II.6b': f(68_000, 68_000),
      'II.7a': f(60_000, 68_000),
      'II.7b': f(30_000, 68_000),
    },
  },
];
