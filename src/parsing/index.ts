export { parseCell } from './cell';
export { parseNumberText, type NumberText } from './number-text';
export { parseTarget, type ParsedTarget, type TargetRule } from './target';
export { formatKind, type FormatKind } from './number-format';
