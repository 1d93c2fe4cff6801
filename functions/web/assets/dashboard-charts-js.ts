/**
 * Progressive enhancement of the dashboard: every `table[data-chart]` gets a Chart.js
 * chart drawn from its own cells, so the numbers exist once (in the table, which is the
 * page without JavaScript) and the CSP needs no inline data. `data-chart` is the chart
 * type (`bar`, `doughnut`); `data-columns` the 1-based numeric columns to plot (default 2).
 * Plain ES5; kept as a string so it bundles with the Lambda.
 */
export const DASHBOARD_CHARTS_JS = `(function () {
  'use strict';
  if (!window.Chart) return;
  var palette = ['#1f6f43', '#2a62b8', '#b8702a', '#8a2ab8', '#b82a4a', '#2ab8a5', '#6b6b6b'];
  var number = function (text) { var n = parseFloat(String(text).replace(',', '.')); return isNaN(n) ? 0 : n; };
  var tables = document.querySelectorAll('table[data-chart]');
  for (var t = 0; t < tables.length; t++) {
    var table = tables[t];
    var type = table.getAttribute('data-chart');
    var columns = (table.getAttribute('data-columns') || '2').split(',').map(Number);
    var headers = table.querySelectorAll('thead th');
    var rows = table.querySelectorAll('tbody tr');
    var labels = [];
    var datasets = columns.map(function (column, i) {
      var header = headers[column - 1];
      return { label: header ? header.textContent.trim() : '', data: [], backgroundColor: type === 'doughnut' ? palette : palette[i % palette.length] };
    });
    for (var r = 0; r < rows.length; r++) {
      var cells = rows[r].children;
      if (rows[r].hasAttribute('data-total')) continue;
      labels.push(cells[0] ? cells[0].textContent.trim() : '');
      for (var d = 0; d < columns.length; d++) {
        var cell = cells[columns[d] - 1];
        datasets[d].data.push(cell ? number(cell.textContent) : 0);
      }
    }
    if (labels.length === 0) continue;
    var figure = document.createElement('div');
    figure.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    var caption = table.querySelector('caption');
    canvas.setAttribute('aria-label', 'Grafik: ' + (caption ? caption.textContent.trim() : '') + ' (angka lengkap pada tabel)');
    figure.appendChild(canvas);
    table.parentNode.parentNode.insertBefore(figure, table.parentNode);
    new window.Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: type === 'bar' && labels.length > 6 ? 'y' : 'x',
        plugins: { legend: { display: type === 'doughnut' || datasets.length > 1 } },
        scales: type === 'bar' ? { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } } : {}
      }
    });
  }
})();
`
