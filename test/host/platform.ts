/**
 * How the Excel in front of the add-in behaves where Excels differ: the platform, the regional
 * settings, what events it raises for the add-in's own writes, whether the user is typing in a
 * cell. One object, so a test says in one place which Excel it stands for (WEB, WINDOWS_VI).
 * Each field cites the Microsoft doc or office-js issue it models.
 */
export interface HostPlatform {
  /** Office.context.platform. */
  kind: 'OfficeOnline' | 'PC' | 'Mac';
  /**
   * The list separator Worksheet.getRanges wants between areas: the regional settings' on desktop
   * (";" with Vietnamese or German settings), "," on the web (office-js#1167, #1985). An address
   * joined by the other one fails the sync with InvalidArgument. Addresses Excel returns
   * (RangeAreas.address, event addresses) always use "," (office-js#1985).
   */
  listSeparator: ',' | ';';
  /** Application.cultureInfo.numberFormat.numberDecimalSeparator (ExcelApi 1.11). */
  decimalSeparator: '.' | ',';
  /**
   * How Range.numberFormat reads back a format the add-in wrote. The docs call it the English
   * format code, yet reports show it read back other than as written (office-js#1553, #2824):
   * 'asWritten'; 'localized': with the regional decimal and thousands separators swapped in and
   * "+" and "-" escaped (`0,0%;\-0,0%`), as a Vietnamese Excel might spell it.
   */
  numberFormatReadBack?: 'asWritten' | 'localized';
  /**
   * Whether WorksheetCollection.onChanged fires for the add-in's own writes, values and formats
   * alike ("Office Add-in (JavaScript) code that changes the workbook", docs/excel/
   * excel-add-ins-events.md): 'always'; 'unlessDisabled' when `context.runtime.enableEvents =
   * false` (ExcelApi 1.8, docs/excel/excel-add-ins-events.md#enable-and-disable-events) holds it
   * back; 'never'.
   */
  raisesEventsForOwnWrites: 'always' | 'unlessDisabled' | 'never';
  /** Whether the add-in's own events reach its handlers before its sync resolves, or after. */
  ownEventsTiming: 'beforeResolve' | 'afterResolve';
  /**
   * Events carry `triggerSource` ("ThisLocalAddin" for the add-in's own writes) where the host's
   * ExcelApi is 1.14 or later (Excel.EventTriggerSource). False: never, whatever the API set.
   */
  triggerSource: boolean;
  /**
   * The user is typing in a cell: a batch fails with InvalidOperationInCellEditMode unless its
   * Excel.run asked `delayForCellEdit`, which waits until the edit ends
   * (docs/excel/excel-add-ins-delay-in-cell-edit.md, Excel.RunOptions).
   */
  cellEditMode: boolean;
  /** Largest request and response (Excel on the web refuses either past 5 MB). */
  webPayloadLimit: number;
  /**
   * Past this many cells, Range.values (and the other per-cell properties) come back null
   * instead of failing (docs/excel/performance.md; office-js#4783); null: they fail as too large.
   */
  nullValuesPastCells: number | null;
  /**
   * In the ribbon's commands runtime, Office.context exists only once Office.onReady (or
   * Office.initialize) has run (docs/develop/initialize-add-in.md; office-js#246).
   */
  commandsNeedOnReady: boolean;
  /**
   * Calls that fail with GeneralException whatever their arguments, as freezePanes, activate and
   * pageLayout calls are reported to (troubleshooting doc; office-js#2196, #1860).
   */
  failingCalls: string[];
}

/** Excel on the web: "," between areas, events for everything, the 5 MB limit. */
export const WEB: HostPlatform = {
  kind: 'OfficeOnline',
  listSeparator: ',',
  decimalSeparator: '.',
  raisesEventsForOwnWrites: 'always',
  ownEventsTiming: 'afterResolve',
  triggerSource: true,
  cellEditMode: false,
  webPayloadLimit: 5_000_000,
  nullValuesPastCells: null,
  commandsNeedOnReady: true,
  failingCalls: [],
};

/** Excel for Windows with Vietnamese regional settings: ";" between areas, "," for decimals. */
export const WINDOWS_VI: HostPlatform = {
  ...WEB,
  kind: 'PC',
  listSeparator: ';',
  decimalSeparator: ',',
  ownEventsTiming: 'beforeResolve',
  nullValuesPastCells: 5_000_000,
};
