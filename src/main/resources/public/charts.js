// Small canvas charts (no library): time series lines and horizontal bars. Each canvas gets data-points = the
// number of values drawn (and a line chart data-max = its largest), so tests and people can tell an empty or flat
// chart from a drawn one.
'use strict';

const charts = (() => {
  const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#8250df', '#bf8700', '#0a7ea4'];

  function context(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 300, height = canvas.clientHeight || 200;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '11px system-ui, sans-serif';
    return {ctx, width, height};
  }

  function niceMax(value) {
    if (!(value > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
    return 10 * p;
  }

  function label(value) {
    if (value >= 1000) return (value / 1000).toFixed(value >= 10000 ? 0 : 1) + 'k';
    return value >= 10 || value === 0 ? String(Math.round(value)) : value.toFixed(1);
  }

  /** series: [{name, values: [number|null]}], one value per poll (every periodSeconds), newest last, at most capacity. */
  function lines(canvas, series, capacity, periodSeconds) {
    const {ctx, width, height} = context(canvas);
    const left = 40, right = 8, top = 20, bottom = 16;
    const plotW = width - left - right, plotH = height - top - bottom;
    let max = 0, points = 0;
    series.forEach(s => s.values.forEach(v => { if (v !== null && isFinite(v)) { max = Math.max(max, v); points++; } }));
    const yMax = niceMax(max * 1.15);   // headroom: a flat line must not sit on the top edge
    ctx.strokeStyle = '#e3e6ea'; ctx.fillStyle = '#5b6470'; ctx.lineWidth = 1;
    for (let k = 0; k <= 4; k++) {
      const y = top + plotH - plotH * k / 4;
      ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(width - right, y); ctx.stroke();
      ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(label(yMax * k / 4), left - 4, y);
    }
    const step = plotW / Math.max(1, capacity - 1);
    series.forEach((s, n) => {
      ctx.strokeStyle = COLORS[n % COLORS.length]; ctx.lineWidth = 2;
      ctx.beginPath();
      let pen = false;
      const offset = capacity - s.values.length;
      s.values.forEach((v, i) => {
        if (v === null || !isFinite(v)) { pen = false; return; }
        const x = left + (offset + i) * step, y = top + plotH - plotH * v / yMax;
        if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
        pen = true;
      });
      ctx.stroke();
    });
    ctx.fillStyle = '#5b6470'; ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left'; ctx.fillText('−' + Math.round(capacity * (periodSeconds || 1) / 60) + ' min', left, height);
    ctx.textAlign = 'right'; ctx.fillText('now', width - right, height);
    legend(ctx, series.map(s => s.name), left);
    canvas.dataset.points = String(points);
    canvas.dataset.max = String(max);
  }

  function legend(ctx, names, x) {
    ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
    names.forEach((name, n) => {
      ctx.fillStyle = COLORS[n % COLORS.length];
      ctx.fillRect(x, 6, 10, 8);
      ctx.fillStyle = '#1b1f24';
      ctx.fillText(name, x + 14, 10);
      x += 22 + ctx.measureText(name).width;
    });
  }

  /** entries: [[label, value]], drawn largest first. */
  function bars(canvas, entries) {
    const {ctx, width, height} = context(canvas);
    const rows = entries.slice(0, Math.max(1, Math.floor(height / 16)));
    const max = Math.max(1, ...rows.map(e => e[1]));
    const left = 36, right = 44, rowH = Math.min(22, height / Math.max(rows.length, 1));
    rows.forEach(([name, value], i) => {
      const y = i * rowH;
      ctx.fillStyle = '#1b1f24'; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(name, left - 4, y + rowH / 2);
      ctx.fillStyle = COLORS[0];
      ctx.fillRect(left, y + 2, (width - left - right) * value / max, rowH - 4);
      ctx.fillStyle = '#5b6470'; ctx.textAlign = 'left';
      ctx.fillText(label(value), left + (width - left - right) * value / max + 4, y + rowH / 2);
    });
    if (!rows.length) {
      ctx.fillStyle = '#5b6470'; ctx.textAlign = 'center';
      ctx.fillText('no results yet', width / 2, height / 2);
    }
    canvas.dataset.points = String(rows.length);
  }

  return {lines, bars};
})();
