/* vhost-user specification site: search (a combobox over an index loaded on first use), the
   contents list that marks the section being read, version links that keep the reader's place,
   and sorting and filtering of the index tables. Every page reads well without it. */
(function () {
  'use strict';

  var doc = document;
  var each = function (list, action) { Array.prototype.forEach.call(list, action); };

  /* ---- Search ------------------------------------------------------------------------- */

  var MAX_RESULTS = 30;
  var box = doc.getElementById('search-box');
  var list = doc.getElementById('search-results');
  var status = doc.getElementById('search-status');
  var entries = null;
  var loading = false;
  var whenLoaded = null;
  var results = [];
  var active = -1;

  /** The folder site.js came from: the search index sits beside it (each release has its own). */
  function assetsFolder() {
    var script = doc.querySelector('script[src$="site.js"]');
    return script ? script.getAttribute('src').replace(/site\.js$/, '') : 'assets/';
  }

  function loadIndex(then) {
    if (entries) { if (then) { then(); } return; }
    if (then) { whenLoaded = then; }
    if (loading) { return; }
    loading = true;
    var script = doc.createElement('script');
    script.src = assetsFolder() + 'search-index.js';
    script.onload = function () {
      entries = (window.VU_SEARCH || []).map(function (e) {
        return { title: e[0], kind: e[1], url: e[2], text: e[3], numbers: ' ' + e[4] + ' ',
          lowTitle: e[0].toLowerCase(), lowText: e[3].toLowerCase() };
      });
      if (whenLoaded) { whenLoaded(); }
    };
    script.onerror = function () {
      loading = false;
      status.textContent = 'The search index could not be loaded.';
    };
    doc.head.appendChild(script);
  }

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9_]+/).filter(function (w) { return w.length > 0; });
  }

  var KIND_BONUS = { message: 6, feature: 6, section: 3, payload: 3, constant: 2, rule: 2 };

  /** How well an entry matches every query word; 0 when a word is missing from it. */
  function score(entry, query) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      var inTitle = entry.lowTitle.indexOf(q);
      var inNumbers = entry.numbers.indexOf(' ' + q + ' ') >= 0;
      var inText = entry.lowText.indexOf(q);
      if (inTitle < 0 && !inNumbers && inText < 0) { return 0; }
      if (entry.lowTitle === q) { total += 100; }
      else if (inTitle >= 0) { total += /[^a-z0-9]/.test(entry.lowTitle.charAt(inTitle - 1) || ' ') ? 30 : 15; }
      if (inNumbers) { total += 60; }
      if (inText >= 0) { total += 2; }
    }
    return total + (KIND_BONUS[entry.kind] || 0) + 8 / (1 + entry.title.length / 16);
  }

  /** Text with every query word marked, as nodes appended to {@code parent}. */
  function appendMarked(parent, text, query) {
    var pattern = new RegExp('(' + query.map(function (q) {
      return q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('|') + ')', 'gi');
    text.split(pattern).forEach(function (piece, index) {
      if (piece === '') { return; }
      if (index % 2 === 1) {
        var mark = doc.createElement('mark');
        mark.textContent = piece;
        parent.appendChild(mark);
      } else {
        parent.appendChild(doc.createTextNode(piece));
      }
    });
  }

  /** Some 160 characters of the entry's text around the first query word found in it. */
  function snippet(entry, query) {
    var text = entry.text;
    if (!text) { return ''; }
    var at = -1;
    query.forEach(function (q) {
      var found = entry.lowText.indexOf(q);
      if (found >= 0 && (at < 0 || found < at)) { at = found; }
    });
    var start = at < 0 || entry.kind !== 'section' ? 0 : Math.max(0, at - 60);
    if (start > 0) { start = text.indexOf(' ', start) + 1 || start; }
    var end = Math.min(text.length, start + 160);
    if (end < text.length) { end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end; }
    return (start > 0 ? '\u2026' : '') + text.slice(start, end) + (end < text.length ? '\u2026' : '');
  }

  function setExpanded(open) {
    list.hidden = !open;
    box.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) { setActive(-1); }
  }

  function setActive(index) {
    var options = list.querySelectorAll('[role="option"]');
    if (active >= 0 && options[active]) { options[active].setAttribute('aria-selected', 'false'); }
    active = index;
    if (index >= 0 && options[index]) {
      options[index].setAttribute('aria-selected', 'true');
      box.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      box.removeAttribute('aria-activedescendant');
    }
  }

  function search() {
    var query = words(box.value);
    list.textContent = '';
    results = [];
    active = -1;
    box.removeAttribute('aria-activedescendant');
    if (query.length === 0) {
      setExpanded(false);
      status.textContent = '';
      return;
    }
    var found = [];
    entries.forEach(function (entry) {
      var s = score(entry, query);
      if (s > 0) { found.push([s, entry]); }
    });
    found.sort(function (a, b) { return b[0] - a[0]; });
    results = found.slice(0, MAX_RESULTS).map(function (pair) { return pair[1]; });
    results.forEach(function (entry, index) {
      var item = doc.createElement('li');
      item.id = 'search-result-' + index;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      var title = doc.createElement('span');
      title.className = 'result-title';
      appendMarked(title, entry.title, query);
      var kind = doc.createElement('span');
      kind.className = 'result-kind';
      kind.textContent = entry.kind;
      item.appendChild(title);
      item.appendChild(kind);
      var text = snippet(entry, query);
      if (text) {
        var more = doc.createElement('span');
        more.className = 'result-snippet';
        appendMarked(more, text, query);
        item.appendChild(more);
      }
      item.addEventListener('mousedown', function (event) { event.preventDefault(); });
      item.addEventListener('click', function () { go(entry); });
      list.appendChild(item);
    });
    if (results.length === 0) {
      var none = doc.createElement('li');
      none.className = 'result-none';
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      none.id = 'search-result-none';
      none.textContent = 'Nothing found for \u201c' + box.value.trim() + '\u201d';
      list.appendChild(none);
    }
    setExpanded(true);
    status.textContent = results.length === 0 ? 'No results'
      : results.length + (results.length === 1 ? ' result' : ' results')
        + (found.length > MAX_RESULTS ? ' shown of ' + found.length : '')
        + '; arrow keys to choose, Enter to go';
  }

  /** Goes to a result: in the same page, scrolls to it and moves the focus there. */
  function go(entry) {
    setExpanded(false);
    var hash = entry.url.indexOf('#');
    var page = entry.url.slice(0, hash);
    var here = window.location.pathname.replace(/.*\//, '') || 'index.html';
    if (page === here && hash >= 0) {
      var id = decodeURIComponent(entry.url.slice(hash + 1));
      window.location.hash = '#' + id;
      var target = doc.getElementById(id);
      if (target) {
        if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
        target.focus({ preventScroll: true });
      }
    } else {
      window.location.href = entry.url;
    }
  }

  function setUpSearch() {
    if (!box || !list || !status) { return; }
    box.addEventListener('focus', function () { loadIndex(null); });
    box.addEventListener('input', function () { loadIndex(search); });
    box.addEventListener('keydown', function (event) {
      var open = !list.hidden;
      var count = results.length;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!open && box.value.trim()) { loadIndex(search); return; }
          if (count) { setActive(active + 1 >= count ? 0 : active + 1); }
          break;
        case 'ArrowUp':
          event.preventDefault();
          if (count) { setActive(active <= 0 ? count - 1 : active - 1); }
          break;
        case 'Enter':
          if (open && count) {
            event.preventDefault();
            go(results[active >= 0 ? active : 0]);
          }
          break;
        case 'Escape':
          event.preventDefault();
          if (open) { setExpanded(false); } else { box.value = ''; status.textContent = ''; }
          break;
        case 'Tab':
          setExpanded(false);
          break;
        default:
      }
    });
    box.addEventListener('blur', function () { setExpanded(false); });
    box.addEventListener('click', function () {
      if (list.hidden && box.value.trim() && entries) { search(); }
    });
    doc.addEventListener('keydown', function (event) {
      var tag = (event.target.tagName || '').toLowerCase();
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey
          && tag !== 'input' && tag !== 'textarea' && tag !== 'select' && !event.target.isContentEditable) {
        event.preventDefault();
        box.focus();
      }
    });
  }

  /* ---- Contents: open beside the text on wide screens, the section being read marked ---- */

  var versionLinks = doc.querySelectorAll('a.version-link');

  /** Points every version link at the same place of the other version. */
  function keepPlace(anchor) {
    each(versionLinks, function (link) {
      link.href = link.href.split('#')[0] + (anchor ? '#' + anchor : '');
    });
  }

  function setUpContents() {
    var toc = doc.getElementById('toc');
    var details = toc && toc.querySelector('details');
    if (!details) { return; }
    var wide = window.matchMedia('(min-width: 70rem)');
    var fit = function () { if (wide.matches) { details.open = true; } };
    fit();
    if (wide.addEventListener) { wide.addEventListener('change', fit); }
    window.addEventListener('beforeprint', function () { details.open = true; });
    if (!('IntersectionObserver' in window)) { return; }

    var links = {};
    each(toc.querySelectorAll('a[href^="#"]'), function (a) { links[a.getAttribute('href').slice(1)] = a; });
    /* The section being read is the innermost one that crosses a line 30% down the screen. */
    var sections = Array.prototype.filter.call(
      doc.querySelectorAll('.spec-body .sect1, .spec-body .sect2'), function (s) {
        return s.firstElementChild && links[s.firstElementChild.id];
      });
    var crossing = sections.map(function () { return false; });
    var current = null;
    var observer = new IntersectionObserver(function (changes) {
      changes.forEach(function (change) {
        crossing[sections.indexOf(change.target)] = change.isIntersecting;
      });
      var index = crossing.lastIndexOf(true);
      var link = index < 0 ? null : links[sections[index].firstElementChild.id];
      if (link === current) { return; }
      if (current) { current.removeAttribute('aria-current'); }
      current = link;
      if (!link) { return; }
      link.setAttribute('aria-current', 'location');
      if (toc.scrollHeight > toc.clientHeight) {
        var top = link.offsetTop;
        if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - 40) {
          toc.scrollTop = Math.max(0, top - toc.clientHeight / 3);
        }
      }
      keepPlace(sections[index].firstElementChild.id);
    }, { rootMargin: '-30% 0px -69% 0px' });
    sections.forEach(function (s) { observer.observe(s); });
  }

  /* ---- Versions ------------------------------------------------------------------------ */

  function setUpVersions() {
    keepPlace(window.location.hash.slice(1));
    window.addEventListener('hashchange', function () { keepPlace(window.location.hash.slice(1)); });
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (anchor && !doc.getElementById(anchor)) {
      var note = doc.createElement('p');
      note.className = 'old-version';
      note.setAttribute('role', 'note');
      note.textContent = 'This version of the page has no \u201c' + anchor + '\u201d; showing its start.';
      var main = doc.getElementById('content');
      main.parentNode.insertBefore(note, main);
    }
    var menu = doc.querySelector('details.versions');
    if (menu) {
      doc.addEventListener('click', function (event) {
        if (menu.open && !menu.contains(event.target)) { menu.open = false; }
      });
      menu.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && menu.open) {
          menu.open = false;
          menu.querySelector('summary').focus();
        }
      });
    }
  }

  /* ---- Index tables: sort by a column, filter rows ------------------------------------- */

  function setUpTables() {
    each(doc.querySelectorAll('table.vu-sortable'), function (table) {
      var body = table.tBodies[0];
      each(table.querySelectorAll('th[data-sort]'), function (header) {
        var button = header.querySelector('button');
        if (!button) { return; }
        button.addEventListener('click', function () {
          var column = header.cellIndex;
          var numeric = header.getAttribute('data-sort') === 'number';
          var descending = header.getAttribute('aria-sort') === 'ascending';
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-value') || a.cells[column].textContent;
            var y = b.cells[column].getAttribute('data-value') || b.cells[column].textContent;
            var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
            return descending ? -order : order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
          each(table.querySelectorAll('th[aria-sort]'), function (th) { th.removeAttribute('aria-sort'); });
          header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        });
      });
    });
    each(filterControls(), function (control) {
      control.addEventListener('change', applyFilters);
      control.addEventListener('input', applyFilters);
    });
  }

  function filterControls() {
    return doc.querySelectorAll('select[data-filter], input[data-filter]');
  }

  function applyFilters() {
    var controls = filterControls();
    var rows = doc.querySelectorAll('table.vu-sortable tbody tr');
    var shown = 0;
    each(rows, function (row) {
      var visible = true;
      each(controls, function (control) {
        var value = control.value.trim().toLowerCase();
        if (value === '') { return; }
        var cell = (row.getAttribute('data-' + control.getAttribute('data-filter')) || '').toLowerCase();
        if (cell.indexOf(value) < 0) { visible = false; }
      });
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    var count = doc.querySelector('.index-count');
    if (count) { count.textContent = shown === rows.length ? '' : 'Showing ' + shown + ' of ' + rows.length; }
  }

  setUpSearch();
  setUpContents();
  setUpVersions();
  setUpTables();
}());
