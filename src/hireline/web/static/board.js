// Drag and drop on the pipeline board. Each card already has a keyboard-usable "Move to"
// form; dropping a card just picks the column's stage in that form and submits it, so
// both ways go through the same request (and its CSRF token).
(function () {
  function wire(root) {
    root.querySelectorAll("ol.cards[data-stage-id]").forEach(function (list) {
      if (list.dataset.sortable) return;
      list.dataset.sortable = "1";
      Sortable.create(list, {
        group: "board",
        draggable: "li.card",
        animation: 120,
        filter: "select, button, input",
        preventOnFilter: false,
        onAdd: function (event) {
          var form = event.item.querySelector("form.move");
          if (!form) return;
          form.querySelector("select[name=stage_id]").value = event.to.dataset.stageId;
          form.requestSubmit();
        },
      });
    });
  }
  // A refused move (the application was rejected meanwhile, the session ended...) is said
  // out loud, and the board is reloaded so that no card stays where it did not go.
  document.addEventListener("htmx:responseError", function (event) {
    var status = document.getElementById("board-status");
    if (status) status.textContent = "That move did not go through (" + event.detail.xhr.status + "); the board is reloaded.";
    setTimeout(function () { window.location.reload(); }, 1500);
  });
  // Live updates: moves made by others (or in another tab) redraw the board, through the
  // same page the browser already has. A ticket from the signed-in session opens the
  // organisation's event stream; after a drop the stream resumes from the last message's cursor.
  var lastCursor = null;
  var refreshTimer = null;
  var retryDelay = 1000;
  function boardJob() {
    var board = document.getElementById("board");
    return board ? board.dataset.liveJob : null;
  }
  function refreshBoard() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      // A card being dragged stays put until it is dropped.
      if (document.querySelector(".sortable-chosen")) return refreshBoard();
      // Columns opened with "Show more" stay open: the page is asked for as many cards.
      var shown = [];
      document.querySelectorAll("ol.cards[data-stage-id]").forEach(function (list) {
        shown.push("shown=" + list.dataset.stageId + ":" + list.querySelectorAll(":scope > li.card").length);
      });
      htmx.ajax("GET", window.location.pathname + "?" + shown.join("&"), { target: "#board", select: "#board", swap: "outerHTML" });
    }, 250);
  }
  function listen() {
    var job = boardJob();
    if (!job || !window.WebSocket) return;
    fetch("/app/events/ticket", { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (ticket) {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        var url = scheme + window.location.host + ticket.url + (lastCursor ? "?after=" + encodeURIComponent(lastCursor) : "");
        var socket = new WebSocket(url);
        socket.onopen = function () { retryDelay = 1000; socket.send(JSON.stringify({ ticket: ticket.ticket })); };
        socket.onmessage = function (message) {
          var event = JSON.parse(message.data);
          lastCursor = event.cursor;
          if (event.data && event.data.job_id === boardJob() && event.type.indexOf("application.") === 0) refreshBoard();
        };
        socket.onclose = function (closed) {
          // 4400: the cursor was refused; start from now and redraw what may be missed.
          if (closed.code === 4400) { lastCursor = null; refreshBoard(); }
          setTimeout(listen, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 30000);
        };
      })
      .catch(function () {
        setTimeout(listen, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
  }
  document.addEventListener("DOMContentLoaded", function () { wire(document); listen(); });
  // "Show more" replaces itself with the next cards: keyboard focus moves to the first of
  // them, not back to the top of the page.
  var shownBefore = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var more = event.detail.target;
    if (more && more.classList && more.classList.contains("more") && more.parentElement) {
      var list = more.parentElement;
      shownBefore = { list: list, count: list.querySelectorAll(":scope > li.card").length };
    }
  });
  document.addEventListener("htmx:afterSwap", function () {
    wire(document);
    if (!shownBefore) return;
    var next = shownBefore.list.querySelectorAll(":scope > li.card")[shownBefore.count];
    shownBefore = null;
    var link = next && next.querySelector(".card-head a");
    if (link) link.focus();
  });
})();
