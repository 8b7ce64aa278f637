/** The explorer page's stylesheet: picture on the left, details on the right, highlight colours. */
export const EXPLORER_CSS = `
:root { --up: #1f6fb2; --down: #d35400; --sel: #c0392b; --match: #f1c40f; font-family: Helvetica, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; color: #222; }
header { display: flex; align-items: center; gap: 16px; padding: 10px 16px; border-bottom: 1px solid #ddd; background: #f7f9fa; position: relative; }
header h1 { font-size: 18px; margin: 0; font-weight: 600; }
#search { width: 320px; padding: 6px 10px; font-size: 14px; border: 1px solid #bbb; border-radius: 6px; }
#results { position: absolute; top: 46px; left: 16px; z-index: 2; list-style: none; margin: 0; padding: 6px; background: #fff; border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.12); max-height: 50vh; overflow: auto; min-width: 320px; }
#results li { padding: 2px 0; }
#results .meta { color: #777; font-size: 12px; }
.key { display: flex; gap: 12px; font-size: 12px; margin-left: auto; }
.key span::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; vertical-align: -1px; }
.key .k-sel::before { background: var(--sel); } .key .k-up::before { background: var(--up); } .key .k-down::before { background: var(--down); } .key .k-match::before { background: var(--match); }
main { flex: 1; display: flex; min-height: 0; }
#graph { flex: 1; overflow: auto; padding: 12px; }
#details { width: 360px; border-left: 1px solid #ddd; padding: 12px 16px; overflow: auto; background: #fcfcfc; font-size: 14px; }
#details h2 { font-size: 17px; margin: 4px 0 10px; word-break: break-all; }
#details h3 { font-size: 13px; margin: 14px 0 4px; color: #555; text-transform: uppercase; letter-spacing: .04em; }
#details dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 0; }
#details dt { color: #666; } #details dd { margin: 0; white-space: pre-wrap; }
.hint { color: #777; }
ul.links, ul.tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
li.tag { background: #eef3f6; border: 1px solid #cdd9e0; border-radius: 10px; padding: 1px 8px; font-size: 12px; }
li.none { color: #999; }
button.node-link { font: inherit; font-size: 13px; background: none; border: 1px solid #d5d5d5; border-radius: 4px; padding: 1px 6px; cursor: pointer; }
button.node-link.direct { border-color: #888; font-weight: 600; }
button.node-link:hover { background: #eef3f6; }
#graph g.clickable { cursor: pointer; }
#graph g.dimmed { opacity: .2; }
#graph g.node.match :is(path, polygon, ellipse) { stroke: var(--match); stroke-width: 4px; }
#graph g.node.upstream :is(path, polygon, ellipse) { stroke: var(--up); stroke-width: 3px; }
#graph g.node.downstream :is(path, polygon, ellipse) { stroke: var(--down); stroke-width: 3px; }
#graph g.node.selected :is(path, polygon, ellipse) { stroke: var(--sel); stroke-width: 4px; }
#graph g.edge.upstream path { stroke: var(--up); stroke-width: 2.5px; } #graph g.edge.upstream polygon { stroke: var(--up); fill: var(--up); }
#graph g.edge.downstream path { stroke: var(--down); stroke-width: 2.5px; } #graph g.edge.downstream polygon { stroke: var(--down); fill: var(--down); }
`;
