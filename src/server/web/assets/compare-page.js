/*
 * The comparison page (GET /compare): two resolutions side by side from GET /api/compare, word changes
 * marked with <ins>/<del>. Needs chat-client.js before it. The alignment only carries unit ids and
 * diffs, so texts of pairs without a diff are fetched from /api/units when their row is shown.
 */

var STATUS_NAMES = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
  split: 'Split',
  merged: 'Merged',
  moved: 'Moved',
};

/** `A/RES/76/172:OP5(b)` → `A/RES/76/172, para. 5 (b)`, without a round trip per unit. */
function readableUnitLabel(id) {
  var colon = String(id).lastIndexOf(':');
  var symbol = colon === -1 ? '' : id.slice(0, colon);
  var unit = colon === -1 ? String(id) : id.slice(colon + 1);
  var match;
  var label = unit;
  if (unit === 'HEADER') label = 'header';
  else if (unit === 'FOOTER') label = 'adoption';
  else if ((match = /^PP(\d+)$/.exec(unit))) label = 'preamble, para. ' + match[1];
  else if ((match = /^FN(\d+)$/.exec(unit))) label = 'footnote ' + match[1];
  else if ((match = /^OP(\d+)((?:\([a-z0-9]+\))*)$/.exec(unit))) label = 'para. ' + match[1] + match[2].replace(/\(/g, ' (');
  return symbol ? symbol + ', ' + label : label;
}

function isAlignment(value) {
  return !!value && typeof value === 'object' && Array.isArray(value.pairs) && value.pairs.every(function (pair) {
    return pair && typeof pair.status === 'string' && Array.isArray(pair.fromIds) && Array.isArray(pair.toIds);
  });
}

function startComparePage() {
  var doc = document;
  var client = { base: new URL('./', location.href).href, key: '' };
  var form = doc.getElementById('compare-form');
  var fromSelect = doc.getElementById('compare-from');
  var toSelect = doc.getElementById('compare-to');
  var showUnchanged = doc.getElementById('show-unchanged');
  var status = doc.getElementById('compare-status');
  var list = doc.getElementById('comparison');
  var heading = doc.getElementById('compare-heading');
  var unitTexts = {};
  var pendingRows = [];

  function unitText(id) {
    if (!unitTexts[id]) {
      unitTexts[id] = fetchUnit(client, id).then(
        function (unit) {
          return String((unit && unit.text) || '');
        },
        function () {
          return '';
        },
      );
    }
    return unitTexts[id];
  }

  function fillFromUnits(paragraph, ids) {
    Promise.all(ids.map(unitText)).then(function (texts) {
      paragraph.textContent = texts.join('\n');
    });
  }

  function renderSide(pair, side) {
    var ids = side === 'from' ? pair.fromIds : pair.toIds;
    if (ids.length === 0) {
      return createElement(doc, 'div', { className: 'side empty ' + side }, [side === 'from' ? 'Not in the older version' : 'Not in the newer version']);
    }
    var badges = [createElement(doc, 'span', {}, [ids.map(readableUnitLabel).join(' + ')])];
    if (side === 'to') {
      badges.push(createElement(doc, 'span', { className: 'badge' }, [STATUS_NAMES[pair.status] || pair.status]));
      if (pair.renumbered) badges.push(createElement(doc, 'span', { className: 'badge' }, ['Renumbered']));
    }
    var text = createElement(doc, 'p', { className: 'side-text' });
    if (Array.isArray(pair.diff) && pair.diff.length > 0) {
      pair.diff.forEach(function (segment) {
        if (!segment || typeof segment.text !== 'string') return;
        if (segment.op === 'equal') text.appendChild(doc.createTextNode(segment.text));
        else if (segment.op === 'delete' && side === 'from') text.appendChild(createElement(doc, 'del', {}, [segment.text]));
        else if (segment.op === 'insert' && side === 'to') text.appendChild(createElement(doc, 'ins', {}, [segment.text]));
      });
    } else {
      text.textContent = '…';
      pendingRows.push({ paragraph: text, ids: ids, unchanged: pair.status === 'unchanged' });
    }
    return createElement(doc, 'div', { className: 'side ' + side }, [createElement(doc, 'div', { className: 'side-label' }, badges), text]);
  }

  function loadVisibleTexts() {
    pendingRows = pendingRows.filter(function (row) {
      if (row.unchanged && !showUnchanged.checked) return true;
      fillFromUnits(row.paragraph, row.ids);
      return false;
    });
  }

  function applyFilter() {
    Array.prototype.forEach.call(list.children, function (row) {
      row.hidden = row.classList.contains('status-unchanged') && !showUnchanged.checked;
    });
    loadVisibleTexts();
  }

  function describeSummary(summary) {
    var parts = Object.keys(STATUS_NAMES)
      .filter(function (name) {
        return summary && typeof summary[name] === 'number' && summary[name] > 0;
      })
      .map(function (name) {
        return summary[name] + ' ' + STATUS_NAMES[name].toLowerCase();
      });
    if (summary && summary.renumbered > 0) parts.push(summary.renumbered + ' renumbered');
    return parts.join(', ');
  }

  async function compare(from, to) {
    while (list.firstChild) list.removeChild(list.firstChild);
    pendingRows = [];
    heading.hidden = true;
    status.textContent = 'Comparing…';
    var alignment;
    try {
      alignment = await getJson(client, 'api/compare?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to));
    } catch (error) {
      status.textContent = 'The comparison could not be loaded.';
      return;
    }
    if (!isAlignment(alignment)) {
      status.textContent = 'The server sent a comparison this page cannot read.';
      return;
    }
    doc.getElementById('heading-from').textContent = String(alignment.from || from) + (alignment.fromDate ? ' (' + alignment.fromDate + ')' : '');
    doc.getElementById('heading-to').textContent = String(alignment.to || to) + (alignment.toDate ? ' (' + alignment.toDate + ')' : '');
    heading.hidden = false;
    alignment.pairs.forEach(function (pair) {
      list.appendChild(createElement(doc, 'li', { className: 'pair status-' + pair.status }, [renderSide(pair, 'from'), renderSide(pair, 'to')]));
    });
    status.textContent = describeSummary(alignment.summary) || alignment.pairs.length + ' paragraphs aligned';
    applyFilter();
  }

  function addOptions(select, documents, selected) {
    documents.forEach(function (item) {
      var option = createElement(doc, 'option', { value: item.symbol }, [item.symbol + (item.year ? ' (' + item.year + ')' : '') + (item.title ? ' — ' + item.title : '')]);
      option.selected = item.symbol === selected;
      select.appendChild(option);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set('from', fromSelect.value);
    url.searchParams.set('to', toSelect.value);
    history.replaceState(null, '', url.href);
    compare(fromSelect.value, toSelect.value);
  });
  showUnchanged.addEventListener('change', applyFilter);

  getJson(client, 'api/documents').then(
    function (body) {
      var documents = (body && Array.isArray(body.documents) ? body.documents : []).slice().sort(function (a, b) {
        return (a.year || 0) - (b.year || 0) || String(a.symbol).localeCompare(String(b.symbol));
      });
      var params = new URL(location.href).searchParams;
      var from = params.get('from') || (documents[0] && documents[0].symbol) || '';
      var to = params.get('to') || (documents[documents.length - 1] && documents[documents.length - 1].symbol) || '';
      addOptions(fromSelect, documents, from);
      addOptions(toSelect, documents, to);
      if (from && to && from !== to) compare(from, to);
    },
    function () {
      status.textContent = 'The list of documents could not be loaded.';
    },
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startComparePage);
else startComparePage();
