import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { Status } from '../engine/types';
import { useStatusColours } from './status-styles';

const useStyles = makeStyles({
  badge: {
    display: 'inline-block',
    flexShrink: 0,
    padding: `1px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
});

/** The status label in the sheet's own colours ("Không đạt" on pink). */
export function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  const styles = useStyles();
  const colours = useStatusColours();
  return (
    <span className={mergeClasses(styles.badge, colours[status])}>
      {STATUS_INFO[status].label[lang]}
    </span>
  );
}
