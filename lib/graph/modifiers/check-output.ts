import type { CheckOutputArgs } from '../../decorators/check-output.js';
import type { CheckOutputCustomArgs } from '../../decorators/check-output-custom.js';
import { builtInCheck, customCheck } from '../../validation/output-check.js';
import { withChecks } from './check-output-nodes.js';
import type { NodeModifier } from './modifier.js';

/**
 * `@checkOutput`: validator nodes for the final nodes. It runs in the `validate` phase, after every
 * transform, so that stacked with `@extractColumns` / `@extractFields` it checks the extracted nodes
 * whatever order the decorators are written in.
 */
export const checkOutputModifier: NodeModifier<CheckOutputArgs> = {
  phase: 'validate',
  allowsMultiple: true,
  apply: (nodes, args, context) =>
    withChecks(
      nodes,
      args.checks.map((c) => builtInCheck(c.name, c.arg, args.importance)),
      args.target,
      'checkOutput',
      context,
    ),
};

/** `@checkOutputCustom`: the user's validators, shaped like `@checkOutput`'s checks. */
export const checkOutputCustomModifier: NodeModifier<CheckOutputCustomArgs> = {
  phase: 'validate',
  allowsMultiple: true,
  apply: (nodes, args, context) => withChecks(nodes, args.validators.map(customCheck), undefined, 'checkOutputCustom', context),
};
