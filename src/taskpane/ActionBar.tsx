import {
  Button,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { Eraser20Regular, MoreHorizontal20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import type { ReactElement, Ref } from 'react';
import type { Lang } from '../catalogue/types';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
  },
  // Both labels on one line at 320 px.
  button: {
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    whiteSpace: 'normal',
  },
});

/** A command of the overflow menu: its label, a line saying what it does, and its handler. */
export interface MenuCommand {
  key: string;
  label: string;
  hint: string;
  icon: ReactElement;
  onClick: () => void;
}

export interface ActionHandlers {
  onEvaluate: () => void;
  onSummarize: () => void;
  onClear: () => void;
  onInsertTemplate: () => void;
}

/**
 * Đánh giá and Tạo bảng tổng hợp as buttons, every other command in the "…" menu, each with a
 * visible line saying what it does (no tooltip: one opening over a button swallowed its click).
 * While a command runs they stay focusable but do nothing, so focus stays where it was.
 * `moreCommands` go to the menu after the built-in ones.
 */
export function ActionBar(
  props: ActionHandlers & {
    lang: Lang;
    disabled: boolean;
    /** The Đánh giá button, where focus goes back to after a message is dismissed. */
    firstActionRef?: Ref<HTMLButtonElement>;
    moreCommands?: MenuCommand[];
  },
) {
  const { lang, disabled, firstActionRef } = props;
  const styles = useStyles();
  const s = STRINGS[lang];
  const menu: MenuCommand[] = [
    {
      key: 'clear',
      label: s.clear,
      hint: s.clearHint,
      icon: <Eraser20Regular />,
      onClick: props.onClear,
    },
    {
      key: 'insertTemplate',
      label: s.insertTemplate,
      hint: s.insertTemplateHint,
      icon: <TableAdd20Regular />,
      onClick: props.onInsertTemplate,
    },
    ...(props.moreCommands ?? []),
  ];
  return (
    <div className={styles.root} role="group" aria-label={s.actionsAria}>
      <Button
        ref={firstActionRef}
        className={styles.button}
        appearance="primary"
        disabledFocusable={disabled}
        onClick={props.onEvaluate}
      >
        {s.evaluate}
      </Button>
      <Button className={styles.button} disabledFocusable={disabled} onClick={props.onSummarize}>
        {s.summarize}
      </Button>
      <Menu positioning={{ position: 'below', align: 'end' }}>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            appearance="subtle"
            icon={<MoreHorizontal20Regular />}
            menuIcon={null}
            aria-label={s.moreActions}
            disabledFocusable={disabled}
            data-testid="more-actions"
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {menu.map((command) => (
              <MenuItem
                key={command.key}
                icon={command.icon}
                subText={command.hint}
                disabled={disabled}
                onClick={command.onClick}
              >
                {command.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
