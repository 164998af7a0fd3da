import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  useId,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Lang } from '../catalogue/types';
import type { Notice as PaneNotice } from './pane-state';
import { STRINGS } from './strings';

/**
 * The outcome of the last action in plain words: done, or what went wrong. An error is an alert
 * (said at once); a success is said by the pane's live region, so it is not said twice here.
 */
export function Notice(props: { notice: PaneNotice; lang: Lang; onDismiss: () => void }) {
  const { notice, lang, onDismiss } = props;
  const bodyId = useId('notice-body');
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      role={notice.intent === 'error' ? 'alert' : 'group'}
      aria-labelledby={bodyId}
      data-intent={notice.intent}
    >
      <MessageBarBody id={bodyId}>{notice.text[lang]}</MessageBarBody>
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
