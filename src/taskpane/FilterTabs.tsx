import { Tab, TabList } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';
import type { ResultFilter } from './view-model';

/** Tất cả / Chưa đạt / Lỗi, each with how many items it shows. */
export function FilterTabs(props: {
  filter: ResultFilter;
  counts: Record<ResultFilter, number>;
  lang: Lang;
  onChange: (filter: ResultFilter) => void;
}) {
  const { filter, counts, lang, onChange } = props;
  const s = STRINGS[lang];
  const labels: Record<ResultFilter, string> = {
    all: s.filterAll,
    notMet: s.filterNotMet,
    errors: s.filterErrors,
  };
  return (
    <TabList
      size="small"
      selectedValue={filter}
      onTabSelect={(_, data) => onChange(data.value as ResultFilter)}
      aria-label={s.filterAria}
    >
      {(Object.keys(labels) as ResultFilter[]).map((key) => (
        <Tab key={key} value={key} data-filter={key}>
          {`${labels[key]} (${counts[key]})`}
        </Tab>
      ))}
    </TabList>
  );
}
