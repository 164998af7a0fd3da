import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The add-in's name, the plan's year, and the language switch. */
export function PaneHeader(props: { lang: Lang; year: number; onToggleLanguage: () => void }) {
  const { lang, year, onToggleLanguage } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <Text size={200}>{s.yearSubtitle(year)}</Text>
      </div>
      <Button
        size="small"
        appearance="subtle"
        icon={<LocalLanguage20Regular />}
        lang={lang === 'vi' ? 'en' : 'vi'}
        onClick={onToggleLanguage}
        data-testid="language-switch"
      >
        {s.languageSwitch}
      </Button>
    </header>
  );
}
