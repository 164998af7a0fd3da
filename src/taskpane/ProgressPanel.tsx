import { makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import type { Progress } from '../workbook/office/actions';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * What is happening now: the step of an evaluation with its fraction, or just "working". Drawn
 * only: the steps pass in milliseconds, and the pane's live region says the start and the outcome.
 */
export function ProgressPanel({ progress, lang }: { progress: Progress | null; lang: Lang }) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const label = progress ? s.progress[progress.step] : s.working;
  return (
    <div className={styles.root} data-testid="progress">
      <Text size={200}>{label}</Text>
      <ProgressBar
        value={progress ? progress.fraction : undefined}
        thickness="large"
        aria-label={label}
      />
    </div>
  );
}
