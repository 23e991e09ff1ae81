/* Passerelle search: reads window.passerelleSearch (search-index.js), works offline and from file://. */
(function () {
  "use strict";
  var data = window.passerelleSearch;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !input || !list) { return; }
  var root = form.getAttribute("data-root") || "";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae");
  }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; }); }

  var items = data.entries.map(function (entry, order) {
    return { entry: entry, order: order, title: " " + words(entry.t).join(" ") + " ",
             summary: " " + words(entry.d || "").join(" ") + " ", body: " " + (entry.w || "") + " " };
  });

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = " " + terms[i];
      var best = 0;
      if (item.title.indexOf(term) >= 0) { best = 10; }
      else if (item.title.indexOf(terms[i]) >= 0) { best = 6; }
      else if (item.summary.indexOf(term) >= 0) { best = 3; }
      else if (item.body.indexOf(term) >= 0) { best = 1; }
      if (best === 0) { return 0; }
      total += best;
    }
    // The query as a phrase in the title, then a title that starts with it, rank higher.
    var phrase = " " + terms.join(" ");
    if (item.title.indexOf(phrase) >= 0) { total += 5; }
    if (item.title.indexOf(phrase) === 0) { total += 2; }
    return total;
  }

  function show(query) {
    var terms = words(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (terms.length === 0) { status.textContent = ""; return; }
    var found = items.map(function (item) { return { item: item, score: score(item, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.item.order - b.item.order; });
    found.slice(0, 50).forEach(function (hit) {
      var entry = hit.item.entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + entry.u;
      a.textContent = entry.t;
      if (entry.lang) { a.lang = entry.lang; }
      li.appendChild(a);
      // A record whose text is in another language (a fallback page) says so in the reader's words.
      var mark = entry.lang && document.querySelector('template[data-text-language="' + entry.lang + '"]');
      if (mark) {
        var language = document.createElement("span");
        language.className = "text-language";
        language.textContent = " — " + mark.content.textContent.trim();
        li.appendChild(language);
      }
      var section = document.createElement("span");
      section.className = "section-name";
      section.textContent = " (" + entry.s + ")";
      li.appendChild(section);
      if (entry.d) {
        var summary = document.createElement("span");
        summary.className = "summary";
        summary.textContent = entry.d;
        if (entry.lang) { summary.lang = entry.lang; }
        li.appendChild(document.createElement("br"));
        li.appendChild(summary);
      }
      list.appendChild(li);
    });
    var key = found.length === 0 ? "data-none" : found.length === 1 ? "data-one" : "data-many";
    status.textContent = (form.getAttribute(key) || "").replace("{n}", String(found.length));
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  input.addEventListener("input", function () { show(input.value); });
  var match = /[?&]q=([^&]*)/.exec(window.location.search);
  if (match) { input.value = decodeURIComponent(match[1].replace(/\+/g, " ")); show(input.value); }
}());
