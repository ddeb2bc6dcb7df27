/** URLs of the /exports/ pages, without the export code: the header links here on every page. */
export const EXPORTS_PAGE = '/exports/';
export const exportUrl = (slug: string) => `${EXPORTS_PAGE}${slug}/`;
/** The folder of the Word merge files, in the pack and under /exports/. */
export const WORD_MERGE_PAGE_DIR = 'word-samenvoegen';
/** Single merge letters and their data source, served as files next to the Word page. */
export const mergeLetterUrl = (id: string) => `${EXPORTS_PAGE}${WORD_MERGE_PAGE_DIR}/${id}.docx`;
export const mergeDataUrl = () => `${EXPORTS_PAGE}${WORD_MERGE_PAGE_DIR}/gegevensbron.xlsx`;

/** Every export page, in menu order; src/site/lib/exports.ts describes each (a test keeps them equal). */
export const EXPORT_SLUGS = ['agenda', 'excel', 'word-samenvoegen', 'mailprogramma', 'sms', 'whatsapp', 'amazon-ses', 'sendgrid', 'postmark', 'mailgun', 'invoice-ninja', 'odoo', 'kill-bill'] as const;
