/**
 * The in-memory host behaves like Office.js where an add-in can go wrong, so the adapter's tests
 * mean something: unloaded properties throw, writes wait for sync, a failing action stops its
 * batch, objects are found by path when the batch runs, typed input rules apply.
 */
import { ExcelHost } from '../host/excel-host';
import { emptyWorkbook, putValues } from '../host/model';
import { WINDOWS_VI } from '../host/platform';

function hostWith(values: Record<string, (string | number | null)[][]> = {}): ExcelHost {
  const model = emptyWorkbook(Object.keys(values).length ? Object.keys(values) : ['Sheet1']);
  for (const sheet of model.sheets) putValues(sheet, 'A1', values[sheet.name] ?? []);
  return new ExcelHost(model);
}

type Context = {
  workbook: {
    worksheets: {
      getItem(name: string): HostSheet;
      getItemOrNullObject(name: string): HostSheet & { isNullObject: boolean };
      items: HostSheet[];
      load(spec: string): void;
    };
  };
  sync(): Promise<void>;
};
type HostRange = {
  values: unknown[][];
  numberFormat: unknown[][];
  address: string;
  load(spec: string): HostRange;
  getIntersection(other: string): HostRange;
  getSpecialCellsOrNullObject(cellType: string): HostAreas;
  getMergedAreasOrNullObject(): HostAreas;
  merge(across?: boolean): void;
  format: { fill: { color: string } };
};
type HostFormat = {
  fill: { color: string; clear(): void };
  font: { color: string; bold: boolean };
  borders: { getItem(edge: string): { style: string } };
};
type HostAreas = {
  address: string;
  areaCount: number;
  cellCount: number;
  isNullObject: boolean;
  format: HostFormat;
  areas: { items: { address: string }[] };
  load(spec: string): HostAreas;
};
type HostSheet = {
  name: string;
  load(spec: string): void;
  getRange(address?: string): HostRange;
  getRanges(address?: string): HostAreas;
  getUsedRange(valuesOnly?: boolean): HostRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange & { isNullObject: boolean };
  delete(): void;
};

function run<T>(host: ExcelHost, batch: (context: Context) => Promise<T>): Promise<T> {
  return host.run(batch as never) as Promise<T>;
}

