// The staff ALSFRS-R form, enhanced: the total and the four domain subscores follow every answer,
// and the quick-entry field and the radio buttons stay in step. Without this script the form works
// the same and the server scores what is posted; this only shows the score before saving.
(function () {
  "use strict";
  var form = document.querySelector("form[data-alsfrs-form]");
  if (!form) return;
  var items = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-item]"));
  var quick = form.querySelector("input[name='Input.QuickEntry']");
  var totalOut = form.querySelector("[data-total]");
  var note = form.querySelector("[data-static-note]");
  if (note) note.hidden = true;

  function answerOf(fieldset) {
    var checked = fieldset.querySelector("input[type=radio]:checked");
    return checked && checked.value !== "" ? Number(checked.value) : null;
  }

  function rescore() {
    var domains = {}, missing = 0, total = 0;
    items.forEach(function (fieldset) {
      var domain = fieldset.getAttribute("data-domain");
      var answer = answerOf(fieldset);
      if (!(domain in domains)) domains[domain] = 0;
      if (answer === null) { missing++; domains[domain] = null; }
      else { total += answer; if (domains[domain] !== null) domains[domain] += answer; }
    });
    Object.keys(domains).forEach(function (domain) {
      var out = form.querySelector("[data-domain-score='" + domain + "']");
      if (out) out.textContent = domains[domain] === null ? "–" : String(domains[domain]);
    });
    var text = missing === 0 ? "Total " + total + "/48"
      : "No total: " + missing + " of 12 not answered";
    if (totalOut.textContent !== text) totalOut.textContent = text;
  }

  function quickFromRadios() {
    if (!quick) return;
    quick.value = items.map(function (fieldset) {
      var answer = answerOf(fieldset);
      return answer === null ? "-" : String(answer);
    }).join("").replace(/^(.{4})(.{4})/, "$1 $2 ");
  }

  function radiosFromQuick() {
    var typed = quick.value.replace(/\s+/g, "");
    items.forEach(function (fieldset, i) {
      if (i >= typed.length) return;
      var c = typed.charAt(i);
      var value = c === "-" ? "" : c;
      if (!/^[0-4-]$/.test(c)) return;
      var radio = fieldset.querySelector("input[type=radio][value='" + value + "']");
      if (radio) radio.checked = true;
    });
    rescore();
  }

  form.addEventListener("change", function (e) {
    var target = e.target;
    if (target.type === "radio" && target.closest("fieldset[data-item]")) { rescore(); quickFromRadios(); }
    if (target.type === "radio" && target.name.slice(-"CuttingFoodVersion".length) === "CuttingFoodVersion") swapItem5(target.value);
  });
  if (quick) quick.addEventListener("input", radiosFromQuick);

  function swapItem5(version) {
    var b = version === "WithGastrostomy5b";
    var number = form.querySelector("[data-item5-number]");
    if (number) number.textContent = b ? "5b" : "5a";
    var question = form.querySelector("[data-item5-question]");
    if (question) question.textContent = question.getAttribute(b ? "data-q5b" : "data-q5a");
    form.querySelectorAll("[data-a5a]").forEach(function (anchor) {
      anchor.textContent = anchor.getAttribute(b ? "data-a5b" : "data-a5a");
    });
  }

  rescore();
})();
