import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { STRINGS } from './strings';
import type { CellTarget, IssueEntry } from './view-model';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
  },
  error: { borderLeftColor: STATUS_INFO.INVALID.font },
  warning: { borderLeftColor: STATUS_INFO.NEAR.font },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  severity: { fontWeight: tokens.fontWeightBold },
  where: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
});

/** A problem with the template (a header, a duplicate code…); a click selects its cell. */
export function IssueItem(props: {
  issue: IssueEntry;
  lang: Lang;
  onSelect: (target: CellTarget) => void;
}) {
  const { issue, lang, onSelect } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  const severity = s.issueSeverity[issue.severity];
  const content = (
    <>
      <span className={styles.head}>
        <span className={styles.severity}>{severity}</span>
        {issue.cell && <span className={styles.where}>{s.cellLabel(issue.cell.cell)} ›</span>}
      </span>
      <span>{issue.text}</span>
    </>
  );
  const className = mergeClasses(styles.item, styles[issue.severity]);
  if (!issue.cell) return <div className={className}>{content}</div>;
  const cell = issue.cell;
  return (
    <button
      type="button"
      className={mergeClasses(className, styles.clickable)}
      onClick={() => onSelect(cell)}
      aria-label={`${severity}. ${issue.text}. ${s.goToCell(cell.sheet, cell.cell)}`}
    >
      {content}
    </button>
  );
}
