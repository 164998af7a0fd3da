import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Lang } from '../catalogue/types';
import type { Notice as PaneNotice } from './pane-state';
import { STRINGS } from './strings';

/** The outcome of the last action in plain words: done, or what went wrong. */
export function Notice(props: { notice: PaneNotice; lang: Lang; onDismiss: () => void }) {
  const { notice, lang, onDismiss } = props;
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      role={notice.intent === 'error' ? 'alert' : 'status'}
      data-intent={notice.intent}
    >
      <MessageBarBody>{notice.text[lang]}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label={STRINGS[lang].dismiss}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
