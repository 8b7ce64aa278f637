import { href, link, page, table, text, version } from '../html.js';
import type { RunRecord } from '../records.js';
import type { Sources } from '../sources.js';

/** Where an output of a run came from: its loaders and inputs, with the data versions the store has. */
export function sourcesPage(run: RunRecord, output: string, sources: Sources, inputVersions: ReadonlyMap<string, string>): string {
  const dataVersion = (name: string) => run.nodes.find((n) => n.node === name)?.dataVersion ?? inputVersions.get(name) ?? run.inputs[name];
  const rows = [
    ...sources.loaders.map((name) => [text(name), text(loaderKind(sources.loaded.get(name))), version(dataVersion(name))]),
    ...sources.inputs.map((name) => [text(name), 'input', version(dataVersion(name))]),
  ];
  const crumbs: [string, string][] = [
    [href('projects', run.project), run.project],
    [href('runs', run.runId), run.runId],
  ];
  return page(
    `Sources of ${output}`,
    crumbs,
    `<p>What ${link(href('runs', run.runId), 'this run')} computed <code>${text(output)}</code> from.</p>${table(['source', 'kind', 'data version'], rows, 'sources')}`,
  );
}

/** A tagged data loader says what it read; any other loader is a node reading no computed node. */
function loaderKind(loaded: { readonly kind?: string; readonly source?: string } | undefined): string {
  if (!loaded) return 'loader (reads no computed node)';
  return `${loaded.kind ?? 'data'} loader${loaded.source === undefined ? '' : `: ${loaded.source}`}`;
}
