/**
 * Every look of the DOCX output as named Word styles. Block handlers only name a style; a user who
 * restyles "TijdigBody" in Word restyles every letter paragraph at once. Nothing here depends on
 * fill data, so no value can reach the style XML.
 */
import {
  AlignmentType,
  BorderStyle,
  HighlightColor,
  LevelFormat,
  ShadingType,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';

/** Style ids, as block handlers refer to them. */
export const S = {
  body: 'TijdigBody',
  spacer: 'TijdigSpacer',
  header: 'TijdigHeader',
  sender: 'TijdigSender',
  address: 'TijdigAddress',
  registered: 'TijdigRegistered',
  placeDate: 'TijdigPlaceDate',
  reference: 'TijdigReference',
  subject: 'TijdigSubject',
  meta: 'TijdigMeta',
  listBullet: 'TijdigListBullet',
  tableHeader: 'TijdigTableHeader',
  tableText: 'TijdigTableText',
  tableAmount: 'TijdigTableAmount',
  tableTotal: 'TijdigTableTotal',
  tableTotalAmount: 'TijdigTableTotalAmount',
  label: 'TijdigLabel',
  value: 'TijdigValue',
  deadline: 'TijdigDeadline',
  button: 'TijdigButton',
  closing: 'TijdigClosing',
  signatureName: 'TijdigSignatureName',
  signature: 'TijdigSignature',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  // character styles
  strong: 'TijdigStrong',
  missing: 'TijdigMissing',
  missingStrong: 'TijdigMissingStrong',
  link: 'TijdigLink',
  // table styles
  letterFrame: 'TijdigLetterFrame',
  invoiceTable: 'TijdigInvoiceTable',
  detailsTable: 'TijdigDetailsTable',
} as const;

export const BULLETS = 'tijdig-bullet';

const FONT = 'Arial'; // LibreOffice maps it to the metric-compatible Liberation Sans.
const INK = '1F2933';
const MUTED = '52606D';
const ACCENT = '8A1C1C';
const pt = (points: number) => points * 2; // docx sizes are half-points
const twips = (points: number) => points * 20;

export function stylesFor(lang: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(10), color: INK, language: { value: lang } },
        paragraph: { spacing: { after: 0, line: 259 } },
      },
      heading1: {
        run: { font: FONT, size: pt(15), bold: true, color: INK },
        paragraph: { spacing: { before: 0, after: twips(10) }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: pt(12), bold: true, color: INK },
        paragraph: { spacing: { before: twips(10), after: twips(4) }, keepNext: true },
      },
      heading3: {
        run: { font: FONT, size: pt(10.5), bold: true, color: INK },
        paragraph: { spacing: { before: twips(8), after: twips(3) }, keepNext: true },
      },
    },
    paragraphStyles: [
      { id: S.body, name: 'Tijdig Body', basedOn: 'Normal', next: S.body, quickFormat: true, paragraph: { spacing: { after: twips(7) } } },
      // Before and after tables: Word has no space-before for tables, so a tiny empty paragraph gives it.
      { id: S.spacer, name: 'Tijdig Spacer', basedOn: 'Normal', run: { size: pt(5) }, paragraph: { spacing: { line: 240 } } },
      {
        id: S.header,
        name: 'Tijdig Header',
        basedOn: 'Normal',
        run: { size: pt(8), color: MUTED },
        paragraph: { spacing: { line: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A7B1BB', space: 2 } } },
      },
      { id: S.sender, name: 'Tijdig Sender', basedOn: 'Normal', run: { size: pt(8.5), color: MUTED }, paragraph: { spacing: { line: 240 } } },
      { id: S.address, name: 'Tijdig Address', basedOn: 'Normal', paragraph: { spacing: { line: 240 } } },
      {
        id: S.registered,
        name: 'Tijdig Registered',
        basedOn: 'Normal',
        run: { bold: true, characterSpacing: 40, color: ACCENT },
        paragraph: { spacing: { before: twips(4), after: twips(2) } },
      },
      { id: S.placeDate, name: 'Tijdig Place and Date', basedOn: 'Normal', paragraph: { spacing: { before: twips(14) } } },
      { id: S.reference, name: 'Tijdig Reference', basedOn: 'Normal', run: { size: pt(9), color: MUTED }, paragraph: { spacing: { before: twips(2) } } },
      {
        id: S.subject,
        name: 'Tijdig Subject',
        basedOn: 'Normal',
        next: S.body,
        quickFormat: true,
        run: { bold: true },
        paragraph: { spacing: { before: twips(10), after: twips(10) }, keepNext: true },
      },
      { id: S.meta, name: 'Tijdig Meta', basedOn: 'Normal', run: { italics: true, size: pt(9), color: MUTED }, paragraph: { spacing: { after: twips(12) } } },
      {
        id: S.listBullet,
        name: 'Tijdig List Bullet',
        basedOn: S.body,
        // Contextual spacing drops the gap between items but keeps it after the last one.
        paragraph: { numbering: { reference: BULLETS, level: 0 }, contextualSpacing: true },
      },
      { id: S.tableText, name: 'Tijdig Table Text', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { spacing: { line: 240 } } },
      { id: S.tableHeader, name: 'Tijdig Table Header', basedOn: S.tableText, run: { bold: true }, paragraph: { keepNext: true } },
      { id: S.tableAmount, name: 'Tijdig Table Amount', basedOn: S.tableText, paragraph: { alignment: AlignmentType.RIGHT } },
      { id: S.tableTotal, name: 'Tijdig Table Total', basedOn: S.tableText, run: { bold: true } },
      { id: S.tableTotalAmount, name: 'Tijdig Table Total Amount', basedOn: S.tableTotal, paragraph: { alignment: AlignmentType.RIGHT } },
      { id: S.label, name: 'Tijdig Label', basedOn: S.tableText, run: { color: MUTED } },
      { id: S.value, name: 'Tijdig Value', basedOn: S.tableText },
      {
        id: S.deadline,
        name: 'Tijdig Deadline',
        basedOn: S.body,
        quickFormat: true,
        run: { bold: true },
        paragraph: {
          spacing: { before: twips(8), after: twips(12) },
          indent: { left: 113, right: 113 },
          keepLines: true,
          border: {
            top: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 },
            left: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 },
            right: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 },
          },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FBEFEF' },
        },
      },
      { id: S.button, name: 'Tijdig Payment Link', basedOn: S.body, paragraph: { spacing: { before: twips(4), after: twips(10) } } },
      // The greeting before the signature ("Met vriendelijke groeten,") never stays behind on its own.
      { id: S.closing, name: 'Tijdig Closing', basedOn: S.body, next: S.signatureName, paragraph: { keepNext: true } },
      { id: S.signatureName, name: 'Tijdig Signature Name', basedOn: 'Normal', next: S.signature, paragraph: { spacing: { before: twips(24) }, keepNext: true, keepLines: true } },
      { id: S.signature, name: 'Tijdig Signature', basedOn: 'Normal', paragraph: { keepNext: true } },
    ],
    characterStyles: [
      { id: S.strong, name: 'Tijdig Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      {
        // Shading and highlight both: Word's style dialog keeps shading, older readers know highlight.
        id: S.missing,
        name: 'Tijdig Missing',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { highlight: HighlightColor.YELLOW, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFFF00' } },
      },
      { id: S.missingStrong, name: 'Tijdig Missing Strong', basedOn: S.missing, run: { bold: true } },
      { id: S.link, name: 'Tijdig Link', basedOn: 'DefaultParagraphFont', run: { color: '0B5CAD', underline: {} } },
    ],
  };
}

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360, hanging: 240 } } },
        },
      ],
    },
  ],
};

