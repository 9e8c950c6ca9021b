/* vhost-user specification site: search, copy-link buttons, and sorting and filtering of the
   index tables. Pages work without it; it only adds conveniences. */
(function () {
  'use strict';

  var entries = window.VU_SEARCH || [];

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9_]+/).filter(function (w) { return w.length > 0; });
  }

  function score(entry, query) {
    var name = entry.t.toLowerCase();
    var text = (entry.t + ' ' + (entry.s || '')).toLowerCase();
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      if (text.indexOf(q) < 0) { return 0; }
      total += name === q ? 100 : name.indexOf(q) >= 0 ? 20 : 1;
    }
    return total + (entry.k === 'message' || entry.k === 'feature' ? 5 : 0);
  }

  function setUpSearch() {
    var box = document.getElementById('search-box');
    var list = document.getElementById('search-results');
    if (!box || !list) { return; }
    box.hidden = false;
    box.addEventListener('input', function () {
      var query = words(box.value);
      list.textContent = '';
      if (query.length === 0) { return; }
      var found = [];
      for (var i = 0; i < entries.length; i++) {
        var s = score(entries[i], query);
        if (s > 0) { found.push([s, entries[i]]); }
      }
      found.sort(function (a, b) { return b[0] - a[0]; });
      found.slice(0, 20).forEach(function (pair) {
        var entry = pair[1];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = entry.u;
        link.textContent = entry.t;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = entry.k;
        link.appendChild(kind);
        item.appendChild(link);
        list.appendChild(item);
      });
    });
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) { window.location.href = first.href; }
      }
    });
  }

  function setUpCopyLinks() {
    if (!navigator.clipboard) { return; }
    var targets = document.querySelectorAll('h2[id], h3[id], h4[id], .vu-card[id], .vu-payload[id]');
    Array.prototype.forEach.call(targets, function (target) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-link';
      button.title = 'Copy a link to this place';
      button.textContent = 'copy link';
      button.addEventListener('click', function () {
        var url = window.location.href.split('#')[0] + '#' + target.id;
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = 'copied';
        }, function () {
          button.textContent = 'copy failed';
        });
      });
      var title = target.matches('.vu-card, .vu-payload') ? target.querySelector('.title') : target;
      (title || target).appendChild(button);
    });
  }

  function setUpTables() {
    Array.prototype.forEach.call(document.querySelectorAll('table.vu-sortable'), function (table) {
      var body = table.tBodies[0];
      Array.prototype.forEach.call(table.querySelectorAll('th[data-sort]'), function (header, column) {
        header.addEventListener('click', function () {
          var numeric = header.getAttribute('data-sort') === 'number';
          var rows = Array.prototype.slice.call(body.rows);
          var descending = header.getAttribute('aria-sort') === 'ascending';
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-value') || a.cells[column].textContent;
            var y = b.cells[column].getAttribute('data-value') || b.cells[column].textContent;
            var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
            return descending ? -order : order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
          header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('label[data-filter]'), function (label) {
      label.hidden = false;
    });
    Array.prototype.forEach.call(filterControls(), function (control) {
      control.hidden = false;
      control.addEventListener('change', applyFilters);
      control.addEventListener('input', applyFilters);
    });
  }

  function filterControls() {
    return document.querySelectorAll('select[data-filter], input[data-filter]');
  }

  function applyFilters() {
    var controls = filterControls();
    Array.prototype.forEach.call(document.querySelectorAll('table.vu-sortable tbody tr'), function (row) {
      var visible = true;
      Array.prototype.forEach.call(controls, function (control) {
        var value = control.value.trim().toLowerCase();
        if (value === '') { return; }
        var cell = (row.getAttribute('data-' + control.getAttribute('data-filter')) || '').toLowerCase();
        if (cell.indexOf(value) < 0) { visible = false; }
      });
      row.hidden = !visible;
    });
  }

  setUpSearch();
  setUpCopyLinks();
  setUpTables();
}());
