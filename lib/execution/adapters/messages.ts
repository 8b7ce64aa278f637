/** The messages of lifecycle adapters that shape node calls (`wrapNodeCall`, `GracefulErrorAdapter`). */
export const AdapterMessages = {
  twoNodeCallWrappers: (adapters: readonly string[]) =>
    `Adapters ${adapters.join(' and ')} both implement wrapNodeCall; at most one adapter may take over node calls ` +
    `(as in Hamilton, where one adapter implements do_node_execute). Keep one of them.`,
  asyncNodeCallInSyncDriver: (adapter: string, node: string) =>
    `${adapter}.wrapNodeCall returned a Promise for node '${node}', which the synchronous Driver cannot wait for. ` +
    `Return the value itself, or build an AsyncDriver (new Builder()....buildAsync()).`,
  badGracefulOptions: (problem: string) => `new GracefulErrorAdapter(options): ${problem}`,
  badErrorToCatch: (got: string) => `errorToCatch must be an error class (e.g. TypeError or your own), got ${got}.`,
  badFlag: (option: string, got: string) => `${option} must be true or false, got ${got}.`,
  unknownOption: (keys: readonly string[]) =>
    `unknown option${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')} (options: errorToCatch, sentinelValue, tryAllParallel, allowInjection).`,
  sentinel: 'GracefulErrorAdapter sentinel: an upstream node failed',
};
