// A "Show password" button after each password field (ASVS 4.0.3 V2.1.12), so that people who type
// slowly or with a switch or eye-gaze keyboard can check what they typed before sending it. Without
// JavaScript the fields simply stay masked. The field is masked again when its form is sent, so the
// browser never keeps it as ordinary text. The label comes from the page (data-show-password on <body>).
(function () {
  'use strict';
  var label = document.body.getAttribute('data-show-password') || 'Show password';
  document.querySelectorAll('input[type="password"]').forEach(function (input) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary password-toggle';
    button.textContent = label;
    button.setAttribute('aria-pressed', 'false');
    if (input.id) button.setAttribute('aria-controls', input.id);
    // A shown password must not be capitalised, corrected or remembered as a word by the keyboard.
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('spellcheck', 'false');
    function show(visible) {
      input.type = visible ? 'text' : 'password';
      button.setAttribute('aria-pressed', visible ? 'true' : 'false');
    }
    button.addEventListener('click', function () { show(input.type === 'password'); });
    input.insertAdjacentElement('afterend', button);
    if (input.form) input.form.addEventListener('submit', function () { show(false); });
  });
})();
