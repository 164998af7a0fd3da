import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { Status } from '../engine/types';
import { useStatusColours } from './status-styles';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  tile: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    padding: `1px ${tokens.spacingHorizontalS}`,
    border: '1px solid transparent',
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  notMet: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: STATUS_INFO.MISSED.font,
    border: `1px solid ${STATUS_INFO.MISSED.font}`,
  },
  count: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightBold },
});

/** The tiles in pairs: Chưa đạt beside Đạt, right above its two parts. */
const TILES: (Status | 'NOT_MET')[] = [
  'MET',
  'NOT_MET',
  'NEAR',
  'MISSED',
  'NO_DATA',
  'NOT_APPLICABLE',
  'INVALID',
];

/**
 * One tile per status with its count, in the status colours, and Chưa đạt (Gần đạt + Không đạt);
 * the heading says when, for how many units and chỉ tiêu (what the status tiles add up to).
 */
export function StatusCounts(props: {
  counts: Record<Status, number>;
  units: number;
  evaluatedAt: Date | null;
  lang: Lang;
}) {
  const { counts, units, evaluatedAt, lang } = props;
  const styles = useStyles();
  const colours = useStatusColours();
  const s = STRINGS[lang];
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  const time = (evaluatedAt ?? new Date()).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <section className={styles.root} aria-labelledby="status-counts-heading">
      <h2 id="status-counts-heading" className={styles.heading}>
        {s.countsSummary(time, units, total)}
      </h2>
      <ul className={styles.list}>
        {TILES.map((tile) =>
          tile === 'NOT_MET' ? (
            <li key={tile} className={mergeClasses(styles.tile, styles.notMet)} data-tile={tile}>
              <span className={styles.count}>{counts.NEAR + counts.MISSED}</span>
              <span>{s.notMetTile}</span>
            </li>
          ) : (
            <li key={tile} className={mergeClasses(styles.tile, colours[tile])} data-status={tile}>
              <span className={styles.count}>{counts[tile] ?? 0}</span>
              <span>{STATUS_INFO[tile].label[lang]}</span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
