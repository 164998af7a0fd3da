import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { useCardStyles } from './card-styles';
import { STRINGS } from './strings';
import type { CellTarget, IssueEntry } from './view-model';

const useStyles = makeStyles({
  error: { borderLeftColor: STATUS_INFO.INVALID.font },
  warning: { borderLeftColor: STATUS_INFO.NEAR.font },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  severity: { fontWeight: tokens.fontWeightBold },
});

/**
 * A problem with the template (a header, a duplicate code…); a click selects its cell. Named by
 * its visible text, like a result.
 */
export function IssueItem(props: {
  issue: IssueEntry;
  lang: Lang;
  onSelect: (target: CellTarget) => void;
}) {
  const { issue, lang, onSelect } = props;
  const styles = useStyles();
  const card = useCardStyles();
  const s = STRINGS[lang];
  const severity = s.issueSeverity[issue.severity];
  const content = (
    <>
      <span className={styles.head}>
        <span className={styles.severity}>{severity}</span>
        {issue.cell && (
          <span className={card.cellLink}>
            {s.cellLabel(issue.cell.cell)}
            <span aria-hidden="true"> ›</span>
          </span>
        )}
      </span>
      <span>{issue.text}</span>
    </>
  );
  const className = mergeClasses(card.item, styles[issue.severity]);
  if (!issue.cell) return <div className={className}>{content}</div>;
  const cell = issue.cell;
  return (
    <button
      type="button"
      className={mergeClasses(className, card.clickable)}
      onClick={() => onSelect(cell)}
    >
      {content}
    </button>
  );
}
