import { makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Lang } from '../catalogue/types';
import type { Announcement } from './pane-state';

const useStyles = makeStyles({
  // Read by screen readers, not drawn (the usual visually-hidden pattern).
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Screen readers need a moment between emptying a live region and filling it again. */
const REFILL_MS = 100;

/**
 * The pane's one polite live region, in the page from the start (a region added already filled
 * is often not read). Each new announcement empties it, then fills it, so the same sentence said
 * twice (live mode, the same outcome) is heard twice.
 */
export function LiveAnnouncer({
  announcement,
  lang,
}: {
  announcement: Announcement | null;
  lang: Lang;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState('');
  const text = announcement?.text[lang] ?? '';
  const seq = announcement?.seq ?? 0;
  useEffect(() => {
    setShown('');
    if (!text) return;
    const timer = setTimeout(() => setShown(text), REFILL_MS);
    return () => clearTimeout(timer);
    // A language switch re-renders the same announcement in the other language; only a new one
    // (seq) or a new text is said again.
  }, [seq, text]);
  return (
    <div
      className={styles.hidden}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    >
      {shown}
    </div>
  );
}
