/* Search of the TraAM catalogue, without a server: the index is static/index.js (window.TRAAM_INDEX).
   Results are built with the DOM API (textContent), never with innerHTML. */
(function () {
  "use strict";
  var index = window.TRAAM_INDEX || { scenarios: [] };
  var form = document.getElementById("recherche");
  var input = document.getElementById("q");
  var discipline = document.getElementById("discipline");
  var academie = document.getElementById("academie");
  var list = document.getElementById("resultats");
  var status = document.getElementById("statut");
  if (!form || !input || !list || !status) { return; }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/\s+/g, " ").trim();
  }

  function fill(select, values) {
    values.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
  }

  function card(item) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = item.u;
    a.textContent = item.t;
    h.appendChild(a);
    li.appendChild(h);
    var p = document.createElement("p");
    p.textContent = [item.a, item.dl.join(", "), item.c].filter(Boolean).join(" · ");
    li.appendChild(p);
    return li;
  }

  // Typo tolerance, like the CLI: a word of 4+ letters may differ from a word of the record by one
  // letter (8+ letters: two), when no exact substring matches.
  function within(a, b, most) {
    if (Math.abs(a.length - b.length) > most) { return false; }
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
        best = Math.min(best, current[j]);
      }
      if (best > most) { return false; }
      previous = current;
    }
    return previous[b.length] <= most;
  }

  function matches(item, w) {
    if (item.k.indexOf(w) >= 0) { return true; }
    if (w.length < 4) { return false; }
    var most = w.length >= 8 ? 2 : 1;
    if (!item.tokens) { item.tokens = item.k.split(" "); }
    return item.tokens.some(function (token) {
      return within(w, token, most) || (token.length > w.length && within(w, token.slice(0, w.length), most));
    });
  }

  function run() {
    var words = fold(input.value).split(" ").filter(Boolean);
    var d = discipline ? discipline.value : "";
    var ac = academie ? academie.value : "";
    var hits = index.scenarios.filter(function (item) {
      if (d && item.d.indexOf(d) < 0) { return false; }
      if (ac && item.ac !== ac) { return false; }
      return words.every(function (w) { return matches(item, w); });
    });
    hits.sort(function (x, y) {
      var tx = words.filter(function (w) { return x.tk.indexOf(w) >= 0; }).length;
      var ty = words.filter(function (w) { return y.tk.indexOf(w) >= 0; }).length;
      return ty - tx || x.t.localeCompare(y.t, "fr");
    });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    hits.slice(0, 200).forEach(function (item) { list.appendChild(card(item)); });
    var n = hits.length;
    status.textContent = n === 0 ? "Aucun scénario ne correspond." :
      (n === 1 ? "1 scénario trouvé." : n + " scénarios trouvés.") + (n > 200 ? " Les 200 premiers sont affichés." : "");
  }

  if (discipline) { fill(discipline, index.disciplines || []); }
  if (academie) { fill(academie, index.academies || []); }
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  if (discipline && params.get("discipline")) { discipline.value = params.get("discipline"); }
  if (academie && params.get("academie")) { academie.value = params.get("academie"); }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  if (discipline) { discipline.addEventListener("change", run); }
  if (academie) { academie.addEventListener("change", run); }
  run();
}());
