/**
 * The messages of the cache (lib/cache/): errors, and the reasons its logs give for each node. Each says what
 * happened and, for errors, what to do.
 */
export const CacheMessages = {
  storeClosed: (folder: string) =>
    `The store ${folder} was closed; open a new one (new SQLiteStore(folder) or new PostgresStore(url)) to use it again.`,
  logsNotWritten: (runId: string, why: string) => `hamilton-ts cache: the logs of run ${runId} could not be written (${why}).`,
  noCache: 'This driver was built without a cache. Call Builder.withCache() before build() to use dr.cache.',
  badViewRunOptions: (actual: string) => `dr.cache.viewRun() takes { runId?, format?: 'dot' | 'svg' }, not ${actual}.`,
  noRunYet: 'This driver has not run yet; dr.cache.viewRun() draws a run, so execute first or give a run id.',
  unknownRun: (runId: string) => `No cached run '${runId}' is in this store; dr.cache.lastRunId names the latest.`,
  noCode: (node: string) => `node '${node}' has no method behind it`,
  classNotFound: (node: string, cls: string, ambiguous: boolean) =>
    ambiguous
      ? `two different classes named ${cls} are in this driver, so the code of node '${node}' is ambiguous`
      : `the class ${cls} of node '${node}' is not among this driver's feature sets`,
  unreadableSource: (origin: string, why: string) => `the source of ${origin} or its module cannot be read (${why})`,
  unversionable: {
    function: (name: string) => `a function${name ? ` (${name})` : ''} has no data version`,
    symbol: 'a symbol has no data version',
    symbolKeys: 'an object with symbol keys holds state the data version would miss',
    tooDeep: (depth: number) => `the value nests deeper than ${depth} levels`,
    cycle: 'the value refers to itself',
    instance: (cls: string) =>
      `an instance of ${cls} may hold state the data version cannot see (plain data, arrays, Maps, Sets, Dates, ` +
      `typed arrays, danfo frames and Arrow tables are versioned)`,
  },
  reasons: {
    disable: "behaviour 'disable': computed, not stored",
    ignore: "behaviour 'ignore': computed, not stored, left out of the keys of the nodes that read it",
    uncacheableCode: (why: string) => `not cached: no code version (${why})`,
    uncacheableInput: (input: string, why: string) => `not cached: input '${input}' has no data version (${why})`,
    disabledInput: (input: string) => `not cached: input '${input}' is computed with behaviour 'disable', so it has no data version`,
    uncacheableResult: (why: string) => `computed; not stored: the result has no data version (${why})`,
    notStored: (why: string) => `computed; not stored: ${why}`,
    hit: 'taken from the cache: same code version and input data versions',
    hitFormerName: (former: string) =>
      `taken from the cache of former name '${former}': same code version (ignoring the method's name) and input data versions`,
    sinceFormerName: (former: string, what: string) => `${what} (compared with former name '${former}')`,
    recompute: "behaviour 'recompute': computed and stored",
    firstRun: 'no earlier run of this node in the store',
    codeChanged: 'the code version changed since the last run',
    inputsChanged: (inputs: readonly string[]) => `the data version of ${inputs.map((i) => `'${i}'`).join(', ')} changed since the last run`,
    notStoredBefore: 'same versions as the last run, whose result was not stored',
  },
  miss: {
    resultMissing: 'its stored result is missing',
    resultCorrupt: 'its stored result is corrupt (checksum or decoding failed)',
    resultLossy: (format: string) =>
      `its result does not read back equal in format '${format}' (a format that cannot hold all of it); use format 'v8'`,
  },
  options: {
    notAnObject: (actual: string) =>
      `Builder.withCache() takes an options object such as { path: '.hamilton_cache', recompute: ['raw'] }, not ${actual}.`,
    unknownKeys: (keys: readonly string[], known: readonly string[]) =>
      `Builder.withCache() does not know ${keys.map((k) => `'${k}'`).join(', ')}; its options are ${known.join(', ')}.`,
    badPath: (actual: string) => `Builder.withCache({ path }) must be a folder name (a non-empty string), not ${actual}.`,
    badStore: (actual: string) =>
      `Builder.withCache({ store }) must be a store (new SQLiteStore('.hamilton_cache') or new PostgresStore(url)), not ${actual}; give a folder or a postgres:// URL as { path } instead.`,
    badBehavior: (where: string, actual: string) =>
      `${where}: the behaviour must be one of 'default', 'recompute', 'disable', 'ignore', not ${actual}.`,
    badFormat: (where: string, actual: string) => `${where}: the format must be one of 'v8', 'json', 'arrow', 'parquet', not ${actual}.`,
    badList: (list: string, actual: string) => `Builder.withCache({ ${list} }) takes an array of node names or true (every node), not ${actual}.`,
    twoWholeGraphLists: (lists: readonly string[]) =>
      `Builder.withCache(): ${lists.join(' and ')} are both true; at most one behaviour can apply to every node (or use defaultBehavior).`,
    unknownNode: (list: string, name: string, close: readonly string[]) =>
      `Builder.withCache({ ${list} }) names '${name}', which is not a node of this graph` +
      (close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '.'),
    twoLists: (name: string, first: string, second: string) =>
      `Builder.withCache(): node '${name}' is in both ${first} and ${second}; give each node one behaviour.`,
    decorator: (actual: string) =>
      `@cache() takes an options object such as { behavior: 'recompute', format: 'json', formerNames: ['oldName'] }, not ${actual}.`,
    decoratorKeys: (keys: readonly string[]) =>
      `@cache() does not know ${keys.map((k) => `'${k}'`).join(', ')}; its options are behavior, format and formerNames.`,
  },
  formats: {
    arrowNeededFor: "The cache's 'arrow' and 'parquet' formats",
    arrowHolds: 'it holds typed arrays, Arrow vectors and tables and danfo Series and DataFrames',
    unfit: (node: string, format: string, value: string, holds: string) =>
      `Node '${node}' is cached with @cache({ format: '${format}' }), which cannot hold its result (${value}): ${holds}. ` +
      `Use format 'v8' (any value) or leave the format out (each type then gets the one that suits it).`,
  },
  formerNames: {
    notNames: (where: string, actual: string) =>
      `${where}: the former names must be a non-empty list of the node's earlier names (strings), not ${actual}.`,
    twice: (where: string, former: string) => `${where}: the former names list '${former}' twice; list each once.`,
    ownName: (node: string) => `Node '${node}' names itself among its former names; list only the names it had before.`,
    liveNode: (node: string, former: string) =>
      `Node '${node}' names '${former}' as a former name, but '${former}' is still a node of this graph; ` +
      `a node's cache is its own, so remove '${former}' from formerNames or rename that node.`,
    claimedTwice: (former: string, first: string, second: string) =>
      `Former name '${former}' is claimed by nodes '${first}' and '${second}'; a stored result can go to one node only.`,
  },
  picture: {
    items: (hits: number, items: number) => `${hits} of ${items} items from the cache`,
    outcome: { hit: 'from the cache', computed: 'computed', mixed: 'partly from the cache', uncached: 'not cached' },
    legend: 'green: from the cache   orange: computed   yellow: some items from the cache   grey: not cached',
  },
  closed: (folder: string) => `The cache's store in ${folder} is closed (dr.cache.close()); build a new driver to run with the cache again.`,
  cli: {
    listed: (entries: number, results: number, bytes: number, runs: number) =>
      `${entries} cache entries, ${results} stored results (${bytes} bytes), ${runs} cached runs`,
    cleared: (folder: string) => `Cleared the cache in ${folder} (run records of the tracker are kept).`,
    collected: (removed: number, bytes: number, entries: number, strayFiles: number) =>
      `Removed ${removed} results (${bytes} bytes), ${entries} cache entries and ${strayFiles} stray files.`,
    noStore: (folder: string) => `No store in ${folder} (no hamilton.sqlite there); give the folder of Builder.withCache({ path }) with --store.`,
    tableHeader: ['node', 'entries', 'bytes', 'last stored'] as const,
    badAge: (given: string) => `--older-than takes a number of days (e.g. 30), not '${given}'.`,
    badSize: (given: string) => `--max-size takes a size in megabytes (e.g. 500), not '${given}'.`,
  },
};
