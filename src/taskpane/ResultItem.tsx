import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { useCardStyles } from './card-styles';
import { StatusBadge } from './StatusBadge';
import { useStatusEdge, useStatusText } from './status-styles';
import { STRINGS } from './strings';
import type { CellTarget, ResultEntry } from './view-model';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  code: { fontWeight: tokens.fontWeightBold, whiteSpace: 'nowrap' },
  cell: { marginLeft: 'auto' },
  title: { fontWeight: tokens.fontWeightSemibold },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  detail: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * One rule's result for one unit; a click (or Enter/Space) selects its input cell. Its name is
 * its visible text (code, status, title, figures, gap, "Ô F8"), so a voice-control user can say
 * what they see; the badge has a line of its own with the code, leaving the title the width.
 */
export function ResultItem(props: {
  entry: ResultEntry;
  lang: Lang;
  onSelect: (target: CellTarget) => void;
}) {
  const { entry, lang, onSelect } = props;
  const styles = useStyles();
  const card = useCardStyles();
  const edges = useStatusEdge();
  const texts = useStatusText();
  const s = STRINGS[lang];
  const targetText = entry.targetOverridden ? `${entry.target} (${s.targetOwn})` : entry.target;
  const figures = [entry.value && `${s.actual}: ${entry.value}`, `${s.target}: ${targetText}`]
    .filter(Boolean)
    .join(' · ');

  const content = (
    <>
      <span className={styles.head}>
        <span className={styles.code}>{entry.code}</span>
        <StatusBadge status={entry.status} lang={lang} />
        {entry.cell && (
          <span className={mergeClasses(card.cellLink, styles.cell)}>
            {s.cellLabel(entry.cell.cell)}
            <span aria-hidden="true"> ›</span>
          </span>
        )}
      </span>
      <span className={styles.title}>{entry.title}</span>
      <span className={styles.figures}>{figures}</span>
      <span className={mergeClasses(styles.detail, texts[entry.status])}>{entry.detail}</span>
    </>
  );

  const className = mergeClasses(card.item, edges[entry.status]);
  if (!entry.cell) {
    return (
      <div className={className} data-code={entry.code} data-status={entry.status}>
        {content}
      </div>
    );
  }
  const cell = entry.cell;
  return (
    <button
      type="button"
      className={mergeClasses(className, card.clickable)}
      onClick={() => onSelect(cell)}
      data-code={entry.code}
      data-status={entry.status}
    >
      {content}
    </button>
  );
}
