// The demo page: submit a text, wait for its result (long-poll), show it; the history, kept live by the event stream.
'use strict';

(() => {
  const {el, getJson, postJson, languageLabel, percent, bar, feedbackWidget, onResult} = glossa;
  const form = document.getElementById('form');
  const text = document.getElementById('text');
  const submitButton = document.getElementById('submit');
  const result = document.getElementById('result');
  const WAIT_ROUNDS = 6;   // 6 × ?wait=10s

  async function predict(value) {
    const started = performance.now();
    const accepted = await postJson('/api/v1/texts', {text: value});
    for (let round = 0; round < WAIT_ROUNDS; round++) {
      const record = await getJson('/api/v1/texts/' + encodeURIComponent(accepted.id) + '?wait=10s');
      if (record.status !== 'pending') return {record, millis: performance.now() - started};
    }
    throw new Error('no result after a minute; the text is stored (id ' + accepted.id + '), look for it in the history');
  }

  function showPending() {
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(el('p', {className: 'pending', 'data-role': 'pending'},
      el('span', {className: 'spinner', 'aria-hidden': 'true'}), 'Predicting…'));
  }

  function showError(message) {
    result.removeAttribute('aria-busy');
    result.replaceChildren(el('p', {className: 'error', role: 'alert', 'data-role': 'error', text: message}));
  }

  function showResult(record, millis) {
    result.removeAttribute('aria-busy');
    if (record.status === 'failed') {
      showError('The prediction failed: ' + (record.error || 'no reason given'));
      return;
    }
    const alternatives = (record.top || []).slice(0, 3).map(c => el('li', {},
      el('span', {text: c.name + ' — ' + c.native}), bar(c.probability), el('span', {className: 'pct', text: percent(c.probability)})));
    result.replaceChildren(
      el('p', {className: 'language', id: 'result-language', 'data-id': record.id, 'data-language': record.language, text: languageLabel(record)}),
      el('div', {className: 'prob'},
        el('span', {className: 'visually-hidden', text: 'Probability'}), bar(record.probability),
        el('span', {className: 'pct', 'data-role': 'probability', text: percent(record.probability)})),
      alternatives.length ? el('h3', {className: 'hint', text: 'Top alternatives'}) : null,
      alternatives.length ? el('ol', {className: 'alternatives', 'data-role': 'alternatives'}, alternatives) : null,
      el('p', {className: 'meta'},
        el('span', {'data-role': 'model', text: 'Model ' + (record.model_version || '—')}),
        el('span', {'data-role': 'latency', text: 'Latency ' + Math.round(millis) + ' ms (submit → result)'})),
      feedbackWidget(record.id, record.language));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submitButton.disabled) return;
    if (!text.value.trim()) { showError('Type or paste some text first.'); text.focus(); return; }
    submitButton.disabled = true;
    showPending();
    try {
      const {record, millis} = await predict(text.value);
      showResult(record, millis);
    } catch (e) {
      showError(e.message);
    } finally {
      submitButton.disabled = false;
    }
  });
  text.addEventListener('keydown', event => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // ---- history: the latest submissions; result events update them in place, unknown ids trigger a reload
  const HISTORY_SIZE = 20;
  const history = document.getElementById('history');
  const historyError = document.getElementById('history-error');
  const live = document.getElementById('live');
  const items = new Map();
  let reloadTimer = null;

  function outcome(r) {
    if (r.status === 'pending') return el('span', {className: 'outcome pending', text: 'pending…'});
    if (r.status === 'failed') return el('span', {className: 'outcome error', text: 'failed: ' + (r.error || '')});
    return el('span', {className: 'outcome', text: languageLabel(r) + ' · ' + percent(r.probability)});
  }

  function historyItem(r) {
    const when = r.submitted_at ? new Date(r.submitted_at).toLocaleTimeString() : '';
    const snippet = r.text && r.text.length > 280 ? r.text.slice(0, 280) + '…' : r.text;
    const line = el('div', {'data-role': 'outcome'}, outcome(r), el('span', {className: 'when', text: when}));
    const li = el('li', {'data-id': r.id}, el('p', {className: 'text', dir: 'auto', text: snippet}), line);
    if (r.status === 'done') li.append(feedbackWidget(r.id, r.language));
    return li;
  }

  async function loadHistory() {
    try {
      const body = await getJson('/api/v1/texts?limit=' + HISTORY_SIZE);
      items.clear();
      history.replaceChildren(...body.texts.map(r => { const li = historyItem(r); items.set(r.id, {record: r, li}); return li; }));
      historyError.textContent = '';
    } catch (e) {
      historyError.textContent = 'History unavailable: ' + e.message;
    }
  }

  function scheduleReload() {
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => { reloadTimer = null; loadHistory(); }, 1000);
  }

  onResult(event => {
    const item = items.get(event.id);
    if (!item) { scheduleReload(); return; }
    const record = Object.assign({}, event, {text: item.record.text});
    const li = historyItem(record);
    item.li.replaceWith(li);
    items.set(event.id, {record, li});
  }, up => {
    live.textContent = up ? 'live' : 'reconnecting…';
    live.classList.toggle('on', up);
    if (up) loadHistory();   // catch up with what happened while disconnected
  });
  // a new submission of our own shows at once as pending
  form.addEventListener('submit', () => setTimeout(scheduleReload, 150));
})();
