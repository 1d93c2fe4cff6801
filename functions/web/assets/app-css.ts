/**
 * The one stylesheet of every page, kept as a string so it bundles into the Lambda with
 * no copy step. Mobile first (360 px), system fonts, colours chosen for WCAG AA contrast.
 * A word longer than its line (an id, a link, an e-mail address) breaks where it would
 * overflow (`overflow-wrap` on body), and a `dl` column is `minmax(0,1fr)` so such a word in
 * a `dd` cannot widen the grid past the screen; tables keep their own scroll box.
 */
export const APP_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f4f6f8;overflow-wrap:break-word}
a{color:#0b57a4}
a:focus,button:focus,input:focus,select:focus,textarea:focus,.table-wrap:focus{outline:3px solid #f5a623;outline-offset:1px}
.site-header{background:#0b4f8a;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.site-header a{color:#fff}
.site-header .brand{font-weight:700;text-decoration:none;margin-right:auto}
.site-header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site-header form{margin:0}
.site-header button{background:transparent;color:#fff;border:1px solid #fff;padding:.25rem .75rem;font-size:.9rem}
main{max-width:60rem;margin:0 auto;padding:1rem;background:#fff;min-height:60vh}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
fieldset{border:1px solid #c5ccd3;border-radius:4px;margin:0 0 1rem;padding:.75rem}
legend{font-weight:700;padding:0 .25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
label.choice{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.hint{color:#4a5560;font-size:.9rem;margin:.15rem 0 .25rem}
input[type=text],input[type=date],input[type=tel],input[type=email],input[type=number],select,textarea{width:100%;max-width:36rem;padding:.55rem;font:inherit;border:1px solid #6b7785;border-radius:4px;background:#fff;color:#1a1a1a}
select:disabled{background:#eceff2;color:#4a5560}
input[type=checkbox],input[type=radio]{width:1.25rem;height:1.25rem;margin-top:.15rem;flex:none}
textarea{min-height:6rem}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.2rem;border-radius:4px;border:1px solid #0b4f8a;background:#0b57a4;color:#fff;cursor:pointer;text-decoration:none;margin:.75rem 0}
button.secondary{background:#fff;color:#0b4f8a}
.error{color:#a50e0e;font-weight:600;margin:.25rem 0}
.has-error input,.has-error select,.has-error textarea{border-color:#a50e0e;border-width:2px}
.alert{border-left:4px solid #a50e0e;background:#fdecea;padding:.75rem;margin:0 0 1rem}
.notice{border-left:4px solid #0b57a4;background:#e8f1fb;padding:.75rem;margin:0 0 1rem}
.ok{border-left:4px solid #1e6b34;background:#e6f4ea;padding:.75rem;margin:0 0 1rem}
.audit-timeline{padding-left:1.25rem}
.agenda{list-style:none;padding:0;margin:0 0 1rem}
.agenda > li{border-bottom:1px solid #c9d1d9;padding:.6rem 0;overflow-wrap:anywhere}
.slip{border:2px dashed #4a5560;padding:1rem;margin:0 0 1rem;text-align:center}
.slip .qr-code{width:3.5cm;height:3.5cm}
.slip .status-url{overflow-wrap:anywhere;font-size:.9rem}
.audit-timeline > li{margin:0 0 1.5rem}
.draft-status:empty{display:none}
.reference{font-size:clamp(1.25rem,.375rem + 4.5vw,1.5rem);font-weight:700;letter-spacing:.03em;overflow-wrap:anywhere}
.progress{list-style:none;margin:1rem 0;padding:0;display:flex;flex-direction:column;gap:.5rem}
.progress li{position:relative;padding:.25rem 0 .25rem 2.25rem;color:#4a5560}
.progress li::before{content:"";position:absolute;left:.35rem;top:.45rem;width:1.1rem;height:1.1rem;border-radius:50%;border:2px solid #6b7785;background:#fff}
.progress li.done{color:#1a1a1a}
.progress li.done::before{background:#1e7b34;border-color:#1e7b34}
.progress li.current{color:#1a1a1a;font-weight:700}
.progress li.current::before{background:#0b57a4;border-color:#0b57a4}
.progress .when{display:block;font-size:.85rem;font-weight:400;color:#4a5560}
.table-wrap{overflow-x:auto;position:relative}
code{overflow-wrap:anywhere}
.field-path{overflow-wrap:normal}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d7dde3;vertical-align:top}
th{background:#eef2f6}
.overdue{color:#a50e0e;font-weight:700}
dl{display:grid;grid-template-columns:minmax(0,1fr);gap:.1rem .75rem;margin:0 0 1rem}
dt{font-weight:700;margin-top:.5rem}
dd{margin:0}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
.filters > div{flex:1 1 14rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
.js .nojs-only{display:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;background:#7a3e00;color:#fff;font-size:.8rem;font-weight:700}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}
.chart{position:relative;height:18rem;margin:.5rem 0}
.letter{border:1px solid #c5ccd3;border-radius:4px;padding:1rem;margin:1rem 0}
.letter-office{font-weight:700;font-size:1.1rem;text-transform:uppercase;margin:0}
.letter-sign{margin:2rem 0 1rem}
.letter-signer{margin-top:3rem;font-weight:700}
.letter-verify{border-top:1px solid #c5ccd3;padding-top:.5rem;font-size:.9rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.letter-verify>div{flex:1 1 12rem;min-width:0}
.qr-code{width:8rem;height:8rem;flex:none}
.verify-url{word-break:break-all;font-family:ui-monospace,monospace}
.letter-code{font-family:ui-monospace,monospace;font-weight:700;letter-spacing:.08em}
footer{max-width:60rem;margin:0 auto;padding:1rem;font-size:.85rem;color:#4a5560}
@media (min-width:48rem){
  main{padding:1.5rem 2rem;margin-top:1rem;border-radius:6px}
  .progress{flex-direction:row;gap:0}
  .progress li{flex:1;padding:2rem .25rem 0;text-align:center}
  .progress li::before{left:50%;top:.2rem;margin-left:-.55rem}
  dl{grid-template-columns:minmax(10rem,auto) minmax(0,1fr)}
  dt{margin-top:0}
}
.chart-pair{display:grid;gap:1rem}
.bar-chart{margin:.5rem 0}
.bar-chart svg{display:block;max-width:100%;height:auto}
.bar-chart .bar{fill:#1f5f99}
.bar-chart text{font-size:22px;fill:#1b1f24}
.bar-chart figcaption{font-size:.9rem;color:#4a5560}
.map-table td.num{text-align:right}
@media (min-width:48rem){.chart-pair{grid-template-columns:1fr 1fr}}
@media print{.map-table{font-size:8pt}.map-table th,.map-table td{padding:1pt 3pt}.table-wrap{overflow:visible}.bar-chart{break-inside:avoid}.chart-pair{grid-template-columns:1fr 1fr}}
.berita-acara .ba-title{font-size:1.2rem;text-transform:uppercase;text-align:center;margin:.5rem 0}
.berita-acara td.num,.berita-acara th.num{text-align:right}
.berita-acara .nik{font-family:ui-monospace,monospace;white-space:nowrap}
.berita-acara tr.total{font-weight:700}
.ba-signatures{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;margin:1.5rem 0}
.ba-sign{flex:1 1 14rem;text-align:center}
.ba-sign p{margin:.2rem 0}
.ba-sign-space{height:4.5rem}
@media print{.letter.berita-acara{break-inside:auto;font-size:10pt}.berita-acara table{font-size:9pt}.berita-acara th,.berita-acara td{border:1px solid #000;padding:1mm 1.5mm}.berita-acara thead{display:table-header-group}.berita-acara tr,.ba-signatures,.berita-acara .letter-verify{break-inside:avoid}.berita-acara .table-wrap{overflow:visible}}
@page{size:A4;margin:15mm}
@page slip{size:auto;margin:8mm}
@media print{body{background:#fff}.site-header,footer,button,.no-print,.chart{display:none}main{max-width:none;padding:0;margin:0}.letter{border:0;padding:0;margin:0;break-inside:avoid}.letter a{color:inherit}.qr-code{width:3.5cm;height:3.5cm}main:has(> .slip) > h1{display:none}.slip{page:slip;border:1px dashed #000;padding:4mm;margin:0;break-inside:avoid;font-size:10pt}.slip h2{font-size:12pt;margin:0 0 2mm}.slip p{margin:1mm 0}.slip .reference{font-size:16pt}.slip .status-url{font-size:9pt}.slip .qr-code{width:3cm;height:3cm;margin:1mm auto}}
`
