import type { ResultBuilder } from './result-builder.js';

/** Returns the requested outputs as a plain object, keys in the order requested (the Builder's default). */
export class DictResult implements ResultBuilder<Record<string, unknown>> {
  build(outputs: Record<string, unknown>): Record<string, unknown> {
    return outputs;
  }
}
