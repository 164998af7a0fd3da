/**
 * A new workbook package holding only sheets the product makes (the consolidated summary
 * workbook): a minimal package skeleton, then each SheetPlan added as a sheet by the same patcher
 * that adds the summary to a unit's file, so both have one serializer.
 */
import type { SheetPlan } from '../../template/types';
import { escapeXml } from './xml-text';
import { MINIMAL_STYLES, PackagePatcher } from './package-patcher';
import { XlsxPackage } from './package';
import { makeEntry, writeZip } from './zip-package';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface NewPackageProperties {
  creator: string;
  keywords: string;
  /** When the file is made (its dc:created). */
  now: Date;
}

function skeleton(props: NewPackageProperties): Buffer {
  const stamp = `${props.now.toISOString().slice(0, 19)}Z`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'docProps/core.xml': `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(props.creator)}</dc:creator><cp:keywords>${escapeXml(props.keywords)}</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': MINIMAL_STYLES,
  };
  return writeZip(
    Object.entries(parts).map(([name, text]) =>
      makeEntry(name, Buffer.from(text, 'utf8'), undefined, props.now),
    ),
  );
}

/** The bytes of a new workbook whose sheets are `sheets`, in that order. */
export async function newWorkbookPackage(
  sheets: SheetPlan[],
  props: NewPackageProperties,
): Promise<Buffer> {
  const pkg = new XlsxPackage(skeleton(props));
  new PackagePatcher(pkg).apply({ sheets: [], summary: sheets[0], extraSheets: sheets.slice(1) });
  return pkg.toBufferAsync(props.now);
}
