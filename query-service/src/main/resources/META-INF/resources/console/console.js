// Draws the console's charts with Apache ECharts from the JSON each page embeds in a
// <script type="application/json"> block (the page itself runs no inline script), and wires
// the PNG and SVG download buttons. Once drawn, a chart's container carries data-points
// (points drawn, all series together) and data-series (series drawn), for tests and readers.
(function () {
  'use strict';

  function option(data, animate) {
    var right = data.series.some(function (s) { return s.axis === 1; });
    var yAxis = [{ type: 'value', name: data.leftAxis }];
    if (right) {
      yAxis.push({ type: 'value', name: data.rightAxis, min: -1, max: 1, splitLine: { show: false } });
    }
    return {
      animation: animate,
      backgroundColor: '#ffffff',
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: right ? 48 : 16, top: 40, bottom: 40, containLabel: true },
      // Periods are days, weeks or months: no ticks between days.
      xAxis: { type: 'time', minInterval: 24 * 3600 * 1000 },
      yAxis: yAxis,
      series: data.series.map(function (s) {
        return {
          name: s.name,
          type: s.kind === 'bar' ? 'bar' : 'line',
          yAxisIndex: s.axis,
          showSymbol: s.data.length < 60,
          connectNulls: false,
          data: s.data
        };
      })
    };
  }

  function fileName(title, extension) {
    return (title || 'chart').replace(/[^A-Za-z0-9\u00C0-\u024F]+/g, '-').replace(/^-|-$/g, '') + '.' + extension;
  }

  function download(url, name) {
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  }

  function svgOf(container, data) {
    var holder = document.createElement('div');
    var chart = echarts.init(holder, null, {
      renderer: 'svg', width: container.clientWidth || 800, height: container.clientHeight || 400
    });
    chart.setOption(option(data, false));
    var svg = chart.renderToSVGString();
    chart.dispose();
    return svg;
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute('data-source'));
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    var points = data.series.reduce(function (sum, s) { return sum + s.data.length; }, 0);
    // Marked once the first drawing, animation included, has finished: a reader (or a test's
    // screenshot) that waits for data-points sees the whole chart, not lines half drawn.
    chart.on('finished', function marked() {
      chart.off('finished', marked);
      container.setAttribute('data-points', String(points));
      container.setAttribute('data-series', String(data.series.length));
    });
    chart.setOption(option(data, true));
    window.addEventListener('resize', function () { chart.resize(); });

    var figure = container.closest('figure') || document;
    var png = figure.querySelector('button.download-png');
    var svg = figure.querySelector('button.download-svg');
    if (png) {
      png.addEventListener('click', function () {
        download(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
          fileName(data.title, 'png'));
      });
    }
    if (svg) {
      svg.addEventListener('click', function () {
        var blob = new Blob([svgOf(container, data)], { type: 'image/svg+xml' });
        var url = URL.createObjectURL(blob);
        download(url, fileName(data.title, 'svg'));
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      });
    }
  }

  function start() {
    if (typeof echarts === 'undefined') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('div.chart[data-source]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
