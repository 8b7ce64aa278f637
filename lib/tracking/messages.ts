/** The messages of the run tracker (lib/tracking/). */
export const TrackingMessages = {
  storeFailed: (why: string) => `hamilton-ts RunTracker: records could not be written to its store (${why}); runs go on untracked.`,
  notAnObject: (actual: string) =>
    `new RunTracker() takes an options object such as { project: 'forecast', store: '.hamilton_cache' }, not ${actual}.`,
  unknownKeys: (keys: readonly string[], known: readonly string[]) =>
    `new RunTracker() does not know ${keys.map((k) => `'${k}'`).join(', ')}; its options are ${known.join(', ')}.`,
  badProject: (actual: string) => `new RunTracker({ project }) must be a non-empty string (the project's name), not ${actual}.`,
  badStore: (actual: string) =>
    `new RunTracker({ store }) must be a SQLiteStore or PostgresStore, a folder name or a postgres:// URL, not ${actual}.`,
  badTags: (actual: string) => `new RunTracker({ tags }) must be an object of string values such as { team: 'ml' }, not ${actual}.`,
  badCapture: (where: string, actual: string) => `new RunTracker({ ${where} }) must be 'none', 'schema' or 'statistics', not ${actual}.`,
  badNodeCapture: (actual: string) =>
    `new RunTracker({ nodeCapture }) maps node names to 'none', 'schema' or 'statistics' (e.g. { features: 'statistics' }), not ${actual}.`,
  unknownCaptureNode: (name: string, close: readonly string[]) =>
    `new RunTracker({ nodeCapture }) names '${name}', which is not a node of the driver's graph` +
    (close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '.'),
  badRetention: (actual: string) =>
    `new RunTracker({ retention }) takes { runs?: N, days?: D } with N a whole number of runs and D a number of days, both above 0, not ${actual}.`,
  badQueueLimit: (actual: string) => `new RunTracker({ queueLimit }) must be a whole number above 0, not ${actual}.`,
};
