// The status colours of SPEC §2 as Griffel classes, keyed by status, shared by the pane's parts.
import { makeStyles } from '@fluentui/react-components';
import { STATUS_INFO } from '../engine/status';
import type { Status } from '../engine/types';

function byStatus<T>(style: (status: Status) => T): Record<Status, T> {
  return {
    MET: style('MET'),
    NEAR: style('NEAR'),
    MISSED: style('MISSED'),
    NO_DATA: style('NO_DATA'),
    NOT_APPLICABLE: style('NOT_APPLICABLE'),
    INVALID: style('INVALID'),
  };
}

/** Fill and font, as in the sheet. */
export const useStatusColours = makeStyles(
  byStatus((status) => ({
    backgroundColor: STATUS_INFO[status].fill,
    color: STATUS_INFO[status].font,
  })),
);

/** The font colour alone, for text on a white background. */
export const useStatusText = makeStyles(
  byStatus((status) => ({ color: STATUS_INFO[status].font })),
);

/** A coloured left edge, to scan a list by status. */
export const useStatusEdge = makeStyles(
  byStatus((status) => ({ borderLeftColor: STATUS_INFO[status].font })),
);
