/**
 * The tables of the store, created when missing. Times are milliseconds since the epoch.
 *
 * - `results`: one value per data version: its format, checksum and size; small values inline, others in a file.
 * - `cache_entries`: cache key (node, code version, inputs' data versions) -> the data version it produced.
 * - `node_versions`: per node (and fan-out item) the code and input versions last seen, to say what changed.
 * - `cache_runs`, `cache_logs`: per run of a cached driver, per node call: hit, miss and why.
 * - `projects`, `runs`, `node_runs`: the run tracker's records.
 * - `dag_graphs`: per DAG version, its graph as the tracker saw it built (nodes, their inputs and tags), written
 *   once per version, so the runs UI draws a run, its diff and its sources without a cache.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS results (
  data_version TEXT PRIMARY KEY,
  format TEXT NOT NULL,
  checksum TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  inline BLOB,
  file TEXT,
  created_at INTEGER NOT NULL,
  used_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS cache_entries (
  cache_key TEXT PRIMARY KEY,
  node TEXT NOT NULL,
  code_version TEXT NOT NULL,
  data_version TEXT NOT NULL,
  run_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cache_entries_by_version ON cache_entries (data_version);
CREATE TABLE IF NOT EXISTS node_versions (
  node TEXT NOT NULL,
  item INTEGER NOT NULL,
  code_version TEXT NOT NULL,
  inputs TEXT NOT NULL,
  run_id TEXT NOT NULL,
  PRIMARY KEY (node, item)
);
CREATE TABLE IF NOT EXISTS cache_runs (
  run_id TEXT PRIMARY KEY,
  dag_version TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  success INTEGER
);
CREATE TABLE IF NOT EXISTS cache_logs (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  node TEXT NOT NULL,
  item INTEGER,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  code_version TEXT,
  data_version TEXT,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS cache_logs_by_node ON cache_logs (run_id, node, item);
CREATE TABLE IF NOT EXISTS projects (
  name TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY,
  project TEXT NOT NULL,
  dag_version TEXT,
  tags TEXT NOT NULL,
  outputs TEXT NOT NULL,
  inputs TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX IF NOT EXISTS runs_by_project ON runs (project, started_at);
CREATE TABLE IF NOT EXISTS node_runs (
  run_id TEXT NOT NULL,
  node TEXT NOT NULL,
  item INTEGER NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  cache TEXT,
  started_at REAL NOT NULL,
  ended_at REAL,
  duration_ms REAL,
  summary TEXT,
  PRIMARY KEY (run_id, node, item)
);
CREATE TABLE IF NOT EXISTS dag_graphs (
  dag_version TEXT PRIMARY KEY,
  graph TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/** Columns added to tables after their first release: added to an older store when it is opened. */
export const ADDED_COLUMNS: readonly { readonly table: string; readonly column: string; readonly type: string }[] = [
  { table: 'runs', column: 'config', type: 'TEXT' },
  { table: 'runs', column: 'git_commit', type: 'TEXT' },
];

/**
 * Copies each cache status of a run's node calls from the cache's logs to the tracker's node records. Both the
 * cache (when a run ends) and the tracker (when it writes a run's end) run it, so whichever writes second fills it.
 */
export const FILL_NODE_CACHE_STATUS = `UPDATE node_runs SET cache = (
  SELECT c.status FROM cache_logs c WHERE c.run_id = node_runs.run_id AND c.node = node_runs.node AND COALESCE(c.item, -1) = node_runs.item
  ORDER BY c.seq DESC LIMIT 1)
WHERE run_id = ? AND cache IS NULL AND EXISTS (SELECT 1 FROM cache_logs WHERE run_id = ?)`;