describe('the in-memory Excel host', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const host = hostWith({ Data: [['a', 1]] });
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies writes only at sync, and counts syncs and request bytes', async () => {
    const host = hostWith({ Data: [['a']] });
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('B2');
      range.values = [['xin chào']];
      expect(host.cell('Data', 'B2')).toBeUndefined();
      await context.sync();
      expect(host.cell('Data', 'B2')?.value).toBe('xin chào');
    });
    expect(host.syncCount).toBe(1);
    expect(host.requests[0].actions).toBe(1);
    // The UTF-8 length: "à" takes two bytes.
    expect(host.requests[0].bytes).toBe(
      Buffer.byteLength(
        JSON.stringify([
          {
            path: 'workbook.worksheets.getItem("Data").getRange("B2")',
            action: 'set',
            name: 'values',
            value: [['xin chào']],
          },
        ]),
      ),
    );
  });

  it('stops a batch at the first failing action, keeping the actions before it', async () => {
    const host = hostWith({ Data: [['a']] });
    await expect(
      run(host, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('Data').getRange('A2').values = [['first']];
        sheets.getItem('Missing').getRange('A1').values = [['x']];
        sheets.getItem('Data').getRange('A3').values = [['never']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(host.cell('Data', 'A2')?.value).toBe('first');
    expect(host.cell('Data', 'A3')).toBeUndefined();
  });

  it('finds a sheet by its name when the batch runs, not when the proxy was made', async () => {
    const host = hostWith({ Data: [['a']] });
    await expect(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.load('name');
        await context.sync();
        host.renameSheet('Data', 'Dữ liệu');
        sheet.getRange('A1').values = [['b']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(host.cell('Dữ liệu', 'A1')?.value).toBe('a');
  });

  it('gives null objects isNullObject at the next sync', async () => {
    const host = hostWith({ Data: [['a']], Empty: [] });
    await run(host, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const empty = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject();
      const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject();
      used.load('address');
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
      expect(used.address).toBe('Data!A1');
    });
  });

  it('reads values written through `values` as typed input, so "=x" becomes a formula', async () => {
    const host = hostWith({ Data: [] });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:F1').values = [
        ['=SUM(B1:C1)', "'=SUM(B1:C1)", '50%', '-x', '12', 'TRUE'],
      ];
      await context.sync();
    });
    expect(host.cell('Data', 'A1')).toMatchObject({ formula: '=SUM(B1:C1)' });
    expect(host.cell('Data', 'B1')).toMatchObject({ value: '=SUM(B1:C1)', quotePrefix: true });
    expect(host.cell('Data', 'C1')).toMatchObject({ value: 0.5, numberFormat: '0%' });
    expect(host.cell('Data', 'D1')).toMatchObject({ formula: '=-x' });
    expect(host.cell('Data', 'E1')?.value).toBe(12);
    expect(host.cell('Data', 'F1')?.value).toBe(true);
  });

  it('refuses arrays of the wrong shape and writes to protected sheets', async () => {
    const host = hostWith({ Data: [['a']] });
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [
          ['only one row', 'x'],
        ];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    host.protectSheet('Data');
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').format.fill.color = '#FFC7CE';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(host.cell('Data', 'A1')?.fill).toBeUndefined();
  });

  it('throws ItemNotFound for ranges that do not meet, as getIntersection does', async () => {
    const host = hostWith({
      Data: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    await run(host, async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRange(true);
      used.getIntersection('B2:C3').load('address');
      await context.sync();
    });
    await expect(
      run(host, async (context) => {
        const used = context.workbook.worksheets.getItem('Data').getUsedRange(true);
        used.getIntersection('D4').load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('closes a context when its Excel.run ends and sends what is left queued', async () => {
    const host = hostWith({ Data: [] });
    let kept: HostSheet | null = null;
    await run(host, async (context) => {
      kept = context.workbook.worksheets.getItem('Data');
      kept.getRange('A1').values = [['queued']];
    });
    expect(host.syncCount).toBe(1);
    expect(host.cell('Data', 'A1')?.value).toBe('queued');
    expect(() => {
      (kept as HostSheet).getRange('A2').values = [['late']];
    }).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });

  it('lists worksheets only after a load of items and a sync', async () => {
    const host = hostWith({ A: [], B: [] });
    await run(host, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B']);
    });
  });

  describe('getRanges (RangeAreas)', () => {
    it('formats every area of a comma-separated address on the web, and only those', async () => {
      const host = hostWith({ Data: [] });
      await run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRanges('A1:B2, D4 ,F1:F3').format.fill.color = '#ffc7ce';
        sheet.getRanges('B2,C5').format.font.color = '#9C0006';
        await context.sync();
      });
      const filled = Object.entries(host.sheet('Data').cells)
        .filter(([, cell]) => cell.fill)
        .map(([key]) => key)
        .sort();
      expect(filled).toEqual(['A1', 'A2', 'B1', 'B2', 'D4', 'F1', 'F2', 'F3']);
      expect(host.cell('Data', 'A1')?.fill).toBe('#FFC7CE');
      expect(host.cell('Data', 'B2')?.font?.color).toBe('#9C0006');
      expect(host.cell('Data', 'C5')?.font?.color).toBe('#9C0006');
      expect(host.cell('Data', 'C5')?.fill).toBeUndefined();
    });

    it('wants the regional list separator: ";" on Windows in Vietnamese, "," on the web', async () => {
      const web = hostWith({ Data: [] });
      await expect(
        run(web, async (context) => {
          context.workbook.worksheets.getItem('Data').getRanges('B2;C5').format.fill.color =
            '#FFC7CE';
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
      const windows = hostWith({ Data: [] });
      windows.platform = { ...WINDOWS_VI };
      await expect(
        run(windows, async (context) => {
          context.workbook.worksheets.getItem('Data').getRanges('B2,C5').format.fill.color =
            '#FFC7CE';
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
      await run(windows, async (context) => {
        context.workbook.worksheets.getItem('Data').getRanges('B2;C5').format.fill.color =
          '#FFC7CE';
        await context.sync();
      });
      expect(windows.cell('Data', 'C5')?.fill).toBe('#FFC7CE');
      expect(web.cell('Data', 'C5')).toBeUndefined();
    });

    it('loads its address, areas and cells, and a format only when every area shares it', async () => {
      const host = hostWith({ Data: [] });
      await run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRange('A1:A2').format.fill.color = '#C6EFCE';
        sheet.getRange('C3').format.fill.color = '#C6EFCE';
        const same = sheet
          .getRanges('A1:A2,C3')
          .load('address,areaCount,cellCount,format/fill/color');
        const mixed = sheet.getRanges('A1,B1').load('format/fill/color');
        await context.sync();
        expect(same.address).toBe('Data!A1:A2, Data!C3');
        expect([same.areaCount, same.cellCount]).toEqual([2, 3]);
        expect(same.format.fill.color).toBe('#C6EFCE');
        expect(mixed.format.fill.color).toBeNull();
      });
    });

    it('draws border edges around each area, not around all of them', async () => {
      const host = hostWith({ Data: [] });
      await run(host, async (context) => {
        const borders = context.workbook.worksheets.getItem('Data').getRanges('A1,C1')
          .format.borders;
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) {
          borders.getItem(edge).style = 'Continuous';
        }
        await context.sync();
      });
      for (const a1 of ['A1', 'C1']) {
        expect(host.cell('Data', a1)?.borders).toEqual({
          top: 'Continuous',
          bottom: 'Continuous',
          left: 'Continuous',
          right: 'Continuous',
        });
      }
      expect(host.cell('Data', 'B1')).toBeUndefined();
    });

    it('fails the sync on a bad or over-long address, at that action', async () => {
      const host = hostWith({ Data: [] });
      for (const address of [
        'A1,,B2',
        'A1:B2:C3',
        'Khác!A1',
        'A0',
        Array(1700).fill('AB12').join(','),
      ]) {
        await expect(
          run(host, async (context) => {
            const sheet = context.workbook.worksheets.getItem('Data');
            sheet.getRange('A1').values = [['before']];
            sheet.getRanges(address).format.fill.color = '#FFC7CE';
            sheet.getRange('A2').values = [['after']];
            await context.sync();
          }),
        ).rejects.toMatchObject({ code: 'InvalidArgument' });
      }
      expect(host.cell('Data', 'A1')?.value).toBe('before');
      expect(host.cell('Data', 'A2')).toBeUndefined();
      expect(Object.values(host.sheet('Data').cells).some((c) => c.fill)).toBe(false);
    });

    it('refuses to format a protected sheet', async () => {
      const host = hostWith({ Data: [['a']] });
      host.protectSheet('Data');
      await expect(
        run(host, async (context) => {
          context.workbook.worksheets.getItem('Data').getRanges('A1,B2').format.fill.clear();
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    });
  });

  describe('formula cells and merged areas (RangeAreas)', () => {
    it('finds the formula cells of a range as rectangles, a null object when there are none', async () => {
      const host = hostWith({ Data: [[1, 2, 3]] });
      const cells = host.sheet('Data').cells;
      for (const a1 of ['B2', 'B3', 'C2', 'C3', 'E5', 'A9']) cells[a1] = { formula: '=A1' };
      await run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        const found = sheet
          .getRange('A1:E8')
          .getSpecialCellsOrNullObject('Formulas')
          .load('address,areaCount,cellCount,areas/items/address');
        const none = sheet.getRange('A1:A8').getSpecialCellsOrNullObject('Formulas');
        none.load('address');
        await context.sync();
        expect(found.isNullObject).toBe(false);
        expect(found.address).toBe('Data!B2:C3, Data!E5');
        expect([found.areaCount, found.cellCount]).toEqual([2, 5]);
        expect(found.areas.items.map((r) => r.address)).toEqual(['Data!B2:C3', 'Data!E5']);
        expect(none.isNullObject).toBe(true);
      });
    });

    it('lists the merged areas starting in a range, whole, and only those', async () => {
      const host = hostWith({ Data: [] });
      host.sheet('Data').merges = ['B2:C3', 'A5:A6', 'E1:F1', 'D4:D9'];
      await run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        const merged = sheet.getRange('B2:D5').getMergedAreasOrNullObject();
        merged.load('address,areaCount');
        const none = sheet.getRange('G1:H9').getMergedAreasOrNullObject();
        none.load('address');
        await context.sync();
        // A5:A6 and E1:F1 do not start in B2:D5; D4:D9 does and is given whole.
        expect(merged.address).toBe('Data!B2:C3, Data!D4:D9');
        expect(merged.areaCount).toBe(2);
        expect(none.isNullObject).toBe(true);
      });
    });

    it('refuses merged areas before ExcelApi 1.13, and past 512 areas, failing the sync', async () => {
      const host = hostWith({ Data: [] });
      host.excelApi = '1.12';
      await expect(
        run(host, async (context) => {
          const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
          range.getMergedAreasOrNullObject().load('address');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'ApiNotFound' });
      host.excelApi = '1.13';
      host.sheet('Data').merges = Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`);
      await expect(
        run(host, async (context) => {
          const range = context.workbook.worksheets.getItem('Data').getRange('A1:B600');
          range.getMergedAreasOrNullObject().load('address');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'GeneralException' });
      await run(host, async (context) => {
        const range = context.workbook.worksheets.getItem('Data').getRange('A1:B512');
        const merged = range.getMergedAreasOrNullObject().load('areaCount');
        await context.sync();
        expect(merged.areaCount).toBe(512);
      });
    });

    it('answers isSetSupported from its ExcelApi version, 1.13 unless told', () => {
      const office = (host: ExcelHost) =>
        (
          host.globals().Office as {
            context: { requirements: { isSetSupported(n: string, v: string): boolean } };
          }
        ).context.requirements;
      const host = hostWith();
      expect(office(host).isSetSupported('ExcelApi', '1.13')).toBe(true);
      expect(office(host).isSetSupported('ExcelApi', '1.14')).toBe(false);
      const old = new ExcelHost(emptyWorkbook(), { excelApi: '1.9' });
      expect(office(old).isSetSupported('ExcelApi', '1.9')).toBe(true);
      expect(office(old).isSetSupported('ExcelApi', '1.13')).toBe(false);
    });
  });

  it('drops a value written into a merged cell other than its top-left one, and records it', async () => {
    const host = hostWith({ Data: [] });
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('B2:B3').values = [['trên'], ['dưới']];
      sheet.getRange('B2:B3').merge();
      await context.sync();
      const column = sheet.getRange('B1:B4');
      column.values = [['a'], ['b'], ['c'], ['d']];
      column.numberFormat = [['0%'], ['0%'], ['0%'], ['0%']];
      sheet.getRange('B3').values = [['']];
      await context.sync();
    });
    expect(host.sheet('Data').merges).toEqual(['B2:B3']);
    expect(['B1', 'B2', 'B3', 'B4'].map((a1) => host.cell('Data', a1)?.value)).toEqual([
      'a',
      'b',
      undefined,
      'd',
    ]);
    // Formats are every cell's own; an empty value changes nothing and is not recorded.
    expect(host.cell('Data', 'B3')?.numberFormat).toBe('0%');
    expect(host.ignoredWrites).toEqual([{ sheet: 'Data', cell: 'B3' }]);
  });

  it('refuses a request or a response over its payload limit, as Excel on the web does', async () => {
    const host = new ExcelHost(emptyWorkbook(['Data']), { maxPayloadBytes: 1000 });
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').values = [['x'.repeat(1000)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.cell('Data', 'A1')).toBeUndefined();
    putValues(host.sheet('Data'), 'A1', [['y'.repeat(600)], ['z'.repeat(600)]]);
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:A2').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
