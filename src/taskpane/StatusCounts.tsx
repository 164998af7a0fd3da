import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { STATUSES, type Status } from '../engine/types';
import { useStatusColours } from './status-styles';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: '52px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: 'center',
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, lineHeight: '1.1' },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** One tile per status with its count, in the status colours. */
export function StatusCounts({ counts, lang }: { counts: Record<Status, number>; lang: Lang }) {
  const styles = useStyles();
  const colours = useStatusColours();
  return (
    <ul className={styles.list} aria-label={STRINGS[lang].countsHeading}>
      {STATUSES.map((status) => {
        const label = STATUS_INFO[status].label[lang];
        return (
          <li
            key={status}
            className={mergeClasses(styles.tile, colours[status])}
            data-status={status}
          >
            <span className={styles.count}>{counts[status] ?? 0}</span>
            <span className={styles.label}>{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
