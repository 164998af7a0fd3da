/**
 * Number formats read back other than as written (office-js#1553, #2824): the host here reads
 * each format back with the separators swapped and "+"/"-" escaped (HostPlatform
 * numberFormatReadBack 'localized'). Clear must still remove the formats evaluation wrote,
 * evaluating again must change nothing, and a unit's own format must be kept.
 */
import { loadCatalogue } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { clearInExcel, evaluateInExcel } from '../../src/workbook/office/actions';
import { snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { workbookView } from './compare';
import { DISTRICT_FIGURES, reloaded, reportWorkbook } from './workbooks';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** A report whose I.1a Tỷ lệ cell the unit formatted itself ("0.00%"); that cell's address. */
async function reportWithOwnFormat(): Promise<{
  wb: Awaited<ReturnType<typeof reloaded>>;
  own: string;
}> {
  const wb = reportWorkbook([{ sheet: 'Báo cáo', unit: 'LĐLĐ huyện', figures: DISTRICT_FIGURES }]);
  const { units } = evaluateWorkbooks([snapshotFromExcelJs(wb)], { catalogue: loadCatalogue() });
  const rows = units[0].report.rows;
  const own = rows.find((r) => r.outputCells.rate)!.outputCells.rate;
  const cell = wb.getWorksheet('Báo cáo')!.getCell(own);
  cell.style = { ...cell.style, numFmt: '0.00%' }; // its own style, not the shared one
  return { wb: await reloaded(wb), own };
}

describe.each(['asWritten', 'localized'] as const)('formats read back %s', (readBack) => {
  it('clear removes what evaluation wrote; evaluating twice equals once; the unit format kept', async () => {
    const { wb, own } = await reportWithOwnFormat();
    const host = new ExcelHost(modelFromWorkbook(wb), {
      platform: { numberFormatReadBack: readBack },
    });
    uninstall = installHost(host);
    const seeded = workbookView(host.model);

    await evaluateInExcel({ summary: false, lang: 'vi' });
    const once = workbookView(host.model);
    const written = Object.values(host.model.sheets[0].cells).filter((c) =>
      c.numberFormat?.includes(';'),
    );
    expect(written.length).toBeGreaterThan(0);

    await evaluateInExcel({ summary: false, lang: 'vi' });
    expect(workbookView(host.model)).toEqual(once);

    await clearInExcel();
    expect(workbookView(host.model)).toEqual(seeded);
    expect(host.cell('Báo cáo', own)?.numberFormat).toBe('0.00%');
  });
});
