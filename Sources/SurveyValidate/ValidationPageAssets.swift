/// The inline style and script of `validation.html` (the page fetches nothing).
///
/// The script reads the findings from the page's JSON element and shows one page of 100 at a
/// time, so it stays quick with 50,000 findings; it writes data only through `textContent`,
/// never as HTML.
enum ValidationPageAssets {
  static let style = #"""
    :root{--err:#b42318;--warn:#9a5b00;--info:#175cd3;--line:#d0d7de;--muted:#57606a;--bg:#f6f8fa}
    *{box-sizing:border-box}
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328}
    main{max-width:1500px;margin:0 auto;padding:12px 24px 40px}
    h1{font-size:22px;margin:6px 0 10px}h2{font-size:16px;margin:18px 0 6px}
    .cards{display:flex;flex-wrap:wrap;gap:10px;margin:0}
    .card{border:1px solid var(--line);border-radius:6px;padding:6px 14px;background:#fff}
    .card b{font-size:20px;margin-right:4px}
    .card.error b,.sev.error,td.error{color:var(--err)}.card.warning b,.sev.warning,td.warning{color:var(--warn)}
    .card.info b,.sev.info{color:var(--info)}.sev{font-weight:600}
    .counts{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
    .counts section{flex:1 1 300px;min-width:0;max-width:560px}
    .scroll{overflow-x:auto}.enumerators{max-width:1100px}
    table{border-collapse:collapse;width:100%}
    th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
    th{background:var(--bg);font-weight:600;white-space:nowrap}
    th button{font:inherit;border:0;background:none;padding:0;cursor:pointer;color:inherit}
    th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
    .n{text-align:right;font-variant-numeric:tabular-nums}
    tr[data-k]{cursor:pointer}tr[data-k]:hover td{background:#eef4ff}
    .filters{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;padding:8px 10px;background:var(--bg);
      border:1px solid var(--line);border-radius:6px;position:sticky;top:0;z-index:1}
    .filters select,.filters input,.filters button,.pager button{font:inherit;padding:2px 6px}
    .filters select{max-width:16em}
    #q{flex:1 1 240px;min-width:160px}
    .pager{display:flex;gap:12px;align-items:center;margin:8px 0}
    #list tbody:nth-of-type(even) td{background:#fafbfc}
    #list td{overflow-wrap:break-word}
    #list td.c-severity,#list td.c-rule,#list td.c-batch,#list td.c-line,#list td.c-resolution{white-space:nowrap}
    #list .c-message{min-width:18em}
    #list td.c-value,#list td.c-record_id,#list td.c-variable,#list td.c-enumerator{max-width:14em}
    #list td.c-finding_id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:nowrap}
    #list tbody td{border-bottom:0}#list tbody{border-bottom:1px solid var(--line)}
    #list tr.raw td{padding-top:0}
    .raw code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all;color:#32383f}
    .raw span{color:var(--muted);font-size:12px;margin-right:6px}
    .empty{color:var(--muted);padding:12px 8px}
    @media (max-width:720px){
      main{padding:8px 10px 30px}h1{font-size:19px}
      .counts section{flex-basis:100%}
      .filters{position:static}.filters label{flex:1 1 45%}.filters select{width:100%;max-width:none}
      #list thead{display:none}
      #list tr{display:block;padding:4px 0}#list td{display:block;border:0;padding:1px 6px;max-width:none}
      #list td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
      #list td:empty{display:none}#list tbody{display:block;border-bottom:1px solid var(--line)}
    }
    """#

  static let script = #"""
    "use strict";
    (function () {
      var data = JSON.parse(document.getElementById("findings-data").textContent);
      var cols = data.columns, rows = data.rows, raws = data.raws, RAW = cols.length, NONE = "\u0001none";
      var col = {};
      cols.forEach(function (c, i) { col[c] = i; });
      var rank = { error: 0, warning: 1, info: 2 };
      var table = document.getElementById("list");
      var shown = Array.prototype.map.call(table.querySelectorAll("th[data-c]"), function (th) { return +th.dataset.c; });
      var PAGE = 100, view = [], hay = null;
      var state = { filters: {}, q: "", sort: -1, dir: 1, page: 0, raw: true };
      var selects = document.querySelectorAll("select[data-f]");

      function cell(r, c) { var v = r[c]; return v === null || v === "" ? NONE : String(v); }
      function haystack() {
        if (!hay) hay = rows.map(function (r) {
          var s = r.slice(0, RAW).join("\n");
          return (r[RAW] >= 0 ? s + "\n" + raws[r[RAW]] : s).toLowerCase();
        });
        return hay;
      }
      function fillSelects() {
        Array.prototype.forEach.call(selects, function (sel) {
          var c = col[sel.dataset.f], counts = new Map();
          rows.forEach(function (r) { var v = cell(r, c); counts.set(v, (counts.get(v) || 0) + 1); });
          var values = Array.from(counts.keys());
          values.sort(sel.dataset.f === "severity" ? function (a, b) { return rank[a] - rank[b]; }
            : function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
          values.forEach(function (v) {
            var o = document.createElement("option");
            o.value = v;
            o.textContent = (v === NONE ? "(none)" : v) + " (" + counts.get(v).toLocaleString("en") + ")";
            sel.appendChild(o);
          });
        });
      }
      function key(r, c) {
        var v = r[c];
        if (cols[c] === "severity") return rank[v];
        if (cols[c] === "line") return v === null ? -1 : v;
        return v === null ? "" : v.toLowerCase();
      }
      function apply() {
        var q = state.q.trim().toLowerCase(), f = state.filters;
        var active = Object.keys(f).filter(function (k) { return f[k]; });
        var h = q ? haystack() : null;
        view = [];
        for (var i = 0; i < rows.length; i++) {
          var r = rows[i], ok = true;
          for (var k = 0; k < active.length && ok; k++) ok = cell(r, col[active[k]]) === f[active[k]];
          if (ok && h && h[i].indexOf(q) < 0) ok = false;
          if (ok) view.push(i);
        }
        if (state.sort >= 0) {
          var c = state.sort, d = state.dir;
          var keys = view.map(function (i) { return key(rows[i], c); });
          var order = view.map(function (_, k) { return k; });
          order.sort(function (a, b) { var x = keys[a], y = keys[b]; return x < y ? -d : x > y ? d : a - b; });
          view = order.map(function (k) { return view[k]; });
        }
        state.page = 0;
        render();
      }
      function td(text, c) {
        var e = document.createElement("td");
        e.textContent = text;
        e.className = "c-" + cols[c] + (cols[c] === "severity" ? " sev " + text : "");
        e.dataset.label = cols[c];
        return e;
      }
      function render() {
        var pages = Math.max(1, Math.ceil(view.length / PAGE));
        if (state.page >= pages) state.page = pages - 1;
        var start = state.page * PAGE, end = Math.min(view.length, start + PAGE), frag = document.createDocumentFragment();
        // Findings about one record in a row form one group, its raw line under the last of them.
        var body = null, groupRaw = -1, groupLine = null;
        function close() {
          if (!body) return;
          if (state.raw && groupRaw >= 0) {
            var rt = document.createElement("tr"), rc = document.createElement("td");
            var label = document.createElement("span"), code = document.createElement("code");
            rt.className = "raw";
            rc.colSpan = shown.length;
            label.textContent = "raw line " + groupLine + ":";
            code.textContent = raws[groupRaw];
            rc.appendChild(label);
            rc.appendChild(code);
            rt.appendChild(rc);
            body.appendChild(rt);
          }
          frag.appendChild(body);
        }
        for (var k = start; k < end; k++) {
          var r = rows[view[k]], tr = document.createElement("tr");
          if (!body || r[RAW] < 0 || r[RAW] !== groupRaw) {
            close();
            body = document.createElement("tbody");
            groupRaw = r[RAW];
            groupLine = r[col.line];
          }
          tr.className = "f";
          shown.forEach(function (c) { tr.appendChild(td(r[c] === null ? "" : String(r[c]), c)); });
          body.appendChild(tr);
        }
        close();
        if (start === end) {
          var eb = document.createElement("tbody"), er = document.createElement("tr"), ec = document.createElement("td");
          ec.colSpan = shown.length;
          ec.className = "empty";
          ec.textContent = "No finding matches.";
          er.appendChild(ec);
          eb.appendChild(er);
          frag.appendChild(eb);
        }
        Array.prototype.forEach.call(table.querySelectorAll("tbody"), function (b) { b.remove(); });
        table.appendChild(frag);
        var text = view.length === 0 ? "no findings shown"
          : "findings " + (start + 1).toLocaleString("en") + "–" + end.toLocaleString("en") + " of "
            + view.length.toLocaleString("en")
            + (view.length < rows.length ? " (of " + rows.length.toLocaleString("en") + ")" : "")
            + " · page " + (state.page + 1) + " of " + pages;
        ["", "2"].forEach(function (s) {
          document.getElementById("status" + s).textContent = text;
          document.getElementById("prev" + s).disabled = state.page === 0;
          document.getElementById("next" + s).disabled = state.page >= pages - 1;
        });
        table.querySelectorAll("th[data-c]").forEach(function (th) {
          if (+th.dataset.c === state.sort) th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
          else th.removeAttribute("aria-sort");
        });
      }
      function page(step, top) {
        state.page += step;
        render();
        if (top) document.getElementById("findings").scrollIntoView();
      }
      fillSelects();
      Array.prototype.forEach.call(selects, function (sel) {
        sel.addEventListener("change", function () { state.filters[sel.dataset.f] = sel.value; apply(); });
      });
      var timer = 0;
      document.getElementById("q").addEventListener("input", function (e) {
        clearTimeout(timer);
        timer = setTimeout(function () { state.q = e.target.value; apply(); }, 150);
      });
      document.getElementById("raw").addEventListener("change", function (e) { state.raw = e.target.checked; render(); });
      document.getElementById("reset").addEventListener("click", function () {
        state.filters = {}; state.q = ""; state.sort = -1;
        document.getElementById("q").value = "";
        Array.prototype.forEach.call(selects, function (sel) { sel.value = ""; });
        apply();
      });
      ["", "2"].forEach(function (s) {
        document.getElementById("prev" + s).addEventListener("click", function () { page(-1, s === "2"); });
        document.getElementById("next" + s).addEventListener("click", function () { page(1, s === "2"); });
      });
      table.querySelectorAll("th[data-c] button").forEach(function (b) {
        b.addEventListener("click", function () {
          var c = +b.parentNode.dataset.c;
          if (state.sort === c) state.dir = -state.dir; else { state.sort = c; state.dir = 1; }
          apply();
        });
      });
      document.querySelectorAll("tr[data-k]").forEach(function (tr) {
        tr.addEventListener("click", function () {
          var sel = document.querySelector("select[data-f=" + tr.dataset.k + "]");
          if (!sel) return;
          sel.value = tr.dataset.v;
          state.filters[tr.dataset.k] = tr.dataset.v;
          apply();
          document.getElementById("findings").scrollIntoView();
        });
      });
      document.querySelectorAll("table.sortable").forEach(function (t) {
        t.querySelectorAll("thead th").forEach(function (th, c) {
          th.style.cursor = "pointer";
          th.addEventListener("click", function () {
            var body = t.tBodies[0], list = Array.from(body.rows);
            var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
            t.querySelectorAll("thead th").forEach(function (o) { o.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
            function v(row) {
              var e = row.cells[c], s = e.dataset.s !== undefined ? e.dataset.s : e.textContent.replace(/,/g, "");
              var n = parseFloat(s);
              return isNaN(n) || !/^[-0-9.]/.test(s) ? s.toLowerCase() : n;
            }
            list.sort(function (a, b) {
              var x = v(a), y = v(b);
              if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
              return x < y ? -dir : x > y ? dir : 0;
            });
            list.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
      apply();
    })();
    """#
}
