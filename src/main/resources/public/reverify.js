// The re-verify page: the latest runs from GET /api/v1/reverify, one run's report from GET /api/v1/reverify/{run}.
// Every server string goes in with textContent (glossa.el).
'use strict';

(() => {
  const {el, getJson, percent} = glossa;
  const runsList = document.getElementById('runs');
  const error = document.getElementById('reverify-error');

  function rate(value, part, whole) {
    return value === null || value === undefined ? 'n/a' : percent(value) + ' (' + part + ' of ' + whole + ')';
  }

  function fact(list, term, value) {
    list.append(el('dt', {text: term}), el('dd', {text: value}));
  }

  async function show(runId) {
    try {
      const run = await getJson('/api/v1/reverify/' + encodeURIComponent(runId));
      const facts = document.getElementById('report');
      facts.replaceChildren();
      fact(facts, 'Run', run.run);
      fact(facts, 'Model', run.model_version);
      fact(facts, 'Texts', run.selection + ': ' + run.scored + ' of ' + run.total + ' scored (' + run.status + ')');
      const changes = document.getElementById('changes');
      changes.replaceChildren();
      const report = run.report;
      if (report) {
        fact(facts, 'Agreement with stored predictions', rate(report.agreement, report.agreeing, report.scored));
        fact(facts, 'Accuracy on feedback labels', rate(report.accuracy, report.correct, report.labelled));
        fact(facts, 'Stored predictions on the same labels', rate(report.stored_accuracy, report.stored_correct,
          report.labelled));
        for (const change of report.changes) {
          changes.append(el('tr', null, el('td', {text: change.from}), el('td', {text: change.to}),
            el('td', {text: change.count})));
        }
      }
      document.getElementById('report-card').hidden = false;
      error.textContent = '';
    } catch (e) {
      error.textContent = 'Cannot read run ' + runId + ': ' + e.message;
    }
  }

  async function load() {
    try {
      const body = await getJson('/api/v1/reverify');
      runsList.replaceChildren();
      document.getElementById('runs-empty').hidden = body.runs.length > 0;
      for (const run of body.runs) {
        const button = el('button', {type: 'button', text: run.created_at + ' — ' + run.model_version + ' — '
          + run.selection + ' — ' + run.scored + '/' + run.total + ' ' + run.status, on: {click: () => show(run.run)}});
        runsList.append(el('li', null, button));
      }
      const wanted = new URLSearchParams(location.search).get('run');
      if (wanted) show(wanted);
      else if (body.runs.length > 0) show(body.runs[0].run);
    } catch (e) {
      error.textContent = 'Cannot list re-verify runs: ' + e.message;
    }
  }

  load();
})();
