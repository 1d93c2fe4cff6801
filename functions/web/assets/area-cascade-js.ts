/**
 * Progressive enhancement of the area picker (DESIGN §4 Pages): without JavaScript each
 * level is a GET step; with it, choosing a level fills the next select in place from
 * `GET /api/reference/areas` and keeps the address bar on `/?area=<code>`. If the fetch
 * fails the step button comes back, so the page never gets stuck. Plain ES5 for old
 * Android browsers; kept as a string so it bundles with the Lambda.
 */
export const AREA_CASCADE_JS = `(function () {
  'use strict';
  var root = document.documentElement;
  root.className += ' js';
  var form = document.getElementById('area-form');
  if (!form || !window.fetch) { root.className = root.className.replace(' js', ''); return; }
  var chain = Array.prototype.slice.call(document.querySelectorAll('[data-area-level]'));
  var status = document.getElementById('area-status');
  var announce = function (text) { if (status) status.textContent = text; };
  var reset = function (select, text) {
    select.options.length = 0;
    select.add(new Option(text, ''));
    select.disabled = true;
  };
  chain.forEach(function (select, index) {
    select.addEventListener('change', function () {
      var code = select.value;
      var next = chain[index + 1];
      if (window.history && history.replaceState) {
        history.replaceState(null, '', code ? '/?area=' + encodeURIComponent(code) : '/');
      }
      if (!next) return;
      for (var j = index + 1; j < chain.length; j++) reset(chain[j], chain[j].getAttribute('data-placeholder'));
      if (!code) return;
      next.setAttribute('aria-busy', 'true');
      announce('Memuat pilihan ' + next.getAttribute('data-label') + '…');
      fetch(form.getAttribute('data-areas') + '?parent=' + encodeURIComponent(code), { headers: { accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (data) {
          reset(next, '— pilih ' + next.getAttribute('data-label') + ' —');
          data.items.forEach(function (item) { next.add(new Option(item.name, item.code)); });
          next.disabled = false;
          next.removeAttribute('aria-busy');
          announce(data.items.length + ' pilihan ' + next.getAttribute('data-label') + ' tersedia.');
        })
        .catch(function () {
          next.removeAttribute('aria-busy');
          root.className = root.className.replace(' js', '');
          announce('Pilihan tidak dapat dimuat. Tekan tombol "Tampilkan pilihan berikutnya".');
        });
    });
  });
})();
`
