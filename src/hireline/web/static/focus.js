// A form sent back with errors: move the focus to the list of problems at its top, so that
// a screen reader reads them and the keyboard starts there (autofocus alone is not honoured
// by every browser on a non-field element).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();
});
