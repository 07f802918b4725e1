// CSV for spreadsheets (RFC 4180): one row at a time, so the export streams.

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): a comment that
 * reads `=HYPERLINK(...)` must stay text. A leading `'` is what spreadsheets themselves
 * use to mark text. Only text cells are guarded; numbers are written as numbers.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** One cell: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks (Excel and LibreOffice read both). */
export const csvRow = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
