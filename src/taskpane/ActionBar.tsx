import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import {
  Eraser20Regular,
  TableAdd20Regular,
  TableSimple20Regular,
  TargetArrow20Regular,
} from '@fluentui/react-icons';
import type { Lang } from '../catalogue/types';
import { InsertPlanMenu } from './InsertPlanMenu';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  button: { minWidth: 0, whiteSpace: 'normal' },
});

export interface ActionHandlers {
  onEvaluate: () => void;
  onSummarize: () => void;
  onClear: () => void;
  onInsertTemplate: () => void;
  onInsertPlan: () => void;
  onInsertPlanFromText: () => void;
}

/** The pane's commands; all disabled while one runs. */
export function ActionBar(props: ActionHandlers & { lang: Lang; disabled: boolean }) {
  const { lang, disabled } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  const buttons = [
    {
      label: s.evaluate,
      hint: s.evaluateHint,
      icon: <TargetArrow20Regular />,
      primary: true,
      onClick: props.onEvaluate,
    },
    {
      label: s.summarize,
      hint: s.summarizeHint,
      icon: <TableSimple20Regular />,
      primary: false,
      onClick: props.onSummarize,
    },
    {
      label: s.clear,
      hint: s.clearHint,
      icon: <Eraser20Regular />,
      primary: false,
      onClick: props.onClear,
    },
    {
      label: s.insertTemplate,
      hint: s.insertTemplateHint,
      icon: <TableAdd20Regular />,
      primary: false,
      onClick: props.onInsertTemplate,
    },
  ];
  return (
    <div className={styles.root} role="group" aria-label={s.actionsAria}>
      {buttons.map((b) => (
        <Tooltip key={b.label} content={b.hint} relationship="description" withArrow>
          <Button
            className={styles.button}
            appearance={b.primary ? 'primary' : 'secondary'}
            icon={b.icon}
            disabled={disabled}
            onClick={b.onClick}
          >
            {b.label}
          </Button>
        </Tooltip>
      ))}
      <InsertPlanMenu
        lang={lang}
        disabled={disabled}
        className={styles.button}
        onInsertPlan={props.onInsertPlan}
        onFromText={props.onInsertPlanFromText}
      />
    </div>
  );
}
