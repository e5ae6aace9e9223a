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
  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  document.addEventListener("htmx:afterSwap", function (event) { wire(document); });
})();
