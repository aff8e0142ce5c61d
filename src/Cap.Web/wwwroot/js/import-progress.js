// Moves the import progress bar without reloading: polls the job's status, then opens the page again when
// the import is finished (it leads to the indicator with the outcome). Without this script, the page offers
// a refresh link instead.
(function () {
  "use strict";
  var root = document.getElementById("import-progress");
  if (!root) {
    return;
  }
  var bar = document.getElementById("import-bar");
  var status = document.getElementById("import-status");
  var refresh = document.getElementById("import-refresh");
  if (refresh) {
    refresh.hidden = true;
  }
  var format = new Intl.NumberFormat("fr-FR");
  var lastAnnounced = -1;

  function show(state) {
    if (state.percent === null) {
      bar.removeAttribute("value");
      status.textContent = "Lecture du fichier…";
      return;
    }
    bar.value = state.percent;
    bar.textContent = state.percent + " %";
    // Announced by steps of 25 % so a screen reader is not flooded.
    var step = Math.floor(state.percent / 25);
    if (step !== lastAnnounced) {
      lastAnnounced = step;
      status.textContent = format.format(state.written) + " mesure(s) écrite(s) sur " + format.format(state.total) + " (" + state.percent + " %).";
    }
  }

  function poll() {
    fetch(root.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.stage === "Done" || state.stage === "Failed") {
          window.location.assign(root.dataset.doneUrl);
        } else {
          window.setTimeout(poll, 500);
        }
      })
      .catch(function () {
        if (refresh) {
          refresh.hidden = false;
        }
      });
  }

  window.setTimeout(poll, 300);
})();
