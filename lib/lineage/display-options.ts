import type { ExecuteOptions } from '../execution/execute-options.js';
import type { Variable } from './variable.js';

/** Graph direction: left to right (Hamilton's default), top to bottom, and their reverses. */
export type Orient = 'LR' | 'TB' | 'RL' | 'BT';

/** Options of every picture (`displayAllFunctions`, `visualizeExecution`, `displayUpstreamOf`, ...). */
export interface DisplayOptions {
  /** Graph direction; `'LR'` by default. */
  readonly orient?: Orient;
  /** Leaves out external inputs and config values (and their edges). */
  readonly hideInputs?: boolean;
  /** Draws the legend of the node kinds and marks used; `true` by default. */
  readonly showLegend?: boolean;
  /** Writes each node's declared type under its name; `true` by default. */
  readonly showTypes?: boolean;
  /**
   * Extra Graphviz node attributes per node, e.g. colour the PII nodes:
   * `(node) => (node.tags.pii === 'true' ? { fillcolor: '#f4a6a6' } : undefined)`.
   * Its attributes are applied last, over the kind and mark styles.
   */
  readonly customStyle?: (node: Variable) => Readonly<Record<string, string>> | undefined;
  /** Legend caption of the nodes `customStyle` styles (shown only when set and some node is styled). */
  readonly customStyleLegend?: string;
  /** Extra Graphviz graph attributes (`{ ranksep: '0.8', splines: 'ortho' }`). */
  readonly graphAttributes?: Readonly<Record<string, string>>;
}

/** Where to write a picture: `.dot` (the DOT text) or `.svg` (rendered in process by WebAssembly Graphviz). */
export interface FileOption {
  readonly file: string;
}

/** Options of `visualizeExecution`: what `execute` would get, plus picture options. */
export interface VisualizeExecutionOptions extends DisplayOptions, ExecuteOptions {
  /** Draws even when `execute` would refuse (missing inputs are then drawn in red). */
  readonly bypassValidation?: boolean;
}
