import { DQ_RESULTS_TAG, DQ_SOURCE_TAG, RAW_SUFFIX, VALIDATOR_SUFFIX } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import { kindOfType } from '../../validation/kinds.js';
import { concludeChecks, runCheck } from '../../validation/outcome.js';
import type { OutputCheck } from '../../validation/output-check.js';
import type { CheckResult } from '../../validation/types.js';
import type { Dependency, NodeDefinition } from '../node.js';
import { describeType } from '../../metadata/value-types.js';
import type { MethodContext } from './modifier.js';
import { targetedNodes } from './named-targets.js';

/** A checked node's parts, kept so that a second check decorator on the method adds to the same checks. */
interface CheckedParts {
  readonly raw: NodeDefinition;
  readonly validatorNames: readonly string[];
  readonly checkNames: readonly string[];
}

const checkedParts = new WeakMap<NodeDefinition, CheckedParts>();

/**
 * Hamilton's data-validation shape for the targeted nodes (default: the final ones): `N` becomes `N_raw`,
 * one `N_<check>_validator` per check reading it, and a final `N` reading both, which returns the raw value
 * once the checks are concluded. A node checked before (stacked decorators) keeps its raw node and
 * validators and gains the new ones.
 */
export function withChecks(
  nodes: readonly NodeDefinition[],
  checks: readonly OutputCheck[],
  target: readonly string[] | undefined,
  decorator: string,
  context: MethodContext,
): NodeDefinition[] {
  const targets = targetedNodes(nodes, target, decorator, context);
  return nodes.flatMap((node) => (targets.has(node) ? checkedNode(node, checks, context) : [node]));
}

function checkedNode(node: NodeDefinition, checks: readonly OutputCheck[], context: MethodContext): NodeDefinition[] {
  const previous = checkedParts.get(node);
  const raw = previous?.raw ?? { ...node, name: node.name + RAW_SUFFIX };
  assertApplicable(node, checks, context);
  const checkNames = [...(previous?.checkNames ?? [])];
  const validators = checks.map((check) => {
    const checkName = uniqueName(check.name, checkNames);
    checkNames.push(checkName);
    return validatorNode(node, raw, { ...check, name: checkName });
  });
  const validatorNames = [...(previous?.validatorNames ?? []), ...validators.map((v) => v.name)];
  const final = finalNode(node, raw, validatorNames);
  checkedParts.set(final, { raw, validatorNames, checkNames });
  return [...(previous ? [] : [raw]), ...validators, final];
}

/** A check the declared type rules out is a build error; an unknown type is left to run time. */
function assertApplicable(node: NodeDefinition, checks: readonly OutputCheck[], context: MethodContext): void {
  const kind = kindOfType(node.type);
  if (kind === undefined || node.type === undefined) return;
  for (const check of checks) {
    if (check.appliesTo(node.type, kind)) continue;
    const declared = describeType(node.type);
    throw new InvalidDecoratorError(
      check.kinds
        ? Messages.validation.checkDoesNotApply(context.origin, node.name, check.name, declared, check.kinds)
        : Messages.validation.validatorDoesNotApply(context.origin, node.name, check.name, declared),
    );
  }
}

/** `positive`, then `positive_1`, `positive_2` (Hamilton's suffixes for repeated validator names). */
function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let i = 1;
  while (taken.includes(`${name}_${i}`)) i++;
  return `${name}_${i}`;
}

function validatorNode(node: NodeDefinition, raw: NodeDefinition, check: OutputCheck): NodeDefinition {
  const name = `${node.name}_${check.name}${VALIDATOR_SUFFIX}`;
  const checkedName = node.name;
  return withNamespace(node, {
    name,
    type: undefined,
    doc: check.description,
    tags: { ...node.tags, [DQ_RESULTS_TAG]: 'true', [DQ_SOURCE_TAG]: checkedName },
    dependencies: [{ name: raw.name, optional: false, type: node.type }],
    originatingFunctions: node.originatingFunctions,
    featureSet: node.featureSet,
    callable: (args) => runCheck(check, args[0], checkedName, name),
  });
}

function finalNode(node: NodeDefinition, raw: NodeDefinition, validatorNames: readonly string[]): NodeDefinition {
  const dependencies: Dependency[] = [
    { name: raw.name, optional: false, type: node.type },
    ...validatorNames.map((name) => ({ name, optional: false, type: undefined })),
  ];
  return withNamespace(node, {
    name: node.name,
    type: node.type,
    doc: node.doc,
    tags: node.tags,
    dependencies,
    originatingFunctions: node.originatingFunctions,
    featureSet: node.featureSet,
    callable: (args) => {
      concludeChecks(args.slice(1) as CheckResult[]);
      return args[0];
    },
  });
}

/** Keeps a sub-graph node's namespace; other definitions keep the graph's standard (fast) key order. */
function withNamespace(node: NodeDefinition, definition: NodeDefinition): NodeDefinition {
  return node.namespace === undefined ? definition : { ...definition, namespace: node.namespace };
}
