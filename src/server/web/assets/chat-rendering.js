/*
 * DOM building shared by the pages and the widget. Everything that comes from an answer, a document or
 * a question is written with textContent or createTextNode; nothing here ever assigns HTML.
 * Needs chat-client.js before it.
 */

/** Creates an element with static attributes and text children; never parses markup. */
function createElement(documentRef, tag, attributes, children) {
  var element = documentRef.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) {
    var value = attributes[name];
    if (value === undefined || value === null || value === false) return;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  });
  (children || []).forEach(function (child) {
    if (child === null || child === undefined) return;
    element.appendChild(typeof child === 'string' ? documentRef.createTextNode(child) : child);
  });
  return element;
}

// Feather icons (MIT): emoji thumbs render as empty boxes where no emoji font is installed.
var THUMB_UP_PATH = 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3';
var THUMB_DOWN_PATH = 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17';

function createIcon(documentRef, pathData) {
  var namespace = 'http://www.w3.org/2000/svg';
  var svg = documentRef.createElementNS(namespace, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  var path = documentRef.createElementNS(namespace, 'path');
  path.setAttribute('d', pathData);
  svg.appendChild(path);
  return svg;
}

/** Renders answer segments into parent; onCitation(citation, button) opens its card. */
function renderAnswer(documentRef, parent, text, citations, strings, onCitation) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  segmentAnswer(text, citations).forEach(function (segment) {
    if (segment.kind === 'text') {
      parent.appendChild(documentRef.createTextNode(segment.text));
      return;
    }
    var marker = createElement(
      documentRef,
      'button',
      { type: 'button', className: 'citation-marker', 'aria-label': strings.source + ': ' + segment.citation.label },
      [segment.citation.label],
    );
    marker.addEventListener('click', function () {
      onCitation(segment.citation, marker);
    });
    parent.appendChild(marker);
  });
}

/** Fills a card element with the unit: label, text with the quote highlighted, footnotes, link. */
function renderSourceCard(documentRef, card, unit, citation, strings) {
  while (card.firstChild) card.removeChild(card.firstChild);
  var label = (unit && unit.label) || (citation && citation.label) || '';
  card.appendChild(createElement(documentRef, 'h2', { className: 'card-label', id: 'verbatim-card-title' }, [label]));
  var body = createElement(documentRef, 'p', { className: 'card-text' });
  var runs = highlightQuote(String((unit && unit.text) || ''), citation ? citation.quote : '');
  runs.forEach(function (run) {
    body.appendChild(run.marked ? createElement(documentRef, 'mark', {}, [run.text]) : documentRef.createTextNode(run.text));
  });
  card.appendChild(body);
  if (runs.some(function (run) { return run.marked; })) {
    card.appendChild(createElement(documentRef, 'p', { className: 'card-hint' }, [strings.quoted]));
  }
  var footnotes = Array.isArray(unit && unit.footnotes) ? unit.footnotes : [];
  if (footnotes.length > 0) {
    card.appendChild(createElement(documentRef, 'h3', { className: 'card-subtitle' }, [strings.footnotes]));
    var list = createElement(documentRef, 'ul', { className: 'card-footnotes' });
    footnotes.forEach(function (footnote) {
      list.appendChild(createElement(documentRef, 'li', {}, [String(footnote.label || '') + ': ' + String(footnote.text || '')]));
    });
    card.appendChild(list);
  }
  var href = safeUrl((unit && unit.url) || (citation && citation.url));
  if (href) {
    card.appendChild(
      createElement(documentRef, 'a', { className: 'card-link', href: href, target: '_blank', rel: 'noopener noreferrer' }, [
        strings.official + ' ↗',
      ]),
    );
  }
}

/** Enter sends, Shift+Enter adds a line; the same for the page and the widget. */
function bindQuestionForm(form, question, submit) {
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  question.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
}

/**
 * Fills a source card with the unit's full text; if the unit cannot be fetched, shows the citation's
 * quote with an error line. `isCurrent` is false once another card was opened meanwhile.
 */
async function loadSourceCard(documentRef, client, cardContent, citation, strings, isCurrent) {
  try {
    var unit = await fetchUnit(client, citation.id);
    if (isCurrent()) renderSourceCard(documentRef, cardContent, unit, citation, strings);
  } catch (error) {
    if (!isCurrent()) return;
    renderSourceCard(documentRef, cardContent, { label: citation.label, text: citation.quote || '', footnotes: [], url: citation.url }, citation, strings);
    cardContent.appendChild(createElement(documentRef, 'p', { className: 'error-text', role: 'alert' }, [strings.unitFailed]));
  }
}
