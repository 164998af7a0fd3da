/**
 * A small bar per unit (SPEC §10): how many of its targets are met, nearly met and missed, as
 * three coloured segments, with the counts in the bar's accessible name. Plain elements, no
 * charting library: the pane stays within its size budget.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { Status } from '../engine/types';
import type { UnitResults } from '../template/types';
import { tallyResults } from '../template/unit-results';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'grid', rowGap: '6px' },
  name: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  bar: {
    display: 'flex',
    height: '10px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

const SHOWN: Status[] = ['MET', 'NEAR', 'MISSED'];
const HEADING: Record<Lang, string> = {
  vi: 'Kết quả theo đơn vị',
  en: 'Results by unit',
};

export function UnitBars({ units, lang }: { units: UnitResults[]; lang: Lang }) {
  const styles = useStyles();
  if (units.length < 2) return null;
  return (
    <ul className={styles.list} aria-label={HEADING[lang]}>
      {units.map((unit) => {
        const tally = tallyResults(unit.results);
        const counts: Record<string, number> = {
          MET: tally.met,
          NEAR: tally.near,
          MISSED: tally.missed,
        };
        const total = Math.max(1, tally.total);
        const label = SHOWN.map((s) => `${STATUS_INFO[s].label[lang]} ${counts[s]}`).join(', ');
        return (
          <li key={`${unit.file ?? ''}|${unit.report.sheet}`}>
            <div className={styles.name}>{unit.report.unit}</div>
            <div className={styles.bar} role="img" aria-label={`${unit.report.unit}: ${label}`}>
              {SHOWN.map((status) => (
                <span
                  key={status}
                  style={{
                    width: `${(100 * counts[status]) / total}%`,
                    backgroundColor: STATUS_INFO[status].font,
                  }}
                />
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
