/** The messages of the driver layer's own features (output references, export). */
export const DriverMessages = {
  functionNotInGraph: (method: string, position: number) =>
    `Output #${position + 1} is the function ${method || '(anonymous)'}, which is no method of the driver's feature sets. ` +
    `Pass Class.prototype.method of a class given to the driver, a Variable, or the node name.`,
  functionWithoutNode: (origin: string) => `${origin} defines no node under this config (excluded by a config decorator or @hamiltonExclude).`,
  functionManyNodes: (origin: string, nodes: readonly string[]) =>
    `${origin} defines several nodes (${nodes.join(', ')}); request the one you want by name.`,
};
