/**
 * The page's one style sheet: a readable column, the status colours and textures, light and dark
 * themes from the reader's setting, and print on A4 (charts scaled to the page, tables that keep
 * their rows whole and repeat their heads, the tables behind the charts expanded). Classes only:
 * the page's policy allows this sheet and no style attribute.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--stripe:#f6f8fa;--link:#0550ae;--ink:rgba(0,0,0,.6);--heat:#1f5fa8;
--planned:#b9c6d2;--in-progress:#e69f00;--ongoing:#56b4e9;--completed:#009e73;--on-hold:#f0e442;--cancelled:#d55e00;
--badge-planned:#e3e9ef;--badge-in-progress:#fbe6bf;--badge-ongoing:#d4ecfa;--badge-completed:#c8eee2;--badge-on-hold:#faf6c4;--badge-cancelled:#f7d6c2}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#3d444d;--stripe:#161b22;--link:#79b8ff;--ink:rgba(0,0,0,.7);--heat:#4f9cf0;
--badge-planned:#2d3742;--badge-in-progress:#4a3500;--badge-ongoing:#0f3a55;--badge-completed:#003d2c;--badge-on-hold:#45410a;--badge-cancelled:#4d2306}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .5rem}h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}h3{font-size:1.15rem;margin:1.6rem 0 .5rem}h4{font-size:1rem;margin:1.2rem 0 .4rem}
a{color:var(--link)}p.note,p.editorial{color:var(--muted)}p.warning{border-left:4px solid var(--on-hold);padding:.2rem .7rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.table{overflow-x:auto;margin:.6rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--stripe)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.word,td.num{white-space:nowrap}
td p,th p{margin:0 0 .4rem}td ul{margin:0;padding-left:1.2rem}
abbr[title]{text-decoration:underline dotted;cursor:help}
.badge{display:inline-block;padding:0 .45rem;border-radius:.7rem;border:1px solid var(--line);color:var(--fg);white-space:nowrap;font-size:.85em}
${['planned', 'in-progress', 'ongoing', 'completed', 'on-hold', 'cancelled'].map((status) => `.badge-${status}{background:var(--badge-${status})}.fill-${status}{fill:var(--${status})}`).join('\n')}
.patterns{position:absolute;width:0;height:0;overflow:hidden}
.ink{stroke:var(--ink);stroke-width:1.4;fill:none}.dot{fill:var(--ink)}
figure{margin:1.2rem 0 1.6rem;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:.3rem}
figure .summary{margin:.2rem 0 .4rem;color:var(--muted)}
svg.chart{display:block;max-width:100%;height:auto;font-size:12px;font-family:inherit}
svg.chart text{fill:var(--fg)}svg.chart text.heading{fill:var(--muted)}
svg.chart .mark{stroke:var(--bg);stroke-width:.8}
svg.chart .grid{stroke:var(--line);stroke-width:.6}svg.chart .axis{stroke:var(--muted);stroke-width:1}
svg.chart .heat{fill:var(--heat);stroke:var(--bg)}svg.chart .empty{fill:none;stroke:var(--line)}
svg.chart text.on-heat{fill:#fff}
details{margin:.4rem 0}summary{cursor:pointer;color:var(--link)}
.signatures{display:flex;flex-wrap:wrap;gap:2rem}.signatory p{margin:.2rem 0}
@page{size:A4;margin:16mm 14mm}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--stripe:#eee;--link:#000}
body{font-size:10.5pt}main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
h1,h2,h3,h4,figcaption{break-after:avoid}
tr,figure,.signatory{break-inside:avoid}thead{display:table-header-group}
.table{overflow:visible}
summary{display:none}details::details-content{content-visibility:visible;display:block}
}
`.trim();
