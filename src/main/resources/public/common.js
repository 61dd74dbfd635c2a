// Shared helpers of the glossa pages. Safety rule: every string from the user or the server goes into the page
// with textContent / createElement (see el()), never as HTML.
'use strict';

const glossa = (() => {
  /** Creates an element; text and children are added as text nodes or elements, never parsed as HTML. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A problem+json answer (or any failed response) as an Error with the server's detail. */
  async function problem(response) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      if (body && body.detail) detail = body.detail;
    } catch (e) { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    return error;
  }

  /*
   * API keys. When the server requires one (serve --require-api-key), the user pastes it once per tab: it is kept
   * in sessionStorage (gone when the tab closes, never sent automatically like a cookie, so no cross-site request
   * can use it) and sent as an Authorization header. EventSource cannot send headers, so the event stream alone
   * gets it as ?api_key= (the server accepts that on no other path).
   */
  const KEY_ITEM = 'glossa.apiKey';
  function apiKey() {
    try { return sessionStorage.getItem(KEY_ITEM) || ''; } catch (e) { return ''; }
  }

  /**
   * fetch() for the API: adds the key if one is set, and asks for one when the server answers 401, or for an admin
   * key when it answers 403 (a page that shows every key's data, like the dashboard, with a key that sees its own).
   */
  async function apiFetch(url, init) {
    const options = Object.assign({}, init || {});
    const headers = new Headers(options.headers || {});
    const key = apiKey();
    if (key) headers.set('Authorization', 'Bearer ' + key);
    options.headers = headers;
    const response = await fetch(url, options);
    if (response.status === 401) askForKey(key !== '' ? 'refused' : 'missing');
    else if (response.status === 403) askForKey('admin');
    return response;
  }

  let keyForm = null;
  const KEY_PROMPTS = {
    missing: 'This server needs an API key. Ask its operator for one (glossa keys create) and paste it here.',
    refused: 'The API key of this tab was refused (unknown or revoked). Paste another one.',
    admin: 'This page shows every key\'s data and needs an admin key (glossa keys create --admin); the key of this '
      + 'tab sees only its own texts. Paste an admin key.'
  };
  /** A form at the top of the page for the key; saving reloads the page so every request and the stream use it. */
  function askForKey(reason) {
    if (keyForm) return;
    const input = el('input', {id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false',
      'data-role': 'api-key', placeholder: 'gk_…'});
    const save = el('button', {type: 'submit', text: 'Use key', 'data-role': 'api-key-save'});
    keyForm = el('form', {className: 'card api-key', 'data-role': 'api-key-form'},
      el('p', {role: 'alert', className: 'error', 'data-reason': reason, text: KEY_PROMPTS[reason]}),
      el('label', {for: 'api-key', text: 'API key (kept in this tab only)'}), input,
      el('div', {className: 'actions'}, save));
    keyForm.addEventListener('submit', event => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      try { sessionStorage.setItem(KEY_ITEM, value); } catch (e) { /* storage disabled: nothing to keep */ }
      location.reload();
    });
    const main = document.querySelector('main') || document.body;
    main.prepend(keyForm);
    input.focus();
  }

  async function getJson(url) {
    const response = await apiFetch(url, {headers: {'Accept': 'application/json'}});
    if (!response.ok) throw await problem(response);
    return response.json();
  }

  async function postJson(url, body) {
    const response = await apiFetch(url, {
      method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body)
    });
    if (!response.ok) throw await problem(response);
    return response.json();
  }

  /** "Swedish — Svenska", or a plain sentence when the model was not confident. */
  function languageLabel(r) {
    if (!r || !r.language) return '';
    if (r.language === 'unknown') return 'Not sure (too short or mixed)';
    return r.name + ' — ' + r.native;
  }

  function percent(p) {
    return (typeof p === 'number' ? (p * 100).toFixed(1) : '—') + ' %';
  }

  /** A horizontal bar; the width is set through the CSSOM (allowed under the CSP), not an inline style attribute. */
  function bar(p) {
    const fill = el('span');
    fill.style.width = Math.max(0, Math.min(100, (p || 0) * 100)).toFixed(1) + '%';
    return el('div', {className: 'bar', 'aria-hidden': 'true'}, fill);
  }

  let languagesPromise = null;
  function languages() {
    if (!languagesPromise) {
      languagesPromise = getJson('/api/v1/languages').then(body => body.languages)
        .catch(error => { languagesPromise = null; throw error; });
    }
    return languagesPromise;
  }

  let feedbackCounter = 0;
  /** "Wrong? Pick the right language": a button that opens a labelled picker and stores the label. */
  function feedbackWidget(textId, predicted) {
    const box = el('div', {className: 'feedback'});
    const open = el('button', {type: 'button', className: 'link', text: 'Wrong? Pick the right language',
      'data-role': 'feedback-open'});
    box.append(open);
    open.addEventListener('click', async () => {
      open.disabled = true;
      const status = el('span', {role: 'status', 'data-role': 'feedback-status'});
      try {
        const list = await languages();
        const selectId = 'feedback-' + (++feedbackCounter);
        const select = el('select', {id: selectId, 'data-role': 'feedback-language'},
          el('option', {value: '', text: 'Choose…'}),
          list.map(l => el('option', {value: l.code, text: l.name + ' — ' + l.native, selected: l.code === predicted})));
        const save = el('button', {type: 'button', className: 'secondary', text: 'Save', 'data-role': 'feedback-save'});
        save.addEventListener('click', async () => {
          if (!select.value) { status.className = 'error'; status.textContent = 'Pick a language first.'; return; }
          save.disabled = true;
          status.className = '';
          status.textContent = 'Saving…';
          try {
            const saved = await postJson('/api/v1/texts/' + encodeURIComponent(textId) + '/feedback', {language: select.value});
            box.replaceChildren(el('span', {className: 'saved', role: 'status', 'data-role': 'feedback-status',
              text: 'Thanks — saved as ' + saved.name + ' — ' + saved.native + '.'}));
          } catch (e) {
            status.className = 'error';
            status.textContent = 'Could not save: ' + e.message;
            save.disabled = false;
          }
        });
        box.replaceChildren(el('label', {for: selectId, text: 'Right language:'}), select, save, status);
        select.focus();
      } catch (e) {
        status.className = 'error';
        status.textContent = 'Languages unavailable: ' + e.message;
        box.append(status);
        open.disabled = false;
      }
    });
    return box;
  }

  /**
   * One EventSource for the page; listeners get every result event (parsed). The browser reconnects by itself;
   * onState(true/false) tells whether the stream is up. The stream is closed when the page is hidden (navigation,
   * back/forward cache) and reopened when it shows again: a cached page must not keep holding one of the
   * browser's few connections per server (six on HTTP/1.1), or other pages' requests queue behind it.
   */
  const listeners = new Set();
  const stateListeners = new Set();
  let source = null;
  function connect() {
    const key = apiKey();
    source = new EventSource('/api/v1/events' + (key ? '?api_key=' + encodeURIComponent(key) : ''));
    source.addEventListener('result', event => {
      let data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      listeners.forEach(fn => fn(data));
    });
    source.addEventListener('open', () => stateListeners.forEach(fn => fn(true)));
    source.addEventListener('error', () => {
      stateListeners.forEach(fn => fn(false));
      // EventSource hides the status: a stream refused for want of a (valid) key just closes for good. Ask the API
      // why, through apiFetch, which shows the key form on a 401.
      if (source && source.readyState === EventSource.CLOSED) apiFetch('/api/v1/languages').catch(() => {});
    });
  }
  window.addEventListener('pagehide', () => {
    if (source) { source.close(); source = null; }
  });
  window.addEventListener('pageshow', event => {
    if (event.persisted && listeners.size && !source) connect();
  });
  function onResult(listener, onState) {
    listeners.add(listener);
    if (onState) stateListeners.add(onState);
    if (!source) connect();
    else if (onState) onState(source.readyState === EventSource.OPEN);
  }

  function sleep(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }

  return {el, apiFetch, getJson, postJson, problem, languageLabel, percent, bar, languages, feedbackWidget, onResult, sleep};
})();
