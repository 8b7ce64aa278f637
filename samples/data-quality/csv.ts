import { readFileSync } from 'node:fs';

/**
 * Parses a CSV with a header row into one array per column. A column whose filled cells are all numbers is
 * numeric, with empty cells as NaN (missing, as pandas reads them); any other column keeps strings, with
 * empty cells as null. Hand-written on purpose: this is all the survey needs, and danfo's `readCSV` is
 * browser-oriented in its pure-JS build.
 */
export function parseCsv(text: string): Record<string, (number | string | null)[]> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('CSV is empty: expected a header row');
  const header = lines[0].split(',').map((name) => name.trim());
  const cells = lines.slice(1).map((line, i) => {
    const row = line.split(',').map((cell) => cell.trim());
    if (row.length !== header.length) throw new Error(`CSV line ${i + 2}: ${row.length} cells, header has ${header.length}`);
    return row;
  });
  return Object.fromEntries(
    header.map((name, c) => {
      const column = cells.map((row) => row[c]);
      const numeric = column.every((cell) => cell === '' || !Number.isNaN(Number(cell)));
      return [name, column.map((cell) => (cell === '' ? (numeric ? NaN : null) : numeric ? Number(cell) : cell))];
    }),
  );
}

/** Reads and parses a CSV file (see `parseCsv`). */
export function readCsv(file: string): Record<string, (number | string | null)[]> {
  return parseCsv(readFileSync(file, 'utf8'));
}
