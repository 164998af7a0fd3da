/**
 * The draft plan (SPEC §13): the document's structure and the parser's targets put together, one
 * rule per target, coded by the document's numbering (section numeral, item number, a letter per
 * target when an item has several; letters run on across the item's sub-items).
 */
import { readPlanDocument, type PlanDocument } from './document';
import type { Span } from './numbers';
import { parseTargetText, type DraftTarget } from './sentence';

export interface DraftRule extends Omit<DraftTarget, 'review'> {
  code: string;
  section: string;
  /** Null when the parser is sure; otherwise why a person should check the row. */
  review: string | null;
  /** Where the target stands in the normalized document text (PlanDocument.text). */
  span: Span;
}

/** An item of the document in which no measurable target was found: reported, never dropped. */
export interface DraftSkip {
  code: string;
  text: string;
}

export interface DraftPlan {
  year: number | null;
  title: string | null;
  sections: { id: string; title: string }[];
  rules: DraftRule[];
  skipped: DraftSkip[];
  document: PlanDocument;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letter(i: number): string {
  return i < LETTERS.length ? LETTERS[i] : `${LETTERS[Math.floor(i / 26) - 1]}${LETTERS[i % 26]}`;
}

/** Reads a plan document's text into a draft plan. Never throws. */
export function draftPlan(raw: string): DraftPlan {
  const document = readPlanDocument(raw);
  const rules: DraftRule[] = [];
  const skipped: DraftSkip[] = [];
  const used = new Set<string>();
  for (const item of document.items) {
    const base = `${item.section}.${item.number}`;
    const found = item.parts.flatMap((part) =>
      parseTargetText(part.text, { year: document.year }).map((t) => ({
        ...t,
        span: { start: t.span.start + part.start, end: t.span.end + part.start },
      })),
    );
    if (found.length === 0) {
      // An item that only introduces its sub-items ("Xây dựng tổ chức Công đoàn:") has parts
      // of its own; report only items whose text held something but no target.
      const text = item.parts.map((p) => p.text.trim()).join(' ');
      if (!/:\s*$/.test(text)) skipped.push({ code: base, text });
      continue;
    }
    found.forEach((target, i) => {
      let code = found.length === 1 ? base : `${base}${letter(i)}`;
      const reasons = [...target.review];
      if (!item.numbered) reasons.unshift('Mục không đánh số trong văn bản: mã do bản nháp đặt');
      for (let n = 2; used.has(code.toLowerCase()); n++) {
        code = `${found.length === 1 ? base : `${base}${letter(i)}`}-${n}`;
        if (!reasons.some((r) => r.startsWith('Mã trùng'))) reasons.push('Mã trùng trong văn bản');
      }
      used.add(code.toLowerCase());
      rules.push({
        code,
        section: item.section,
        kind: target.kind,
        comparator: target.comparator,
        target: target.target,
        unit: target.unit,
        numerator: target.numerator,
        denominator: target.denominator,
        wording: target.wording,
        review: reasons.length > 0 ? reasons.join('; ') : null,
        span: target.span,
      });
    });
  }
  return {
    year: document.year,
    title: document.title,
    sections: document.sections,
    rules,
    skipped,
    document,
  };
}

/** The JSON of `plan draft --json` (SPEC §13; issue 12): the draft without positions. */
export function draftJson(plan: DraftPlan): {
  year: number | null;
  sections: { id: string; title: string }[];
  rules: Omit<DraftRule, 'span'>[];
} {
  return {
    year: plan.year,
    sections: plan.sections.map(({ id, title }) => ({ id, title })),
    rules: plan.rules.map((r) => ({
      code: r.code,
      section: r.section,
      kind: r.kind,
      comparator: r.comparator,
      target: r.target,
      unit: r.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      wording: r.wording,
      review: r.review,
    })),
  };
}
