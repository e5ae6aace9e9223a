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
        filter: "select, button, a",
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
  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  document.addEventListener("htmx:afterSwap", function (event) { wire(document); });
})();
