import {
  FluentProvider,
  makeStyles,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../catalogue/types';
import { loadCatalogue } from '../catalogue';
import { ActionBar } from './ActionBar';
import { DraftFromText } from './DraftFromText';
import { ConsolidateFiles } from './ConsolidateFiles';
import { FilterTabs } from './FilterTabs';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LiveModeSwitch } from './LiveModeSwitch';
import { Notice } from './Notice';
import { PaneHeader } from './PaneHeader';
import { PlanInUse } from './PlanInUse';
import { ProgressPanel } from './ProgressPanel';
import { ReportingUnits } from './ReportingUnits';
import { ResultList } from './ResultList';
import { StatusCounts } from './StatusCounts';
import { UnitBars } from './UnitBars';
import { STRINGS } from './strings';
import { useLiveMode } from './useLiveMode';
import { usePane } from './usePane';
import { buildPaneView, type ResultFilter } from './view-model';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: '280px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

const catalogue = loadCatalogue();

export function App({ initialLang }: { initialLang: Lang }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [filter, setFilter] = useState<ResultFilter>('all');
  const [live, setLive] = useState(false);
  const [draftOpen, setDraftOpen] = useState(false);
  const pane = usePane(lang);
  const { state, evaluate, reportError } = pane;
  const s = STRINGS[lang];
  const firstActionRef = useRef<HTMLButtonElement>(null);

  const reevaluate = useCallback(() => evaluate('live'), [evaluate]);
  const stopLive = useCallback(() => setLive(false), []);
  useLiveMode(live, reevaluate, reportError, stopLive);

  // The plan the last evaluation used (a plan sheet of the workbook, SPEC §8), else the built-in.
  const plan = state.outcome?.evaluation.catalogue ?? catalogue;
  const view = useMemo(
    () => state.outcome && buildPaneView(state.outcome.evaluation, plan, filter, lang),
    [state.outcome, plan, filter, lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const toggleLanguage = () => setLang((current) => (current === 'vi' ? 'en' : 'vi'));
  // The message's button disappears with it: focus goes back to the first command rather than
  // dropping to the page.
  const dismissNotice = () => {
    pane.dismissNotice();
    firstActionRef.current?.focus();
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <LiveAnnouncer announcement={state.announcement} lang={lang} />
        <PaneHeader lang={lang} year={plan.year} onToggleLanguage={toggleLanguage} />
        <ActionBar
          lang={lang}
          disabled={state.busy !== null}
          firstActionRef={firstActionRef}
          onEvaluate={() => void evaluate('evaluate')}
          onSummarize={() => void evaluate('summarize')}
          onClear={() => void pane.clear()}
          onInsertTemplate={() => void pane.insertTemplate()}
          onInsertPlan={() => void pane.insertPlan()}
          onInsertPlanFromText={() => setDraftOpen(true)}
        />
        {draftOpen && (
          <DraftFromText
            lang={lang}
            disabled={state.busy !== null}
            onClose={() => setDraftOpen(false)}
          />
        )}
        <LiveModeSwitch checked={live} lang={lang} onChange={setLive} />
        {state.busy && <ProgressPanel progress={state.busy.progress} lang={lang} />}
        {state.notice && <Notice notice={state.notice} lang={lang} onDismiss={dismissNotice} />}
        {state.outcome && view ? (
          <>
            <ReportingUnits reporting={state.outcome.evaluation.reporting} lang={lang} />
            <StatusCounts
              counts={state.outcome.counts}
              units={state.outcome.evaluation.units.length}
              evaluatedAt={state.evaluatedAt}
              lang={lang}
            />
            <FilterTabs
              filter={filter}
              counts={view.filterCounts}
              problems={view.problems}
              lang={lang}
              onChange={setFilter}
            />
            <ResultList view={view} lang={lang} onSelect={pane.selectCell} />
            {/* After the results, so that they start in the upper half of the pane. */}
            <UnitBars units={state.outcome.evaluation.units} lang={lang} />
            <PlanInUse catalogue={plan} lang={lang} />
          </>
        ) : (
          <Text className={styles.intro}>{s.intro}</Text>
        )}
        {/* The secretariat's command, after the results so that they start high in the pane. */}
        <ConsolidateFiles
          lang={lang}
          disabled={state.busy !== null}
          onCopied={() => void evaluate('summarize')}
        />
      </main>
    </FluentProvider>
  );
}
