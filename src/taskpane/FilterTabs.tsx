import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';
import type { ProblemCounts, ResultFilter } from './view-model';

const useStyles = makeStyles({
  root: { flexWrap: 'wrap' },
  // Three tabs on one line at 320 px.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  content: { fontSize: tokens.fontSizeBase200 },
});

/**
 * Tất cả (every chỉ tiêu) / Chưa đạt / Lỗi · Lưu ý, each with its count; errors and notes are
 * counted apart in the last one ("Lỗi (2) · Lưu ý (2)").
 */
export function FilterTabs(props: {
  filter: ResultFilter;
  counts: Record<ResultFilter, number>;
  problems: ProblemCounts;
  lang: Lang;
  onChange: (filter: ResultFilter) => void;
}) {
  const { filter, counts, problems, lang, onChange } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  const labels: Record<ResultFilter, string> = {
    all: `${s.filterAll} (${counts.all})`,
    notMet: `${s.filterNotMet} (${counts.notMet})`,
    errors: `${s.filterErrors} (${problems.errors}) · ${s.filterNotes} (${problems.notes})`,
  };
  return (
    <TabList
      className={styles.root}
      size="small"
      selectedValue={filter}
      onTabSelect={(_, data) => onChange(data.value as ResultFilter)}
      aria-label={s.filterAria}
    >
      {(Object.keys(labels) as ResultFilter[]).map((key) => (
        <Tab
          key={key}
          value={key}
          data-filter={key}
          className={styles.tab}
          content={{ className: styles.content }}
        >
          {labels[key]}
        </Tab>
      ))}
    </TabList>
  );
}
