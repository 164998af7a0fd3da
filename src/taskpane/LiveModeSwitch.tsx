import { makeStyles, Switch, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  // Aligned with the buttons above, its label on one line at 320 px.
  root: { marginLeft: `-${tokens.spacingHorizontalS}` },
  label: { fontSize: tokens.fontSizeBase200, paddingLeft: 0 },
});

/** Live mode on or off: re-evaluate when a report sheet changes. No tooltip: its label says it. */
export function LiveModeSwitch(props: {
  checked: boolean;
  lang: Lang;
  onChange: (checked: boolean) => void;
}) {
  const { checked, lang, onChange } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  return (
    <Switch
      className={styles.root}
      checked={checked}
      label={{ className: styles.label, children: s.liveMode }}
      onChange={(_, data) => onChange(data.checked)}
    />
  );
}
