/*
 * Shared browser core of the chat page, the compare page and the widget: the SSE stream reader, the API
 * calls and the pure text helpers (citation markers, quote highlighting, copy text). Plain ES2020, no
 * framework: web-assets.ts concatenates the scripts of one entry point inside one IIFE, so these names
 * stay private to it.
 */

/** Incremental SSE parser: feed it decoded text as it arrives; it calls onEvent(name, data). */
function createSseParser(onEvent) {
  var buffer = '';
  var eventName = '';
  var dataLines = [];
  function dispatch() {
    if (dataLines.length > 0) onEvent(eventName || 'message', dataLines.join('\n'));
    eventName = '';
    dataLines = [];
  }
  function line(text) {
    if (text === '') return dispatch();
    if (text.charAt(0) === ':') return;
    var colon = text.indexOf(':');
    var field = colon === -1 ? text : text.slice(0, colon);
    var value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.charAt(0) === ' ') value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
  }
  return {
    push: function (chunk) {
      buffer += chunk;
      var match;
      while ((match = /\r\n|\r|\n/.exec(buffer)) !== null) {
        // A lone \r at the end may be the first half of \r\n: wait for more input.
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
    end: function () {
      if (buffer !== '') line(buffer);
      buffer = '';
      dispatch();
    },
  };
}

function ApiError(kind, status) {
  this.kind = kind;
  this.status = status;
}

function errorKindForStatus(status) {
  if (status === 401 || status === 403) return 'errorForbidden';
  if (status === 429) return 'errorBusy';
  if (status === 503) return 'errorUnavailable';
  return 'errorGeneric';
}

function apiHeaders(client, json) {
  var headers = { Accept: json ? 'application/json' : 'text/event-stream' };
  if (client.key) headers['X-Verbatim-Key'] = client.key;
  return headers;
}

/** Posts the conversation and calls onEvent with each parsed stream event until answer-end. */
async function streamChat(client, body, onEvent, signal) {
  var headers = apiHeaders(client, false);
  headers['Content-Type'] = 'application/json';
  var response;
  try {
    response = await fetch(client.base + 'api/chat', {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(Object.assign({ stream: true }, body)),
      signal: signal,
    });
  } catch (error) {
    throw new ApiError('errorNetwork', 0);
  }
  if (!response.ok || !response.body) throw new ApiError(errorKindForStatus(response.status), response.status);
  var parser = createSseParser(function (name, data) {
    var event;
    try {
      event = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (event && typeof event === 'object') {
      if (!event.type) event.type = name;
      onEvent(event);
    }
  });
  var reader = response.body.getReader();
  var decoder = new TextDecoder();
  for (;;) {
    var step = await reader.read();
    if (step.done) break;
    parser.push(decoder.decode(step.value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}

async function getJson(client, path) {
  var response;
  try {
    response = await fetch(client.base + path, { headers: apiHeaders(client, true) });
  } catch (error) {
    throw new ApiError('errorNetwork', 0);
  }
  if (!response.ok) throw new ApiError(errorKindForStatus(response.status), response.status);
  return response.json();
}

function fetchUnit(client, id) {
  return getJson(client, 'api/units/' + encodeURIComponent(id));
}

async function sendFeedback(client, feedback) {
  var headers = apiHeaders(client, true);
  headers['Content-Type'] = 'application/json';
  var response = await fetch(client.base + 'api/feedback', {
    method: 'POST',
    headers: headers,
    body: JSON.stringify(feedback),
  });
  if (!response.ok) throw new ApiError(errorKindForStatus(response.status), response.status);
}

/**
 * Splits answer text into plain runs and citation markers. Markers are readable labels in square
 * brackets ("[A/RES/76/172, para. 5 (a)]", several joined by "; "); a bracket naming no known
 * citation stays text.
 */
function segmentAnswer(text, citations) {
  var byLabel = {};
  (citations || []).forEach(function (citation) {
    if (citation && typeof citation.label === 'string') byLabel[citation.label.trim()] = citation;
  });
  var segments = [];
  var pattern = /\[([^\[\]]+)\]/g;
  var last = 0;
  var match;
  function pushText(value) {
    if (value === '') return;
    var previous = segments[segments.length - 1];
    if (previous && previous.kind === 'text') previous.text += value;
    else segments.push({ kind: 'text', text: value });
  }
  while ((match = pattern.exec(text)) !== null) {
    var labels = match[1].split(';').map(function (part) {
      return part.trim();
    });
    var found = labels.map(function (label) {
      return byLabel[label];
    });
    if (found.length === 0 || found.some(function (citation) { return !citation; })) continue;
    pushText(text.slice(last, match.index));
    found.forEach(function (citation) {
      segments.push({ kind: 'citation', citation: citation });
    });
    last = match.index + match[0].length;
  }
  pushText(text.slice(last));
  return segments;
}

function normaliseForSearch(text) {
  // Keeps a map back to the original offsets so highlights land on the original characters.
  var normal = '';
  var offsets = [];
  var previousSpace = false;
  for (var index = 0; index < text.length; index++) {
    var character = text.charAt(index);
    var space = /\s/.test(character);
    if (space && previousSpace) continue;
    normal += space ? ' ' : character.toLowerCase();
    offsets.push(index);
    previousSpace = space;
  }
  offsets.push(text.length);
  return { normal: normal, offsets: offsets };
}

/**
 * Finds the quoted words inside the unit text and returns [{ text, marked }] runs. Quotes may be
 * shortened with an ellipsis, so each fragment is searched in order; unmatched fragments are skipped.
 */
function highlightQuote(text, quote) {
  var ranges = [];
  var source = normaliseForSearch(text);
  var cursor = 0;
  String(quote || '')
    .split(/…|\.\.\./)
    .map(function (fragment) {
      return fragment.replace(/\s+/g, ' ').trim().toLowerCase();
    })
    .filter(function (fragment) {
      return fragment.length >= 3;
    })
    .forEach(function (fragment) {
      var at = source.normal.indexOf(fragment, cursor);
      if (at === -1) return;
      ranges.push([source.offsets[at], source.offsets[at + fragment.length - 1] + 1]);
      cursor = at + fragment.length;
    });
  var runs = [];
  var position = 0;
  ranges.forEach(function (range) {
    if (range[0] > position) runs.push({ text: text.slice(position, range[0]), marked: false });
    runs.push({ text: text.slice(range[0], range[1]), marked: true });
    position = range[1];
  });
  if (position < text.length) runs.push({ text: text.slice(position), marked: false });
  return runs;
}

/** Plain-text answer for the clipboard: the answer, then each citation with its quote and link. */
function formatAnswerForCopy(text, citations) {
  var lines = [String(text).trim()];
  if (citations && citations.length > 0) {
    lines.push('', 'Sources:');
    citations.forEach(function (citation) {
      var line = '[' + citation.label + ']';
      if (citation.quote) line += ' “' + citation.quote + '”';
      if (safeUrl(citation.url)) line += ' ' + citation.url;
      lines.push(line);
    });
  }
  return lines.join('\n');
}

/** Only http(s) links may become hrefs; a javascript: URL from a document must never be clickable. */
function safeUrl(url) {
  try {
    var parsed = new URL(String(url), 'https://invalid.example/');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '';
  } catch (error) {
    return '';
  }
}
