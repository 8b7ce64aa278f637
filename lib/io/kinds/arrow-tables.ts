import { arrow, isArrowTable, type ArrowTable } from '../../dataframe/arrow.js';
import { arrowTableOf } from '../../results/arrow-result.js';
import { IoMessages } from '../messages.js';
import type { ColumnSchema } from '../metadata.js';
import { columnsOf } from '../tabular.js';

/** The table in `data` as an Arrow Table (rows through tableFromJSON; columns without a copy where Arrow allows). */
export function toArrowTable(data: unknown, node: string, kind: string): ArrowTable {
  if (isArrowTable(data)) return data;
  if (Array.isArray(data)) {
    columnsOf(data, node, kind); // checks that these are rows
    return arrow(IoMessages.arrowNeededFor).tableFromJSON(data as Record<string, unknown>[]);
  }
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    columnsOf(data, node, kind); // checks equal lengths with the saver named
    return arrowTableOf(data as Record<string, unknown>, (name) => `column '${name}'`);
  }
  columnsOf(data, node, kind); // a danfo DataFrame here; anything else is refused, naming the saver
  return arrowTableOf({ frame: data }, () => `saver '${node}'`);
}

/** An Arrow table's schema as the metadata record keeps it. */
export function arrowSchema(table: ArrowTable): ColumnSchema[] {
  return table.schema.fields.map((field) => ({ name: field.name, type: String(field.type) }));
}
