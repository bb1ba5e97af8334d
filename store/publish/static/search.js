/* Search of the TraAM catalogue, without a server. The index is split in small files under static/recherche/
   (see store/publish/site_index.py): meta.js, then for each word the one word shard it needs, and for the cards
   shown the chunks that hold them. Each file is a script calling TRAAM_RECHERCHE.put(name, data), so the search
   also works from a folder opened on disk. Results are built with the DOM API (textContent), never innerHTML. */
(function () {
  "use strict";
  var PAGE = 20;
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var form = document.getElementById("recherche");
  var input = document.getElementById("q");
  var discipline = document.getElementById("discipline");
  var academie = document.getElementById("academie");
  var list = document.getElementById("resultats");
  var status = document.getElementById("statut");
  var more = document.getElementById("plus");
  var here = document.currentScript ? document.currentScript.src : "";
  if (!form || !input || !list || !status) { return; }
  var base = here.slice(0, here.lastIndexOf("/") + 1) + "recherche/";
  var loaded = {}, pending = {}, meta = null, keyNumbers = {}, labels = { d: {}, a: {} };
  var latest = 0, hits = [], shown = 0;

  window.TRAAM_RECHERCHE = { put: function (name, data) { loaded[name] = data; } };

  function load(name) {
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = base + name + ".js";
        tag.onload = function () {
          if (Object.prototype.hasOwnProperty.call(loaded, name)) { resolve(loaded[name]); } else { reject(name); }
        };
        tag.onerror = function () { reject(name); };
        document.head.appendChild(tag);
      });
    }
    return pending[name];
  }

  function fold(text) {
    return text.normalize("NFKD").toLowerCase().replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Postings: gaps in base-32 varints (a digit >= 32 continues the number); value = 2 * gap + in_title.
  function decode(text, visit) {
    var record = -1, value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text.charAt(i));
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      value = value * 32 + digit;
      record += Math.floor(value / 2) + 1;
      visit(record, value % 2);
      value = 0;
    }
  }

  // Typo tolerance, like the CLI: a word of 4+ letters may differ from a word of the record by one
  // letter (8+ letters: two); the letters of the shard's key are taken as typed.
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

  // The shard of a word: the longest key that starts it (the empty key always exists).
  function shardOf(word) {
    for (var n = word.length; n >= 0; n--) {
      if (Object.prototype.hasOwnProperty.call(keyNumbers, word.slice(0, n))) { return "t/" + keyNumbers[word.slice(0, n)]; }
    }
    return null;
  }

  // Marks of one word: 2 where a word of the record's title starts with it, 1 elsewhere it matches, 0 not found.
  function marks(word, shard) {
    var mark = new Uint8Array(meta.n);
    var most = word.length < 4 ? 0 : (word.length >= 8 ? 2 : 1);
    Object.keys(shard).forEach(function (token) {
      var exact = token.lastIndexOf(word, 0) === 0;
      if (!exact && !(most && (within(word, token, most) || within(word, token.slice(0, word.length), most)))) { return; }
      decode(shard[token], function (record, inTitle) {
        var value = exact && inTitle ? 2 : 1;
        if (value > mark[record]) { mark[record] = value; }
      });
    });
    return mark;
  }

  function members(text) {
    var mark = new Uint8Array(meta.n);
    decode(text, function (record) { mark[record] = 1; });
    return mark;
  }

  function query() {
    var typed = words(input.value);
    var kept = typed.filter(function (w) { return meta.stop.indexOf(w) < 0; });
    return kept.length ? kept : typed;  // only stop words: search them as word starts
  }

  function card(item) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = "scenarios/" + item[1] + ".html";
    a.textContent = item[0];
    h.appendChild(a);
    li.appendChild(h);
    var p = document.createElement("p");
    var names = item[3].map(function (code) { return labels.d[code] || code; });
    p.textContent = [labels.a[item[2]] || item[2], names.join(", "), item[4]].filter(Boolean).join(" · ");
    li.appendChild(p);
    return li;
  }

  function say(n) {
    status.textContent = n === 0 ? "Aucun scénario ne correspond." :
      (n === 1 ? "1 scénario trouvé." : n.toLocaleString("fr-FR") + " scénarios trouvés.") +
      (n > shown ? " Les " + shown + " premiers sont affichés." : "");
  }

  // Show the next page of results: load the chunks that hold them, then add the cards in order.
  function showMore(ticket) {
    var next = hits.slice(shown, shown + PAGE);
    var chunks = {};
    next.forEach(function (record) { chunks[Math.floor(record / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load("d/" + c); })).then(function () {
      if (ticket !== latest) { return; }
      next.forEach(function (record) {
        list.appendChild(card(loaded["d/" + Math.floor(record / meta.chunk)][record % meta.chunk]));
      });
      shown += next.length;
      if (more) { more.hidden = shown >= hits.length; }
      say(hits.length);
    });
  }

  function run() {
    var ticket = ++latest;
    var typed = query();
    var d = discipline ? discipline.value : "";
    var ac = academie ? academie.value : "";
    var needed = typed.map(function (w) { return shardOf(w); });
    if (d) { needed.push("f/d-" + d); }
    if (ac) { needed.push("f/a-" + ac); }
    return Promise.all(needed.map(function (name) { return name ? load(name) : Promise.resolve({}); })).then(function (parts) {
      if (ticket !== latest) { return; }
      var wordMarks = typed.map(function (w, i) { return marks(w, parts[i]); });
      var filters = parts.slice(typed.length).map(members);
      var found = [], scores = new Uint8Array(meta.n);
      for (var record = 0; record < meta.n; record++) {
        var score = 0, ok = true;
        for (var i = 0; ok && i < wordMarks.length; i++) {
          ok = wordMarks[i][record] > 0;
          if (wordMarks[i][record] === 2) { score++; }
        }
        for (var j = 0; ok && j < filters.length; j++) { ok = filters[j][record] > 0; }
        if (ok) { found.push(record); scores[record] = score; }
      }
      found.sort(function (x, y) { return scores[y] - scores[x] || x - y; });
      hits = found;
      shown = 0;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      return showMore(ticket);
    }).catch(function () {
      if (ticket === latest) { status.textContent = "L'index de recherche n'a pas pu être chargé."; }
    });
  }

  function fill(select, values) {
    values.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
  }

  load("meta").then(function (data) {
    meta = data;
    meta.keys.forEach(function (key, n) { keyNumbers[key] = n; });
    meta.disciplines.forEach(function (pair) { labels.d[pair[0]] = pair[1]; });
    meta.academies.forEach(function (pair) { labels.a[pair[0]] = pair[1]; });
    if (discipline) { fill(discipline, meta.disciplines); }
    if (academie) { fill(academie, meta.academies); }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    if (discipline && params.get("discipline")) { discipline.value = params.get("discipline"); }
    if (academie && params.get("academie")) { academie.value = params.get("academie"); }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    if (discipline) { discipline.addEventListener("change", run); }
    if (academie) { academie.addEventListener("change", run); }
    if (more) { more.addEventListener("click", function () { showMore(latest); }); }
    run();
  }, function () { status.textContent = "L'index de recherche n'a pas pu être chargé."; });
}());
