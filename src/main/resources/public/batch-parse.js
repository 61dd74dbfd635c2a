// Reading an uploaded file into texts: one per line, CSV/TSV (the "text" column, else the last), or JSON Lines.
'use strict';

const batchParse = (() => {
  /** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and newlines. */
  function delimited(content, delimiter) {
    const rows = [];
    let row = [], field = '', quoted = false, i = 0;
    while (i < content.length) {
      const c = content[i];
      if (quoted) {
        if (c === '"') {
          if (content[i + 1] === '"') { field += '"'; i += 2; continue; }
          quoted = false; i++; continue;
        }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; i++; continue; }
      if (c === delimiter) { row.push(field); field = ''; i++; continue; }
      if (c === '\r' && content[i + 1] === '\n') { i++; continue; }
      if (c === '\n' || c === '\r') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
      field += c; i++;
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  function fromTable(rows) {
    if (!rows.length) return [];
    const header = rows[0].map(h => h.trim().toLowerCase());
    const named = header.indexOf('text');
    const body = named >= 0 ? rows.slice(1) : rows;
    return body.map(r => named >= 0 ? (r[named] || '') : (r[r.length - 1] || ''));
  }

  function jsonLines(content) {
    return content.split(/\r?\n/).map((line, n) => {
      if (!line.trim()) return '';
      let value;
      try { value = JSON.parse(line); } catch (e) { throw new Error('line ' + (n + 1) + ' is not JSON: ' + e.message); }
      if (!value || typeof value.text !== 'string') throw new Error('line ' + (n + 1) + ' has no "text" string');
      return value.text;
    });
  }

  function format(name, content) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
    if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
    if (lower.endsWith('.csv')) return 'csv';
    if (content.trimStart().startsWith('{')) return 'jsonl';
    return 'lines';
  }

  /** {format, items: [{line, text}]} — blank texts are left out (the API refuses them), line numbers kept. */
  function parse(name, content) {
    const text = content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
    const kind = format(name, text);
    let texts;
    if (kind === 'jsonl') texts = jsonLines(text);
    else if (kind === 'csv') texts = fromTable(delimited(text, ','));
    else if (kind === 'tsv') texts = fromTable(delimited(text, '\t'));
    else texts = text.split(/\r?\n/);
    const items = [];
    texts.forEach((t, i) => { if (t.trim()) items.push({line: i + 1, text: t}); });
    return {format: kind, items};
  }

  /**
   * One CSV cell of a download, quoted when it holds a delimiter, quote or line break. A text that starts like a
   * formula (= + - @, or a tab or carriage return that some spreadsheets skip) gets a leading apostrophe, so a
   * spreadsheet shows it instead of running it (OWASP "CSV injection"); the texts are users' input.
   */
  function csvCell(value) {
    let s = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  return {parse, delimited, csvCell};
})();
