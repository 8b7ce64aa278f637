/**
 * The UI's stylesheet and script, served by the package itself at /assets/ (no CDN, no build step): the pages are
 * rendered on the server; the script only adds comparing two picked runs and filtering a table by its first column as one types.
 */
export const STYLESHEET = `
:root { font-family: system-ui, sans-serif; color: #222; background: #fafafa; }
body { margin: 0; }
header { display: flex; gap: 2em; align-items: baseline; padding: .6em 1.2em; background: #2f3e4e; color: #fff; }
header a { color: #cfe3ff; }
main { padding: 1em 1.5em; }
h1 { font-size: 1.4em; margin: .2em 0 .6em; }
h2 { font-size: 1.1em; margin-top: 1.6em; }
table { border-collapse: collapse; background: #fff; font-size: .9em; }
th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
code { font-size: .9em; }
.badge { padding: .1em .5em; border-radius: .8em; font-size: .85em; background: #e6e6e6; }
.badge.success { background: #a8e0a8; } .badge.failed { background: #f4a6a6; } .badge.running { background: #ffe59a; }
.badge.hit { background: #a9cdf0; } .badge.miss, .badge.recompute { background: #f6d7a7; }
.badge.code { background: #f4a6a6; } .badge.data { background: #f6d7a7; } .badge.added, .badge.removed { background: #d9c8f0; }
.error { color: #a00; white-space: pre-wrap; }
.note { color: #666; }
form.filters { display: flex; gap: 1em; align-items: end; margin-bottom: 1em; }
form.filters label { display: flex; flex-direction: column; font-size: .85em; }
#graph svg { max-width: 100%; height: auto; background: #fff; border: 1px solid #ddd; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: middle; border: 1px solid #888; }
.spark { background: #fff; border: 1px solid #ddd; }
`;

export const SCRIPT = `
(() => {
  const compare = document.getElementById('compare');
  if (compare) {
    const picked = () => [...document.querySelectorAll('input.pick:checked')].map((box) => box.value);
    const update = () => { compare.disabled = picked().length !== 2; };
    document.addEventListener('change', update);
    update();
    compare.addEventListener('click', () => {
      const [b, a] = picked();
      location.href = '/diff?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b);
    });
  }
  for (const input of document.querySelectorAll('input[data-filter]')) {
    const rows = document.querySelectorAll('#' + input.dataset.filter + ' tbody tr');
    input.addEventListener('input', () => {
      const wanted = input.value.toLowerCase();
      for (const row of rows) row.hidden = !row.cells[0].textContent.toLowerCase().includes(wanted);
    });
  }
})();
`;
