import { readFileSync } from 'node:fs';

/**
 * Parses a CSV of numbers with a header row into one array per column. Hand-written on purpose: danfo's
 * `readCSV` is browser-oriented in its pure-JS build, and numeric CSV needs nothing more than this.
 * Throws on a ragged row or a cell that is not a number, naming the line, so bad data fails loudly.
 */
export function parseNumericCsv(text: string): Record<string, number[]> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('CSV is empty: expected a header row');
  const header = lines[0].split(',').map((name) => name.trim());
  const columns: Record<string, number[]> = Object.fromEntries(header.map((name) => [name, []]));
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    const lineNo = i + 2;
    if (cells.length !== header.length) throw new Error(`CSV line ${lineNo}: ${cells.length} cells, header has ${header.length}`);
    cells.forEach((cell, c) => {
      const value = Number(cell);
      if (cell.trim() === '' || Number.isNaN(value)) throw new Error(`CSV line ${lineNo}, column '${header[c]}': '${cell}' is not a number`);
      columns[header[c]].push(value);
    });
  });
  return columns;
}

/** Reads and parses a numeric CSV file (see `parseNumericCsv`). */
export function readNumericCsv(file: string): Record<string, number[]> {
  return parseNumericCsv(readFileSync(file, 'utf8'));
}
