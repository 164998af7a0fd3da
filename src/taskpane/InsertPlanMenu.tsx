import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
} from '@fluentui/react-components';
import { TextBulletListSquareEdit20Regular } from '@fluentui/react-icons';
import type { Lang } from '../catalogue/types';
import { DRAFT_STRINGS } from './draft-strings';
import { PLAN_STRINGS } from './plan-strings';

/**
 * *Chèn bộ chỉ tiêu* with its two ways (SPEC §8, §13): the 2020 plan to edit, or a draft made
 * from the federation's document ("từ văn bản").
 */
export function InsertPlanMenu(props: {
  lang: Lang;
  disabled: boolean;
  className?: string;
  onInsertPlan: () => void;
  onFromText: () => void;
}) {
  const { lang, disabled } = props;
  const plan = PLAN_STRINGS[lang];
  const draft = DRAFT_STRINGS[lang];
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={plan.insertPlanHint} relationship="description" withArrow>
          <Button
            className={props.className}
            icon={<TextBulletListSquareEdit20Regular />}
            disabled={disabled}
          >
            {plan.insertPlan}
          </Button>
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={props.onInsertPlan}>{draft.builtinItem}</MenuItem>
          <MenuItem onClick={props.onFromText}>{draft.fromTextItem}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
