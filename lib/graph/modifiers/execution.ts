import type { RetryPolicy } from '../node.js';
import type { NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';

/** `@retry`: the final nodes of the method are tried again by the policy when they fail. */
export const retryModifier: NodeModifier<RetryPolicy> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes, policy) => {
    const targets = finalNodes(nodes);
    return nodes.map((n) => (targets.has(n) ? { ...n, retry: { attempts: policy.attempts, backoffMs: policy.backoffMs } } : n));
  },
};

/** `@runLocally`: every node the method makes runs in the driver's thread. */
export const runLocallyModifier: NodeModifier<Record<string, never>> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes) => nodes.map((n) => ({ ...n, local: true })),
};

/** `@resource`: the final nodes of the method are made once per place and never sent between places. */
export const resourceModifier: NodeModifier<Record<string, never>> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes) => {
    const targets = finalNodes(nodes);
    return nodes.map((n) => (targets.has(n) ? { ...n, resource: true } : n));
  },
};
