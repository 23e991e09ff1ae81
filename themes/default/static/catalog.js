/* Passerelle catalog: filters the entries of a catalog page in place, by several facets at once
   (any of the values chosen within a facet, all of the facets), with the counts following the
   selection, the selection kept in the URL's fragment (#pays=sn,ml&etat=active), and no request.
   A catalog of more than a hundred entries lists the first hundred and pages to the rest; its
   every entry is in entries.js beside it (window.passerelleCatalog), loaded as a script so that it
   works from file://, and a selection lists its matches from there, a hundred at a time.
   Without JavaScript, the facet values stay links to their pages. */
(function () {
  "use strict";
  var catalog = document.querySelector(".catalog");
  if (!catalog || !catalog.querySelector(".facets")) { return; }
  var facets = Array.prototype.slice.call(catalog.querySelectorAll(".facet[data-field]"));
  var list = catalog.querySelector(".catalog-entries");
  var pager = catalog.querySelector(".pager");
  var status = catalog.querySelector(".catalog-status");
  var data = window.passerelleCatalog;
  var step = 100, limit = step;
  var selected = {};
  var items, labels = {}, names = {}, original = null, more = null;

  facets.forEach(function (facet) {
    var heading = facet.querySelector("h2");
    names[facet.getAttribute("data-field")] = heading ? heading.textContent : "";
  });
  if (data) {
    /* Every entry, from entries.js: [title, slug, text language, [[value index...] per facet]]. */
    data.facets.forEach(function (facet) {
      var table = labels[facet[0]] = {};
      facet[1].forEach(function (value) { table[value[0]] = value[1]; });
    });
    items = data.entries.map(function (entry) {
      var keys = [];
      entry[3].forEach(function (values, f) {
        values.forEach(function (v) { keys.push(data.facets[f][0] + "=" + data.facets[f][1][v][0]); });
      });
      return { entry: entry, keys: keys };
    });
    original = Array.prototype.slice.call(list.children);
  } else {
    items = Array.prototype.slice.call(list.children).map(function (li) {
      return { li: li, keys: (li.getAttribute("data-facets") || "").split(" ").filter(Boolean) };
    });
  }

  function has(item, field, values) {
    for (var i = 0; i < values.length; i++) {
      if (item.keys.indexOf(field + "=" + values[i]) >= 0) { return true; }
    }
    return false;
  }
  /* Whether the item passes every facet's selection but `except`'s. */
  function passes(item, except) {
    for (var field in selected) {
      if (field !== except && selected[field].length && !has(item, field, selected[field])) { return false; }
    }
    return true;
  }
  function anySelected() {
    for (var field in selected) { if (selected[field].length) { return true; } }
    return false;
  }
  function fragment() {
    var parts = [];
    facets.forEach(function (facet) {
      var field = facet.getAttribute("data-field");
      if (selected[field] && selected[field].length) { parts.push(field + "=" + selected[field].join(",")); }
    });
    return parts.join("&");
  }
  /* A list item for an entry of entries.js, as the page writes its own. */
  function entryItem(item) {
    var entry = item.entry, li = document.createElement("li");
    var link = document.createElement("a");
    link.href = entry[1] + "/index.html";
    link.textContent = entry[0];
    if (entry[2]) { link.lang = entry[2]; }
    li.appendChild(link);
    entry[3].forEach(function (values, f) {
      if (!values.length) { return; }
      var field = data.facets[f][0], span = document.createElement("span");
      span.className = "facet-values";
      span.appendChild(document.createTextNode(names[field] + (catalog.getAttribute("data-separator") || ":") + " "));
      values.forEach(function (v, i) {
        var value = data.facets[f][1][v], a = document.createElement("a");
        a.href = field + "/" + value[0] + "/index.html";
        a.textContent = value[1];
        if (i) { span.appendChild(document.createTextNode(", ")); }
        span.appendChild(a);
      });
      li.appendChild(document.createElement("br"));
      li.appendChild(span);
    });
    return li;
  }
  function show(matches) {
    if (!data) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (more) { more.hidden = true; }
    if (!anySelected()) {
      original.forEach(function (li) { list.appendChild(li); });
      if (pager) { pager.hidden = false; }
      return;
    }
    if (pager) { pager.hidden = true; }
    matches.slice(0, limit).forEach(function (item) { list.appendChild(entryItem(item)); });
    if (matches.length > limit) {
      if (!more) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "catalog-more";
        more.textContent = catalog.getAttribute("data-more") || "+";
        more.addEventListener("click", function () { limit += step; update(true); });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      more.hidden = false;
    }
  }
  function update(keepURL) {
    var matches = [];
    items.forEach(function (item) {
      var ok = passes(item, null);
      if (item.li) { item.li.hidden = !ok; }
      if (ok) { matches.push(item); }
    });
    show(matches);
    facets.forEach(function (facet) {
      var field = facet.getAttribute("data-field");
      Array.prototype.forEach.call(facet.querySelectorAll("input[data-key]"), function (box) {
        var key = box.getAttribute("data-key");
        var count = items.filter(function (item) { return passes(item, field) && has(item, field, [key]); }).length;
        box.checked = (selected[field] || []).indexOf(key) >= 0;
        box.parentNode.querySelector(".count").textContent = "(" + count + ")";
      });
    });
    if (status) {
      var pattern = matches.length === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
      status.textContent = (pattern || "{n}").replace("{n}", String(matches.length));
    }
    if (!keepURL) {
      var hash = fragment();
      var url = location.href.replace(/#.*$/, "") + (hash ? "#" + hash : "");
      try { history.replaceState(null, "", url); } catch (error) { location.hash = hash; }
    }
  }
  function readHash() {
    selected = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      if (pair.length === 2 && pair[1]) { selected[decodeURIComponent(pair[0])] = decodeURIComponent(pair[1]).split(","); }
    });
    /* A value the listing does not show (a facet of many values shows its most used) gets its box. */
    facets.forEach(function (facet) {
      var field = facet.getAttribute("data-field"), ul = facet.querySelector("ul");
      (selected[field] || []).forEach(function (key) {
        if (facet.querySelector("input[data-key=\"" + key.replace(/["\\]/g, "") + "\"]") || !labels[field] || !labels[field][key]) { return; }
        var li = document.createElement("li"), link = document.createElement("a"), count = document.createElement("span");
        link.href = field + "/" + key + "/index.html";
        link.setAttribute("data-key", key);
        link.textContent = labels[field][key];
        count.className = "count";
        li.appendChild(link);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(count);
        ul.appendChild(li);
        checkbox(facet, link);
      });
    });
  }

  /* A value link becomes a checkbox with its label; the link to the value's page stays beside it. */
  function checkbox(facet, link) {
    var field = facet.getAttribute("data-field"), key = link.getAttribute("data-key");
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.setAttribute("data-key", key);
    box.addEventListener("change", function () {
      var values = selected[field] || (selected[field] = []);
      var at = values.indexOf(key);
      if (box.checked && at < 0) { values.push(key); }
      if (!box.checked && at >= 0) { values.splice(at, 1); }
      limit = step;
      update(false);
    });
    var item = link.parentNode;
    var count = item.querySelector(".count");
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + link.textContent + " "));
    label.appendChild(count);
    item.insertBefore(label, link);
    link.setAttribute("aria-label", link.getAttribute("title") || link.textContent);
    link.textContent = "\u2192";
  }
  facets.forEach(function (facet) {
    Array.prototype.forEach.call(facet.querySelectorAll("a[data-key]"), function (link) { checkbox(facet, link); });
  });
  var clear = catalog.querySelector(".catalog-clear");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () { selected = {}; limit = step; update(false); });
  }
  window.addEventListener("hashchange", function () { readHash(); limit = step; update(true); });
  readHash();
  update(true);
})();
