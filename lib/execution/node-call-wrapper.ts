import { HamiltonError, NodeExecutionError } from '../errors/index.js';
import type { GraphNode } from '../graph/node.js';
import type { LifecycleAdapter } from './adapters.js';
import { AdapterMessages } from './adapters/messages.js';
import { adapterName } from './hooks.js';
import type { RunContext } from './run-context.js';
import { isThenable, silence } from '../metadata/thenable.js';

/**
 * Calls a node through the adapter that takes over node calls (`wrapNodeCall`, Hamilton's `do_node_execute`).
 * Its `call()` runs the node as usual (`callInner`) and throws what the node threw; whatever the wrapper throws
 * fails the node, named as any node failure is. The sync Driver refuses a wrapper that returns a Promise.
 */
export function callThroughWrapper(
  wrapper: LifecycleAdapter,
  context: RunContext,
  sync: boolean,
  node: GraphNode,
  args: unknown[],
  item: number | undefined,
  callInner: (args: unknown[]) => unknown,
): unknown {
  let original: { readonly thrown: unknown; readonly error: unknown } | undefined;
  const fail = (error: unknown): never => {
    original = { thrown: thrownBy(node, error), error };
    throw original.thrown;
  };
  const call = (given: unknown[] = args): unknown => {
    let result: unknown;
    try {
      result = callInner(given);
    } catch (error) {
      return fail(error);
    }
    return isThenable(result) ? Promise.resolve(result).then(undefined, fail) : result;
  };
  // What the node threw, passed on by the wrapper, keeps the failure the scheduler gave it.
  const blame = (error: unknown) => (original !== undefined && error === original.thrown ? original.error : context.failure(node, args, error));
  const event = context.nodeEvent(node, args, item);
  const dynamic = node.dynamic?.kind;
  let result: unknown;
  try {
    result = wrapper.wrapNodeCall!({ ...event, argList: args, isExpand: dynamic === 'expand', isCollect: dynamic === 'collect', call });
  } catch (error) {
    throw blame(error);
  }
  if (!isThenable(result)) return result;
  if (sync) {
    silence(result);
    throw new HamiltonError(AdapterMessages.asyncNodeCallInSyncDriver(adapterName(wrapper), node.name));
  }
  return Promise.resolve(result).then(undefined, (error: unknown) => {
    throw blame(error);
  });
}

/** What a node itself threw, under the `NodeExecutionError` that names it. */
export function thrownBy(node: GraphNode, error: unknown): unknown {
  return error instanceof NodeExecutionError && error.nodeName === node.name ? error.cause : error;
}
