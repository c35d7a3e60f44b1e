/**
 * The dashboard's stylesheet: a light and a dark palette as CSS variables, chosen by the reader's
 * colour scheme, by VS Code's theme classes in a webview (body.vscode-dark, and the editor's own
 * colours where it sets them), and always light on paper. Stage colours keep their order of
 * lightness in both palettes and are labelled everywhere, so colour is never the only cue.
 */
const LIGHT = `--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--border:#d1d9e0;--accent:#0969da;
--s-pilot:#8250df;--s-shadow:#9a6700;--s-canary:#0969da;--s-production:#1a7f37;--s-retired:#818b98;--s-unknown:#bf3989;
--t-foundation:#1a7f37;--t-capability:#0969da;--t-orchestration:#8250df;--t-unclassified:#818b98;
--bad:#cf222e;--warn:#9a6700;--ok:#1a7f37;--h1:#ddf4ff;--h2:#b6e3ff;--h3:#80ccff;--h4:#218bff;--h5:#0550ae;--trend:#cf222e;--heat-strong:#ffffff`;

const DARK = `--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--border:#3d444d;--accent:#4493f8;
--s-pilot:#ab7df8;--s-shadow:#d29922;--s-canary:#4493f8;--s-production:#3fb950;--s-retired:#9198a1;--s-unknown:#db61a2;
--t-foundation:#3fb950;--t-capability:#4493f8;--t-orchestration:#ab7df8;--t-unclassified:#9198a1;
--bad:#f85149;--warn:#d29922;--ok:#3fb950;--h1:#0c2d6b;--h2:#0d419d;--h3:#1158c7;--h4:#388bfd;--h5:#79c0ff;--trend:#ff7b72;--heat-strong:#0d1117`;

export const DASHBOARD_STYLE = `:root{${LIGHT};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${DARK}}}
body.vscode-light{${LIGHT}}
body.vscode-dark,body.vscode-high-contrast{${DARK}}
body.vscode-light,body.vscode-dark,body.vscode-high-contrast{--bg:var(--vscode-editor-background);--fg:var(--vscode-editor-foreground);--muted:var(--vscode-descriptionForeground);--border:var(--vscode-panel-border,var(--border))}
body{background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:0 0 .6rem}
.muted{color:var(--muted)}.small{font-size:.85em}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0 1.25rem}
.kpi{background:var(--card);border:1px solid var(--border);border-radius:6px;padding:.6rem .8rem}
.kpi b{display:block;font-size:1.6rem;line-height:1.2}.kpi.alert b{color:var(--bad)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:1rem}
.card{background:var(--card);border:1px solid var(--border);border-radius:6px;padding:1rem;margin-bottom:1rem;break-inside:avoid}
.card.wide{grid-column:1/-1}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid var(--border);padding:.25rem .4rem;text-align:left;vertical-align:top}
th{font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{display:block;max-width:100%;height:auto}.chart .t{fill:var(--fg);font-size:12px}.chart .s{font-size:11px;fill:var(--muted)}
.chart .strong{fill:var(--heat-strong)}.chart .axis{stroke:var(--border)}.chart .limit{stroke:var(--bad);stroke-dasharray:4 3;stroke-width:1.5}
.chart .trend{fill:none;stroke:var(--trend);stroke-width:2}.chart .trend-dot{fill:var(--trend)}.chart .trend-key{fill:var(--trend)}
.b-default{fill:var(--accent)}.b-bad{fill:var(--bad)}.b-warn{fill:var(--warn)}.b-ok{fill:var(--ok)}
.s-pilot{fill:var(--s-pilot)}.s-shadow{fill:var(--s-shadow)}.s-canary{fill:var(--s-canary)}.s-production{fill:var(--s-production)}.s-retired{fill:var(--s-retired)}.s-unknown,.s-other{fill:var(--s-unknown)}
.t-foundation{fill:var(--t-foundation)}.t-capability{fill:var(--t-capability)}.t-orchestration{fill:var(--t-orchestration)}.t-unclassified{fill:var(--t-unclassified)}
.heat.h0{fill:var(--bg);stroke:var(--border)}.heat.h1{fill:var(--h1)}.heat.h2{fill:var(--h2)}.heat.h3{fill:var(--h3)}.heat.h4{fill:var(--h4)}.heat.h5{fill:var(--h5)}
.tag{display:inline-block;border:1px solid var(--border);border-radius:3px;padding:0 .3rem;font-size:.8em;white-space:nowrap}
.tag.bad{color:var(--bad);border-color:var(--bad)}.tag.warn{color:var(--warn);border-color:var(--warn)}.tag.ok{color:var(--ok);border-color:var(--ok)}
.advice{margin:.5rem 0 0;padding-left:1.2rem}.advice li{margin:.2rem 0}
details summary{cursor:pointer;font-weight:600}
@media print{:root,body.vscode-dark,body.vscode-high-contrast,body.vscode-light{${LIGHT}}
body{max-width:none;padding:0;font-size:11px}.grid{display:block}.card{border-color:#d1d9e0;page-break-inside:avoid}
details:not([open])>*:not(summary){display:block}}`;
