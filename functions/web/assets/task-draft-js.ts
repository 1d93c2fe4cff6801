/**
 * Progressive enhancement of the task forms for a phone with a bad connection (issue 8):
 * what is typed is kept in localStorage under the task's id as it is typed, restored on
 * the next load ("Draf dipulihkan") and cleared once a submit succeeds. The submit goes
 * through fetch, so a dropped connection keeps the page and says so instead of showing
 * the browser's error page; any answer of the server replaces the page as a normal
 * submit would. Hidden fields (CSRF token, link secret), fields named NIK/KK and any value
 * with ten digits in a row (a NIK or KK, or most of one while it is typed) are never
 * stored. Without JavaScript the form posts as usual.
 * Plain ES5 for old Android browsers; kept as a string so it bundles with the Lambda.
 */
export const TASK_DRAFT_JS = `(function () {
  'use strict';
  var OFFLINE = 'Tidak ada koneksi. Isian Anda tersimpan di perangkat ini; kirim lagi saat sinyal kembali.';
  var store = (function () {
    try { var s = window.localStorage; s.setItem('tksk-probe', '1'); s.removeItem('tksk-probe'); return s; }
    catch (e) { return null; }
  })();
  var kept = function (field) {
    return field.name && field.type !== 'hidden' && field.type !== 'submit' && field.type !== 'button' &&
      !/(^|[.\\-_])(nik|kk)$/i.test(field.name);
  };
  var init = function () {
    var form = document.querySelector('form[data-draft]');
    if (!form || !store) return;
    var key = 'tksk-draft:' + form.getAttribute('data-draft');
    var say = function (where, text, isError) {
      var line = form.querySelector(where);
      if (!line) return;
      line.textContent = text;
      line.className = isError ? 'draft-status error' : 'draft-status notice';
    };
    var fields = function () { return Array.prototype.filter.call(form.elements, kept); };
    var save = function () {
      var values = {};
      fields().forEach(function (f) {
        if ((f.type === 'radio' || f.type === 'checkbox') && !f.checked) return;
        if (!f.value || /\\d{10}/.test(f.value)) return;
        values[f.name] = f.value;
      });
      try {
        if (Object.keys(values).length === 0) store.removeItem(key);
        else store.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values: values }));
      } catch (e) { /* storage full or refused: the form still works */ }
    };
    var restore = function () {
      var draft;
      try { draft = JSON.parse(store.getItem(key) || 'null'); } catch (e) { draft = null; }
      if (!draft || !draft.values) return;
      var restored = false;
      fields().forEach(function (f) {
        var value = draft.values[f.name];
        if (value === undefined) return;
        if (f.type === 'radio' || f.type === 'checkbox') {
          var group = form.querySelectorAll('input[name="' + f.name + '"]:checked');
          if (group.length === 0 && f.value === value) { f.checked = true; restored = true; }
        } else if (!f.value) {
          f.value = value;
          restored = f.value === value || restored;
        }
      });
      if (restored) say('[data-draft-note]', 'Draf dipulihkan: isian yang belum terkirim dari perangkat ini dikembalikan.', false);
    };
    var show = function (response, text) {
      var next = new DOMParser().parseFromString(text, 'text/html');
      document.title = next.title;
      document.body.innerHTML = next.body.innerHTML;
      if (window.history && history.replaceState) history.replaceState(null, '', response.url);
      window.scrollTo(0, 0);
      // As after a page load, a screen reader starts at the errors (or the new heading).
      var start = document.querySelector('main [role=alert]') || document.querySelector('h1');
      if (start) { start.setAttribute('tabindex', '-1'); start.focus(); }
      init();
    };
    restore();
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    form.addEventListener('submit', function (event) {
      if (!window.fetch || !window.DOMParser) return;
      event.preventDefault();
      save();
      if (navigator.onLine === false) { say('[data-draft-status]', OFFLINE, true); return; }
      var body = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (f) {
        if (!f.name || f.disabled || ((f.type === 'radio' || f.type === 'checkbox') && !f.checked)) return;
        if (f.type === 'submit' || f.type === 'button') return;
        body.append(f.name, f.value);
      });
      var button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (response) {
          return response.text().then(function (text) {
            if (response.ok) store.removeItem(key);
            if (response.redirected && response.ok) window.location.assign(response.url);
            else show(response, text);
          });
        })
        .catch(function () {
          if (button) button.disabled = false;
          say('[data-draft-status]', OFFLINE, true);
        });
    });
  };
  init();
})();
`
