/* Passerelle catalog: filters the entries of a catalog page in place, by several facets at once
   (any of the values chosen within a facet, all of the facets), with the counts following the
   selection, the selection kept in the URL's fragment (#pays=sn,ml&etat=active), and no request.
   Without JavaScript, the facet values stay links to their pages. */
(function () {
  "use strict";
  var catalog = document.querySelector(".catalog");
  if (!catalog) { return; }
  var facets = Array.prototype.slice.call(catalog.querySelectorAll(".facet[data-field]"));
  var items = Array.prototype.slice.call(catalog.querySelectorAll(".catalog-entries > li")).map(function (li) {
    return { li: li, keys: (li.getAttribute("data-facets") || "").split(" ").filter(Boolean) };
  });
  var status = catalog.querySelector(".catalog-status");
  var selected = {};

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
  function fragment() {
    var parts = [];
    facets.forEach(function (facet) {
      var field = facet.getAttribute("data-field");
      if (selected[field] && selected[field].length) { parts.push(field + "=" + selected[field].join(",")); }
    });
    return parts.join("&");
  }
  function update(fromHash) {
    var shown = 0;
    items.forEach(function (item) {
      var ok = passes(item, null);
      item.li.hidden = !ok;
      if (ok) { shown++; }
    });
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
      var pattern = shown === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
      status.textContent = (pattern || "{n}").replace("{n}", String(shown));
    }
    if (!fromHash) {
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
  }

  /* Each value link becomes a checkbox with its label; the link to the value's page stays beside it. */
  facets.forEach(function (facet) {
    var field = facet.getAttribute("data-field");
    Array.prototype.forEach.call(facet.querySelectorAll("a[data-key]"), function (link) {
      var key = link.getAttribute("data-key");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.setAttribute("data-key", key);
      box.addEventListener("change", function () {
        var values = selected[field] || (selected[field] = []);
        var at = values.indexOf(key);
        if (box.checked && at < 0) { values.push(key); }
        if (!box.checked && at >= 0) { values.splice(at, 1); }
        update(false);
      });
      var item = link.parentNode;
      var count = item.querySelector(".count");
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + link.textContent + " "));
      label.appendChild(count);
      item.insertBefore(label, link);
      link.textContent = "\u2192";
      link.setAttribute("aria-label", link.getAttribute("data-page-label") || link.getAttribute("title") || "");
    });
  });
  var clear = catalog.querySelector(".catalog-clear");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () { selected = {}; update(false); });
  }
  window.addEventListener("hashchange", function () { readHash(); update(true); });
  readHash();
  update(true);
})();
