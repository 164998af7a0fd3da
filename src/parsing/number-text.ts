import { Rational } from '../engine/rational';
import { foldVietnamese, normalizeText } from './fold';

/**
 * Unit words that may follow a number typed as text ("45 CĐCS", "1.234.567 đồng"), as folded
 * skeletons; longest first so that "doan vien" wins over "d".
 */
const UNIT_WORDS = [
  'doanh nghiep',
  'thoa thuan',
  'doan vien',
  'co quan',
  'don vi',
  'to chuc',
  'nguoi',
  'cnvcld',
  'dvsn',
  'cdcs',
  'cuoc',
  'dong',
  'luot',
  'vnd',
  'nld',
  'cd',
  'dn',
  'dv',
  'd',
].sort((a, b) => b.length - a.length);

const UNIT_SUFFIX = new RegExp(`(?:^|[^a-z])((?:${UNIT_WORDS.join('|')})\\.?)$`);

/** Scale words for money typed as "1,2 tỷ đồng" or "500 triệu". */
const SCALE_WORDS: Record<string, bigint> = {
  ty: 1_000_000_000n,
  ti: 1_000_000_000n,
  trieu: 1_000_000n,
  nghin: 1_000n,
  ngan: 1_000n,
};
const SCALE_SUFFIX = /(?:^|[^a-z])(ty|ti|trieu|nghin|ngan)$/;

/** "……", "...", "-", "—", "_": a placeholder, as good as an empty cell. */
const PLACEHOLDER = /^[.\-_\u2013\u2014\u00b7]+$/;

export type NumberText = {
  value: Rational;
  percent: boolean;
  /** The unit word that followed the number, folded ("doan vien", "dong"), when there was one. */
  unit?: string;
};

/**
 * Reads a number typed as text with Vietnamese conventions (SPEC §2): "1.234" and "1,234" are
 * 1234, "1.234,5" is 1234.5, "85,5%" is the fraction 0.855 with `percent`, "12.5" is 12.5, a
 * trailing unit word is dropped. Returns 'empty' for blanks and placeholders, null when the text
 * is not a number.
 */
export function parseNumberText(text: string): NumberText | 'empty' | null {
  let s = normalizeText(text);
  if (s === '' || PLACEHOLDER.test(s.replace(/ /g, ''))) return 'empty';
  let f = foldVietnamese(s);
  let percent = false;
  let scale = 1n;
  let unitWord: string | undefined;
  // Peel suffixes: "85 %", "45 CĐCS", "1,2 tỷ đồng", "85% CĐCS".
  for (let guard = 0; guard < 4; guard++) {
    const unit = unitWord === undefined ? UNIT_SUFFIX.exec(f) : null;
    const scaleWord = scale === 1n && !percent ? SCALE_SUFFIX.exec(f) : null;
    let cut: number;
    if (!percent && s.endsWith('%')) {
      percent = true;
      cut = 1;
    } else if (unit) {
      unitWord = unit[1].replace(/\.$/, '');
      cut = unit[1].length;
    } else if (scaleWord) {
      scale = SCALE_WORDS[scaleWord[1]];
      cut = scaleWord[1].length;
    } else break;
    s = s.slice(0, s.length - cut).trimEnd();
    f = f.slice(0, f.length - cut).trimEnd();
  }
  const value = parseBareNumber(s);
  if (value === null) return null;
  const scaled = scale === 1n ? value : value.mul(Rational.of(scale));
  const result: NumberText = { value: percent ? scaled.div(Rational.HUNDRED) : scaled, percent };
  if (unitWord !== undefined) result.unit = unitWord;
  return result;
}

const SPACE_GROUPED = /^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/;

/** A signed decimal with "." and "," read by SPEC §2; null when it is not one. */
function parseBareNumber(text: string): Rational | null {
  let s = text.replace(/\u2212/g, '-');
  if (SPACE_GROUPED.test(s)) s = s.replace(/ /g, '');
  const m = /^([+-]?) ?([\d.,]+)$/.exec(s);
  if (!m || !/\d/.test(m[2])) return null;
  const decimal = splitDecimal(m[2]);
  if (decimal === null) return null;
  const [whole, fraction] = decimal;
  return Rational.fromDecimalString(
    `${m[1] === '-' ? '-' : ''}${whole || '0'}${fraction ? `.${fraction}` : ''}`,
  );
}

const GROUPED_DOT = /^[1-9]\d{0,2}(\.\d{3})+$/;
const GROUPED_COMMA = /^[1-9]\d{0,2}(,\d{3})+$/;

/** Digits with separators → [whole digits, fraction digits], or null when malformed. */
function splitDecimal(body: string): [string, string] | null {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return [body, ''];
  if (lastDot >= 0 && lastComma >= 0) {
    // Both kinds: the last one is the decimal mark, the other groups thousands.
    const mark = lastDot > lastComma ? lastDot : lastComma;
    const whole = body.slice(0, mark);
    const fraction = body.slice(mark + 1);
    const grouped = lastDot > lastComma ? GROUPED_COMMA : GROUPED_DOT;
    if (!grouped.test(whole) || !/^\d*$/.test(fraction)) return null;
    return [whole.replace(/[.,]/g, ''), fraction];
  }
  const sep = lastDot >= 0 ? '.' : ',';
  const first = body.indexOf(sep);
  if (first !== body.lastIndexOf(sep)) {
    // Several of one kind: only thousands grouping ("1.234.567") makes sense.
    return (sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(body)
      ? [body.split(sep).join(''), '']
      : null;
  }
  const whole = body.slice(0, first);
  const fraction = body.slice(first + 1);
  // Alone and followed by exactly three digits: thousands ("1.234"), unless the whole part is 0.
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return [whole + fraction, ''];
  return [whole, fraction];
}
