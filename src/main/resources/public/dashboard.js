// Dashboard: polls /api/v1/stats every second. Throughput and latency come from the server's per-second record of
// the last 15 minutes (?history_after=: the first poll gets all of it, each later one the seconds since), so a page
// opened now shows what happened before; queue depths and workers are asked of the broker at each poll.
'use strict';

(() => {
  const POLL_MS = 1000;
  const HISTORY = 900;        // seconds the server keeps: fifteen minutes
  const LIVE = 120;           // polls of queue depths kept: two minutes
  const HISTORY_SERIES = {accepted: 'accepted', completed: 'completed', p50: 'p50_ms', p95: 'p95_ms', p99: 'p99_ms'};
  const series = {accepted: [], completed: [], p50: [], p95: [], p99: [], realtime: [], batch: [], failed: [],
    consumersRealtime: [], consumersBatch: []};
  let after = 0;              // epoch second of the newest history value the page has
  const $ = id => document.getElementById(id);

  function push(name, value, capacity) {
    series[name].push(value);
    if (series[name].length > capacity) series[name].shift();
  }

  /** Appends the seconds the server sent; if it skipped some (the page slept longer than the history), starts over. */
  function appendHistory(history) {
    if (!history || !history.accepted.length) return;
    if (after > 0 && history.first_second > after + 1) {
      for (const name of Object.keys(HISTORY_SERIES)) series[name].length = 0;
    }
    for (const [name, field] of Object.entries(HISTORY_SERIES)) {
      history[field].forEach(v => push(name, v, HISTORY));
    }
    after = history.first_second + history.accepted.length - 1;
  }

  function queue(stats, kind) {
    return (stats.queues || []).find(q => q.kind === kind) || null;
  }

  function fmt(value, digits) {
    return value === null || value === undefined || !isFinite(value) ? '—' : value.toFixed(digits);
  }

  function update(stats) {
    appendHistory(stats.history);
    for (const kind of ['realtime', 'batch', 'failed']) {
      const q = queue(stats, kind);
      push(kind, q ? q.messages : null, LIVE);
    }
    const rq = queue(stats, 'realtime'), bq = queue(stats, 'batch');
    push('consumersRealtime', rq ? rq.consumers : null, LIVE);
    push('consumersBatch', bq ? bq.consumers : null, LIVE);

    const c = stats.counters;
    $('model').textContent = stats.model.version || '—';
    $('model').title = stats.model.source || '';
    $('accepted').textContent = String(c.accepted);
    $('results').textContent = String(c.observed_done);
    $('failed').textContent = String(c.observed_failed);
    $('workers').textContent = rq || bq ? 'realtime ' + (rq ? rq.consumers : '—') + ' · batch ' + (bq ? bq.consumers : '—') : '—';
    $('dashboard-error').textContent = stats.queues_error || '';
    draw(stats);
  }

  function last(name) {
    const values = series[name];
    return values.length ? values[values.length - 1] : null;
  }

  function draw(stats) {
    charts.lines($('throughput'), [{name: 'accepted', values: series.accepted}, {name: 'completed', values: series.completed}], HISTORY);
    $('throughput-summary').textContent = 'accepted ' + fmt(last('accepted'), 1) + '/s · completed ' + fmt(last('completed'), 1) + '/s';
    charts.lines($('latency'), [{name: 'p50', values: series.p50}, {name: 'p95', values: series.p95}, {name: 'p99', values: series.p99}], HISTORY);
    $('latency-summary').textContent = 'last 10 s: p50 ' + fmt(last('p50'), 1) + ' ms · p95 ' + fmt(last('p95'), 1)
      + ' ms · p99 ' + fmt(last('p99'), 1) + ' ms';
    charts.lines($('queues'), [{name: 'realtime', values: series.realtime}, {name: 'batch', values: series.batch},
      {name: 'failed', values: series.failed}], LIVE);
    $('queues-summary').textContent = 'realtime ' + fmt(last('realtime'), 0) + ' · batch ' + fmt(last('batch'), 0)
      + ' · failed ' + fmt(last('failed'), 0);
    charts.lines($('consumers'), [{name: 'realtime', values: series.consumersRealtime}, {name: 'batch', values: series.consumersBatch}], LIVE);
    $('consumers-summary').textContent = 'realtime ' + fmt(last('consumersRealtime'), 0) + ' · batch ' + fmt(last('consumersBatch'), 0);
    const languages = Object.entries(stats.languages || {}).sort((a, b) => b[1] - a[1]);
    charts.bars($('languages'), languages);
    const total = languages.reduce((sum, e) => sum + e[1], 0);
    $('languages-summary').textContent = total ? languages.slice(0, 5)
      .map(([code, n]) => code + ' ' + (100 * n / total).toFixed(1) + '%').join(' · ') + ' (of ' + total + ')' : 'no results yet';
  }

  async function poll() {
    try {
      const response = await glossa.apiFetch('/api/v1/stats?history_after=' + after,
        {headers: {'Accept': 'application/json'}, cache: 'no-store'});
      if (response.status === 401 || response.status === 403) {
        // the key form is up (common.js): polling again would only repeat the refusal until a key is pasted
        $('status').textContent = response.status === 403 ? 'needs an admin key' : 'needs an API key';
        $('status').classList.remove('on');
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      update(await response.json());
      $('status').textContent = 'live';
      $('status').classList.add('on');
    } catch (e) {
      $('status').textContent = 'unreachable, retrying…';
      $('status').classList.remove('on');
    }
    setTimeout(poll, POLL_MS);
  }

  poll();
})();
