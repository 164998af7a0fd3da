import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { useCardStyles } from './card-styles';
import { StatusBadge } from './StatusBadge';
import { useStatusEdge, useStatusText } from './status-styles';
import { STRINGS } from './strings';
import type { CellTarget, ResultEntry } from './view-model';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  code: { fontWeight: tokens.fontWeightBold, whiteSpace: 'nowrap' },
  title: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  foot: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  detail: { fontWeight: tokens.fontWeightSemibold },
});

/** One rule's result for one unit; a click (or Enter/Space) selects its input cell. */
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
        <span className={styles.title}>{entry.title}</span>
        <StatusBadge status={entry.status} lang={lang} />
      </span>
      <span className={styles.figures}>{figures}</span>
      <span className={styles.foot}>
        <span className={mergeClasses(styles.detail, texts[entry.status])}>{entry.detail}</span>
        {entry.cell && <span className={card.cellLink}>{s.cellLabel(entry.cell.cell)} ›</span>}
      </span>
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
  const label = [
    `${entry.code}, ${STATUS_INFO[entry.status].label[lang]}`,
    entry.title,
    figures,
    entry.detail,
    s.goToCell(cell.sheet, cell.cell),
  ].join('. ');
  return (
    <button
      type="button"
      className={mergeClasses(className, card.clickable)}
      onClick={() => onSelect(cell)}
      aria-label={label}
      data-code={entry.code}
      data-status={entry.status}
    >
      {content}
    </button>
  );
}
