import { htmlText } from '../dot/escape.js';
import { explorerClient } from './client.js';
import type { ExplorerData } from './data.js';
import { EXPLORER_CSS } from './style.js';

/**
 * The single-file explorer page: the rendered SVG inline, a search box, a details panel, the data as JSON
 * and the script, with nothing loaded from elsewhere (it opens from `file://`).
 */
export function explorerPage(svg: string, data: ExplorerData): string {
  const start = svg.indexOf('<svg');
  const inlineSvg = start >= 0 ? svg.slice(start) : svg;
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const title = htmlText(data.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${EXPLORER_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<input id="search" type="search" placeholder="Search nodes (e.g. age)" autocomplete="off" aria-label="Search nodes">
<ul id="results" hidden></ul>
<div class="key"><span class="k-sel">selected</span><span class="k-up">upstream</span><span class="k-down">downstream</span><span class="k-match">search match</span></div>
</header>
<main>
<section id="graph">
${inlineSvg}
</section>
<aside id="details"><p class="hint">Click a node to see its lineage.</p></aside>
</main>
<script type="application/json" id="lineage-data">${json}</script>
<script>
(${explorerClient.toString()})(JSON.parse(document.getElementById('lineage-data').textContent));
</script>
</body>
</html>
`;
}
