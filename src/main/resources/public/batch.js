// Batch page: parse the upload, submit it in chunks to the batch lane, follow the results (event stream, plus a
// sweep by id for any the stream missed), then offer CSV and JSONL built here from the results, in input order.
'use strict';

(() => {
  const {el, postJson, getJson, languageLabel, percent, onResult, sleep} = glossa;
  const CHUNK_TEXTS = 500;
  const CHUNK_BYTES = 4 * 1024 * 1024;
  const PREVIEW_ROWS = 20;
  const fileInput = document.getElementById('file');
  const parsedText = document.getElementById('parsed');
  const runButton = document.getElementById('run');
  const progress = document.getElementById('progress');
  const progressText = document.getElementById('progress-text');
  const errorText = document.getElementById('batch-error');
  const downloads = document.getElementById('downloads');
  const csvLink = document.getElementById('download-csv');
  const jsonlLink = document.getElementById('download-jsonl');
  const previewBody = document.querySelector('#preview tbody');

  let parsed = null;
  let run = null;   // {items, records, index: Map id→i, done, submitted, lastProgress, early: Map id→event}

  fileInput.addEventListener('change', async () => {
    parsed = null;
    runButton.disabled = true;
    errorText.textContent = '';
    const file = fileInput.files[0];
    if (!file) { parsedText.textContent = ''; return; }
    try {
      parsed = batchParse.parse(file.name, await file.text());
      parsedText.textContent = file.name + ': ' + parsed.items.length + ' texts (' + parsed.format + ')';
      runButton.disabled = parsed.items.length === 0;
    } catch (e) {
      parsedText.textContent = '';
      errorText.textContent = 'Cannot read ' + file.name + ': ' + e.message;
    }
  });

  document.getElementById('batch-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (!parsed || !parsed.items.length || (run && !run.finished)) return;
    start(parsed.items);
  });

  function chunks(items) {
    const out = [];
    let current = [], bytes = 0;
    for (const item of items) {
      const size = new Blob([item.text]).size + 8;
      if (current.length && (current.length >= CHUNK_TEXTS || bytes + size > CHUNK_BYTES)) {
        out.push(current); current = []; bytes = 0;
      }
      current.push(item); bytes += size;
    }
    if (current.length) out.push(current);
    return out;
  }

  /**
   * Ids in input order; a chunk the server finds too large (413) is split in halves and sent again, and a single
   * text it refuses is reported as {refused: reason} (a failed row in the results).
   */
  async function submitChunk(chunk) {
    try {
      return (await postJson('/api/v1/texts:batch', {texts: chunk.map(i => i.text), lane: 'batch'})).ids;
    } catch (e) {
      if (e.status !== 413) throw e;
      if (chunk.length === 1) return [{refused: e.message}];   // this text alone is too large: a failed row
      const half = Math.ceil(chunk.length / 2);
      return (await submitChunk(chunk.slice(0, half))).concat(await submitChunk(chunk.slice(half)));
    }
  }

  async function start(items) {
    runButton.disabled = true;
    fileInput.disabled = true;
    downloads.hidden = true;
    errorText.textContent = '';
    revoke();
    run = {items, records: new Array(items.length).fill(null), index: new Map(), done: 0, submitted: 0,
      started: performance.now(), lastProgress: performance.now(), early: new Map(), finished: false};
    progress.max = items.length;
    progress.value = 0;
    preview();
    render();
    const sweeper = setInterval(sweep, 2000);
    try {
      let offset = 0;
      for (const chunk of chunks(items)) {
        const ids = await submitChunk(chunk);
        ids.forEach((id, k) => {
          if (typeof id !== 'string') {
            accept({id: null, status: 'failed', error: 'not submitted: ' + id.refused}, offset + k);
            return;
          }
          run.index.set(id, offset + k);
          const seen = run.early.get(id);
          if (seen) { run.early.delete(id); accept(seen); }
        });
        offset += chunk.length;
        run.submitted = offset;
        render();
      }
      run.early.clear();
    } catch (e) {
      errorText.textContent = 'Stopped after ' + run.submitted + ' of ' + items.length + ' texts: ' + e.message;
      clearInterval(sweeper);
      finish(false);
      return;
    }
    while (run.done < items.length) await sleep(200);
    clearInterval(sweeper);
    finish(true);
  }

  function accept(record, position) {
    const i = position !== undefined ? position : run.index.get(record.id);
    if (i === undefined) {
      if (!run.finished && run.early.size < 100000) run.early.set(record.id, record);  // may be ours, ids not back yet
      return;
    }
    if (run.records[i] || record.status === 'pending') return;
    run.records[i] = record;
    run.done++;
    run.lastProgress = performance.now();
    if (i < PREVIEW_ROWS) previewRow(i);
    schedule();
  }

  onResult(event => { if (run && !run.finished) accept(event); });  // (position unknown: found by id)

  /** Results the stream missed (a reconnect, or a result that came before the ids): read them by id. */
  async function sweep() {
    if (!run || run.finished || performance.now() - run.lastProgress < 2000) return;
    const missing = [];
    for (const [id, i] of run.index) {
      if (!run.records[i]) missing.push(id);
      if (missing.length >= 120) break;
    }
    for (let k = 0; k < missing.length; k += 6) {
      const answers = await Promise.allSettled(missing.slice(k, k + 6)
        .map(id => getJson('/api/v1/texts/' + encodeURIComponent(id))));
      answers.forEach(a => { if (a.status === 'fulfilled') accept(a.value); });
    }
  }

  let frame = 0;
  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
  }

  function render() {
    const total = run.items.length;
    progress.value = run.done;
    const pct = Math.floor(100 * run.done / total);
    const seconds = (performance.now() - run.started) / 1000;
    progressText.textContent = run.done + ' of ' + total + ' done (' + pct + '%)'
      + (run.submitted < total ? ' · submitted ' + run.submitted : '') + ' · ' + seconds.toFixed(1) + ' s';
    progressText.dataset.percent = String(pct);
  }

  function preview() {
    previewBody.replaceChildren(...run.items.slice(0, PREVIEW_ROWS).map((item, i) => el('tr', {'data-row': i},
      el('td', {text: item.line}), el('td', {className: 'text', dir: 'auto', text: item.text}),
      el('td', {text: 'pending…'}), el('td', {text: ''}))));
  }

  function previewRow(i) {
    const r = run.records[i];
    const cells = previewBody.children[i].children;
    cells[2].textContent = r.status === 'failed' ? 'failed: ' + (r.error || '') : languageLabel(r);
    cells[3].textContent = r.status === 'done' ? percent(r.probability) : '';
  }

  // ---- downloads, built from the results in input order
  const COLUMNS = ['row', 'text', 'status', 'language', 'name', 'native', 'probability', 'model_version', 'id', 'error'];

  function rows() {
    return run.items.map((item, i) => {
      const r = run.records[i] || {};
      return {row: item.line, text: item.text, status: r.status || 'not submitted', language: r.language ?? null,
        name: r.name ?? null, native: r.native ?? null, probability: r.probability ?? null,
        model_version: r.model_version ?? null, id: r.id ?? null, error: r.error ?? null};
    });
  }

  let urls = [];
  function revoke() { urls.forEach(u => URL.revokeObjectURL(u)); urls = []; }

  function finish(complete) {
    run.finished = true;
    render();
    const all = rows();
    const csv = [COLUMNS.join(',')].concat(all.map(r => COLUMNS.map(c => batchParse.csvCell(r[c])).join(','))).join('\r\n') + '\r\n';
    const jsonl = all.map(r => JSON.stringify(r)).join('\n') + '\n';
    const csvUrl = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
    const jsonlUrl = URL.createObjectURL(new Blob([jsonl], {type: 'application/x-ndjson;charset=utf-8'}));
    urls = [csvUrl, jsonlUrl];
    csvLink.href = csvUrl;
    jsonlLink.href = jsonlUrl;
    csvLink.textContent = complete ? 'Download CSV' : 'Download CSV (partial)';
    jsonlLink.textContent = complete ? 'Download JSONL' : 'Download JSONL (partial)';
    downloads.hidden = false;
    fileInput.disabled = false;
    runButton.disabled = !parsed;
    if (complete) progressText.textContent += ' — finished';
  }
})();
