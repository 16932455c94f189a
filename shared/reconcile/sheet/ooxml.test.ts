import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSharedStrings, readStylesPart, readWorkbookPart } from './ooxml-parts';
import { readMerges, readSheetXml } from './ooxml-sheet';
import { cellXmlText } from './xml-text';

// Parts written the way Excel writes them (attribute order r, s, t; rich text; phonetic runs), by hand.
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr date1904="1"/><sheets><sheet name="说明" sheetId="3" r:id="rId3"/><sheet name="R&amp;D" sheetId="1" state="hidden" r:id="rId1"/><sheet name="图表" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/sheet3.xml"/></Relationships>`;
const STYLES = `<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="00000000"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="177"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
const SST = `<sst count="4" uniqueCount="4"><si><t>发票号码</t></si><si><t xml:space="preserve"> 前后空格 </t></si>
<si><r><rPr><b/><sz val="11"/></rPr><t>上海</t></r><r><t>某某</t></r><rPh sb="0" eb="2"><t>シャンハイ</t></rPh></si><si/><si><t>A&amp;B&lt;&#x4E2D;&gt;_x000D_</t></si></sst>`;

describe('OOXML parts', () => {
  it('lists worksheets with their paths in workbook order, skipping chart sheets, with the date system', () => {
    expect(readWorkbookPart(WORKBOOK, RELS)).toEqual({
      sheets: [{ name: '说明', path: 'xl/worksheets/sheet3.xml' }, { name: 'R&D', path: 'xl/worksheets/sheet1.xml' }],
      date1904: true,
    });
  });

  it('reads shared strings: plain, preserved spaces, rich runs without phonetic guides, empty items, escapes', () => {
    expect(readSharedStrings(SST)).toEqual(['发票号码', ' 前后空格 ', '上海某某', '', 'A&B<中>\r']);
  });

  it('classifies cell styles by number format (custom and built-in ids)', () => {
    expect(readStylesPart(STYLES).map((s) => s.kind)).toEqual(['plain', 'date', 'date', 'padded', 'plain']);
  });

  it('decodes OOXML escapes, including an escaped underscore', () => {
    expect(cellXmlText('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(cellXmlText('_x005F_x000D_')).toBe('_x000D_');
  });
});

describe('readSheetXml', () => {
  const ctx = { strings: readSharedStrings(SST), styles: readStylesPart(STYLES), date1904: false };
  const sheet = (rows: string) => strToU8(`<worksheet><dimension ref="A1:E4"/><sheetViews/><cols><col min="1" max="2" width="9"/></cols><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`);

  it('reads every cell type Excel writes', () => {
    const xml = sheet(
      '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45420</v></c><c r="C1" s="3"><v>12345</v></c><c r="D1" s="4"><v>1234.5</v></c><c r="E1" t="b"><v>1</v></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>内联</t></is></c><c r="B3" t="str"><f>A1&amp;""</f><v>公式 &amp; 结果</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="d"><v>2024-05-08T00:00:00</v></c><c r="E3" s="2"/></row>'
      + '<row><c><v>7</v></c><c t="s"><v>2</v></c><c t="s"><v></v></c><c r="E4"><f>SUM(A1)</f></c></row>',
    );
    expect(readSheetXml(xml, ctx)).toEqual([
      ['发票号码', '2024-05-08', '00012345', 1234.5, 'TRUE'],
      [],
      ['内联', '公式 & 结果', '#N/A', '2024-05-08'],
      [7, '上海某某'],
    ]);
    expect(readMerges(xml)).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 1 }]);
  });

  it('uses the 1904 date system when the workbook does', () => {
    expect(readSheetXml(sheet('<row r="1"><c r="A1" s="1"><v>43958</v></c></row>'), { ...ctx, date1904: true })).toEqual([['2024-05-08']]);
  });

  it('decodes text values exactly as a UTF-8 decoder would, whatever the characters', () => {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 5 }), (values) => {
      const cells = values.map((v, c) => `<c r="${String.fromCharCode(65 + c)}1" t="str"><v>${escape(v)}</v></c>`).join('');
      expect(readSheetXml(sheet(`<row r="1">${cells}</row>`), ctx)).toEqual([values.map((v) => cellXmlText(escape(v)))]);
    }));
    const invalid = Uint8Array.from([...strToU8('<sheetData><row r="1"><c r="A1" t="str"><v>'), 0xe4, 0xb8, 0x41, 0xed, 0xa0, 0x80, ...strToU8('</v></c></row></sheetData>')]);
    expect(readSheetXml(invalid, ctx)).toEqual([['\ufffdA\ufffd\ufffd\ufffd']]);
  });

  it('reads a sheet without cells', () => {
    expect(readSheetXml(strToU8('<worksheet><sheetData/></worksheet>'), ctx)).toEqual([]);
  });
});
