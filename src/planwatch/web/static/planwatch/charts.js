// Draws every element with data-chart="<ECharts option as JSON>"; the server builds the options.
// With data-links="[url, …]" a click in the plot opens the address of the nearest category
// (the n-th month: the n-th address; the same addresses as the links of the table beside
// the chart, which the keyboard reaches). The whole column is the target, not the dot: a
// finger on a phone cannot hit a 4-pixel symbol.
(function () {
  "use strict";
  function draw() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(JSON.parse(el.getAttribute("data-chart")));
      var links = el.hasAttribute("data-links") ? JSON.parse(el.getAttribute("data-links")) : [];
      if (links.length) {
        chart.getZr().on("click", function (event) {
          var at = [event.offsetX, event.offsetY];
          if (!chart.containPixel("grid", at)) return;
          var index = Math.round(chart.convertFromPixel({ gridIndex: 0 }, at)[0]);
          if (links[index]) window.location.href = links[index];
        });
        chart.getZr().setCursorStyle("pointer");
      }
      charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { c.resize(); });
    });
    window.addEventListener("beforeprint", function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