// docx 9 has no declarative table styles, so these three are written as WordprocessingML by hand
// and handed over as `externalStyles`, which docx merges with its defaults and the styles above.
const border = (sides: string[], val: string, size: number, color: string) =>
  sides.map((side) => `<w:${side} w:val="${val}" w:sz="${size}" w:space="0" w:color="${color}"/>`).join('');
const margins = (top: number, side: number) =>
  `<w:tblCellMar><w:top w:w="${top}" w:type="dxa"/><w:left w:w="${side}" w:type="dxa"/><w:bottom w:w="${top}" w:type="dxa"/><w:right w:w="${side}" w:type="dxa"/></w:tblCellMar>`;
const tableStyle = (id: string, name: string, inner: string) =>
  `<w:style w:type="table" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>${inner}</w:style>`;

const TABLE_STYLES = [
  tableStyle(S.letterFrame, 'Tijdig Letter Frame', `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>${border(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'], 'nil', 0, 'auto')}</w:tblBorders>${margins(0, 0)}</w:tblPr>`),
  tableStyle(
    S.invoiceTable,
    'Tijdig Invoice Table',
    `<w:tblPr><w:tblBorders>${border(['top', 'bottom', 'insideH'], 'single', 4, 'A7B1BB')}</w:tblBorders>${margins(50, 85)}</w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>${border(['bottom'], 'single', 8, INK)}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="EEF1F4"/></w:tcPr></w:tblStylePr>` +
      `<w:tblStylePr w:type="lastRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>${border(['top'], 'single', 8, INK)}</w:tcBorders></w:tcPr></w:tblStylePr>`,
  ),
  tableStyle(
    S.detailsTable,
    'Tijdig Details Table',
    `<w:tblPr><w:tblBorders>${border(['top', 'bottom'], 'single', 4, 'A7B1BB')}</w:tblBorders>${margins(30, 85)}</w:tblPr>`,
  ),
];

export const TABLE_STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_STYLES.join('')}</w:styles>`;
