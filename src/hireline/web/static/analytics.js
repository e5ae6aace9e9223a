// Draws the analytics screen's charts from the figures the page carries as JSON (the tables
// beside them hold the same figures for screen readers and for printing).
(function () {
  var COLOURS = ["#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df", "#1b7c83", "#6e7781"];

  function draw() {
    var source = document.getElementById("analytics-data");
    if (!source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var common = { responsive: true, maintainAspectRatio: false, animation: false };

    new Chart(document.getElementById("chart-funnel"), {
      type: "bar",
      data: {
        labels: data.funnel.map(function (s) { return s.name; }),
        datasets: [{ label: "Applications", data: data.funnel.map(function (s) { return s.applications; }), backgroundColor: COLOURS[0] }],
      },
      options: Object.assign({
        indexAxis: "y",
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      }, common),
    });

    new Chart(document.getElementById("chart-stages"), {
      type: "bar",
      data: {
        labels: data.stages.map(function (s) { return s.name; }),
        datasets: [["median", "Median"], ["p75", "75th percentile"], ["p90", "90th percentile"]].map(function (pair, i) {
          return { label: pair[1], data: data.stages.map(function (s) { return s[pair[0]]; }), backgroundColor: COLOURS[i] };
        }),
      },
      options: Object.assign({ scales: { y: { title: { display: true, text: "hours (at most)" } } } }, common),
    });

    var months = [];
    var bySource = {};
    data.sources.forEach(function (row) {
      if (months.indexOf(row.month) < 0) months.push(row.month);
      (bySource[row.source] = bySource[row.source] || {})[row.month] = row.applications;
    });
    // Stacked bars: readable with one month as with twenty, and the stack is the month's total.
    new Chart(document.getElementById("chart-sources"), {
      type: "bar",
      data: {
        labels: months,
        datasets: Object.keys(bySource).map(function (name, i) {
          return {
            label: name,
            data: months.map(function (m) { return bySource[name][m] || 0; }),
            backgroundColor: COLOURS[i % COLOURS.length],
          };
        }),
      },
      options: Object.assign({
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      }, common),
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
