import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { IssueItem } from './IssueItem';
import { ResultItem } from './ResultItem';
import { STRINGS } from './strings';
import type { CellTarget, PaneView } from './view-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  unitHeading: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `2px solid ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  sectionHeading: {
    margin: `${tokens.spacingVerticalXS} 0`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The results grouped by unit and section, then the template's problems. */
export function ResultList(props: {
  view: PaneView;
  lang: Lang;
  onSelect: (target: CellTarget) => void;
}) {
  const { view, lang, onSelect } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  if (view.units.length === 0 && view.issues.length === 0) {
    return <p className={styles.empty}>{s.nothingToShow}</p>;
  }
  return (
    <div className={styles.root}>
      {view.units.map((unit) => (
        <section key={unit.key} aria-label={s.unitHeading(unit.unit, unit.sheet)}>
          <h2 className={styles.unitHeading}>{s.unitHeading(unit.unit, unit.sheet)}</h2>
          {unit.sections.map((section) => (
            <div key={section.id}>
              <h3 className={styles.sectionHeading}>
                {s.sectionHeading(section.id, section.title)}
              </h3>
              <ul className={styles.list}>
                {section.entries.map((entry) => (
                  <li key={entry.key}>
                    <ResultItem entry={entry} lang={lang} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {view.issues.length > 0 && (
        <section aria-label={s.issuesHeading}>
          <h2 className={styles.unitHeading}>{s.issuesHeading}</h2>
          <ul className={styles.list}>
            {view.issues.map((issue) => (
              <li key={issue.key}>
                <IssueItem issue={issue} lang={lang} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
