(function () {
  'use strict';

  // Every string of the data comes from the analysed code: it is only ever put into the page as a
  // text node (textContent) or an attribute value, never parsed as markup.
  var data = JSON.parse(document.getElementById('asynclint-data').textContent);
  var SEVERITIES = ['error', 'warning', 'info'];
  var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  var PAGE_SIZE = 100;
  var CHART_ROWS = 12;
  var SVG = 'http://www.w3.org/2000/svg';

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (key === 'text') {
          node.textContent = value;
        } else if (key === 'class') {
          node.className = value;
        } else {
          node.setAttribute(key, value);
        }
      });
    }
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /** Text with `code` spans as <code> elements, as the messages and rule docs write them. */
  function richText(parent, text) {
    String(text).split('`').forEach(function (part, i) {
      if (part === '') {
        return;
      }
      parent.appendChild(i % 2 === 1 ? el('code', { text: part }) : document.createTextNode(part));
    });
    return parent;
  }

  function plain(text) {
    return String(text).split('`').join('');
  }

  function formatCount(n) {
    return n.toLocaleString('en-US');
  }

  function plural(n, one, many) {
    return formatCount(n) + ' ' + (n === 1 ? one : many);
  }

  /** A long path cut at its start, where it says least. */
  function shortPath(path) {
    var chars = Array.from(path);
    return chars.length > 52 ? '\u2026' + chars.slice(chars.length - 51).join('') : path;
  }

  function directory(path) {
    var slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? '.' : path.substring(0, slash);
  }

  function safeUrl(url) {
    return /^https:\/\//.test(url) ? url : null;
  }

  var rules = data.rules;
  var findings = data.findings.map(function (f, i) {
    var rule = rules[f.code];
    var path = data.files[f.file];
    return {
      index: i,
      raw: f,
      code: f.code,
      rule: rule,
      severity: rule.severity,
      family: rule.family,
      path: path,
      dir: directory(path),
      search: (f.code + ' ' + rule.name + ' ' + path + ' ' + f.message).toLowerCase()
    };
  });

  // ---- header and summary ----

  var filesWithFindings = {};
  findings.forEach(function (f) {
    filesWithFindings[f.path] = true;
  });
  document.getElementById('meta').textContent =
    'asynclint ' + data.version + ' \u2014 ' + plural(data.filesChecked, 'file', 'files') +
    ' checked, ' + plural(findings.length, 'finding', 'findings') +
    (data.fixed > 0 ? ', ' + formatCount(data.fixed) + ' fixed' : '') + '.';

  function countBy(list, key) {
    var counts = {};
    list.forEach(function (item) {
      var k = key(item);
      counts[k] = (counts[k] || 0) + 1;
    });
    return counts;
  }

  function renderSummary() {
    var root = document.getElementById('summary');
    var bySeverity = countBy(findings, function (f) { return f.severity; });
    var cards = el('div', { class: 'cards' });
    function card(value, label, cls) {
      cards.appendChild(el('div', { class: 'card' + (cls ? ' ' + cls : '') }, [
        el('span', { class: 'value', text: formatCount(value) }),
        el('span', { class: 'label', text: label })
      ]));
    }
    card(findings.length, 'findings');
    SEVERITIES.forEach(function (s) {
      card(bySeverity[s] || 0, s, 'sev-' + s);
    });
    card(Object.keys(filesWithFindings).length, 'files with findings');
    card(data.filesChecked, 'files checked');
    if (data.errors.length > 0) {
      card(data.errors.length, 'files not checked');
    }
    root.appendChild(cards);
    if (findings.length === 0) {
      root.appendChild(el('p', { text: data.errors.length === 0 ? 'All checks passed!' : 'No findings.' }));
      return;
    }
    var families = {};
    findings.forEach(function (f) {
      var row = families[f.family] || (families[f.family] = { error: 0, warning: 0, info: 0 });
      row[f.severity]++;
    });
    var head = el('tr', null, [el('th', { scope: 'col', text: 'Rule family' })]);
    SEVERITIES.concat(['total']).forEach(function (s) {
      head.appendChild(el('th', { scope: 'col', class: 'num', text: s }));
    });
    var body = el('tbody');
    Object.keys(families).sort().forEach(function (family) {
      var row = families[family];
      var tr = el('tr', null, [el('th', { scope: 'row', text: family })]);
      SEVERITIES.forEach(function (s) {
        tr.appendChild(el('td', { class: 'num', text: formatCount(row[s]) }));
      });
      tr.appendChild(el('td', { class: 'num', text: formatCount(row.error + row.warning + row.info) }));
      body.appendChild(tr);
    });
    root.appendChild(el('table', { class: 'summary-table' }, [
      el('caption', { class: 'muted', text: 'Findings per rule family and severity' }),
      el('thead', null, [head]),
      body
    ]));
  }

  // ---- charts ----

  function chart(title, rows, total, onPick) {
    var list = el('ol');
    var max = rows.length > 0 ? rows[0].count : 1;
    rows.forEach(function (row) {
      var fill = el('span', { class: 'bar-fill' + (row.severity ? ' sev-' + row.severity : '') });
      fill.style.width = (100 * row.count / max).toFixed(1) + '%';
      var button = el('button', {
        type: 'button',
        class: 'bar-button',
        title: row.title || row.label,
        'aria-label': (row.title || row.label) + ': ' + plural(row.count, 'finding', 'findings') + '. Filter the table.'
      }, [
        el('span', { class: 'bar-label', text: row.label }),
        el('span', { class: 'bar-count', text: formatCount(row.count) }),
        el('span', { class: 'bar-track', 'aria-hidden': 'true' }, [fill])
      ]);
      button.addEventListener('click', function () { onPick(row); });
      list.appendChild(el('li', null, [button]));
    });
    var box = el('div', { class: 'chart' }, [el('h3', { text: title }), list]);
    if (total > rows.length) {
      box.appendChild(el('p', { class: 'muted', text: 'Top ' + rows.length + ' of ' + formatCount(total) + '.' }));
    }
    return box;
  }

  function ranked(counts) {
    return Object.keys(counts).map(function (key) {
      return { key: key, count: counts[key] };
    }).sort(function (a, b) {
      return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
  }

  function renderCharts() {
    var root = document.getElementById('charts');
    if (findings.length === 0) {
      root.appendChild(el('p', { class: 'muted', text: 'No findings.' }));
      return;
    }
    var perRule = ranked(countBy(findings, function (f) { return f.code; }));
    root.appendChild(chart('Findings per rule', perRule.map(function (r) {
      return { key: r.key, count: r.count, label: r.key + ' ' + rules[r.key].name, severity: rules[r.key].severity };
    }), perRule.length, function (row) {
      showOnly({ rule: row.key, path: '' });
    }));
    var perFile = ranked(countBy(findings, function (f) { return f.path; }));
    root.appendChild(chart('Files', perFile.slice(0, CHART_ROWS).map(function (r) {
      return { key: r.key, count: r.count, label: shortPath(r.key), title: r.key };
    }), perFile.length, function (row) {
      showOnly({ rule: '', path: row.key });
    }));
    var perDir = ranked(countBy(findings, function (f) { return f.dir; }));
    root.appendChild(chart('Packages (folders)', perDir.slice(0, CHART_ROWS).map(function (r) {
      return { key: r.key, count: r.count, label: shortPath(r.key), title: r.key };
    }), perDir.length, function (row) {
      showOnly({ rule: '', path: row.key === '.' ? '' : row.key + '/' });
    }));
  }

  // ---- filters, sorting, table ----

  var state = { rule: '', severity: '', family: '', path: '', text: '', sort: null, descending: false, page: 0 };
  var controls = {};
  var visible = findings;

  function option(value, label) {
    return el('option', { value: value, text: label });
  }

  function renderFilters() {
    var root = document.getElementById('filters');
    root.className = 'filters';
    root.setAttribute('role', 'search');
    var ruleSelect = el('select', { id: 'filter-rule' }, [option('', 'All rules')]);
    Object.keys(rules).sort().forEach(function (code) {
      ruleSelect.appendChild(option(code, code + ' ' + rules[code].name));
    });
    var severitySelect = el('select', { id: 'filter-severity' }, [option('', 'All severities')]);
    SEVERITIES.forEach(function (s) { severitySelect.appendChild(option(s, s)); });
    var familySelect = el('select', { id: 'filter-family' }, [option('', 'All families')]);
    Object.keys(countBy(findings, function (f) { return f.family; })).sort().forEach(function (family) {
      familySelect.appendChild(option(family, family));
    });
    var pathInput = el('input', { id: 'filter-path', type: 'search', placeholder: 'src/app/' });
    var textInput = el('input', { id: 'filter-text', type: 'search', placeholder: 'code, name, path or message' });
    var clear = el('button', { type: 'button', id: 'filter-clear', text: 'Clear filters' });
    controls = { rule: ruleSelect, severity: severitySelect, family: familySelect, path: pathInput, text: textInput };
    [['Rule', ruleSelect], ['Severity', severitySelect], ['Family', familySelect],
      ['Path starts with', pathInput], ['Search', textInput]].forEach(function (pair) {
      root.appendChild(el('label', null, [pair[0], pair[1]]));
    });
    root.appendChild(clear);
    ['rule', 'severity', 'family'].forEach(function (key) {
      controls[key].addEventListener('change', readFilters);
    });
    var timer = null;
    [pathInput, textInput].forEach(function (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(readFilters, 120);
      });
    });
    clear.addEventListener('click', function () {
      setFilters({ rule: '', severity: '', family: '', path: '', text: '' });
    });
  }

  function readFilters() {
    Object.keys(controls).forEach(function (key) {
      state[key] = controls[key].value;
    });
    state.page = 0;
    update();
  }

  function setFilters(values) {
    Object.keys(values).forEach(function (key) {
      controls[key].value = values[key];
    });
    readFilters();
  }

  /** A bar of a chart filters the table and brings it into view. */
  function showOnly(values) {
    setFilters(values);
    document.getElementById('findings').scrollIntoView();
  }

  var COLUMNS = [
    { key: 'severity', label: 'Severity', compare: function (a, b) { return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]; } },
    { key: 'rule', label: 'Rule', compare: function (a, b) { return a.code < b.code ? -1 : a.code > b.code ? 1 : 0; } },
    { key: 'location', label: 'Location', compare: function (a, b) {
      return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.raw.line - b.raw.line || a.raw.column - b.raw.column;
    } },
    { key: 'message', label: 'Message', compare: function (a, b) {
      return a.raw.message < b.raw.message ? -1 : a.raw.message > b.raw.message ? 1 : 0;
    } }
  ];

  var table = null;
  var tbody = null;
  var status = null;
  var pager = null;

  function renderTableShell() {
    var root = document.getElementById('table');
    status = el('p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
    var head = el('tr');
    COLUMNS.forEach(function (column) {
      var button = el('button', { type: 'button', text: column.label });
      var th = el('th', { scope: 'col', 'data-key': column.key }, [button]);
      button.addEventListener('click', function () {
        if (state.sort === column.key) {
          state.descending = !state.descending;
        } else {
          state.sort = column.key;
          state.descending = false;
        }
        state.page = 0;
        update();
      });
      head.appendChild(th);
    });
    head.appendChild(el('th', { scope: 'col', text: 'Details' }));
    tbody = el('tbody');
    table = el('table', { id: 'findings-table' }, [
      el('caption', { class: 'sr-only', text: 'Findings, sortable by column' }),
      el('thead', null, [head]),
      tbody
    ]);
    pager = el('nav', { class: 'pager', 'aria-label': 'Pages of findings' });
    root.appendChild(status);
    root.appendChild(table);
    root.appendChild(pager);
  }

  function matches(f) {
    if (state.rule && f.code !== state.rule) {
      return false;
    }
    if (state.severity && f.severity !== state.severity) {
      return false;
    }
    if (state.family && f.family !== state.family) {
      return false;
    }
    if (state.path && f.path.lastIndexOf(state.path, 0) !== 0) {
      return false;
    }
    return !state.text || f.search.indexOf(state.text.toLowerCase()) >= 0;
  }

  function update() {
    visible = findings.filter(matches);
    if (state.sort) {
      var column = COLUMNS.filter(function (c) { return c.key === state.sort; })[0];
      var sign = state.descending ? -1 : 1;
      visible.sort(function (a, b) {
        return sign * column.compare(a, b) || a.index - b.index;
      });
    }
    table.querySelectorAll('th[data-key]').forEach(function (th) {
      if (th.getAttribute('data-key') === state.sort) {
        th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    renderPage();
  }

  function renderPage() {
    var pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var from = state.page * PAGE_SIZE;
    var rows = visible.slice(from, from + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    rows.forEach(function (f) {
      fragment.appendChild(row(f));
    });
    tbody.textContent = '';
    tbody.appendChild(fragment);
    if (rows.length === 0) {
      tbody.appendChild(el('tr', null, [el('td', { colspan: '5', class: 'empty', text: 'No finding matches the filters.' })]));
    }
    status.textContent = visible.length === 0
      ? 'No findings shown (' + formatCount(findings.length) + ' in all).'
      : 'Showing ' + formatCount(from + 1) + '\u2013' + formatCount(from + rows.length) + ' of ' +
        plural(visible.length, 'finding', 'findings') +
        (visible.length < findings.length ? ' (filtered from ' + formatCount(findings.length) + ')' : '') + '.';
    pager.textContent = '';
    if (pages > 1) {
      var previous = el('button', { type: 'button', id: 'page-previous', text: 'Previous' });
      var next = el('button', { type: 'button', id: 'page-next', text: 'Next' });
      previous.disabled = state.page === 0;
      next.disabled = state.page === pages - 1;
      previous.addEventListener('click', function () { state.page--; renderPage(); });
      next.addEventListener('click', function () { state.page++; renderPage(); });
      pager.appendChild(previous);
      pager.appendChild(el('span', { text: 'Page ' + (state.page + 1) + ' of ' + pages }));
      pager.appendChild(next);
    }
  }

  function location(file, line, column) {
    return data.files[file] + ':' + line + ':' + column;
  }

  function row(f) {
    var f0 = f.raw;
    var tr = el('tr', { class: 'finding', 'data-code': f.code, 'data-severity': f.severity }, [
      el('td', null, [el('span', { class: 'sev sev-' + f.severity, text: f.severity })]),
      el('td', { class: 'rule' }, [f.code, el('span', { class: 'rule-name', text: f.rule.name })]),
      el('td', { class: 'location', text: location(f0.file, f0.line, f0.column) }),
      richText(el('td', { class: 'message' }), f0.message)
    ]);
    var detailId = 'detail-' + f.index;
    var toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': detailId, text: 'Show' });
    tr.appendChild(el('td', null, [toggle]));
    var detail = null;
    toggle.addEventListener('click', function () {
      if (detail) {
        detail.parentNode.removeChild(detail);
        detail = null;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.textContent = 'Show';
        return;
      }
      detail = el('tr', { class: 'detail', id: detailId }, [el('td', { colspan: '5' }, [details(f)])]);
      tr.parentNode.insertBefore(detail, tr.nextSibling);
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = 'Hide';
    });
    return tr;
  }

  // ---- one finding's details ----

  function codeFrame(file, line, column, endLine, endColumn, context) {
    var lines = data.lines[file] || {};
    var pre = el('pre', { class: 'frame' });
    var last = Math.min(endLine, line + 6);
    if (endLine > line && endColumn === 1) {
      last = Math.max(line, Math.min(last, endLine - 1));
    }
    var any = false;
    for (var n = line - context; n <= last + context; n++) {
      var text = lines[String(n)];
      if (text === undefined) {
        continue;
      }
      any = true;
      var hit = n >= line && n <= last;
      var div = el('span', { class: 'ln' + (hit ? ' hit' : '') }, [el('span', { class: 'no', text: String(n) })]);
      var chars = Array.from(text);
      // Continuation lines of a span are underlined from their first non-blank character.
      var from = n === line ? column - 1 : text.length - text.replace(/^\s+/, '').length;
      var to = n === endLine ? endColumn - 1 : chars.length;
      if (hit && to > from) {
        div.appendChild(document.createTextNode(chars.slice(0, from).join('')));
        div.appendChild(el('mark', { text: chars.slice(from, to).join('') }));
        div.appendChild(document.createTextNode(chars.slice(to).join('')));
      } else {
        div.appendChild(document.createTextNode(text));
      }
      pre.appendChild(div);
    }
    return any ? pre : el('p', { class: 'muted', text: 'No source lines available.' });
  }

  var graphCount = 0;

  function truncate(text, length) {
    var chars = Array.from(text);
    return chars.length > length ? chars.slice(0, length - 1).join('') + '\u2026' : text;
  }

  /**
   * ASY503's two lock paths. The rule lists each path's steps in order, each path starting with
   * the step that takes its first lock ("... first"): the finding goes with the path before the
   * second such step. Related locations without that shape are the other path as a whole.
   */
  function lockPaths(start, others) {
    var starts = [];
    others.forEach(function (node, i) {
      if (/ first$/.test(node.message)) {
        starts.push(i);
      }
    });
    var split = starts.length === 2 ? starts[1] : 0;
    return [
      { title: 'This path', nodes: [start].concat(others.slice(0, split)) },
      { title: 'The other path', nodes: others.slice(split) }
    ];
  }

  /**
   * The finding and its related locations as boxes joined by arrows: one lane for a call chain
   * (ASY208 and others), two lanes for ASY503, the finding's lock path beside the other one.
   */
  function graph(f) {
    var f0 = f.raw;
    var start = { loc: location(f0.file, f0.line, f0.column), message: f0.message, start: true };
    var others = f0.related.map(function (r) {
      return { loc: location(r.file, r.line, r.column), message: r.message };
    });
    var lanes = f.code === 'ASY503'
      ? lockPaths(start, others)
      : [{ title: null, nodes: [start].concat(others) }];
    var laneWidth = lanes.length === 1 ? 640 : 380;
    var nodeHeight = 44;
    var gap = 24;
    var top = lanes.length === 1 ? 6 : 24;
    var height = top + Math.max.apply(null, lanes.map(function (lane) { return lane.nodes.length; })) * (nodeHeight + gap);
    var id = 'arrow-' + (++graphCount);
    var root = svg('svg', {
      class: 'graph',
      width: String(lanes.length * laneWidth),
      height: String(height),
      viewBox: '0 0 ' + lanes.length * laneWidth + ' ' + height,
      role: 'img',
      'aria-label': f.code === 'ASY503' ? 'The two lock paths' : 'The call chain, from the finding down'
    });
    var marker = svg('marker', { id: id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' });
    marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }));
    var defs = svg('defs', {});
    defs.appendChild(marker);
    root.appendChild(defs);
    lanes.forEach(function (lane, laneIndex) {
      var x = laneIndex * laneWidth + 4;
      var width = laneWidth - 12;
      if (lane.title) {
        root.appendChild(svg('text', { x: String(x), y: '14', class: 'lane' }, lane.title));
      }
      lane.nodes.forEach(function (node, i) {
        var y = top + i * (nodeHeight + gap);
        var group = svg('g', {});
        group.appendChild(svg('title', {}, node.loc + ' \u2014 ' + plain(node.message)));
        group.appendChild(svg('rect', { x: String(x), y: String(y), width: String(width), height: String(nodeHeight), rx: '5', class: 'node' + (node.start ? ' start' : '') }));
        var room = Math.floor((width - 16) / 7);
        group.appendChild(svg('text', { x: String(x + 8), y: String(y + 17), class: 'node-loc' }, truncate(node.loc, room)));
        group.appendChild(svg('text', { x: String(x + 8), y: String(y + 35), class: 'node-msg' }, truncate(plain(node.message), room + 8)));
        root.appendChild(group);
        if (i > 0) {
          var cx = String(x + width / 2);
          root.appendChild(svg('line', { x1: cx, y1: String(y - gap), x2: cx, y2: String(y - 1), class: 'edge', 'marker-end': 'url(#' + id + ')' }));
        }
      });
    });
    return root;
  }

  function details(f) {
    var f0 = f.raw;
    var box = el('div', { class: 'details' });
    box.appendChild(codeFrame(f0.file, f0.line, f0.column, f0.endLine, f0.endColumn, 2));
    if (f0.fix) {
      box.appendChild(richText(el('p', null, [el('strong', { text: 'Fix (' + f0.fix.applicability + '): ' })]), f0.fix.title));
    }
    if (f0.related && f0.related.length > 0) {
      box.appendChild(el('h3', { text: f.code === 'ASY503' ? 'Lock paths' : 'Related locations' }));
      box.appendChild(graph(f));
      var list = el('ol', { class: 'related' });
      f0.related.forEach(function (r) {
        var item = el('li', null, [el('span', { class: 'mono', text: location(r.file, r.line, r.column) }), ': ']);
        richText(item, r.message);
        item.appendChild(codeFrame(r.file, r.line, r.column, r.line, r.column, 1));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var rule = f.rule;
    var doc = el('div', { class: 'doc' }, [
      el('h3', null, [f.code + ' ' + rule.name + ' ', el('span', { class: 'sev sev-' + rule.severity, text: rule.severity })]),
      richText(el('p'), rule.summary)
    ]);
    rule.doc.forEach(function (paragraph) {
      doc.appendChild(richText(el('p', { class: 'muted' }), paragraph));
    });
    var url = safeUrl(rule.url);
    if (url) {
      doc.appendChild(el('p', null, [el('a', { href: url, rel: 'noopener noreferrer', text: 'Full documentation of ' + f.code })]));
    }
    box.appendChild(doc);
    return box;
  }

  function renderErrors() {
    if (data.errors.length === 0) {
      return;
    }
    var list = document.getElementById('error-list');
    data.errors.forEach(function (error) {
      list.appendChild(el('li', null, [
        el('span', { class: 'mono', text: error.path === null ? '(no file)' : error.path }),
        ': ' + error.message
      ]));
    });
    document.getElementById('errors').hidden = false;
  }

  renderSummary();
  renderCharts();
  renderFilters();
  renderTableShell();
  update();
  renderErrors();
  document.documentElement.setAttribute('data-ready', 'true');
}());
