export { evaluateRule, catalogueTarget } from './evaluate';
export { consolidate } from './consolidate';
export { DEFAULT_SETTINGS } from './settings';
export {
  formatNumber,
  formatRate,
  formatTarget,
  formatPoints,
  describeGap,
  describeValue,
  quoteCellText,
} from './describe';
