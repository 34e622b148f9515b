/*
 * The staff chat page (GET /). Layout lives in chat-page.html; this wires the conversation, the
 * sources panel and the source card dialog. Needs chat-client.js and chat-conversation.js before it.
 */

function startChatPage() {
  var doc = document;
  var strings = stringsFor(doc.documentElement.lang);
  var client = { base: new URL('./', location.href).href, key: '' };
  var list = doc.getElementById('messages');
  var form = doc.getElementById('ask-form');
  var question = doc.getElementById('question');
  var send = doc.getElementById('send');
  var emptyState = doc.getElementById('empty-state');
  var sourcesList = doc.getElementById('sources');
  var sourcesEmpty = doc.getElementById('sources-empty');
  var dialog = doc.getElementById('source-card');
  var cardContent = doc.getElementById('card-content');
  var documentFilter = doc.getElementById('document-filter');
  var opener = null;
  var cardRequest = 0;

  async function openCard(citation, button) {
    opener = button || null;
    var request = ++cardRequest;
    while (cardContent.firstChild) cardContent.removeChild(cardContent.firstChild);
    cardContent.appendChild(createElement(doc, 'h2', { className: 'card-label', id: 'verbatim-card-title' }, [citation.label]));
    cardContent.appendChild(createElement(doc, 'p', { className: 'muted' }, [strings.loadingUnit]));
    if (!dialog.open) dialog.showModal();
    await loadSourceCard(doc, client, cardContent, citation, strings, function () {
      return request === cardRequest;
    });
  }

  function showSources(message) {
    while (sourcesList.firstChild) sourcesList.removeChild(sourcesList.firstChild);
    var sources = message.sources || [];
    sourcesEmpty.hidden = sources.length > 0;
    var cited = {};
    (message.citations || []).forEach(function (citation) {
      cited[citation.id] = citation;
    });
    sources.forEach(function (source) {
      var citation = cited[source.id] || { id: source.id, label: source.label, quote: '', url: '' };
      var score = typeof source.score === 'number' ? source.score.toFixed(2) : '';
      var button = createElement(doc, 'button', { type: 'button', className: 'source-button' + (cited[source.id] ? ' cited' : '') }, [
        createElement(doc, 'span', { className: 'source-label' }, [String(source.label || source.id)]),
        createElement(doc, 'span', { className: 'source-score', 'aria-label': 'relevance ' + score }, [score]),
      ]);
      button.addEventListener('click', function () {
        openCard(citation, button);
      });
      sourcesList.appendChild(createElement(doc, 'li', {}, [button]));
    });
  }

  var conversation = createConversation({
    document: doc,
    client: client,
    strings: strings,
    list: list,
    scroller: list,
    pageScroll: true,
    status: doc.getElementById('status'),
    openCard: openCard,
    filters: function () {
      return documentFilter.value ? { symbols: [documentFilter.value] } : undefined;
    },
    onSources: showSources,
    onBusy: function (busy) {
      send.disabled = busy;
      if (busy) emptyState.hidden = true;
    },
  });

  dialog.addEventListener('close', function () {
    if (opener && opener.isConnected) opener.focus();
  });
  // Clicking the backdrop (the dialog element itself, outside its content) closes the card.
  dialog.addEventListener('click', function (event) {
    if (event.target === dialog) dialog.close();
  });
  doc.getElementById('card-close').addEventListener('click', function () {
    dialog.close();
  });

  function submit() {
    var text = question.value.trim();
    if (!text || conversation.isBusy()) return;
    question.value = '';
    conversation.ask(text).then(function () {
      question.focus();
    });
  }
  bindQuestionForm(form, question, submit);
  Array.prototype.forEach.call(doc.querySelectorAll('.suggestion'), function (button) {
    button.addEventListener('click', function () {
      question.value = button.textContent || '';
      submit();
    });
  });
  doc.getElementById('new-conversation').addEventListener('click', function () {
    conversation.clear();
    showSources({ sources: [], citations: [] });
    emptyState.hidden = false;
    question.focus();
  });
}

function loadDocumentChoices() {
  var select = document.getElementById('document-filter');
  // Without the list the filter stays at "All documents"; the chat itself does not depend on it.
  getJson({ base: new URL('./', location.href).href, key: '' }, 'api/documents').then(function (body) {
    var documents = body && Array.isArray(body.documents) ? body.documents : [];
    documents
      .slice()
      .sort(function (a, b) {
        return (b.year || 0) - (a.year || 0) || String(a.symbol).localeCompare(String(b.symbol));
      })
      .forEach(function (item) {
        var text = String(item.symbol) + (item.year ? ' (' + item.year + ')' : '') + (item.title ? ' — ' + item.title : '');
        select.appendChild(createElement(document, 'option', { value: String(item.symbol) }, [text]));
      });
  }, function () {});
}

function startPage() {
  startChatPage();
  loadDocumentChoices();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
else startPage();
