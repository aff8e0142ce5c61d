// Shows the « Imprimer le dossier » button of the evidence pack and makes it open the browser's print dialog.
// Without JavaScript the page says how to print with the browser's own command.
document.querySelectorAll('[data-cap-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
