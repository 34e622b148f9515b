/*
 * The conversation shared by the chat page and the widget: message list, streaming, citation markers,
 * copy and feedback. The page and the widget only supply the layout, the card and persistence.
 * Needs chat-client.js before it in the same bundle.
 */

var HISTORY_LIMIT = 12;

/**
 * options: { document, client, strings, list, scroller?, pageScroll?, status, filters? (or a function
 *   returning them at each question),
 *   openCard(citation, opener), onSources?(message), onChange?(messages), onBusy?(busy) }
 */
function createConversation(options) {
  var doc = options.document;
  var strings = options.strings;
  var messages = [];
  var busy = false;

  function announce(text) {
    if (options.status) options.status.textContent = text;
  }

  function changed() {
    if (options.onChange) options.onChange(messages.map(serialise));
  }

  function serialise(message) {
    return {
      role: message.role,
      content: message.content,
      citations: message.citations || [],
      sources: message.sources || [],
      answerId: message.answerId || '',
      abstained: !!message.abstained,
      error: message.error || '',
      rating: message.rating || '',
    };
  }

  function createCopyButton(message) {
    var button = createElement(doc, 'button', { type: 'button', className: 'action copy-action' }, [strings.copy]);
    button.addEventListener('click', function () {
      var text = formatAnswerForCopy(message.content, message.citations);
      var done = function () {
        button.textContent = strings.copied;
        setTimeout(function () {
          button.textContent = strings.copy;
        }, 2000);
      };
      copyText(text, button).then(done, function () {});
    });
    return button;
  }

  function copyText(text, anchor) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Plain-http intranet pages have no Clipboard API: fall back to a selected, off-screen textarea.
    return new Promise(function (resolve, reject) {
      var buffer = createElement(doc, 'textarea', { className: 'copy-buffer', readonly: true, 'aria-hidden': 'true', tabindex: '-1' }, [text]);
      anchor.parentNode.appendChild(buffer);
      buffer.select();
      var copied = false;
      try {
        copied = doc.execCommand('copy');
      } catch (error) {
        copied = false;
      }
      buffer.remove();
      anchor.focus();
      if (copied) resolve();
      else reject(new Error('copy refused'));
    });
  }

  function createFeedback(message) {
    var wrapper = createElement(doc, 'div', { className: 'feedback' });
    var up = createElement(doc, 'button', { type: 'button', className: 'action rate-up', 'aria-label': strings.helpful, title: strings.helpful, 'aria-pressed': 'false' }, [createIcon(doc, THUMB_UP_PATH)]);
    var down = createElement(doc, 'button', { type: 'button', className: 'action rate-down', 'aria-label': strings.notHelpful, title: strings.notHelpful, 'aria-pressed': 'false' }, [createIcon(doc, THUMB_DOWN_PATH)]);
    var commentId = 'comment-' + Math.random().toString(36).slice(2);
    var form = createElement(doc, 'form', { className: 'feedback-form', hidden: true }, [
      createElement(doc, 'label', { for: commentId }, [strings.commentLabel]),
      createElement(doc, 'textarea', { id: commentId, rows: '2', maxlength: '2000' }),
      createElement(doc, 'button', { type: 'submit', className: 'action' }, [strings.sendFeedback]),
    ]);
    var thanks = createElement(doc, 'p', { className: 'feedback-thanks', hidden: true, role: 'status' }, [strings.thanks]);
    function showRating() {
      up.setAttribute('aria-pressed', String(message.rating === 'up'));
      down.setAttribute('aria-pressed', String(message.rating === 'down'));
    }
    function rate(rating) {
      if (!message.answerId) return;
      message.rating = rating;
      showRating();
      changed();
      // The rating is recorded at once; the optional comment follows as a second post for the same answer.
      sendFeedback(options.client, { answerId: message.answerId, rating: rating }).catch(function () {});
      form.hidden = false;
      thanks.hidden = true;
      form.querySelector('textarea').focus();
    }
    up.addEventListener('click', function () {
      rate('up');
    });
    down.addEventListener('click', function () {
      rate('down');
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var comment = form.querySelector('textarea').value.trim();
      var feedback = { answerId: message.answerId, rating: message.rating };
      if (comment) feedback.comment = comment;
      sendFeedback(options.client, feedback).catch(function () {});
      form.hidden = true;
      thanks.hidden = false;
    });
    showRating();
    wrapper.appendChild(up);
    wrapper.appendChild(down);
    wrapper.appendChild(form);
    wrapper.appendChild(thanks);
    return wrapper;
  }

  function renderText(message) {
    renderAnswer(doc, message.textElement, message.content, message.citations, strings, options.openCard);
  }

  function finish(message) {
    var actions = createElement(doc, 'div', { className: 'message-actions' });
    if (message.error) {
      message.element.classList.add('error');
      message.textElement.textContent = message.error;
      return;
    }
    if (message.abstained) message.element.classList.add('abstained');
    actions.appendChild(createCopyButton(message));
    if (message.answerId) actions.appendChild(createFeedback(message));
    message.element.appendChild(actions);
  }

  function addMessage(message) {
    var isUser = message.role === 'user';
    message.element = createElement(doc, 'li', { className: 'message ' + (isUser ? 'user' : 'assistant') }, [
      createElement(doc, 'span', { className: 'message-author' }, [isUser ? strings.you : strings.assistant]),
    ]);
    message.textElement = createElement(doc, 'div', { className: 'message-text' });
    message.element.appendChild(message.textElement);
    options.list.appendChild(message.element);
    messages.push(message);
    return message;
  }

  function scrollToEnd() {
    var scroller = options.scroller || options.list;
    scroller.scrollTop = scroller.scrollHeight;
  }

  /** Puts the new question at the top so the answer reads from its start as it streams in. */
  function revealQuestion(element) {
    var scroller = options.scroller || options.list;
    if (scroller.scrollHeight > scroller.clientHeight) {
      scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
    } else if (options.pageScroll) {
      element.scrollIntoView({ block: 'start' });
    }
  }

  async function ask(question) {
    var text = String(question || '').trim();
    if (!text || busy) return;
    busy = true;
    if (options.onBusy) options.onBusy(true);
    var history = messages
      .filter(function (message) {
        return !message.error && message.content;
      })
      .slice(-HISTORY_LIMIT)
      .map(function (message) {
        return { role: message.role, content: message.content };
      });
    var user = addMessage({ role: 'user', content: text });
    user.textElement.textContent = text;
    var answer = addMessage({ role: 'assistant', content: '', citations: [], sources: [] });
    answer.element.setAttribute('aria-busy', 'true');
    answer.textElement.appendChild(createElement(doc, 'span', { className: 'thinking' }, [strings.thinking]));
    announce(strings.thinking);
    changed();
    revealQuestion(user.element);
    var streamText = null;
    var body = { messages: history.concat([{ role: 'user', content: text }]) };
    var filters = typeof options.filters === 'function' ? options.filters() : options.filters;
    if (filters) body.filters = filters;
    try {
      await streamChat(options.client, body, function (event) {
        if (event.type === 'sources' && Array.isArray(event.sources)) {
          answer.sources = event.sources;
          if (options.onSources) options.onSources(answer);
        } else if (event.type === 'text-delta' && typeof event.delta === 'string') {
          if (!streamText) {
            answer.textElement.textContent = '';
            streamText = doc.createTextNode('');
            answer.textElement.appendChild(streamText);
          }
          answer.content += event.delta;
          streamText.data = answer.content;
        } else if (event.type === 'citations' && Array.isArray(event.citations)) {
          answer.citations = event.citations;
          renderText(answer);
          if (options.onSources) options.onSources(answer);
        } else if (event.type === 'answer-end') {
          answer.answerId = String(event.answerId || '');
          answer.abstained = !!event.abstained;
        } else if (event.type === 'error') {
          answer.error = strings.errorGeneric;
        }
      });
      if (!answer.error && !answer.content) answer.error = strings.errorGeneric;
    } catch (error) {
      answer.error = strings[(error && error.kind) || 'errorGeneric'] || strings.errorGeneric;
    }
    if (!answer.error) renderText(answer);
    answer.element.removeAttribute('aria-busy');
    finish(answer);
    announce(answer.error || strings.answerReady);
    busy = false;
    if (options.onBusy) options.onBusy(false);
    changed();
  }

  function restore(saved) {
    (Array.isArray(saved) ? saved : []).forEach(function (item) {
      if (!item || (item.role !== 'user' && item.role !== 'assistant')) return;
      // An answer cut short by a page load was saved empty: drop it rather than show a blank bubble.
      if (item.role === 'assistant' && !item.content && !item.error) return;
      var message = addMessage({
        role: item.role,
        content: String(item.content || ''),
        citations: Array.isArray(item.citations) ? item.citations : [],
        sources: Array.isArray(item.sources) ? item.sources : [],
        answerId: String(item.answerId || ''),
        abstained: !!item.abstained,
        error: String(item.error || ''),
        rating: item.rating === 'up' || item.rating === 'down' ? item.rating : '',
      });
      if (message.role === 'user') message.textElement.textContent = message.content;
      else {
        renderText(message);
        finish(message);
      }
    });
    scrollToEnd();
  }

  function clear() {
    messages.forEach(function (message) {
      message.element.remove();
    });
    messages = [];
    announce('');
    changed();
  }

  return {
    ask: ask,
    restore: restore,
    clear: clear,
    count: function () {
      return messages.length;
    },
    isBusy: function () {
      return busy;
    },
  };
}
