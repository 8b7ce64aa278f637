/** What the runs UI says: errors of `hamilton-ts ui` and the text its pages show when something is not there. */
export const UiMessages = {
  neededFor: 'the runs UI (`hamilton-ts ui`)',
  storeMissing: (file: string) =>
    `No store at '${file}': pass --store the folder given to withCache({ path }) / new SQLiteStore(folder), or its hamilton.sqlite file.`,
  storeUnreadable: (file: string, why: string) => `The store '${file}' cannot be read as a hamilton-ts store: ${why}.`,
  badOptions: (got: string) => `startUi takes an options object { store, port?, host? }; got ${got}.`,
  badStore: (got: string) => `startUi: 'store' must be the path of a store folder or its hamilton.sqlite file, or a postgres:// URL; got ${got}.`,
  badHost: (got: string) => `startUi: 'host' must be an address such as '127.0.0.1'; got ${got}.`,
  manyRuns: (shown: number, total: number) => `Showing the newest ${shown} of ${total} matching runs: narrow the filters to see older ones.`,
  badPort: (port: string) => `The port '${port}' is not a port number: give a whole number from 0 (any free port) to 65535.`,
  listening: (url: string, file: string) => `Runs UI for ${file} at ${url} (Ctrl+C to stop)`,
  noProject: (name: string) => `No project named '${name}' in this store.`,
  noRun: (id: string) => `No run '${id}' in this store.`,
  noNode: (node: string, project: string) => `No run of project '${project}' recorded node '${node}'.`,
  diffNeedsTwo: 'Pick two runs to compare (?a=<run id>&b=<run id>).',
  graphUnknown:
    'The graph of this run is not in the store (a RunTracker stores it; an untracked run has it only from Builder.withCache() on the same store), so the nodes are listed as a table.',
  graphTooLarge: (nodes: number) => `This run's DAG has ${nodes} nodes, too many to draw legibly: its nodes are listed below.`,
  noSources: 'The store does not hold the graph of this run, so where an output came from cannot be told.',
} as const;
