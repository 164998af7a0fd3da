import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Catalogue, Lang } from '../catalogue/types';
import { PLAN_STRINGS } from './plan-strings';

const useStyles = makeStyles({ root: { color: tokens.colorNeutralForeground2 } });

/** Which plan the last evaluation used: built in, or a plan sheet of the workbook (SPEC §8). */
export function PlanInUse(props: { catalogue: Catalogue; lang: Lang }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.root} data-testid="plan-in-use">
      {PLAN_STRINGS[props.lang].planInUse(props.catalogue)}
    </Text>
  );
}
