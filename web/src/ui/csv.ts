export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | null | undefined;
}

export interface CsvFormat {
  /** ';' where the decimal separator is a comma (Dutch spreadsheets), else ','. */
  readonly separator: ',' | ';';
  readonly decimal: '.' | ',';
}

export const csvFormats: Record<'nl' | 'en', CsvFormat> = {
  nl: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

function cell(value: string | number | null | undefined, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value).replace('.', format.decimal) : value;
  return /["\n\r]/.test(text) || text.includes(format.separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text, numbers unformatted (no thousands separators) so spreadsheets read them as numbers. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], format: CsvFormat): string {
  const lines = [
    columns.map((c) => cell(c.header, format)),
    ...rows.map((row) => columns.map((c) => cell(c.value(row), format))),
  ];
  return lines.map((line) => line.join(format.separator)).join('\r\n') + '\r\n';
}

/** Offers the text as a file; the BOM makes spreadsheets read it as UTF-8 (é, ë, €). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a title: lower case, ASCII, dashes. */
export function csvFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'werkbezoek'}.csv`;
}
