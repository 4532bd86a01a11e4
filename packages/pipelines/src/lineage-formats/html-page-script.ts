/**
 * The script of the lineage page (inlined; it runs in the browser, so it is plain JavaScript). Clicking a column
 * marks it `focus`, every column and edge its value comes from `up`, every column and edge it reaches `down`; an
 * edge into a whole table (a filter, join or grouping key) reaches every column of that table. Clicking the
 * background clears the marks. The side panel lists the focused column's own edges.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('lineage-data').textContent);
  var svg = document.getElementById('lineage');
  var panel = document.getElementById('details');
  var incoming = {}, outgoing = {};
  data.edges.forEach(function (e, i) {
    (incoming[e.to] = incoming[e.to] || []).push(i);
    (outgoing[e.from] = outgoing[e.from] || []).push(i);
  });
  function tableOf(key) { return key.slice(0, key.lastIndexOf('#')); }
  function columnsOf(key) {
    return key.endsWith('#*') ? (data.tableColumns[tableOf(key)] || []) : [key];
  }
  function walk(start, forward) {
    var columns = {}, edges = {}, queue = [start];
    columns[start] = true;
    while (queue.length > 0) {
      var key = queue.shift();
      var list = forward ? (outgoing[key] || []) : (incoming[key] || []).concat(incoming[tableOf(key) + '#*'] || []);
      list.forEach(function (i) {
        edges[i] = true;
        var next = forward ? columnsOf(data.edges[i].to) : [data.edges[i].from];
        next.forEach(function (k) { if (!columns[k]) { columns[k] = true; queue.push(k); } });
      });
    }
    delete columns[start];
    return { columns: columns, edges: edges };
  }
  function clear() {
    svg.classList.remove('focused');
    svg.querySelectorAll('.focus, .up, .down').forEach(function (el) { el.classList.remove('focus', 'up', 'down'); });
    panel.textContent = 'Click a column to see where it comes from and where it goes.';
  }
  function mark(selector, cls) { svg.querySelectorAll(selector).forEach(function (el) { el.classList.add(cls); }); }
  function cssKey(key) { return key.replace(/\\/g, '\\\\').replace(/"/g, '\\"'); }
  function line(text) { var li = document.createElement('li'); li.textContent = text; return li; }
  function show(key) {
    clear();
    svg.classList.add('focused');
    mark('.col[data-col="' + cssKey(key) + '"]', 'focus');
    var up = walk(key, false), down = walk(key, true);
    Object.keys(up.columns).forEach(function (k) { mark('.col[data-col="' + cssKey(k) + '"]', 'up'); });
    Object.keys(down.columns).forEach(function (k) { mark('.col[data-col="' + cssKey(k) + '"]', 'down'); });
    Object.keys(up.edges).forEach(function (i) { mark('.edge[data-edge="' + i + '"]', 'up'); });
    Object.keys(down.edges).forEach(function (i) { mark('.edge[data-edge="' + i + '"]', 'down'); });
    panel.textContent = '';
    var h = document.createElement('h2');
    h.textContent = key.replace('#', '.');
    panel.appendChild(h);
    var ins = document.createElement('ul'), outs = document.createElement('ul');
    (incoming[key] || []).concat(incoming[tableOf(key) + '#*'] || []).forEach(function (i) {
      data.edges[i].kinds.forEach(function (k) { ins.appendChild(line('← ' + data.edges[i].from.replace('#', '.') + '  ' + k)); });
    });
    (outgoing[key] || []).forEach(function (i) {
      data.edges[i].kinds.forEach(function (k) { outs.appendChild(line('→ ' + data.edges[i].to.replace('#', '.') + '  ' + k)); });
    });
    panel.appendChild(document.createTextNode(Object.keys(up.columns).length + ' upstream, ' + Object.keys(down.columns).length + ' downstream columns'));
    panel.appendChild(ins);
    panel.appendChild(outs);
  }
  svg.addEventListener('click', function (ev) {
    var col = ev.target.closest('.col');
    if (col) show(col.getAttribute('data-col')); else clear();
  });
  clear();
  if (data.focus) show(data.focus);
})();
`;
