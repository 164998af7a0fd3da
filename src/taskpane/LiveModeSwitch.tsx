import { Switch } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';

/** Live mode on or off: re-evaluate when a report sheet changes. */
export function LiveModeSwitch(props: {
  checked: boolean;
  lang: Lang;
  onChange: (checked: boolean) => void;
}) {
  const { checked, lang, onChange } = props;
  const s = STRINGS[lang];
  return (
    <Switch
      checked={checked}
      label={s.liveMode}
      title={s.liveModeHint}
      onChange={(_, data) => onChange(data.checked)}
    />
  );
}
