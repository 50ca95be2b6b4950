// The HTML report's stylesheet, inlined: system fonts only (nothing is fetched), light and dark schemes.
export const STYLE = `
:root { --bg: #f7f7f8; --fg: #1d1f24; --muted: #5f6672; --card: #fff; --line: #dfe1e6; --error: #c62828;
  --warn: #b26a00; --accent: #1f5fbf; --bar: #d64545; --bar-total: #d9dce2; --code: #eef0f3; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181c; --fg: #e4e6ea; --muted: #9aa1ad; --card: #1f2227; --line: #343842; --error: #ef6b6b;
    --warn: #f0b050; --accent: #7aa7f0; --bar: #e05a5a; --bar-total: #3a3f49; --code: #2a2e35; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 60px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: var(--muted); }
h2 { margin: 36px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { margin: 24px 0 8px; font-size: 16px; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { background: var(--code); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: var(--code); padding: 8px 10px; border-radius: 4px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.toolbar { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 12px 0; display: flex; gap: 8px; align-items: center; border-bottom: 1px solid var(--line); }
.toolbar input { flex: 1; }
input[type=search] { font: inherit; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); min-width: 220px; }
button { font: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--card); color: var(--fg); border-radius: 6px; padding: 5px 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin-top: 20px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 650; }
.card .label { color: var(--muted); font-size: 13px; }
.card.bad .value { color: var(--error); }
.card.warn .value { color: var(--warn); }
.chart { max-width: 760px; display: block; }
.chart text { font-size: 13px; fill: var(--fg); }
.chart .bar-total { fill: var(--bar-total); }
.chart .trend-findings { stroke: var(--bar); stroke-width: 2; }
.chart .trend-blocked { stroke: var(--accent); stroke-width: 2; stroke-dasharray: 5 3; }
.chart .trend-dot { fill: var(--bar); }
.legend.trend-findings { color: var(--bar); }
.legend.trend-blocked { color: var(--accent); }
.chart .bar-blocked { fill: var(--bar); }
.chart .bar-value { fill: var(--muted); }
.legend { color: var(--muted); font-size: 13px; }
.legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin: 0 4px 0 10px; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--error); border-radius: 6px; margin: 8px 0; }
.finding.warning { border-left-color: var(--warn); }
.finding summary { cursor: pointer; padding: 8px 12px; display: flex; gap: 12px; align-items: baseline; list-style: none; }
.finding summary::-webkit-details-marker { display: none; }
.finding summary::before { content: "▸"; color: var(--muted); }
.finding[open] summary::before { content: "▾"; }
.finding .num { color: var(--muted); min-width: 1.5em; }
.finding .title { flex: 1; font-weight: 600; }
.finding .where { color: var(--muted); }
.finding .tests { min-width: 3em; text-align: right; font-weight: 650; color: var(--error); }
.finding.warning .tests { color: var(--warn); }
dl.detail { display: grid; grid-template-columns: 110px 1fr; gap: 6px 12px; margin: 0; padding: 4px 14px 14px 40px; }
dl.detail dt { color: var(--muted); }
dl.detail dd { margin: 0; min-width: 0; }
ol.chain, ol.cycle { margin: 0; padding-left: 20px; }
ol.chain li, ol.cycle li { margin: 2px 0; }
.loc { color: var(--accent); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
ul.files, ul.fixes, ul.sites { margin: 4px 0 0; padding-left: 18px; }
.note, .empty { color: var(--muted); font-size: 13px; margin: 4px 0; }
.finding-list .empty-match { display: none; }
.finding-list.none-shown .empty-match { display: block; }
.table-block { margin: 8px 0 20px; overflow-x: auto; }
.filter { display: block; margin-bottom: 6px; color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line); }
caption { text-align: left; color: var(--muted); font-size: 13px; padding: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th button { border: 0; background: none; padding: 0; font-weight: 650; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
.role { color: var(--muted); font-size: 12px; }
.debt strong { font-size: 20px; }
.debt-high strong, .debt-critical strong { color: var(--error); }
.debt-medium strong { color: var(--warn); }
figure.cycle { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; padding: 10px; overflow-x: auto; }
.cycle-graph { max-width: 100%; height: auto; }
.cycle-graph text { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: var(--fg); }
.cycle-graph circle { fill: var(--accent); }
.cycle-graph .cycle-edge { fill: none; stroke: var(--muted); stroke-width: 1.6; }
.cycle-graph marker path { fill: var(--muted); }
.workstreams { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
.workstream { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 12px; }
.workstream .figures, .effort { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
`;
