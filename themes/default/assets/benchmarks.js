// Sorting and filtering for the benchmark index. Without JavaScript the
// table is complete and readable as it is; this only adds controls.
(function () {
  "use strict";
  var table = document.getElementById("bench-table");
  var tools = document.getElementById("bench-tools");
  if (!table || !tools) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var input = document.getElementById("bench-filter");
  var minInput = document.getElementById("bench-min");
  var count = document.getElementById("bench-count");
  tools.hidden = false;

  function filter() {
    var q = input.value.trim().toLowerCase();
    var min = parseFloat(minInput.value) || 0;
    var shown = 0;
    rows.forEach(function (r) {
      var max = parseFloat(r.cells[4].getAttribute("data-value") || "0");
      var ok = (q === "" || r.textContent.toLowerCase().indexOf(q) >= 0) && max >= min;
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = "显示 " + shown + " / " + rows.length + " 个违法行为";
  }
  input.addEventListener("input", filter);
  minInput.addEventListener("input", filter);
  filter();

  // Each header becomes a button that sorts by its column.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var numeric = th.getAttribute("data-sort") === "number";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col], d;
        if (numeric) {
          d = parseFloat(x.getAttribute("data-value") || "0") - parseFloat(y.getAttribute("data-value") || "0");
        } else {
          d = x.textContent.localeCompare(y.textContent, "zh-CN");
        }
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
