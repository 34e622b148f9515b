/*
 * The embeddable widget: <script src="https://host/widget.js" data-key="…" async></script>.
 * A <verbatim-chat> custom element with its own shadow root, so the host page's CSS cannot reach it and
 * its CSS cannot reach the page. Needs WIDGET_CSS, chat-client.js and chat-conversation.js before it.
 */

var WIDGET_TAG = 'verbatim-chat';

function findOwnScript() {
  if (document.currentScript && document.currentScript.src) return document.currentScript;
  var scripts = document.querySelectorAll('script[src*="widget.js"]');
  return scripts[scripts.length - 1] || null;
}

function readWidgetOptions(script) {
  var data = (script && script.dataset) || {};
  var language = data.lang || data.language || document.documentElement.lang || navigator.language || 'en';
  var strings = stringsFor(language);
  var accent = data.accent || data.accentColor || '';
  var symbols = String(data.symbols || '')
    .split(',')
    .map(function (symbol) {
      return symbol.trim();
    })
    .filter(Boolean);
  return {
    base: new URL('./', (script && script.src) || location.href).href,
    key: data.key || '',
    title: data.title || strings.title,
    greeting: data.greeting || strings.greeting,
    accent: accent && window.CSS && CSS.supports('color', accent) ? accent : '',
    position: data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    language: stringsFor(language) === STRINGS.fr ? 'fr' : 'en',
    strings: strings,
    filters: symbols.length > 0 ? { symbols: symbols } : undefined,
  };
}

function readSaved(storageKey) {
  try {
    var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    return saved && typeof saved === 'object' ? saved : {};
  } catch (error) {
    return {};
  }
}

function writeSaved(storageKey, state) {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(state));
  } catch (error) {
    // Storage can be full or blocked (private mode, sandboxed frames); the chat still works without it.
  }
}

function chatIcon() {
  return createIcon(document, 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
}

function attachStyles(shadow) {
  if (shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    // Constructed sheets also work on host pages whose CSP forbids inline <style>.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  var style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  shadow.appendChild(style);
}

function buildWidget(host, options) {
  var doc = document;
  var strings = options.strings;
  var shadow = host.attachShadow({ mode: 'open' });
  attachStyles(shadow);
  if (options.accent) host.style.setProperty('--verbatim-accent', options.accent);
  var storageKey = 'verbatim-widget:' + options.base + ':' + options.key;
  var saved = readSaved(storageKey);
  var state = { open: !!saved.open, messages: Array.isArray(saved.messages) ? saved.messages : [] };

  var launcher = createElement(doc, 'button', { type: 'button', className: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'verbatim-panel', 'aria-label': strings.open }, [chatIcon()]);
  var closeButton = createElement(doc, 'button', { type: 'button', className: 'icon-button close', 'aria-label': strings.close, title: strings.close }, ['×']);
  var clearButton = createElement(doc, 'button', { type: 'button', className: 'icon-button clear', 'aria-label': strings.clear, title: strings.clear }, ['↺']);
  var greeting = createElement(doc, 'p', { className: 'greeting' }, [options.greeting]);
  var list = createElement(doc, 'ol', { className: 'messages', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': options.title });
  var scroller = createElement(doc, 'div', { className: 'body' }, [greeting, list]);
  var questionId = 'verbatim-question';
  var question = createElement(doc, 'textarea', { id: questionId, rows: '1', maxlength: '2000', placeholder: strings.placeholder, required: true });
  var send = createElement(doc, 'button', { type: 'submit', className: 'send' }, [strings.send]);
  var form = createElement(doc, 'form', { className: 'ask' }, [createElement(doc, 'label', { for: questionId, className: 'visually-hidden' }, [strings.placeholder]), question, send]);
  var cardContent = createElement(doc, 'div', { className: 'card-content' });
  var closeCardButton = createElement(doc, 'button', { type: 'button', className: 'close-card' }, [strings.closeCard]);
  var cardLayer = createElement(doc, 'div', { className: 'card-layer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'verbatim-card-title', hidden: true }, [
    createElement(doc, 'div', { className: 'card' }, [cardContent, closeCardButton]),
  ]);
  var status = createElement(doc, 'div', { className: 'visually-hidden', role: 'status' });
  var panel = createElement(doc, 'section', { id: 'verbatim-panel', className: 'panel', role: 'dialog', 'aria-label': options.title, hidden: true }, [
    createElement(doc, 'header', { className: 'header' }, [createElement(doc, 'h2', { className: 'title' }, [options.title]), clearButton, closeButton]),
    scroller,
    form,
    cardLayer,
    status,
  ]);
  var root = createElement(doc, 'div', { className: 'root ' + options.position, lang: options.language }, [panel, launcher]);
  shadow.appendChild(root);

  var client = { base: options.base, key: options.key };
  var opener = null;
  var cardRequest = 0;

  function closeCard() {
    cardLayer.hidden = true;
    if (opener && opener.isConnected) opener.focus();
  }

  async function openCard(citation, button) {
    opener = button || null;
    var request = ++cardRequest;
    renderSourceCard(doc, cardContent, { label: citation.label, text: strings.loadingUnit, footnotes: [] }, null, strings);
    cardLayer.hidden = false;
    closeCardButton.focus();
    await loadSourceCard(doc, client, cardContent, citation, strings, function () {
      return request === cardRequest;
    });
  }

  function persist() {
    writeSaved(storageKey, state);
  }

  var conversation = createConversation({
    document: doc,
    client: client,
    strings: strings,
    list: list,
    scroller: scroller,
    status: status,
    filters: options.filters,
    openCard: openCard,
    onChange: function (messages) {
      state.messages = messages;
      persist();
    },
    onBusy: function (busy) {
      send.disabled = busy;
    },
  });

  function setOpen(open, focus) {
    state.open = open;
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? strings.close : strings.open);
    root.classList.toggle('open', open);
    persist();
    if (focus) (open ? question : launcher).focus();
  }

  function submit() {
    var text = question.value.trim();
    if (!text || conversation.isBusy()) return;
    question.value = '';
    conversation.ask(text);
  }

  launcher.addEventListener('click', function () {
    setOpen(!state.open, true);
  });
  closeButton.addEventListener('click', function () {
    setOpen(false, true);
  });
  clearButton.addEventListener('click', function () {
    conversation.clear();
    question.focus();
  });
  closeCardButton.addEventListener('click', closeCard);
  bindQuestionForm(form, question, submit);
  root.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (!cardLayer.hidden) closeCard();
    else if (state.open) setOpen(false, true);
  });

  conversation.restore(state.messages);
  setOpen(state.open, false);
}

function startWidget() {
  // A site that pastes the tag twice (or re-runs it on client-side navigation) still gets one widget.
  if (document.querySelector(WIDGET_TAG)) return;
  var script = findOwnScript();
  var options = readWidgetOptions(script);
  if (!customElements.get(WIDGET_TAG)) {
    customElements.define(
      WIDGET_TAG,
      class extends HTMLElement {
        connectedCallback() {
          if (!this.shadowRoot && this.verbatimOptions) buildWidget(this, this.verbatimOptions);
        }
      },
    );
  }
  var element = document.createElement(WIDGET_TAG);
  element.verbatimOptions = options;
  var mount = function () {
    document.body.appendChild(element);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
}

startWidget();
