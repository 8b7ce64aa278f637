import type { NodeRecord, RunGraph, RunRecord } from './records.js';

/** How a node differs between two runs. */
export type NodeChange = 'code' | 'data' | 'added' | 'removed' | 'status' | 'same' | 'unknown';

export interface NodeDiff {
  readonly node: string;
  readonly change: NodeChange;
  readonly before?: NodeRecord;
  readonly after?: NodeRecord;
  /**
   * For a node whose value changed while its code did not: the nodes upstream (in the later run's graph) whose
   * code changed, or the external inputs it reads when no upstream code did; empty when the graph is unknown.
   */
  readonly explainedBy: readonly string[];
  /** For a code change: the value changes downstream that it explains. */
  readonly explains: readonly string[];
}

/**
 * Compares two runs node by node (fan-out items are compared as a whole: a node's code is one, its data versions
 * are joined in item order). Code changes come from the cache's code versions, data changes from its data versions;
 * without them only status changes can be told.
 */
export function diffRuns(before: RunRecord, after: RunRecord, graph: RunGraph | undefined): NodeDiff[] {
  const a = byNode(before.nodes);
  const b = byNode(after.nodes);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes = new Map<string, NodeChange>(names.map((name) => [name, changeOf(a.get(name), b.get(name))]));
  const causes = new Map(names.map((name) => [name, changes.get(name) === 'data' && graph ? explain(name, graph, changes) : []]));
  return names.map((name) => {
    const explains = names.filter((other) => causes.get(other)!.includes(name));
    return {
      node: name,
      change: changes.get(name)!,
      explainedBy: causes.get(name)!,
      explains,
      ...first('before', a.get(name)),
      ...first('after', b.get(name)),
    };
  });
}

function first(key: 'before' | 'after', records: NodeRecord[] | undefined): Partial<Record<'before' | 'after', NodeRecord>> {
  return records ? { [key]: records[0] } : {};
}

function byNode(records: readonly NodeRecord[]): Map<string, NodeRecord[]> {
  const map = new Map<string, NodeRecord[]>();
  for (const record of records) {
    const list = map.get(record.node) ?? [];
    list.push(record);
    map.set(record.node, list);
  }
  for (const list of map.values()) list.sort((x, y) => (x.item ?? -1) - (y.item ?? -1));
  return map;
}

function changeOf(before: NodeRecord[] | undefined, after: NodeRecord[] | undefined): NodeChange {
  if (!before) return 'added';
  if (!after) return 'removed';
  const code = (rs: NodeRecord[]) => rs[0].codeVersion;
  if (code(before) !== undefined && code(after) !== undefined && code(before) !== code(after)) return 'code';
  const data = (rs: NodeRecord[]) => (rs.every((r) => r.dataVersion !== undefined) ? rs.map((r) => r.dataVersion).join(',') : undefined);
  const dataBefore = data(before);
  const dataAfter = data(after);
  if (dataBefore !== undefined && dataAfter !== undefined) {
    if (dataBefore !== dataAfter) return 'data';
  }
  const status = (rs: NodeRecord[]) => rs.map((r) => r.status).join(',');
  if (status(before) !== status(after)) return 'status';
  return dataBefore !== undefined && dataAfter !== undefined ? 'same' : 'unknown';
}

/** The nearest upstream causes of a data change: code changes, else the external inputs reached. */
function explain(node: string, graph: RunGraph, changes: ReadonlyMap<string, NodeChange>): string[] {
  const causes = new Set<string>();
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const stack = [...(graph.dependencies.get(node) ?? [])];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const change = changes.get(name);
    if (change === 'code' || change === 'added') {
      causes.add(name);
      continue;
    }
    if (!graph.dependencies.has(name)) inputs.add(name);
    stack.push(...(graph.dependencies.get(name) ?? []));
  }
  return [...(causes.size > 0 ? causes : inputs)].sort();
}
