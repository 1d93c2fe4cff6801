/**
 * The verval upload form with JavaScript (ADR 0018): the file goes straight to the upload
 * bucket with a presigned URL (so files up to 5 MiB reach the workflow on AWS, where a
 * Lambda request takes 6 MB and a file counts base64-encoded), then the same form is
 * posted with the upload's id instead of the file. One form for the TKSK either way;
 * without JavaScript, or if the direct upload fails, the form posts the file itself.
 * Plain ES5 for old Android browsers; kept as a string so it bundles with the Lambda.
 */
export const VERVAL_UPLOAD_JS = `(function () {
  'use strict';
  var TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  var init = function () {
    var form = document.querySelector('form[data-presign]');
    if (!form || !window.fetch) return;
    var input = form.querySelector('input[type=file]');
    var uploadId = form.querySelector('input[name=uploadId]');
    var csrf = form.querySelector('input[name=_csrf]');
    var status = form.querySelector('[data-upload-status]');
    var say = function (text) { if (status) status.textContent = text; };
    var plainSubmit = function () { if (uploadId) uploadId.value = ''; form.submit(); };
    form.addEventListener('submit', function (event) {
      var file = input && input.files && input.files[0];
      var type = file && TYPES[file.name.split('.').pop().toLowerCase()];
      if (!file || !type || !uploadId || !csrf) return;
      event.preventDefault();
      say('Mengunggah berkas\\u2026');
      fetch(form.getAttribute('data-presign'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.value },
        body: JSON.stringify({ contentType: type, size: file.size })
      }).then(function (answer) {
        if (!answer.ok) throw new Error('presign ' + answer.status);
        return answer.json();
      }).then(function (signed) {
        return fetch(signed.url, { method: signed.method, headers: signed.headers, body: file }).then(function (put) {
          if (!put.ok) throw new Error('upload ' + put.status);
          return signed.uploadId;
        });
      }).then(function (id) {
        uploadId.value = id;
        // A disabled field is not sent: the form carries the upload's id, not the file.
        input.disabled = true;
        say('Berkas terunggah; memproses\\u2026');
        form.submit();
      }).catch(function () {
        say('Unggah langsung gagal; berkas dikirim bersama formulir.');
        plainSubmit();
      });
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
`
