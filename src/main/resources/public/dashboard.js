// Dashboard: polls /api/v1/stats every second and charts rates and percentiles computed from the differences of
// the cumulative meters (what Prometheus' rate() and histogram_quantile() do with /metrics).
'use strict';

(() => {
  const POLL_MS = 1000;
  const CAPACITY = 120;       // points kept: two minutes
  const LATENCY_WINDOW = 10;  // polls
  const snapshots = [];
  const series = {accepted: [], completed: [], p50: [], p95: [], p99: [], realtime: [], batch: [], failed: [],
    consumersRealtime: [], consumersBatch: []};
  const $ = id => document.getElementById(id);

  /** The q-quantile (seconds) of the observations between two cumulative bucket lists, or null if none. */
  function quantile(q, older, newer) {
    if (!older || !newer || older.buckets.length !== newer.buckets.length) return null;
    const total = newer.count - older.count;
    if (total <= 0) return null;
    const rank = q * total;
    let lowerBound = 0, lowerCount = 0;
    for (let i = 0; i < newer.buckets.length; i++) {
      const [le, cum] = newer.buckets[i];
      const count = cum - older.buckets[i][1];
      if (count >= rank) {
        const inBucket = count - lowerCount;
        return inBucket > 0 ? lowerBound + (le - lowerBound) * (rank - lowerCount) / inBucket : le;
      }
      lowerBound = le; lowerCount = count;
    }
    return lowerBound;   // beyond the largest bucket: report its bound
  }

  function push(name, value) {
    series[name].push(value);
    if (series[name].length > CAPACITY) series[name].shift();
  }

  function queue(stats, kind) {
    return (stats.queues || []).find(q => q.kind === kind) || null;
  }

  function fmt(value, digits) {
    return value === null || value === undefined || !isFinite(value) ? '—' : value.toFixed(digits);
  }

  function update(stats) {
    const previous = snapshots[snapshots.length - 1];
    snapshots.push(stats);
    if (snapshots.length > LATENCY_WINDOW + 1) snapshots.shift();
    const c = stats.counters;
    if (previous) {
      const dt = (Date.parse(stats.at) - Date.parse(previous.at)) / 1000;
      const p = previous.counters;
      push('accepted', dt > 0 ? (c.accepted - p.accepted) / dt : null);
      push('completed', dt > 0 ? (c.observed_done + c.observed_failed - p.observed_done - p.observed_failed) / dt : null);
    } else {
      push('accepted', null);
      push('completed', null);
    }
    const older = snapshots[0].latency.submit_to_result, newer = stats.latency.submit_to_result;
    for (const [name, q] of [['p50', .5], ['p95', .95], ['p99', .99]]) {
      const s = snapshots.length > 1 ? quantile(q, older, newer) : null;
      push(name, s === null ? null : s * 1000);
    }
    for (const kind of ['realtime', 'batch', 'failed']) {
      const q = queue(stats, kind);
      push(kind, q ? q.messages : null);
    }
    const rq = queue(stats, 'realtime'), bq = queue(stats, 'batch');
    push('consumersRealtime', rq ? rq.consumers : null);
    push('consumersBatch', bq ? bq.consumers : null);

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
    charts.lines($('throughput'), [{name: 'accepted', values: series.accepted}, {name: 'completed', values: series.completed}], CAPACITY);
    $('throughput-summary').textContent = 'accepted ' + fmt(last('accepted'), 1) + '/s · completed ' + fmt(last('completed'), 1) + '/s';
    charts.lines($('latency'), [{name: 'p50', values: series.p50}, {name: 'p95', values: series.p95}, {name: 'p99', values: series.p99}], CAPACITY);
    $('latency-summary').textContent = 'last 10 s: p50 ' + fmt(last('p50'), 1) + ' ms · p95 ' + fmt(last('p95'), 1)
      + ' ms · p99 ' + fmt(last('p99'), 1) + ' ms';
    charts.lines($('queues'), [{name: 'realtime', values: series.realtime}, {name: 'batch', values: series.batch},
      {name: 'failed', values: series.failed}], CAPACITY);
    $('queues-summary').textContent = 'realtime ' + fmt(last('realtime'), 0) + ' · batch ' + fmt(last('batch'), 0)
      + ' · failed ' + fmt(last('failed'), 0);
    charts.lines($('consumers'), [{name: 'realtime', values: series.consumersRealtime}, {name: 'batch', values: series.consumersBatch}], CAPACITY);
    $('consumers-summary').textContent = 'realtime ' + fmt(last('consumersRealtime'), 0) + ' · batch ' + fmt(last('consumersBatch'), 0);
    const languages = Object.entries(stats.languages || {}).sort((a, b) => b[1] - a[1]);
    charts.bars($('languages'), languages);
    const total = languages.reduce((sum, e) => sum + e[1], 0);
    $('languages-summary').textContent = total ? languages.slice(0, 5)
      .map(([code, n]) => code + ' ' + (100 * n / total).toFixed(1) + '%').join(' · ') + ' (of ' + total + ')' : 'no results yet';
  }

  async function poll() {
    try {
      const response = await glossa.apiFetch('/api/v1/stats', {headers: {'Accept': 'application/json'}, cache: 'no-store'});
      if (!response.ok) throw new Error('HTTP ' + response.status);
      update(await response.json());
      $('status').textContent = 'live';
      $('status').classList.add('on');
    } catch (e) {
      $('status').textContent = 'unreachable, retrying…';
      $('status').classList.remove('on');
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  window.glossaQuantile = quantile;   // for tests and curious people
  poll();
})();
