/**
 * Links to a cell of the same workbook, which ExcelJS 4.4 gets wrong both ways:
 * - writing `{ text, hyperlink: "#'Báo cáo'!F12" }` emits an external relationship to the file
 *   "#'Báo cáo'!F12" as well as the location, and Excel then opens a broken address
 *   (exceljs/exceljs#3027, #749);
 * - reading drops every link that has a `location` and no relationship (exceljs#920), so a user's
 *   own internal links would vanish from an input sheet when the workbook is written again.
 * This module corrects the two steps once, on load: internal links are written as `location` only,
 * and read back as `#location`, the spelling ExcelJS documents for internal links.
 */
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';

const HYPERLINK_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const INTERNAL_REL_PREFIX = 'utInternalLink';

const patched = Symbol.for('union-targets.exceljs-internal-links');
type Patchable = typeof WorksheetXform.prototype & { [patched]?: true };

function patchInternalLinks(): void {
  const proto = WorksheetXform.prototype as Patchable;
  if (proto[patched]) return;
  proto[patched] = true;

  const prepare = proto.prepare;
  proto.prepare = function prepareWithInternalLinks(model, options) {
    prepare.call(this, model, options);
    const dropped = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      if (typeof link.target === 'string' && link.target.startsWith('#') && link.rId) {
        dropped.add(link.rId);
        link.rId = undefined;
        link.target = link.target.slice(1);
      }
    }
    if (dropped.size > 0 && model.rels) {
      model.rels = model.rels.filter((rel) => !dropped.has(rel.Id));
    }
  };

  const reconcile = proto.reconcile;
  proto.reconcile = function reconcileWithInternalLinks(model, options) {
    let n = 0;
    for (const link of model.hyperlinks ?? []) {
      if (!link.rId && typeof link.target === 'string' && link.target !== '') {
        n += 1;
        link.rId = `${INTERNAL_REL_PREFIX}${n}`;
        (model.relationships ??= []).push({
          Id: link.rId,
          Type: HYPERLINK_REL,
          Target: `#${link.target}`,
        });
      }
    }
    reconcile.call(this, model, options);
  };
}

patchInternalLinks();
