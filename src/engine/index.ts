export { evaluateRule, catalogueTarget, asksAtMost, planTargetFor } from './evaluate';
export { consolidate } from './consolidate';
export { DEFAULT_SETTINGS } from './settings';
export {
  formatNumber,
  formatRate,
  formatTarget,
  formatPoints,
  describeGap,
  describeProgress,
  formatAverage,
  describeValue,
  quoteCellText,
} from './describe';
